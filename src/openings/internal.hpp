#pragma once
// Helpers shared by the two source files of OpeningsService (not a public header).
#include <string>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "db/database.hpp"
#include "openings/model.hpp"

namespace openings::detail {

using audit::user_ref;
Proposal proposal_from_row(const db::Row& r);
/// The proposals (all when `id` is 0, newest first, at most 500) with the citizens' names
/// from the employment store.
core::Result<std::vector<Proposal>> proposals(db::Connection& conn, std::int64_t id);

}  // namespace openings::detail
