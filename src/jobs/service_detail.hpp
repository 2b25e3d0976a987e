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

core::Result<void> check_caseworker(const core::Actor& a);
using audit::user_ref;

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
