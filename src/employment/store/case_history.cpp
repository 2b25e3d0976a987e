// Employment store: a citizen's case history (subject export) and the retention rule's writes.
#include "employment/store/case_history.hpp"

#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

std::vector<HistoryRow> history_rows(const db::ResultSet& rs) {
    std::vector<HistoryRow> out;
    out.reserve(rs.rows.size());
    for (const auto& row : rs.rows) {
        HistoryRow r;
        for (std::size_t i = 0; i < rs.columns.size() && i < row.size(); ++i)
            r.fields.emplace_back(rs.columns[i], row.opt_text(i));
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

core::Result<CaseHistory> case_history(db::Connection& conn, std::int64_t citizen_id) {
    CaseHistory h;
    struct Part {
        const db::Query* query;
        std::vector<HistoryRow>* into;
    };
    const Part parts[] = {{&sql::export_placements, &h.placements},
                          {&sql::export_placement_followups, &h.placement_followups},
                          {&sql::export_placement_attendance, &h.placement_attendance},
                          {&sql::export_placement_extensions, &h.placement_extensions},
                          {&sql::export_placement_notes, &h.placement_notes},
                          {&sql::export_jobs, &h.jobs},
                          {&sql::export_job_hours, &h.job_hours},
                          {&sql::export_job_followups, &h.job_followups}};
    for (const auto& p : parts) {
        BB_ASSIGN(auto rs, conn.query(*p.query, {citizen_id}));
        *p.into = history_rows(rs);
    }
    return h;
}

core::Result<std::vector<RetentionDue>> retention_due(db::Connection& conn, const std::string& cutoff) {
    BB_ASSIGN(auto rs, conn.query(sql::retention_due, {cutoff}));
    std::vector<RetentionDue> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.text(1)});
    return out;
}

core::Result<void> delete_citizen(db::Connection& conn, std::int64_t citizen_id) {
    BB_TRY(conn.query(sql::citizen_delete, {citizen_id}));
    return {};
}

core::Result<void> anonymise_citizen(db::Connection& conn, std::int64_t citizen_id, const std::string& now) {
    BB_TRY(conn.query(sql::anonymise_citizen, {citizen_id, "ANON-" + std::to_string(citizen_id), now}));
    BB_TRY(conn.query(sql::citizen_tags_delete, {citizen_id}));
    for (const db::Query* q :
         {&sql::anonymise_placements, &sql::anonymise_placement_notes, &sql::anonymise_placement_followups,
          &sql::anonymise_placement_attendance, &sql::anonymise_placement_extensions, &sql::anonymise_jobs,
          &sql::anonymise_job_hours, &sql::anonymise_job_followups})
        BB_TRY(conn.query(*q, {citizen_id}));
    return {};
}

}  // namespace employment::store
