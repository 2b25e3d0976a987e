#pragma once
/// Jobs and progression (C5), fleksjob follow-up (C6) and the job kinds list (docs/jobs.md).
///
/// Access is decided here, from the core::Actor:
///   - caseworker, admin: record, edit and read every job; hours history; follow-ups;
///   - enterprise user: reads only the jobs at its own enterprise (actor.enterprise_id), with
///     the minimum person data (first name, hours, intensity; no case reference); another
///     enterprise's job is NotFound and writes an audit row with outcome "denied";
///   - consultant: the yearly counts only (figures, never persons);
///   - admin: also the job kinds list;  buyer: nothing.
/// Every read, list and change of a job writes an audit row object_type "citizen", object_id
/// the citizen's id, in the same transaction. The rows (jobs, hours, follow-ups, kinds, and
/// the citizen or placement a hire names) are read and written through the employment store
/// (src/employment/store); the enterprise choices and names are read from the registry's
/// table. Thread-safe: one instance serves all.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "jobs/model.hpp"

namespace jobs {

class JobService {
public:
    JobService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    JobService(const JobService&) = delete;
    JobService& operator=(const JobService&) = delete;

    // ---- jobs ----

    /// Records a hire with its first hours row (caseworker, admin). Validation: citizen_ref,
    /// enterprise_id, kind, channel, hired_on, temporary_fleksjob, placement_id, weekly_hours,
    /// intensity, note.
    core::Result<Job> create_job(const JobInput& input, const core::Actor& actor);
    /// Changes kind, channel, temporary flag and note (caseworker, admin).
    core::Result<Job> update_job(std::int64_t id, const JobEditInput& input, const core::Actor& actor);
    /// Adds a dated hours/intensity row (caseworker, admin). Validation: effective_from (on or
    /// after the hire, before an end, one row per date), weekly_hours, intensity, note.
    core::Result<Job> add_hours(std::int64_t id, const HoursInput& input, const core::Actor& actor);
    /// Ends the job (caseworker, admin). Validation: ended_on (on or after the hire).
    core::Result<Job> end_job(std::int64_t id, const std::string& ended_on, const core::Actor& actor);
    /// One job with hours history and follow-ups held; NotFound (and a denied audit row) for
    /// a job the actor may not see.
    core::Result<Job> get_job(std::int64_t id, const core::Actor& actor);
    /// Jobs the actor may see, newest hire first, with the current hours row.
    core::Result<std::vector<Job>> list_jobs(const JobFilter& filter, const core::Actor& actor);
    /// The new-job form prefilled from a placement ("Ansæt"): citizen, enterprise, placement,
    /// hired date (the placement's end, else today). NotFound for an unknown placement.
    core::Result<JobInput> input_from_placement(std::int64_t placement_id, const core::Actor& actor);
    /// Enterprises a job can be at (caseworker, admin).
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);

    // ---- counts (C5) ----

    /// Hires in `year` ("" = this year) by kind and channel, counted by hired_on (caseworker,
    /// consultant, admin). Validation on "year".
    core::Result<Counts> counts(const std::string& year, const core::Actor& actor);

    // ---- fleksjob follow-up (C6) ----

    /// Follow-ups of active fleksjobs not yet held: overdue, and due within `within_days`
    /// ("" = 90) from today (caseworker, admin). Validation on "days" (0–1000). Only the first
    /// `limit` items are returned (and only their citizens are audited); `total` counts all.
    core::Result<DueList> due_followups(const std::string& within_days, const core::Actor& actor,
                                        std::size_t limit = SIZE_MAX);
    /// Records that the follow-up due on `due_on` was held (caseworker, admin). Validation:
    /// due_on (a due date of this fleksjob), kind, held_on, note; once per due date.
    core::Result<Job> record_followup(std::int64_t job_id, const FollowupInput& input,
                                      const core::Actor& actor);

    // ---- job kinds (admin) ----

    /// Every kind (admin: also inactive ones; caseworker: active ones for the forms).
    core::Result<std::vector<JobKind>> list_kinds(const core::Actor& actor, bool include_inactive = false);
    /// Figure read: every kind's code and label, inactive ones too (reference data, no persons),
    /// for naming the kinds in figures such as the goals' "jobs by kind" (F1). Admin, caseworker
    /// and consultant; enterprise and buyer Forbidden.
    core::Result<std::vector<JobKind>> kind_names(const core::Actor& actor);
    core::Result<JobKind> get_kind(std::int64_t id, const core::Actor& actor);
    /// Validation: code (a–z, 0–9, _; unique), label, sort.
    core::Result<JobKind> create_kind(const JobKindInput& input, const core::Actor& actor);
    /// Label, fleksjob flag, sort and active (code is fixed).
    core::Result<JobKind> update_kind(std::int64_t id, const JobKindInput& input, const core::Actor& actor);

    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace jobs
