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
core::Result<void> audit_event(const audit::AuditLog& log, db::Connection& conn, const core::Actor& actor,
                               std::string action, std::string object_type, std::string id, std::string criteria,
                               std::string_view purpose, std::string_view outcome);
bool may_see_citizens(const core::Actor& a);

}  // namespace citizens::detail
