#pragma once
/// Network meetings and events (E2): date, kind, title, theme, place, summary and the
/// organisations invited / present (from the registry or typed by name); counts per year and
/// the ordered themes chosen for a year ("Temaer for næste år"). docs/network.md.
///
/// Access is decided here, from the core::Actor:
///   - consultant, admin: read and write everything;
///   - caseworker: read everything;
///   - enterprise user: reads only events its own enterprise took part in (others NotFound,
///     audited "denied"); no writes (Forbidden);
///   - buyer: nothing (Forbidden).
/// Every change writes an audit row (object_type "event" / "event_themes") in the same
/// transaction. Events' SQL reads the registry's `enterprises` (id, name) read-only for names
/// and choices. Thread-safe: one instance serves all.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace events {

inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_theme = 300;
inline constexpr std::size_t k_max_place = 200;
inline constexpr std::size_t k_max_summary = 4000;
inline constexpr std::size_t k_max_participant_name = 200;
inline constexpr std::size_t k_max_participants = 200;
inline constexpr std::size_t k_max_themes = 30;

struct Participant {
    std::int64_t enterprise_id = 0;  ///< 0 = not in the registry
    std::string name;
    bool invited = true;
    bool present = false;
};

struct Event {
    std::int64_t id = 0;
    core::Date held_on;
    std::string kind;  ///< network_meeting|market_day|other
    std::string kind_label;
    std::string title;
    std::string theme;
    std::string place;
    std::string summary;
    std::vector<Participant> participants;
    int invited_count = 0;
    int present_count = 0;
};

struct YearSummary {
    int year = 0;
    std::vector<Event> events;                  ///< all events dated in `year`, by date
    int network_meetings = 0;                   ///< kind network_meeting dated in `year`
    int network_meetings_next_year = 0;         ///< kind network_meeting dated in year+1 (planned/invited)
    std::vector<std::string> themes_next_year;  ///< the themes chosen for year+1, in order
};

/// One participant line as typed in the form.
struct ParticipantInput {
    std::string enterprise_id;  ///< "" or "0" = typed name
    std::string name;           ///< used when enterprise_id is empty
    bool invited = true;
    bool present = false;
};

/// What a consultant types when recording an event.
struct EventInput {
    std::string held_on;  ///< "YYYY-MM-DD"
    std::string kind;     ///< network_meeting|market_day|other
    std::string title;
    std::string theme;
    std::string place;
    std::string summary;
    std::vector<ParticipantInput> participants;
};

using Choice = core::Choice;

/// Event kind codes and Danish labels, in display order.
std::vector<Choice> kind_choices();
/// "Netværksmøde" etc.; "" for an unknown code.
std::string kind_label(std::string_view code);

class EventService {
public:
    EventService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    EventService(const EventService&) = delete;
    EventService& operator=(const EventService&) = delete;

    core::Result<YearSummary> year_summary(int year, const core::Actor& actor);

    /// Consultant, admin. Validation: held_on, kind, title, theme, place, summary, participants.
    core::Result<Event> create(const EventInput& input, const core::Actor& actor);
    core::Result<Event> update(std::int64_t id, const EventInput& input, const core::Actor& actor);
    core::Result<void> remove(std::int64_t id, const core::Actor& actor);
    core::Result<Event> get(std::int64_t id, const core::Actor& actor);

    /// The themes chosen for `year` (read: staff + caseworker).
    core::Result<std::vector<std::string>> themes(int year, const core::Actor& actor);
    /// Replaces the themes of `year` with `themes` (empty lines dropped). Consultant, admin.
    core::Result<std::vector<std::string>> set_themes(int year, const std::vector<std::string>& themes,
                                                      const core::Actor& actor);
    /// Years with events or themes, newest first (readers).
    core::Result<std::vector<int>> years(const core::Actor& actor);
    /// Registry enterprises for the participant picker (staff only).
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);

    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace events
