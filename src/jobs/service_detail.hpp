#pragma once
/// Helpers shared by the JobService translation units (not part of the public interface).
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/result.hpp"
#include "core/validate.hpp"
#include "db/database.hpp"
#include "employment/store/citizens.hpp"
#include "employment/store/jobs.hpp"
#include "employment/store/placements.hpp"
#include "jobs/model.hpp"

namespace jobs {

namespace detail {

bool is_caseworker(const core::Actor& a);  ///< caseworker or admin
core::Result<void> check_caseworker(const core::Actor& a);
db::Value user_ref(const core::Actor& a);

/// An audit row about the citizen `citizen_id` (object_type "citizen").
core::Result<void> audit_citizen(const audit::AuditLog& log, db::Connection& conn, const core::Actor& actor,
                                 std::string action, std::int64_t citizen_id, std::string criteria,
                                 std::string outcome = std::string(audit::k_outcome_ok));

using core::check_text;
/// A "YYYY-MM-DD" date on or after jobs::k_earliest_date (1990: fleksjobs run for decades).
std::optional<core::Date> check_job_date(core::Validator& v, std::string_view field, std::string_view text,
                                         std::string_view missing);

JobKind kind_from(const employment::store::JobKindRecord& r);
Job job_from(const employment::store::JobRecord& r);
core::Result<Job> load_job(db::Connection& conn, std::int64_t id);
/// Fills hours (and current) and followups of `job`.
core::Result<void> load_history(db::Connection& conn, Job& job);

}  // namespace detail
}  // namespace jobs
