#pragma once
/// The employment store: a citizen's whole case history across the employment tables, as the
/// subject export (GDPR art. 15) and the retention rule need it — the reads of every row about
/// one citizen, who is due under the retention rule, and the deletion or anonymisation itself.
/// Runs in the caller's transaction; access rules and audit rows are the caller's.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

/// One exported row: column → text (nullopt = NULL), in the column order of the table.
struct HistoryRow {
    std::vector<std::pair<std::string, std::optional<std::string>>> fields;
};

/// Every row about one citizen in the placement and job tables (with the names of enterprise,
/// agreement, intervention type, outcome and job kind), oldest first.
struct CaseHistory {
    std::vector<HistoryRow> placements;
    std::vector<HistoryRow> placement_followups;
    std::vector<HistoryRow> placement_attendance;
    std::vector<HistoryRow> placement_extensions;
    std::vector<HistoryRow> placement_notes;
    std::vector<HistoryRow> jobs;
    std::vector<HistoryRow> job_hours;
    std::vector<HistoryRow> job_followups;
};

core::Result<CaseHistory> case_history(db::Connection& conn, std::int64_t citizen_id);

/// A citizen due under the retention rule.
struct RetentionDue {
    std::int64_t id = 0;
    std::string case_ref;
};

/// Citizens whose every date of activity lies before `cutoff` ('YYYY-MM-DD'): not on legal
/// hold, not anonymised, no placement waiting/referred/active and no job without an end.
core::Result<std::vector<RetentionDue>> retention_due(db::Connection& conn, const std::string& cutoff);

/// Deletes a citizen and (ON DELETE CASCADE) every row about them.
core::Result<void> delete_citizen(db::Connection& conn, std::int64_t citizen_id);

/// Blanks everything that identifies the citizen: name, case reference ("ANON-<id>"), note,
/// postcode, transport, tags, and the free text of their placements, follow-ups, attendance
/// sheets, extensions, notes, jobs, hours and fleksjob follow-ups. Placements and jobs stay
/// for the statistics.
core::Result<void> anonymise_citizen(db::Connection& conn, std::int64_t citizen_id, const std::string& now);

}  // namespace employment::store
