#pragma once
/// Agreement evaluation (C4): the eight questions of 003 §6.5 answered from the data for one
/// cooperation agreement and a period, and the side-by-side comparison of agreements on effect,
/// price and quality (docs/evaluation.md). Pure types and the pure computation; the service
/// loads the rows.
///
/// Figures only: nothing here names a citizen. The only free text about placements is the
/// staff's "no plan" reasons, which the service fills in for caseworkers and admins only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "employment/rules.hpp"

namespace evaluation {

/// An evaluation period, both days included.
struct Period {
    core::Date from;
    core::Date to;
};

/// Parses the period typed on the page ("YYYY-MM-DD"); empty fields default to the calendar
/// year of `today`. Validation errors name the fields "from" and "to".
core::Result<Period> parse_period(const std::string& from, const std::string& to, core::Date today);

/// The agreement as evaluation needs it (read through the employment store).
struct AgreementRow {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    core::Date start_date;
    std::optional<core::Date> end_date;
    int slots = 0;
    int frame_weeks = 0;
    int extension_weeks = 0;
    int plan_deadline_days = 0;
    int attendance_interval_months = 2;
    std::int64_t price_ore = 0;
    std::string price_unit = "per_placement";  ///< per_placement, per_slot_month, total
    std::string deliverables;
};

/// One placement of the agreement, without anything that identifies the citizen.
struct PlacementRow {
    std::int64_t id = 0;
    std::string status;  ///< waiting, referred, active, ended
    core::Date referred_on;
    std::optional<core::Date> start_date;
    std::optional<core::Date> end_date;
    std::string outcome_code;
    std::string outcome_label;
    std::string outcome_group;
    std::optional<core::Date> plan_made_on;
    std::optional<bool> plan_owned;
    std::string no_plan_reason;
};

struct Outcome {
    std::string code;
    std::string label;
    std::string group;
};

struct Note {
    std::string topic;  ///< cooperation, effects, deliverables, general
    core::Date noted_on;
    std::string text;
};

/// Everything the computation reads. Follow-ups and attendance sheets are already limited to
/// the period (held_on, period_to within it); notes too.
struct Inputs {
    AgreementRow agreement;
    std::vector<PlacementRow> placements;
    std::vector<Outcome> outcomes;                                ///< the configurable list, in its order
    std::vector<std::pair<std::int64_t, core::Date>> followups;   ///< placement id, held on
    std::vector<std::pair<std::int64_t, core::Date>> attendance;  ///< placement id, period_to
    std::vector<Note> notes;
    std::int64_t progress_notes = 0;
};

struct Count {
    std::string key;
    std::string label;
    std::int64_t count = 0;
};

struct Evaluation {
    AgreementRow agreement;
    Period period;
    // Q1 Er forløbene i brug?
    std::int64_t slots = 0;
    std::int64_t in_use = 0;  ///< active or referred (holding a slot) on the period's last day
    std::int64_t free = 0;
    std::int64_t waiting = 0;           ///< on the waiting list on the period's last day
    std::int64_t started = 0;           ///< start date within the period
    std::int64_t ended = 0;             ///< end date within the period
    std::int64_t active_in_period = 0;  ///< active on at least one day of the period
    // Q2 Har deltageren en plan? (of the placements active in the period)
    std::int64_t with_plan = 0;                ///< plan made on or before the period's last day
    std::int64_t plan_in_time = 0;             ///< … and by the plan deadline (employment::plan_in_time)
    std::int64_t plan_late = 0;                ///< … but after the deadline
    std::int64_t without_plan = 0;             ///< no plan, and the deadline has passed (or it ended)
    std::int64_t plan_in_progress = 0;         ///< no plan yet, deadline not passed on the last day
    std::vector<std::string> no_plan_reasons;  ///< distinct reasons; filled for caseworker/admin
    bool reasons_shown = false;
    // Q3 Har deltageren ejerskab til planen?
    std::int64_t plans_owned = 0;
    std::int64_t ownership_recorded = 0;
    // Q4 Sker opfølgningen?
    std::int64_t followups_held = 0;
    std::int64_t placements_with_followup = 0;
    std::int64_t attendance_received = 0;
    std::int64_t attendance_expected = 0;
    // Q5 Får sagsbehandlere, hvad der er aftalt?
    std::int64_t plans_received = 0;  ///< plans made within the period
    std::vector<Note> deliverables_notes;
    // Q6 Hvad opnår deltagerne?
    std::vector<Note> effects_notes;
    std::int64_t progress_notes = 0;
    // Q7 Overblik efter endt forløb
    std::int64_t completed = 0;     ///< ended within the period
    std::vector<Count> by_outcome;  ///< outcomes with at least one completed placement
    std::vector<Count> by_group;    ///< every group, also 0
    std::int64_t continuing = 0;    ///< not finished on the last day: in use + waiting
    employment::Share success;      ///< group job_education over completed
    employment::Share stopped;      ///< group stopped over completed
    // Q8 Samarbejdet med virksomheden
    std::vector<Note> cooperation_notes;
};

/// Attendance sheets expected for one placement in the period: the placement's active span is
/// cut into periods of `interval_months` counted from its start (the last one cut at its end
/// date); a sheet is expected for each such period whose last day lies within the period.
std::int64_t expected_sheets(core::Date start, std::optional<core::Date> end, int interval_months,
                             const Period& period);
/// The periods themselves (first day, last day), all of them up to `until`.
std::vector<std::pair<core::Date, core::Date>> sheet_periods(core::Date start, std::optional<core::Date> end,
                                                             int interval_months, core::Date until);

/// Whether a placement is active on day `d`: started on or before it and not ended before or
/// on it (a placement ending on `d` has finished that day).
bool active_on(const PlacementRow& p, core::Date d);

/// Answers the eight questions. `show_reasons`: include the free-text no-plan reasons.
Evaluation compute(const Inputs& in, const Period& period, bool show_reasons);

/// One agreement in the comparison.
struct ComparisonRow {
    Evaluation evaluation;
    std::int64_t cost_ore = 0;                            ///< the agreement's cost in the period
    std::string cost_basis;                               ///< Danish: how the cost was computed
    std::optional<std::int64_t> price_per_placement_ore;  ///< cost / placements started
    std::optional<std::int64_t> price_per_success_ore;    ///< cost / job_education outcomes
    employment::Share plan_by_deadline;   ///< plans in time / placements whose deadline passed
    std::string followups_per_placement;  ///< "2,3" (tenths, rounded down), "–" without placements
};

struct Comparison {
    Period period;
    std::vector<ComparisonRow> rows;
};

/// The cost of an agreement in the period: per_placement → price × placements started in the
/// period; per_slot_month → price × slots × whole months of the period the agreement ran;
/// total → price × days of overlap / the agreement's days (the whole price when open-ended).
/// Amounts in øre, rounded down.
std::int64_t cost_in_period(const AgreementRow& a, const Period& period, std::int64_t placements_started,
                            std::string* basis = nullptr);
/// Whole months from `from` to `to` (both included): 2018-01-01..2018-12-31 = 12.
std::int64_t whole_months(core::Date from, core::Date to);

ComparisonRow compare_row(Evaluation evaluation);

}  // namespace evaluation
