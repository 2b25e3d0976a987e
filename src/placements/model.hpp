#pragma once
/// Plain data for placements (C1, C2, C3, C7, C8): intervention types, the outcome list,
/// cooperation agreements with slots and a waiting list, placements (forløb) with their
/// timeline, enterprise users' participants, hiring needs ahead and the capacity rule.
/// No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/choice.hpp"
#include "core/date.hpp"

namespace placements {

inline constexpr std::size_t k_max_name = 200;
inline constexpr std::size_t k_max_text = 4000;

enum class Status { Waiting, Referred, Active, Ended, Cancelled };
std::string_view status_code(Status s);   ///< "waiting", "referred", …
std::string_view status_label(Status s);  ///< "På venteliste", "Henvist", …
std::optional<Status> parse_status(std::string_view code);

/// "per_placement", "per_slot_month", "total" and their Danish labels.
std::string_view price_unit_label(std::string_view code);
bool is_price_unit(std::string_view code);
/// "cooperation", "effects", "deliverables", "general".
std::string_view note_topic_label(std::string_view code);
bool is_note_topic(std::string_view code);

using Choice = core::Choice;

// ---- intervention types (C3) ----

struct TypeInput {
    std::string code;  ///< only used on create; derived from the name when empty
    std::string name;
    std::string legal_basis;
    std::string description;
    std::string valid_from;
    std::string valid_to;  ///< optional
};

struct InterventionType {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string legal_basis;
    std::string description;
    core::Date valid_from;
    std::optional<core::Date> valid_to;
    /// Whether a new case referred on `day` may use the type.
    [[nodiscard]] bool open_on(core::Date day) const {
        return valid_from <= day && (!valid_to || day <= *valid_to);
    }
};

// ---- outcomes ----

struct OutcomeInput {
    std::string code;  ///< only on create
    std::string label;
    std::string group;  ///< employment::outcome_group_code
    std::string sort;
};

struct Outcome {
    std::int64_t id = 0;
    std::string code;
    std::string label;
    std::string group;
    int sort = 0;
    bool active = true;
};

// ---- agreements (C1) ----

struct AgreementInput {
    std::string enterprise_id;
    std::string title;
    std::string start_date;
    std::string end_date;  ///< optional
    std::string slots;
    std::string frame_weeks;
    std::string extension_weeks;
    std::string plan_deadline_days;
    std::string attendance_interval_months;
    std::string target_description;
    std::vector<std::string> target_groups;  ///< vocabulary codes (kind target_group)
    std::string price;                       ///< kroner as typed
    std::string price_unit;
    std::string deliverables;
};

struct Agreement {
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
    std::string target_description;
    std::vector<std::string> target_groups;
    std::int64_t price_ore = 0;
    std::string price_unit = "per_placement";
    std::string deliverables;
    int in_use = 0;   ///< referred + active placements
    int waiting = 0;  ///< placements on the waiting list
    [[nodiscard]] bool running_on(core::Date d) const {
        return start_date <= d && (!end_date || d <= *end_date);
    }
};

struct NoteInput {
    std::string topic;
    std::string noted_on;
    std::string text;
};

struct AgreementNote {
    std::int64_t id = 0;
    std::string topic;
    core::Date noted_on;
    std::string text;
};

/// C8 for one enterprise: ordinary employees, the rule's capacity, what is in use and free.
struct Capacity {
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    int employees = 0;
    int capacity = 0;
    int placements = 0;    ///< referred + active placements at the enterprise
    int wage_subsidy = 0;  ///< running jobs of kind wage_subsidy (read from jobs)
    [[nodiscard]] int in_use() const { return placements + wage_subsidy; }
    [[nodiscard]] int free() const { return capacity > in_use() ? capacity - in_use() : 0; }
};

// ---- placements (C2) ----

struct ReferralInput {
    std::string citizen;  ///< case reference (or "#id")
    std::string enterprise_id;
    std::string agreement_id;  ///< optional
    std::string intervention_type_id;
    std::string hiring_need_id;  ///< optional
    std::string referred_on;
    std::string weekly_hours;   ///< optional
    bool waiting_list = false;  ///< "Sæt på venteliste" when the agreement is full
};

/// The parts of a placement that may be corrected after referral.
struct PlacementEdit {
    std::string intervention_type_id;  ///< a closed type is kept only if it is already the placement's
    std::string weekly_hours;          ///< optional
};

struct PlanInput {
    std::string plan_made_on;
    std::string plan_owned;  ///< "yes" / "no"
    std::string no_plan_reason;
};

struct FollowupInput {
    std::string held_on;
    std::string kind;  ///< "meeting" / "dialogue"
    std::string note;
};

struct AttendanceInput {
    std::string period_from;
    std::string period_to;
    std::string days_planned;
    std::string days_present;
    std::string hours_present;  ///< optional
    std::string submitted_on;
    std::string note;
};

struct ExtensionInput {
    std::string decided_on;
    std::string weeks;
    std::string reason;
};

struct EndInput {
    std::string end_date;
    std::string outcome_id;
    std::string note;
};

struct Followup {
    std::int64_t id = 0;
    core::Date held_on;
    std::string kind;
    std::string note;
};

struct Attendance {
    std::int64_t id = 0;
    core::Date period_from;
    core::Date period_to;
    int days_planned = 0;
    int days_present = 0;
    std::optional<std::int64_t> hours_present;
    core::Date submitted_on;
    std::string note;
};

struct Extension {
    std::int64_t id = 0;
    core::Date decided_on;
    int weeks = 0;
    core::Date new_end;
    std::string reason;
};

struct ProgressNote {
    std::int64_t id = 0;
    core::Date noted_on;
    std::string text;
    std::string author_role;
};

struct Placement {
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
    Status status = Status::Referred;
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
    /// From the agreement: plan due date (start + plan deadline days) when started.
    std::optional<core::Date> plan_due;
    int extension_weeks_used = 0;
    int extension_weeks_allowed = 0;
    // The timeline (filled by get_placement / participant).
    std::vector<Followup> followups;
    std::vector<Attendance> attendance;
    std::vector<Extension> extensions;
    std::vector<ProgressNote> notes;
    std::vector<std::string> accommodations;
};

struct PlacementFilter {
    std::string status;
    std::string agreement_id;
    std::string enterprise_id;
    std::string citizen_id;
};

/// What a change did besides itself: a placement moved off the waiting list, a C8 warning.
struct ChangeResult {
    Placement placement;
    std::optional<std::int64_t> promoted_id;  ///< the waiting placement that got the slot
    std::string promoted_name;
    std::string warning;  ///< C8 warning ("" when none)
};

struct AgreementDetail {
    Agreement agreement;
    std::vector<AgreementNote> notes;
    std::vector<Placement> placements;  ///< empty for consultants (no persons)
    std::vector<Placement> waiting;     ///< in waiting order; names only for caseworker/admin
    std::optional<Capacity> capacity;
    bool shows_persons = false;
};

// ---- hiring needs (C7) ----

struct NeedInput {
    std::string enterprise_id;  ///< staff only; enterprise users always their own
    std::string title;
    std::string tasks;
    std::string expected_on;
    std::string positions;
};

struct HiringNeed {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    std::string tasks;
    core::Date expected_on;
    int positions = 1;
    std::string status;  ///< "open", "withdrawn", or "filled" (derived: a job references it)
    int linked_placements = 0;
};

}  // namespace placements
