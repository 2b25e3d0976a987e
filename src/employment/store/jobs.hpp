#pragma once
/// The employment store: jobs (C5) with their dated hours history, fleksjob follow-ups held
/// (C6), the job kinds list, and the counts and progression rows the jobs pages and the annual
/// report read. Runs in the caller's transaction; no access rules and no audit rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

/// What the single INSERT into jobs writes.
struct NewJob {
    std::int64_t citizen_id = 0;
    std::int64_t enterprise_id = 0;
    std::string kind;     ///< job_kinds.code
    std::string channel;  ///< municipality, other
    core::Date hired_on;
    std::optional<core::Date> ended_on;
    bool temporary_fleksjob = false;
    std::optional<std::int64_t> placement_id;
    std::optional<std::int64_t> hiring_need_id;
    std::string note;
};

/// One dated row of weekly hours and intensity.
struct HoursFields {
    core::Date effective_from;
    std::int64_t weekly_hours = 0;  ///< hundredths
    int intensity = 100;            ///< percent
    std::string note;
};

struct HoursRecord {
    std::int64_t id = 0;
    core::Date effective_from;
    std::int64_t weekly_hours = 0;
    int intensity = 100;
    std::string note;
};

/// A job with the names of citizen, enterprise and kind; `current` is the latest hours row
/// (list_jobs only).
struct JobRecord {
    std::int64_t id = 0;
    std::int64_t citizen_id = 0;
    std::string case_ref;
    std::string citizen_name;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string kind;
    std::string kind_label;  ///< the code when the kind is unknown
    bool kind_is_fleksjob = false;
    std::string channel;
    core::Date hired_on;
    std::optional<core::Date> ended_on;
    bool temporary_fleksjob = false;
    std::optional<std::int64_t> placement_id;
    std::optional<std::int64_t> hiring_need_id;
    std::string note;
    std::optional<HoursRecord> current;
};

/// Which jobs list_jobs returns ("" / 0 = any). Hired in [hired_from, hired_before).
struct JobQuery {
    std::int64_t enterprise_id = 0;
    std::string hired_from;
    std::string hired_before;
    std::string kind;
    std::string channel;
    std::int64_t citizen_id = 0;
};

/// A job with its hours rows, for the bulk path.
struct NewJobWithHours {
    NewJob job;
    std::vector<HoursFields> hours;
};

core::Result<std::int64_t> insert_job(db::Connection& conn, const NewJob& job, const std::string& now);
/// Conflict when the job already has a row from that date.
core::Result<void> insert_job_hours(db::Connection& conn, std::int64_t job_id, const HoursFields& hours,
                                    const std::string& now);
/// The bulk path (the import): each job and its hours with the same prepared INSERTs, in order.
core::Result<void> insert_jobs(db::Connection& conn, const std::vector<NewJobWithHours>& jobs,
                               const std::string& now);
core::Result<std::optional<JobRecord>> job_by_id(db::Connection& conn, std::int64_t id);
/// Newest hire first, at most 500, with the latest hours row.
core::Result<std::vector<JobRecord>> list_jobs(db::Connection& conn, const JobQuery& q);
core::Result<void> update_job(db::Connection& conn, std::int64_t id, const std::string& kind,
                              const std::string& channel, bool temporary_fleksjob, const std::string& note,
                              const std::string& now);
core::Result<void> end_job(db::Connection& conn, std::int64_t id, core::Date ended_on,
                           const std::string& now);
/// The hours history of a job, oldest first.
core::Result<std::vector<HoursRecord>> job_hours(db::Connection& conn, std::int64_t job_id);

// ---- fleksjob follow-ups held (C6) ----

struct NewJobFollowup {
    std::int64_t job_id = 0;
    core::Date due_on;
    std::string kind;  ///< follow_up, temporary_status
    core::Date held_on;
    std::string note;
    std::optional<std::int64_t> recorded_by;
};

struct JobFollowupRecord {
    std::int64_t job_id = 0;
    core::Date due_on;
    std::string kind;
    core::Date held_on;
    std::string note;
};

/// Conflict when the follow-up due on that date is already recorded.
core::Result<void> insert_job_followup(db::Connection& conn, const NewJobFollowup& f, const std::string& now);
/// A job's follow-ups held, by due date.
core::Result<std::vector<JobFollowupRecord>> job_followups(db::Connection& conn, std::int64_t job_id);
/// The follow-ups held for jobs that have not ended (held_on and note left empty).
core::Result<std::vector<JobFollowupRecord>> running_job_followups(db::Connection& conn);

/// A fleksjob that has not ended, with names.
struct RunningFleksjob {
    std::int64_t job_id = 0;
    std::int64_t citizen_id = 0;
    std::string citizen_name;
    std::string case_ref;
    std::string enterprise_name;
    core::Date hired_on;
    bool temporary_fleksjob = false;
};
/// By hiring date.
core::Result<std::vector<RunningFleksjob>> running_fleksjobs(db::Connection& conn);

// ---- counts and progression ----

struct HireCount {
    std::string kind;
    std::string kind_label;  ///< "" from hire_counts
    int kind_sort = 0;
    std::string channel;
    std::int64_t hires = 0;
};
/// Hires by kind and channel with hired_on in [from, before).
core::Result<std::vector<HireCount>> hire_counts(db::Connection& conn, core::Date from, core::Date before);
/// Hires by kind and channel with hired_on in [from, to] (both included), with the kind's label
/// and sort, in kind order.
core::Result<std::vector<HireCount>> hire_counts_labelled(db::Connection& conn, core::Date from,
                                                          core::Date to);

/// A job running in a period with at least two hours rows (ids and kind only, never a name).
struct ProgressionJob {
    std::int64_t job_id = 0;
    std::int64_t citizen_id = 0;
    std::string kind_label;
    core::Date hired_on;
};
/// Oldest hire first, at most `limit`.
core::Result<std::vector<ProgressionJob>> progression_jobs(db::Connection& conn, core::Date from,
                                                           core::Date to, std::int64_t limit);

// ---- job kinds ----

struct JobKindRecord {
    std::int64_t id = 0;
    std::string code;
    std::string label;
    bool is_fleksjob = false;
    int sort = 0;
    bool active = true;
};

core::Result<std::int64_t> insert_job_kind(db::Connection& conn, const std::string& code,
                                           const std::string& label, bool is_fleksjob, int sort, bool active);
core::Result<void> update_job_kind(db::Connection& conn, std::int64_t id, const std::string& label,
                                   bool is_fleksjob, int sort, bool active);
core::Result<std::optional<JobKindRecord>> job_kind_by_id(db::Connection& conn, std::int64_t id);
core::Result<std::optional<JobKindRecord>> job_kind_by_code(db::Connection& conn, const std::string& code);
/// By sort, label and id; all or only the active ones.
core::Result<std::vector<JobKindRecord>> job_kinds(db::Connection& conn, bool include_inactive);

}  // namespace employment::store
