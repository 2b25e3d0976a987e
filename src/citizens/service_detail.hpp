#pragma once
/// Internals shared by citizen_service.cpp and retention.cpp (not part of the public header).
#include <string>

#include "audit/audit_log.hpp"
#include "citizens/model.hpp"
#include "db/database.hpp"
#include "employment/store/citizens.hpp"

namespace citizens::detail {

core::UnixSeconds ts(const std::string& text);
Citizen citizen_from(const employment::store::CitizenRecord& r);
core::Result<void> load_tags(db::Connection& conn, Citizen& c);
/// One citizen with tags; NotFound "Borgeren findes ikke.".
core::Result<Citizen> load(db::Connection& conn, std::int64_t id);

}  // namespace citizens::detail
