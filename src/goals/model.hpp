#pragma once
/// Plain data for goals (F1): the metric catalogue, what a user types for a goal and the
/// pure validation of it. No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace goals {

inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_strategy_point = 40;
inline constexpr std::size_t k_max_municipality = 100;
inline constexpr std::int64_t k_max_target = 1'000'000'000;

/// One entry of the metric catalogue.
struct MetricInfo {
    std::string_view code;         ///< stored code, e.g. "jobs_municipality"
    std::string_view label;        ///< Danish label shown in forms and on the dashboard
    bool needs_parameter = false;  ///< true for jobs_by_kind (parameter = job kind code)
    bool money = false;            ///< target and actual in kroner
    bool stock = false;            ///< a stock at a date (enterprises, registered_rsv, on_the_way)
};

/// Every metric the goals package can compute, in the order forms show them.
const std::vector<MetricInfo>& metric_catalogue();
/// The catalogue entry for `code`; nullopt for an unknown code.
std::optional<MetricInfo> find_metric(std::string_view code);

/// Cadences: "per_year" (the target each calendar year) | "period_end" (reach by period_to).
std::string_view cadence_label(std::string_view code);  ///< "Hvert år" / "Ved periodens slutning"
bool valid_cadence(std::string_view code);

/// What a user types for a goal (form or JSON).
struct GoalInput {
    std::string metric;
    std::string parameter;  ///< job kind code for jobs_by_kind; municipality for the stock
                            ///< metrics ("" = all municipalities); else ignored
    std::string title;
    std::string target;       ///< whole number; money goals in kroner
    std::string period_from;  ///< YYYY-MM-DD (like every other date field)
    std::string period_to;
    std::string cadence;
    std::string baseline;        ///< optional whole number
    std::string baseline_year;   ///< optional year
    std::string strategy_point;  ///< optional free label, e.g. "6.8"
};

/// A validated goal, ready to store.
struct ValidGoal {
    std::string metric;
    std::string parameter;
    std::string title;
    std::int64_t target = 0;
    core::Date period_from;
    core::Date period_to;
    std::string cadence;
    std::optional<std::int64_t> baseline;
    std::optional<int> baseline_year;
    std::string strategy_point;
    int sort_order = 0;
};

/// Pure validation of a goal. `job_kinds` are the valid parameter codes for jobs_by_kind.
/// Field names: metric ("Nøgletal"), parameter (job kind), municipality (the parameter of a
/// stock metric), title, target, period_from, period_to, cadence, baseline, baseline_year,
/// strategy_point.
core::Result<ValidGoal> validate_goal(const GoalInput& input, const std::vector<std::string>& job_kinds);

/// floor(actual*100/target), 0 when target ≤ 0, never negative.
int percent_of(std::int64_t actual, std::int64_t target);

/// Where a goal stands for a year: the status as data, worded by attainment_label only.
enum class Attainment {
    Reached,     ///< the target is reached (whether or not the period has ended)
    NotReached,  ///< the period (the year, for per_year goals) has ended short of the target
    OnTheWay,    ///< the period has not ended and the target is not reached yet
    NoData,      ///< nothing at all is recorded for the metric in the year
};

/// The status from the figure: no data wins; then reached; then on the way until the period
/// has ended, not reached after.
Attainment attainment_of(bool has_data, std::int64_t actual, std::int64_t target, bool period_ended);
/// Stable code for the JSON: "reached" | "not_reached" | "on_the_way" | "no_data".
std::string_view attainment_code(Attainment a);
/// The one Danish wording: "Nået", "Ikke nået (76 % af målet)", "På vej (76 % af målet)",
/// "Ingen data". `percent` as percent_of.
std::string attainment_label(Attainment a, int percent);

}  // namespace goals
