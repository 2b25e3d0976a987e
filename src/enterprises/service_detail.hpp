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

/// Today in Europe/Copenhagen.
core::Date copenhagen_today(const core::Clock& clock);
/// Danish message for a date field; nullopt when `text` is a valid date not after `latest`.
std::optional<std::string> date_problem(std::string_view text, const core::Date& latest, core::Date* out);
VocabularyEntry vocabulary_from_row(const db::Row& r);
core::Result<void> audit_event(const audit::AuditLog& log, db::Connection& conn, const core::Actor& actor,
                               std::string action, std::string object_type, std::int64_t object_id,
                               std::string criteria = {});

}  // namespace enterprises::detail
