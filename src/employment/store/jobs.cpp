// Employment store: jobs, hours history, fleksjob follow-ups, job kinds, counts and progression.
#include "employment/store/jobs.hpp"

#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

JobRecord job_from_row(const db::Row& r) {
    JobRecord j;
    j.id = r.int64(0);
    j.citizen_id = r.int64(1);
    j.case_ref = r.text(2);
    j.citizen_name = r.text(3);
    j.enterprise_id = r.int64(4);
    j.enterprise_name = r.text(5);
    j.kind = r.text(6);
    j.kind_label = r.text(7);
    j.kind_is_fleksjob = r.int64(8) != 0;
    j.channel = r.text(9);
    j.hired_on = date_of(r.text(10));
    j.ended_on = opt_date(r, 11);
    j.temporary_fleksjob = r.int64(12) != 0;
    j.placement_id = r.opt_int64(13);
    j.hiring_need_id = r.opt_int64(14);
    j.note = r.text(15);
    if (r.size() > 18 && !r.is_null(16)) {
        HoursRecord h;
        h.effective_from = date_of(r.text(16));
        h.weekly_hours = r.int64(17);
        h.intensity = int_of(r, 18);
        j.current = h;
    }
    return j;
}

JobKindRecord kind_from_row(const db::Row& r) {
    return JobKindRecord{r.int64(0), r.text(1), r.text(2), r.int64(3) != 0, int_of(r, 4), r.int64(5) != 0};
}

std::vector<db::Value> job_params(const NewJob& j, const std::string& now) {
    return {j.citizen_id,
            j.enterprise_id,
            j.kind,
            j.channel,
            j.hired_on.iso(),
            value(j.ended_on),
            flag(j.temporary_fleksjob),
            value(j.placement_id),
            value(j.hiring_need_id),
            j.note,
            now};
}

std::vector<db::Value> hours_params(std::int64_t job_id, const HoursFields& h, const std::string& now) {
    return {job_id, h.effective_from.iso(), h.weekly_hours, std::int64_t{h.intensity}, h.note, now};
}

std::vector<JobFollowupRecord> followups_of(const db::ResultSet& rs) {
    std::vector<JobFollowupRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows)
        out.push_back({r.int64(0), date_of(r.text(1)), r.text(2), date_of(r.text(3)), r.text(4)});
    return out;
}

core::Result<void> done(core::Result<db::ResultSet> rs) {
    if (!rs.ok()) return rs.take_error();
    return {};
}

}  // namespace

core::Result<std::int64_t> insert_job(db::Connection& conn, const NewJob& job, const std::string& now) {
    return returned_id(conn.query(sql::job_insert, job_params(job, now)));
}

core::Result<void> insert_job_hours(db::Connection& conn, std::int64_t job_id, const HoursFields& hours,
                                    const std::string& now) {
    return done(conn.query(sql::job_hours_insert, hours_params(job_id, hours, now)));
}

core::Result<void> insert_jobs(db::Connection& conn, const std::vector<NewJobWithHours>& jobs,
                               const std::string& now) {
    // Looked up once, prepared once (the connection's statement cache), reused for every row.
    const std::string_view job_sql = sql::job_insert.text(conn.dialect());
    const std::string_view hours_sql = sql::job_hours_insert.text(conn.dialect());
    for (const auto& j : jobs) {
        BB_ASSIGN(std::int64_t id, returned_id(conn.query(job_sql, job_params(j.job, now))));
        for (const auto& h : j.hours) BB_TRY(conn.query(hours_sql, hours_params(id, h, now)));
    }
    return {};
}

core::Result<std::optional<JobRecord>> job_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::job_by_id, {id}));
    if (rs.empty()) return std::optional<JobRecord>{};
    return std::optional<JobRecord>(job_from_row(rs.first()));
}

core::Result<std::vector<JobRecord>> list_jobs(db::Connection& conn, const JobQuery& q) {
    BB_ASSIGN(auto rs, conn.query(sql::job_list, {q.enterprise_id, q.hired_from, q.hired_before, q.kind,
                                                  q.channel, q.citizen_id}));
    std::vector<JobRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back(job_from_row(r));
    return out;
}

core::Result<void> update_job(db::Connection& conn, std::int64_t id, const std::string& kind,
                              const std::string& channel, bool temporary_fleksjob, const std::string& note,
                              const std::string& now) {
    return done(conn.query(sql::job_update, {id, kind, channel, flag(temporary_fleksjob), note, now}));
}

core::Result<void> end_job(db::Connection& conn, std::int64_t id, core::Date ended_on,
                           const std::string& now) {
    return done(conn.query(sql::job_end, {id, ended_on.iso(), now}));
}

core::Result<std::vector<HoursRecord>> job_hours(db::Connection& conn, std::int64_t job_id) {
    BB_ASSIGN(auto rs, conn.query(sql::job_hours, {job_id}));
    std::vector<HoursRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows)
        out.push_back({r.int64(0), date_of(r.text(1)), r.int64(2), int_of(r, 3), r.text(4)});
    return out;
}

core::Result<void> insert_job_followup(db::Connection& conn, const NewJobFollowup& f,
                                       const std::string& now) {
    return done(conn.query(sql::job_followup_insert, {f.job_id, f.due_on.iso(), f.kind, f.held_on.iso(),
                                                      f.note, value(f.recorded_by), now}));
}

core::Result<std::vector<JobFollowupRecord>> job_followups(db::Connection& conn, std::int64_t job_id) {
    BB_ASSIGN(auto rs, conn.query(sql::job_followups, {job_id}));
    return followups_of(rs);
}

core::Result<std::vector<JobFollowupRecord>> running_job_followups(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::job_followups_running));
    return followups_of(rs);
}

core::Result<std::vector<RunningFleksjob>> running_fleksjobs(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::fleksjobs_running));
    std::vector<RunningFleksjob> out;
    for (const auto& r : rs.rows) {
        auto hired = core::Date::parse(r.text(5));
        if (!hired) continue;
        out.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), *hired, r.int64(6) != 0});
    }
    return out;
}

core::Result<std::vector<HireCount>> hire_counts(db::Connection& conn, core::Date from, core::Date before) {
    BB_ASSIGN(auto rs, conn.query(sql::hire_counts, {from.iso(), before.iso()}));
    std::vector<HireCount> out;
    for (const auto& r : rs.rows) out.push_back({r.text(0), "", 0, r.text(1), r.int64(2)});
    return out;
}

core::Result<std::vector<HireCount>> hire_counts_labelled(db::Connection& conn, core::Date from,
                                                          core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::hire_counts_labelled, {from.iso(), to.iso()}));
    std::vector<HireCount> out;
    for (const auto& r : rs.rows) out.push_back({r.text(0), r.text(1), int_of(r, 2), r.text(3), r.int64(4)});
    return out;
}

core::Result<std::vector<ProgressionJob>> progression_jobs(db::Connection& conn, core::Date from,
                                                           core::Date to, std::int64_t limit) {
    BB_ASSIGN(auto rs, conn.query(sql::progression_jobs, {from.iso(), to.iso(), limit}));
    std::vector<ProgressionJob> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.int64(1), r.text(2), date_of(r.text(3))});
    return out;
}

core::Result<std::int64_t> insert_job_kind(db::Connection& conn, const std::string& code,
                                           const std::string& label, bool is_fleksjob, int sort,
                                           bool active) {
    return returned_id(
        conn.query(sql::job_kind_insert, {code, label, flag(is_fleksjob), std::int64_t{sort}, flag(active)}));
}

core::Result<void> update_job_kind(db::Connection& conn, std::int64_t id, const std::string& label,
                                   bool is_fleksjob, int sort, bool active) {
    return done(
        conn.query(sql::job_kind_update, {id, label, flag(is_fleksjob), std::int64_t{sort}, flag(active)}));
}

core::Result<std::optional<JobKindRecord>> job_kind_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::job_kind_by_id, {id}));
    if (rs.empty()) return std::optional<JobKindRecord>{};
    return std::optional<JobKindRecord>(kind_from_row(rs.first()));
}

core::Result<std::optional<JobKindRecord>> job_kind_by_code(db::Connection& conn, const std::string& code) {
    BB_ASSIGN(auto rs, conn.query(sql::job_kind_by_code, {code}));
    if (rs.empty()) return std::optional<JobKindRecord>{};
    return std::optional<JobKindRecord>(kind_from_row(rs.first()));
}

core::Result<std::vector<JobKindRecord>> job_kinds(db::Connection& conn, bool include_inactive) {
    BB_ASSIGN(auto rs, conn.query(sql::job_kinds, {flag(include_inactive)}));
    std::vector<JobKindRecord> out;
    for (const auto& r : rs.rows) out.push_back(kind_from_row(r));
    return out;
}

}  // namespace employment::store
