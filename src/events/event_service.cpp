// EventService: validation, record-level access, storage and the year summary (E2).
#include "events/event_service.hpp"

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <span>

#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "events/sql.hpp"

namespace events {

namespace {

using core::Role;

core::Result<void> check_writer(const core::Actor& a) {
    if (a.is_staff()) return {};
    return core::Error::forbidden("Kun kommunens konsulenter kan registrere netværksmøder og arrangementer.");
}

core::Result<void> check_reader(const core::Actor& a) {
    if (a.is_municipal() || a.role == Role::Enterprise) return {};
    return core::Error::forbidden("Du har ikke adgang til netværksmøder og arrangementer.");
}

/// 0 = every event; an enterprise user's own enterprise id otherwise (-1 when it has none).
std::int64_t enterprise_filter(const core::Actor& a) {
    if (a.role != Role::Enterprise) return 0;
    return a.enterprise_id ? *a.enterprise_id : -1;
}

using audit::user_ref;

std::string year_start(int year) {
    return std::to_string(year) + "-01-01";
}

Event event_from_row(const db::Row& r) {
    Event e;
    e.id = r.int64(0);
    e.held_on = core::Date::parse(r.text(1)).value_or(core::Date{});
    e.kind = r.text(2);
    e.kind_label = kind_label(e.kind);
    e.title = r.text(3);
    e.theme = r.text(4);
    e.place = r.text(5);
    e.summary = r.text(6);
    return e;
}

Participant participant_from_row(const db::Row& r) {
    return {r.int64(1), r.text(2), r.int64(3) != 0, r.int64(4) != 0};
}

void count(Event& e) {
    e.invited_count = 0;
    e.present_count = 0;
    for (const auto& p : e.participants) {
        if (p.invited) ++e.invited_count;
        if (p.present) ++e.present_count;
    }
}

core::Result<Event> load_event(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::event_by_id, {id}));
    if (rows.empty()) return core::Error::not_found("Arrangementet findes ikke.");
    Event e = event_from_row(rows.first());
    BB_ASSIGN(auto parts, conn.query(sql::participants_of, {id}));
    for (const auto& r : parts.rows) e.participants.push_back(participant_from_row(r));
    count(e);
    return e;
}

bool took_part(const Event& e, std::int64_t enterprise_id) {
    for (const auto& p : e.participants)
        if (p.enterprise_id == enterprise_id) return true;
    return false;
}

struct CheckedEvent {
    core::Date held_on;
    std::string kind, title, theme, place, summary;
    std::vector<Participant> participants;
};

}  // namespace

EventService::EventService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date EventService::today() const {
    return core::today(m_clock);
}

namespace {

/// Validates `in` (the registry lookups need the connection); Validation error or the clean values.
core::Result<CheckedEvent> check_input(db::Connection& conn, const EventInput& in, const core::Date& today) {
    core::Validator v;
    CheckedEvent out;
    auto held = core::check_date(v, "held_on", in.held_on, "Skriv datoen for arrangementet, fx 2018-05-16.");
    if (held && held->year > today.year + 5) {
        v.add("held_on", "Datoen ligger for langt ude i fremtiden; højst 5 år frem.");
        held.reset();
    }
    if (held) out.held_on = *held;
    out.kind = std::string(core::trim(in.kind));
    if (kind_label(out.kind).empty()) v.add("kind", "Vælg, hvilken slags arrangement det er.");
    out.title = std::string(core::trim(in.title));
    if (out.title.empty())
        v.add("title", "Skriv en titel, fx Netværksmøde om fundraising.");
    else
        core::check_text(v, "title", out.title, k_max_title, "Titlen");
    out.theme = std::string(core::trim(in.theme));
    core::check_text(v, "theme", out.theme, k_max_theme, "Temaet");
    out.place = std::string(core::trim(in.place));
    core::check_text(v, "place", out.place, k_max_place, "Stedet");
    out.summary = std::string(core::trim(in.summary));
    core::check_text(v, "summary", out.summary, k_max_summary, "Referatet");
    if (in.participants.size() > k_max_participants)
        v.add("participants", "Der kan højst være " + std::to_string(k_max_participants) + " deltagere.");
    std::set<std::int64_t> seen_ids;
    std::set<std::string> seen_names;
    for (const auto& p : in.participants) {
        const std::string_view id_text = core::trim(p.enterprise_id);
        long long id = 0;
        Participant part{0, {}, p.invited, p.present};
        if (!id_text.empty() && id_text != "0") {
            if (!core::parse_int64(id_text, id) || id <= 0) {
                v.add("participants", "Vælg deltagende organisationer fra listen.");
                continue;
            }
            BB_ASSIGN(auto found, enterprises::directory::find(conn, static_cast<std::int64_t>(id)));
            if (!found) {
                v.add("participants", "En valgt organisation findes ikke i registret.");
                continue;
            }
            if (!seen_ids.insert(id).second) {
                v.add("participants", "Organisationen " + found->name + " er valgt to gange.");
                continue;
            }
            part.enterprise_id = id;
            part.name = found->name;
        } else {
            part.name = std::string(core::trim(p.name));
            if (part.name.empty()) continue;  // an empty line in the form
            core::Validator nv;
            core::check_text(nv, "participants", part.name, k_max_participant_name, "Organisationens navn");
            if (!nv.ok()) {
                v.add("participants", nv.fields().front().message);
                continue;
            }
            if (!seen_names.insert(core::to_lower_danish(part.name)).second) {
                v.add("participants", "Organisationen " + part.name + " er skrevet to gange.");
                continue;
            }
        }
        if (!part.invited && !part.present) part.invited = true;
        out.participants.push_back(std::move(part));
    }
    if (!v.ok()) return v.error();
    return out;
}

core::Result<void> store_participants(db::Connection& conn, std::int64_t id,
                                      const std::vector<Participant>& parts) {
    BB_TRY(conn.query(sql::participants_delete, {id}));
    std::int64_t pos = 0;
    for (const auto& p : parts) {
        BB_TRY(conn.query(sql::participant_insert,
                          {id, ++pos, p.enterprise_id > 0 ? db::Value(p.enterprise_id) : db::null(), p.name,
                           std::int64_t{p.invited ? 1 : 0}, std::int64_t{p.present ? 1 : 0}}));
    }
    return {};
}

std::string describe(const CheckedEvent& e) {
    return e.kind + " " + e.held_on.iso() + ", " + std::to_string(e.participants.size()) + " deltagere";
}

}  // namespace

core::Result<Event> EventService::create(const EventInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Event> {
        BB_ASSIGN(CheckedEvent e, check_input(conn, in, now_date));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto inserted, conn.query(sql::event_insert, {e.held_on.iso(), e.kind, e.title, e.theme,
                                                                e.place, e.summary, now, user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(store_participants(conn, id, e.participants));
        BB_TRY(m_audit.record(conn, actor, "create", "event", std::to_string(id), describe(e)));
        return load_event(conn, id);
    });
}

core::Result<Event> EventService::update(std::int64_t id, const EventInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Event> {
        BB_TRY(load_event(conn, id));
        BB_ASSIGN(CheckedEvent e, check_input(conn, in, now_date));
        BB_TRY(conn.query(sql::event_update, {id, e.held_on.iso(), e.kind, e.title, e.theme, e.place,
                                              e.summary, core::iso_timestamp(m_clock.now())}));
        BB_TRY(store_participants(conn, id, e.participants));
        BB_TRY(m_audit.record(conn, actor, "update", "event", std::to_string(id), describe(e)));
        return load_event(conn, id);
    });
}

core::Result<void> EventService::remove(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(Event e, load_event(conn, id));
        BB_TRY(conn.query(sql::event_delete, {id}));
        BB_TRY(m_audit.record(conn, actor, "delete", "event", std::to_string(id),
                              e.kind + " " + e.held_on.iso()));
        return {};
    });
}

core::Result<Event> EventService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    const std::int64_t only = enterprise_filter(actor);
    BB_ASSIGN(std::optional<Event> found,
              m_db.write([&](db::Connection& conn) -> core::Result<std::optional<Event>> {
                  BB_ASSIGN(Event e, load_event(conn, id));
                  if (only != 0 && !took_part(e, only)) {
                      // Committed (the caller gets NotFound): the attempt is on record.
                      BB_TRY(m_audit.record(conn, actor, "read", "event", std::to_string(id),
                                            "arrangement uden egen virksomhed", {},
                                            std::string(audit::k_outcome_denied)));
                      return std::optional<Event>{};
                  }
                  return std::optional<Event>(std::move(e));
              }));
    if (!found) return core::Error::not_found("Arrangementet findes ikke.");
    return std::move(*found);
}

core::Result<YearSummary> EventService::year_summary(int year, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_TRY(core::check_year("year", year, core::years::planning(today().year)));
    const std::int64_t only = enterprise_filter(actor);
    return m_db.read([&](db::Connection& conn) -> core::Result<YearSummary> {
        YearSummary s;
        s.year = year;
        const std::string from = year_start(year);
        const std::string to = year_start(year + 1);
        BB_ASSIGN(auto rows, conn.query(sql::event_list, {from, to, only}));
        std::map<std::int64_t, std::size_t> index;
        for (const auto& r : rows.rows) {
            s.events.push_back(event_from_row(r));
            index[s.events.back().id] = s.events.size() - 1;
        }
        BB_ASSIGN(auto parts, conn.query(sql::participants_in_range, {from, to}));
        for (const auto& r : parts.rows) {
            auto it = index.find(r.int64(0));
            if (it != index.end()) s.events[it->second].participants.push_back(participant_from_row(r));
        }
        for (auto& e : s.events) count(e);
        BB_ASSIGN(auto meetings, conn.query(sql::meeting_count, {from, to}));
        s.network_meetings = static_cast<int>(meetings.first().int64(0));
        BB_ASSIGN(auto next, conn.query(sql::meeting_count, {to, year_start(year + 2)}));
        s.network_meetings_next_year = static_cast<int>(next.first().int64(0));
        BB_ASSIGN(auto themes, conn.query(sql::themes_of_year, {std::int64_t{year + 1}}));
        for (const auto& r : themes.rows) s.themes_next_year.push_back(r.text(0));
        return s;
    });
}

core::Result<std::vector<std::string>> EventService::themes(int year, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_TRY(core::check_year("year", year, core::years::planning(today().year)));
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<std::string>> {
        BB_ASSIGN(auto rows, conn.query(sql::themes_of_year, {std::int64_t{year}}));
        std::vector<std::string> out;
        for (const auto& r : rows.rows) out.push_back(r.text(0));
        return out;
    });
}

core::Result<std::vector<std::string>> EventService::set_themes(int year,
                                                                const std::vector<std::string>& themes,
                                                                const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    BB_TRY(core::check_year("year", year, core::years::planning(today().year)));
    core::Validator v;
    std::vector<std::string> clean;
    for (const auto& t : themes) {
        std::string theme(core::trim(t));
        if (theme.empty()) continue;
        core::Validator tv;
        core::check_text(tv, "themes", theme, k_max_theme, "Et tema");
        if (!tv.ok()) {
            v.add("themes", tv.fields().front().message);
            continue;
        }
        clean.push_back(std::move(theme));
    }
    if (clean.size() > k_max_themes)
        v.add("themes", "Der kan højst være " + std::to_string(k_max_themes) + " temaer for et år.");
    if (!v.ok()) return v.error();
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<std::string>> {
        BB_TRY(conn.query(sql::themes_delete, {std::int64_t{year}}));
        std::int64_t pos = 0;
        for (const auto& t : clean) BB_TRY(conn.query(sql::theme_insert, {std::int64_t{year}, ++pos, t}));
        BB_TRY(m_audit.record(conn, actor, "update", "event_themes", std::to_string(year),
                              std::to_string(clean.size()) + " temaer"));
        return clean;
    });
}

core::Result<std::vector<int>> EventService::years(const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<int>> {
        BB_ASSIGN(auto rows, conn.query(sql::event_years));
        std::vector<int> out;
        for (const auto& r : rows.rows) out.push_back(static_cast<int>(r.int64(0)));
        return out;
    });
}

core::Result<std::vector<Choice>> EventService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::All);
    });
}

}  // namespace events
