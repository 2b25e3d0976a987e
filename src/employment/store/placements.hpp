#pragma once
/// The employment store: placements (forløb, C2) with their follow-ups, attendance sheets,
/// extensions and progress notes; the C8 capacity counts; hiring needs ahead (C7); and the two
/// lists as data, intervention types (C3) and placement outcomes. Runs in the caller's
/// transaction; no access rules and no audit rows.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

/// What the single INSERT into placements writes. A referral fills the first columns; the
/// import and the 2018 fixture also write dates, outcome and plan.
struct NewPlacement {
    std::int64_t citizen_id = 0;
    std::int64_t enterprise_id = 0;
    std::optional<std::int64_t> agreement_id;
    std::int64_t intervention_type_id = 0;
    std::optional<std::int64_t> hiring_need_id;
    std::string status;  ///< waiting, referred, active, ended, cancelled
    core::Date referred_on;
    std::optional<core::Date> start_date;
    std::optional<core::Date> planned_end;
    std::optional<core::Date> end_date;
    std::optional<std::int64_t> outcome_id;
    std::string outcome_note;
    std::optional<core::Date> plan_made_on;
    std::optional<bool> plan_owned;
    std::string no_plan_reason;
    std::optional<std::int64_t> weekly_hours;  ///< hundredths
    std::optional<std::int64_t> caseworker_user_id;
};

/// A placement with the names the pages show (citizen, enterprise, agreement, type, hiring
/// need, outcome) and its agreement's plan deadline and extension allowance.
struct PlacementRecord {
    std::int64_t id = 0;
    std::int64_t citizen_id = 0;
    std::string citizen_name;
    std::string case_ref;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::optional<std::int64_t> agreement_id;
    std::string agreement_title;
    std::int64_t intervention_type_id = 0;
    std::string intervention_type_name;
    std::optional<std::int64_t> hiring_need_id;
    std::string hiring_need_title;
    std::string status;
    core::Date referred_on;
    std::optional<core::Date> start_date;
    std::optional<core::Date> planned_end;
    std::optional<core::Date> end_date;
    std::optional<std::int64_t> outcome_id;
    std::string outcome_label;
    std::string outcome_note;
    std::optional<core::Date> plan_made_on;
    std::optional<bool> plan_owned;
    std::string no_plan_reason;
    std::optional<std::int64_t> weekly_hours;
    std::optional<int> plan_deadline_days;       ///< from the agreement
    std::optional<int> extension_weeks_allowed;  ///< from the agreement
    int extension_weeks_used = 0;
};

/// Which placements list_placements returns ("" / 0 = any).
struct PlacementQuery {
    std::string status;
    std::int64_t agreement_id = 0;
    std::int64_t enterprise_id = 0;
    std::int64_t citizen_id = 0;
};

core::Result<std::int64_t> insert_placement(db::Connection& conn, const NewPlacement& p,
                                            const std::string& now);
/// The bulk path (the import): every row with the one prepared INSERT, in order.
core::Result<void> insert_placements(db::Connection& conn, std::span<const NewPlacement> rows,
                                     const std::string& now);
core::Result<std::optional<PlacementRecord>> placement_by_id(db::Connection& conn, std::int64_t id);
/// Newest referral first, at most 1 000.
core::Result<std::vector<PlacementRecord>> list_placements(db::Connection& conn, const PlacementQuery& q);
/// An agreement's waiting list in order (referral date, then id).
core::Result<std::vector<PlacementRecord>> waiting_list(db::Connection& conn, std::int64_t agreement_id);
/// Placements started in [from, to) by start date, cancelled ones not counted.
core::Result<std::int64_t> count_started(db::Connection& conn, core::Date from, core::Date to);

core::Result<void> set_placement_status(db::Connection& conn, std::int64_t id, const std::string& status,
                                        const std::string& now);
/// Corrects the intervention type and weekly hours.
core::Result<void> update_placement(db::Connection& conn, std::int64_t id, std::int64_t intervention_type_id,
                                    std::optional<std::int64_t> weekly_hours, const std::string& now);
/// Status active with its start and planned end.
core::Result<void> start_placement(db::Connection& conn, std::int64_t id, core::Date start,
                                   std::optional<core::Date> planned_end, const std::string& now);
/// Status ended with its end date, outcome and note.
core::Result<void> end_placement(db::Connection& conn, std::int64_t id, core::Date end,
                                 std::int64_t outcome_id, const std::string& note, const std::string& now);
core::Result<void> set_placement_plan(db::Connection& conn, std::int64_t id,
                                      std::optional<core::Date> made_on, std::optional<bool> owned,
                                      const std::string& no_plan_reason, const std::string& now);
core::Result<void> set_planned_end(db::Connection& conn, std::int64_t id, core::Date planned_end,
                                   const std::string& now);

// ---- the timeline: follow-ups, attendance sheets, extensions, progress notes ----

struct NewPlacementFollowup {
    std::int64_t placement_id = 0;
    core::Date held_on;
    std::string kind;  ///< meeting, dialogue
    std::string note;
    std::optional<std::int64_t> recorded_by;
};
struct PlacementFollowupRecord {
    std::int64_t id = 0;
    core::Date held_on;
    std::string kind;
    std::string note;
};

struct NewAttendance {
    std::int64_t placement_id = 0;
    core::Date period_from;
    core::Date period_to;
    int days_planned = 0;
    int days_present = 0;
    std::optional<std::int64_t> hours_present;  ///< hundredths
    std::string note;
    core::Date submitted_on;
    std::optional<std::int64_t> recorded_by;
};
struct AttendanceRecord {
    std::int64_t id = 0;
    core::Date period_from;
    core::Date period_to;
    int days_planned = 0;
    int days_present = 0;
    std::optional<std::int64_t> hours_present;
    core::Date submitted_on;
    std::string note;
};

struct NewExtension {
    std::int64_t placement_id = 0;
    core::Date decided_on;
    int weeks = 0;
    core::Date new_end;
    std::string reason;
    std::optional<std::int64_t> recorded_by;
};
struct ExtensionRecord {
    std::int64_t id = 0;
    core::Date decided_on;
    int weeks = 0;
    core::Date new_end;
    std::string reason;
};

struct NewPlacementNote {
    std::int64_t placement_id = 0;
    core::Date noted_on;
    std::string text;
    std::optional<std::int64_t> author_user_id;
    std::string author_role;  ///< role code of the writer
};
struct PlacementNoteRecord {
    std::int64_t id = 0;
    core::Date noted_on;
    std::string text;
    std::string author_role;
};

core::Result<std::int64_t> insert_placement_followup(db::Connection& conn, const NewPlacementFollowup& f,
                                                     const std::string& now);
core::Result<std::int64_t> insert_attendance(db::Connection& conn, const NewAttendance& a,
                                             const std::string& now);
core::Result<std::int64_t> insert_extension(db::Connection& conn, const NewExtension& x,
                                            const std::string& now);
core::Result<std::int64_t> insert_placement_note(db::Connection& conn, const NewPlacementNote& n,
                                                 const std::string& now);
/// The timeline of one placement, each oldest first.
core::Result<std::vector<PlacementFollowupRecord>> placement_followups(db::Connection& conn,
                                                                       std::int64_t placement_id);
core::Result<std::vector<AttendanceRecord>> placement_attendance(db::Connection& conn,
                                                                 std::int64_t placement_id);
core::Result<std::vector<ExtensionRecord>> placement_extensions(db::Connection& conn,
                                                                std::int64_t placement_id);
core::Result<std::vector<PlacementNoteRecord>> placement_notes(db::Connection& conn,
                                                               std::int64_t placement_id);

// ---- capacity (C8) ----

/// An enterprise with a known headcount: its referred + active placements and its running
/// wage-subsidy jobs on `today`.
struct CapacityCounts {
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    int employees = 0;
    int placements = 0;
    int wage_subsidy = 0;
};

/// Every enterprise with a known headcount, by name.
core::Result<std::vector<CapacityCounts>> capacity_counts(db::Connection& conn, core::Date today);
/// One enterprise; nullopt when its headcount is unknown (or it does not exist).
core::Result<std::optional<CapacityCounts>> capacity_counts_of(db::Connection& conn, core::Date today,
                                                               std::int64_t enterprise_id);

// ---- hiring needs ahead (C7) ----

struct HiringNeedFields {
    std::string title;
    std::string tasks;
    core::Date expected_on;
    int positions = 1;
};

/// A hiring need with its enterprise's name, the jobs that reference it and the placements
/// linked to it.
struct HiringNeedRecord {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    std::string tasks;
    core::Date expected_on;
    int positions = 1;
    std::string status;  ///< open, filled, withdrawn (as stored)
    int jobs = 0;
    int placements = 0;
};

core::Result<std::int64_t> insert_hiring_need(db::Connection& conn, std::int64_t enterprise_id,
                                              const HiringNeedFields& fields,
                                              std::optional<std::int64_t> created_by, const std::string& now);
core::Result<void> update_hiring_need(db::Connection& conn, std::int64_t id, const HiringNeedFields& fields,
                                      const std::string& now);
core::Result<void> withdraw_hiring_need(db::Connection& conn, std::int64_t id, const std::string& now);
core::Result<std::optional<HiringNeedRecord>> hiring_need_by_id(db::Connection& conn, std::int64_t id);
/// Soonest first, of one enterprise (0 = all); at most 1 000.
core::Result<std::vector<HiringNeedRecord>> list_hiring_needs(db::Connection& conn,
                                                              std::int64_t enterprise_id);

// ---- intervention types (C3) ----

struct InterventionTypeFields {
    std::string name;
    std::string legal_basis;
    std::string description;
    core::Date valid_from;
    std::optional<core::Date> valid_to;
};

struct InterventionTypeRecord {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string legal_basis;
    std::string description;
    core::Date valid_from;
    std::optional<core::Date> valid_to;
};

core::Result<std::int64_t> insert_intervention_type(db::Connection& conn, const std::string& code,
                                                    const InterventionTypeFields& fields,
                                                    const std::string& now);
core::Result<void> update_intervention_type(db::Connection& conn, std::int64_t id,
                                            const InterventionTypeFields& fields, const std::string& now);
core::Result<std::optional<InterventionTypeRecord>> intervention_type_by_id(db::Connection& conn,
                                                                            std::int64_t id);
core::Result<std::optional<std::int64_t>> intervention_type_id(db::Connection& conn, const std::string& code);
/// By name.
core::Result<std::vector<InterventionTypeRecord>> intervention_types(db::Connection& conn);

// ---- placement outcomes ----

struct OutcomeRecord {
    std::int64_t id = 0;
    std::string code;
    std::string label;
    std::string group;  ///< employment::outcome_group_code
    int sort = 0;
    bool active = true;
};

core::Result<std::int64_t> insert_outcome(db::Connection& conn, const std::string& code,
                                          const std::string& label, const std::string& group, int sort);
core::Result<void> update_outcome(db::Connection& conn, std::int64_t id, const std::string& label,
                                  const std::string& group, int sort);
core::Result<void> set_outcome_active(db::Connection& conn, std::int64_t id, bool active);
core::Result<std::optional<OutcomeRecord>> outcome_by_id(db::Connection& conn, std::int64_t id);
core::Result<std::optional<std::int64_t>> outcome_id(db::Connection& conn, const std::string& code);
/// In list order (sort, id); all or only the active ones.
core::Result<std::vector<OutcomeRecord>> outcomes(db::Connection& conn, bool active_only);

}  // namespace employment::store
