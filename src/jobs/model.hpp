#pragma once
/// Plain data for jobs and progression (C5), fleksjob follow-up (C6) and the job kinds list.
/// Hours are hundredths of an hour and intensity a whole percent (employment/rules.hpp).
/// No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/choice.hpp"
#include "core/date.hpp"
#include "employment/rules.hpp"

namespace jobs {

inline constexpr std::size_t k_max_note = 2000;
inline constexpr std::size_t k_max_label = 100;
inline constexpr std::size_t k_max_code = 40;
/// Earliest hiring date accepted.
inline constexpr std::string_view k_earliest_date = "1990-01-01";
/// Default horizon of the follow-up list (days ahead).
inline constexpr int k_default_due_days = 90;
/// Most rows a list returns.
inline constexpr int k_list_limit = 500;

/// How the hire came about: through the jobcentre ("Via jobcentret") or another channel.
enum class Channel { Municipality, Other };
std::string_view channel_code(Channel c);   ///< "municipality", "other"
std::string_view channel_label(Channel c);  ///< "Via jobcentret", "Andre kanaler"
std::optional<Channel> parse_channel(std::string_view code);
inline constexpr Channel k_channels[] = {Channel::Municipality, Channel::Other};

/// Label of a fleksjob due kind: "Opfølgning efter 2½ år" / "Status ved 4½ år (midlertidigt fleksjob)".
std::string_view due_kind_label(employment::FleksjobDue::Kind kind);

struct JobKind {
    std::int64_t id = 0;
    std::string code;
    std::string label;
    bool is_fleksjob = false;
    int sort = 0;
    bool active = true;
};

/// The admin's job kind form. `is_fleksjob` and `active` are checkboxes ("1" = on).
struct JobKindInput {
    std::string code;  ///< only when adding; fixed afterwards
    std::string label;
    std::string is_fleksjob;
    std::string sort;
    std::string active = "1";
};

/// One dated row of weekly hours and intensity.
struct HoursEntry {
    std::int64_t id = 0;
    core::Date effective_from;
    std::int64_t weekly_hundredths = 0;
    int intensity = 100;
    std::string note;
    [[nodiscard]] std::int64_t effective_hundredths() const {
        return employment::effective_hours(weekly_hundredths, intensity);
    }
};

/// A follow-up that was held.
struct FollowupHeld {
    core::Date due_on;
    employment::FleksjobDue::Kind kind = employment::FleksjobDue::Kind::FollowUp;
    core::Date held_on;
    std::string note;
};

struct Job {
    std::int64_t id = 0;
    std::int64_t citizen_id = 0;
    std::string citizen_case_ref;
    std::string citizen_name;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string kind;
    std::string kind_label;
    bool kind_is_fleksjob = false;
    Channel channel = Channel::Municipality;
    core::Date hired_on;
    std::optional<core::Date> ended_on;
    bool temporary_fleksjob = false;
    std::optional<std::int64_t> placement_id;
    std::optional<std::int64_t> hiring_need_id;
    std::string note;
    std::vector<HoursEntry> hours;        ///< oldest first (filled by get_job)
    std::vector<FollowupHeld> followups;  ///< oldest first (filled by get_job)
    /// The latest hours row (the list's hours columns); empty when none.
    std::optional<HoursEntry> current;
};

/// What the caseworker types when recording a hire.
struct JobInput {
    std::string citizen_ref;  ///< the citizen's case reference
    std::string enterprise_id;
    std::string kind;                ///< job_kinds.code
    std::string channel;             ///< "municipality" / "other"
    std::string hired_on;            ///< "YYYY-MM-DD"
    std::string temporary_fleksjob;  ///< "1" = on
    std::string placement_id;        ///< optional
    std::string weekly_hours;        ///< "4,5"
    std::string intensity;           ///< "80"
    std::string note;
};

/// Editable after the hire: kind, channel, temporary flag and note.
struct JobEditInput {
    std::string kind;
    std::string channel;
    std::string temporary_fleksjob;
    std::string note;
};

struct HoursInput {
    std::string effective_from;
    std::string weekly_hours;
    std::string intensity;
    std::string note;
};

struct FollowupInput {
    std::string due_on;
    std::string kind;  ///< "follow_up" / "temporary_status"
    std::string held_on;
    std::string note;
};

struct JobFilter {
    std::string year;  ///< by hired_on; "" = all
    std::string kind;
    std::string channel;
    std::string enterprise_id;
    std::string citizen_id;
};

/// One row of the counts table: a kind with its hires per channel.
struct CountRow {
    std::string kind;
    std::string label;
    std::int64_t municipality = 0;
    std::int64_t other = 0;
    [[nodiscard]] std::int64_t total() const { return municipality + other; }
};

/// Hires in one year (by hired_on) by kind and channel.
struct Counts {
    int year = 0;
    std::vector<CountRow> rows;  ///< every kind with hires in the year, plus every active kind
    std::int64_t municipality = 0;
    std::int64_t other = 0;
    [[nodiscard]] std::int64_t total() const { return municipality + other; }
};

/// A fleksjob follow-up (or temporary status) not yet held.
struct DueItem {
    std::int64_t job_id = 0;
    std::int64_t citizen_id = 0;
    std::string citizen_name;
    std::string citizen_case_ref;
    std::string enterprise_name;
    core::Date hired_on;
    core::Date due;
    employment::FleksjobDue::Kind kind = employment::FleksjobDue::Kind::FollowUp;
    bool overdue = false;
};

struct DueList {
    core::Date today;
    int within_days = k_default_due_days;
    std::vector<DueItem> items;  ///< earliest due first, at most the limit asked for
    std::size_t total = 0;       ///< all due items, also those beyond the limit
};

using Choice = core::Choice;

}  // namespace jobs
