#pragma once
/// The annual report (F2) as data: everything one year's report shows, in the order of the
/// 2018 model report (003): preface, 1 introduction with the status against goals,
/// 2 enterprises and initiatives, 3 registration, 4 network, 5 stories, 6 one section per
/// strategy point (introduction, what happened, recommendation, with the figures of 6.2
/// grants, 6.5 agreements' evaluations, 6.8 jobs by kind and channel, 6.9 progression),
/// 7 the collected recommendations and 7.2 the holistic ones, and (F5) the registry counts per
/// municipality when the instance holds more than one.
///
/// Figures only: nothing here names a citizen (progression examples are "Borger A", "Borger B").
/// Pure types; report_service fills them, document.cpp turns them into a publishing::Document,
/// report_json.cpp into the documented JSON (docs/reports.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "goals/model.hpp"

namespace report {

inline constexpr int k_min_year = 2000;
inline constexpr int k_max_year = 2100;
inline constexpr std::size_t k_max_text = 20000;  ///< one narrative field
inline constexpr std::size_t k_max_point_title = 200;
inline constexpr std::size_t k_max_point_code = 20;
inline constexpr std::size_t k_max_holistic_items = 12;

/// A point of the municipality's strategy ("6.1 CSR og socialøkonomi"), valid for a span of years.
struct StrategyPoint {
    std::int64_t id = 0;
    std::string code;   ///< "6.1"
    std::string title;  ///< "CSR og socialøkonomi"
    int position = 0;
    int valid_from = k_min_year;
    std::optional<int> valid_to;  ///< nullopt = still valid
};

/// The three narrative parts of one strategy point for a year.
struct PointTexts {
    std::int64_t point_id = 0;
    std::string code;
    std::string title;
    std::string intro;
    std::string happened;
    std::string recommendation;
};

/// 7.2: a recommendation from a holistic view of the year ("A", "B", …).
struct HolisticItem {
    std::string label;  ///< "A", "B", … by position
    std::string text;
    std::string recommendation;
};

/// The narrative written in the system for one year.
struct Narrative {
    int year = 0;
    bool saved = false;  ///< false when nothing has been written for the year yet
    std::string preface;
    std::string introduction;
    std::vector<PointTexts> points;  ///< every strategy point valid in the year, by position
    std::vector<HolisticItem> holistic;
    /// The period the agreements are evaluated over (003 evaluates 2016-08-01 – 2018-08-01);
    /// nullopt = the calendar year.
    std::optional<core::Date> evaluation_from;
    std::optional<core::Date> evaluation_to;
};

/// What the editor form sends (as typed).
struct NarrativeInput {
    std::string preface;
    std::string introduction;
    std::string evaluation_from;
    std::string evaluation_to;
    struct Point {
        std::string point_id;
        std::string intro;
        std::string happened;
        std::string recommendation;
    };
    std::vector<Point> points;
    struct Holistic {
        std::string text;
        std::string recommendation;
    };
    std::vector<Holistic> holistic;
};

struct StrategyPointInput {
    std::string code;
    std::string title;
    std::string position;
    std::string valid_from;
    std::string valid_to;
};

/// 1: one goal's status for the year.
struct GoalLine {
    std::string title;
    std::string metric;
    std::string strategy_point;
    std::int64_t actual = 0;
    std::int64_t target = 0;
    std::string actual_text;
    std::string target_text;
    std::string measured_at;
    bool met = false;
    int percent = 0;
    bool has_data = true;
    goals::Attainment attainment = goals::Attainment::NoData;  ///< as goals::GoalStatus
};

/// 2: an enterprise or initiative of the municipality at the year's end.
struct EnterpriseLine {
    std::int64_t id = 0;
    std::string name;
    std::string kind_label;
    std::string status;  ///< status code at the year's end
    std::string status_label;
    std::string description;
    std::string plans;
    std::vector<std::string> target_groups;  ///< labels
};

/// 3 and F5: the four figures of 002 Table 1 at the year's end.
struct RegistryFigures {
    std::string municipality;  ///< "" = all
    std::int64_t total = 0;
    std::int64_t registered = 0;
    std::int64_t established_in_year = 0;
    std::int64_t on_the_way = 0;
};

struct Registration {
    RegistryFigures figures;
    std::vector<std::string> registered;  ///< names of the registered social enterprises
    std::vector<std::string> on_the_way;  ///< names of those on the way
};

/// 4: one event of the year.
struct EventLine {
    core::Date held_on;
    std::string kind_label;
    std::string title;
    std::string theme;
    int invited = 0;
    int present = 0;
};

struct Network {
    int meetings = 0;
    int meetings_next_year = 0;
    std::vector<std::string> themes_next_year;
    std::vector<EventLine> events;
};

/// 5: a published story of the year.
struct StoryLine {
    core::Date story_date;
    std::string title;
    std::string body;
    std::vector<std::string> enterprises;
};

/// 6.2: grants per enterprise.
struct GrantLine {
    std::string enterprise;
    std::string source;
    std::string purpose;
    std::int64_t amount_oere = 0;
    bool approximate = false;
};

struct GrantGroup {
    std::string enterprise;
    std::int64_t total_oere = 0;
    bool approximate = false;
    std::vector<GrantLine> grants;
};

struct Grants {
    std::vector<GrantGroup> enterprises;
    std::int64_t total_oere = 0;
    int count = 0;
};

/// A count with numerator/denominator ("10 af 25 (40 %)").
struct ShareValue {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    std::optional<int> percent;
    std::string text;
    bool numerator_hidden = false;  ///< public version: the numerator is 1–4 ("<5 af 25")
    bool denominator_hidden = false;
};

struct OutcomeCount {
    std::string key;
    std::string label;
    std::int64_t count = 0;
    bool hidden = false;  ///< public version: shown as "<5"
};

/// 6.5: one cooperation agreement's evaluation for the report's evaluation period.
struct AgreementLine {
    std::int64_t agreement_id = 0;
    std::string title;
    std::string enterprise;
    core::Date from;
    core::Date to;
    std::int64_t slots = 0;
    std::int64_t in_use = 0;
    std::int64_t active_in_period = 0;
    std::int64_t with_plan = 0;
    std::int64_t completed = 0;
    std::int64_t continuing = 0;
    std::vector<OutcomeCount> by_group;  ///< every outcome group, also 0
    ShareValue success;                  ///< job or education over completed
    ShareValue stopped;
    ShareValue plan_in_time;
    // Public version: counts shown as "<5".
    bool in_use_hidden = false;
    bool active_hidden = false;
    bool with_plan_hidden = false;
    bool completed_hidden = false;
    bool continuing_hidden = false;
};

/// 6.8: jobs by kind and channel.
struct JobKindLine {
    std::string kind;
    std::string label;
    std::int64_t municipality = 0;
    std::int64_t other = 0;
    // Public version: counts shown as "<5" (primary and secondary suppression).
    bool municipality_hidden = false;
    bool other_hidden = false;
    bool total_hidden = false;
};

struct Jobs {
    std::vector<JobKindLine> kinds;  ///< kinds with at least one job
    std::int64_t municipality = 0;
    std::int64_t other = 0;
    bool municipality_hidden = false;
    bool other_hidden = false;
    bool total_hidden = false;
};

/// 6.9: one progression example, without the person's name.
struct HoursStep {
    core::Date effective_from;
    std::int64_t weekly_hundredths = 0;
    int intensity = 100;
    std::int64_t effective_hundredths = 0;
};

struct ProgressionExample {
    std::string label;  ///< "Borger A"
    std::string kind_label;
    core::Date hired_on;
    std::vector<HoursStep> steps;  ///< oldest first; at least two
};

/// 7.1: a strategy point's recommendation, collected.
struct Recommendation {
    std::string code;
    std::string title;
    std::string text;
};

struct ReportModel {
    int year = 0;
    std::string municipality;  ///< "Slagelse"
    core::Date as_of;          ///< the year's last day
    core::Date generated_on;
    bool has_data = false;        ///< false: the report says so and shows nothing else
    bool public_version = false;  ///< the suppressed version for publication
    Narrative narrative;
    std::vector<GoalLine> goals;
    std::vector<EnterpriseLine> enterprises;  ///< counted in the total at the year's end, by name
    Registration registration;
    Network network;
    std::vector<StoryLine> stories;
    Grants grants;
    std::vector<AgreementLine> agreements;
    std::optional<core::Date> evaluation_from;
    std::optional<core::Date> evaluation_to;
    Jobs jobs;
    std::vector<ProgressionExample> progression;
    std::vector<RegistryFigures> municipalities;  ///< F5; only when more than one municipality
    std::vector<Recommendation> recommendations;  ///< 7.1, every point with a recommendation
};

/// Mid-year job status (003 §7.2 B): jobs from 1 January to `date` against the yearly goal.
struct MidYear {
    int year = 0;
    core::Date from;
    core::Date to;
    Jobs jobs;
    std::optional<std::int64_t> goal_target;
    std::string goal_title;
    std::string goal_metric;       ///< "jobs" or "jobs_municipality"
    std::int64_t goal_actual = 0;  ///< the jobs the goal counts, up to `to`
};

/// The public version: applies publishing::suppress to every person count (jobs by kind and
/// channel, the agreements' counts and outcome groups), hides the percent of a share whose
/// numerator is suppressed, and leaves out the progression examples (each is one person).
void make_public(ReportModel& model);
void make_public(MidYear& midyear);

/// "Borger A" … "Borger Z", "Borger AA" …
std::string citizen_label(std::size_t index);
/// Hundredths as Danish hours: 450 → "4,5", 1500 → "15", 360 → "3,6", 1234 → "12,34".
std::string hours_text(std::int64_t hundredths);
/// "150.000 kr." / "ca. 150.000 kr."
std::string kroner_text(std::int64_t oere, bool approximate = false);

}  // namespace report
