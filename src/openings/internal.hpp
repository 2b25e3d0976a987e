#pragma once
// Helpers shared by the two source files of OpeningsService (not a public header).
#include <string>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "db/database.hpp"
#include "openings/model.hpp"

namespace openings::detail {

core::Result<void> audit_event(const audit::AuditLog& log, db::Connection& conn, const core::Actor& actor,
                               std::string action, std::string object_type, std::string id, std::string criteria,
                               std::string_view outcome = audit::k_outcome_ok);
bool is_casework(const core::Actor& a);  ///< admin or caseworker
db::Value user_ref(const core::Actor& a);
Proposal proposal_from_row(const db::Row& r);
/// The proposals (all when `id` is 0, newest first, at most 500) with the citizens' names
/// from the employment store.
core::Result<std::vector<Proposal>> proposals(db::Connection& conn, std::int64_t id);

}  // namespace openings::detail
