#pragma once
/// The employment side's exact rules (product brief §5), pure and shared by the citizens,
/// placements, evaluation, jobs and import packages: hours and intensity as Danish users type
/// them, effective hours, the placement capacity rule (C8), fleksjob follow-up dates (C6),
/// outcome groups and outcome shares with numerator and denominator (C4).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace employment {

/// Hours per week are kept in hundredths of an hour (4,5 timer = 450) so that effective hours
/// are exact. Legal range 0–37 hours.
inline constexpr std::int64_t k_max_weekly_hours = 3700;

struct ParsedHours {
    enum class Status { Empty, Ok, Malformed, OutOfRange };
    Status status = Status::Empty;
    std::int64_t hundredths = 0;
};

/// Parses "4,5", "4.5", "15", "37,00", "7,25 timer". At most two decimals; 0–37 hours.
ParsedHours parse_hours(std::string_view text);
/// 450 → "4,5"; 1500 → "15"; 360 → "3,6"; 725 → "7,25".
std::string format_hours(std::int64_t hundredths);

/// The one Danish message for hours that are not Ok ("" for Ok): empty, malformed, out of range.
std::string_view hours_problem(ParsedHours::Status status);

/// Intensity is a whole percent of normal pace, 1–100.
struct ParsedIntensity {
    enum class Status { Empty, Ok, Malformed, OutOfRange };
    Status status = Status::Empty;
    int percent = 0;
};
/// Parses "80", "80 %", "80%". 1–100.
ParsedIntensity parse_intensity(std::string_view text);

/// The one Danish message for an intensity that is not Ok ("" for Ok).
std::string_view intensity_problem(ParsedIntensity::Status status);

/// A message about a typed value with the value added for import reports:
/// ("Timer om ugen skal være mellem 0 og 37.", "40") → "Timer om ugen skal være mellem 0 og 37 (ikke '40')."
std::string with_typed_value(std::string_view message, std::string_view typed);

/// Effective hours = weekly hours × intensity, in hundredths, rounded half up
/// (450 at 80 % = 360, i.e. 3,6 timer).
std::int64_t effective_hours(std::int64_t weekly_hundredths, int intensity_percent);

/// C8 (rimelighedskravet): at most one person in placement or wage subsidy per five ordinary
/// employees up to 50 (always at least one), plus one per ten ordinary employees beyond 50.
int placement_capacity(int ordinary_employees);

/// C6: follow-up dates of a fleksjob started on `hired_on` — 2½ years after start and then
/// every 2½ years — up to and including `until`. For a temporary fleksjob also the status at
/// 4½ years (`temporary_status`).
struct FleksjobDue {
    core::Date due;
    enum class Kind { FollowUp, TemporaryStatus } kind = Kind::FollowUp;
};
std::vector<FleksjobDue> fleksjob_due_dates(core::Date hired_on, bool temporary, core::Date until);
/// Code stored in job_followups.kind: "follow_up" / "temporary_status".
std::string_view due_kind_code(FleksjobDue::Kind kind);
std::optional<FleksjobDue::Kind> parse_due_kind(std::string_view code);

/// Outcome groups (placement_outcomes.outcome_group). JobEducation is "went to job, education
/// or fleksjob", the numerator of the success share.
enum class OutcomeGroup { JobEducation, Continues, Clarification, Stopped, Other };
inline constexpr OutcomeGroup k_outcome_groups[] = {OutcomeGroup::JobEducation, OutcomeGroup::Continues,
                                                    OutcomeGroup::Clarification, OutcomeGroup::Stopped,
                                                    OutcomeGroup::Other};
std::string_view outcome_group_code(OutcomeGroup group);   ///< "job_education", …
std::string_view outcome_group_label(OutcomeGroup group);  ///< "Job, uddannelse eller fleksjob", …
std::optional<OutcomeGroup> parse_outcome_group(std::string_view code);

/// A share that always carries its numerator and denominator (brief §5).
struct Share {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    /// Whole percent, rounded down (as the 2018 report: 22 of 34 = "64 %"); nullopt when the
    /// denominator is 0.
    [[nodiscard]] std::optional<int> percent() const;
    /// "10 af 25 (40 %)"; "0 af 0" when there is nothing to divide by.
    [[nodiscard]] std::string danish() const;
};

/// Plan deadline (C1/C4): the plan is due `deadline_days` after the start; a plan made on or
/// before that day is in time.
core::Date plan_due(core::Date start, int deadline_days);
bool plan_in_time(core::Date start, int deadline_days, core::Date plan_made_on);

/// End of the frame: start + frame weeks (the day before the same weekday `weeks` later).
core::Date frame_end(core::Date start, int weeks);

}  // namespace employment
