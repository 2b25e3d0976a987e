#pragma once
/// Helpers the EnterpriseService's source files share (enterprise_service.cpp,
/// enterprise_figures.cpp). Not part of the package's interface.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/model.hpp"

namespace enterprises::detail {

/// Danish message for a date field; nullopt when `text` is a valid date not after `latest`.
std::optional<std::string> date_problem(std::string_view text, const core::Date& latest, core::Date* out);
VocabularyEntry vocabulary_from_row(const db::Row& r);

}  // namespace enterprises::detail
