// StoryService: validation, published/draft access, storage (E4).
#include "stories/story_service.hpp"

#include <cstdlib>
#include <map>
#include <set>
#include <span>

#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "stories/sql.hpp"

namespace stories {

namespace {

using core::Role;

core::Result<void> check_writer(const core::Actor& a) {
    if (a.is_staff()) return {};
    return core::Error::forbidden("Kun kommunens konsulenter kan skrive historier.");
}

core::Result<void> check_reader(const core::Actor& a) {
    if (a.role == Role::Buyer) return core::Error::forbidden("Du har ikke adgang til historierne.");
    return {};
}

using audit::user_ref;

Story story_from_row(const db::Row& r) {
    Story s;
    s.id = r.int64(0);
    s.title = r.text(1);
    s.body = r.text(2);
    s.story_date = core::Date::parse(r.text(3)).value_or(core::Date{});
    s.published = r.int64(4) != 0;
    return s;
}

core::Result<Story> load_story(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::story_by_id, {id}));
    if (rows.empty()) return core::Error::not_found("Historien findes ikke.");
    Story s = story_from_row(rows.first());
    BB_ASSIGN(auto refs, conn.query(sql::story_enterprises_of, {id}));
    for (const auto& r : refs.rows) s.enterprises.push_back({r.int64(0), r.text(1)});
    return s;
}

struct Checked {
    std::string title, body;
    core::Date date;
    bool published = false;
    std::vector<std::int64_t> enterprises;
};

core::Result<Checked> check_input(db::Connection& conn, const StoryInput& in, const core::Date& today) {
    core::Validator v;
    Checked out;
    out.title = std::string(core::trim(in.title));
    if (out.title.empty())
        v.add("title", "Skriv en overskrift på historien.");
    else
        core::check_text(v, "title", out.title, k_max_title, "Overskriften");
    out.body = std::string(core::trim(in.body));
    if (out.body.empty())
        v.add("body", "Skriv historien.");
    else
        core::check_text(v, "body", out.body, k_max_body, "Teksten");
    auto date =
        core::check_date(v, "story_date", in.story_date, "Skriv datoen for historien, fx 2018-06-15.");
    if (date && date->year > today.year + 1) {
        v.add("story_date", "Datoen ligger for langt ude i fremtiden.");
        date.reset();
    }
    if (date) out.date = *date;
    out.published = in.published;
    std::set<std::int64_t> seen;
    for (const auto& text : in.enterprise_ids) {
        const std::string_view t = core::trim(text);
        if (t.empty()) continue;
        long long id = 0;
        if (!core::parse_int64(t, id) || id <= 0) {
            v.add("enterprise_ids", "Vælg virksomhederne fra listen.");
            continue;
        }
        BB_ASSIGN(auto found, enterprises::directory::find(conn, static_cast<std::int64_t>(id)));
        if (!found) {
            v.add("enterprise_ids", "En valgt virksomhed findes ikke i registret.");
            continue;
        }
        if (seen.insert(id).second) out.enterprises.push_back(id);
    }
    if (out.enterprises.size() > k_max_enterprises)
        v.add("enterprise_ids", "Vælg højst " + std::to_string(k_max_enterprises) + " virksomheder.");
    if (!v.ok()) return v.error();
    return out;
}

core::Result<void> store_enterprises(db::Connection& conn, std::int64_t id,
                                     const std::vector<std::int64_t>& ids) {
    BB_TRY(conn.query(sql::story_enterprises_delete, {id}));
    std::int64_t pos = 0;
    for (std::int64_t e : ids) BB_TRY(conn.query(sql::story_enterprise_insert, {id, e, ++pos}));
    return {};
}

std::string describe(const Checked& c) {
    return c.date.iso() + (c.published ? ", offentliggjort" : ", kladde") + ", " +
           std::to_string(c.enterprises.size()) + " virksomheder";
}

}  // namespace

StoryService::StoryService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date StoryService::today() const {
    return core::today(m_clock);
}

core::Result<Story> StoryService::create(const StoryInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Story> {
        BB_ASSIGN(Checked c, check_input(conn, in, now_date));
        BB_ASSIGN(auto inserted, conn.query(sql::story_insert,
                                            {c.title, c.body, c.date.iso(), std::int64_t{c.published ? 1 : 0},
                                             core::iso_timestamp(m_clock.now()), user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(store_enterprises(conn, id, c.enterprises));
        BB_TRY(m_audit.record(conn, actor, "create", "story", std::to_string(id), describe(c)));
        return load_story(conn, id);
    });
}

core::Result<Story> StoryService::update(std::int64_t id, const StoryInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Story> {
        BB_TRY(load_story(conn, id));
        BB_ASSIGN(Checked c, check_input(conn, in, now_date));
        BB_TRY(conn.query(sql::story_update,
                          {id, c.title, c.body, c.date.iso(), std::int64_t{c.published ? 1 : 0},
                           core::iso_timestamp(m_clock.now())}));
        BB_TRY(store_enterprises(conn, id, c.enterprises));
        BB_TRY(m_audit.record(conn, actor, "update", "story", std::to_string(id), describe(c)));
        return load_story(conn, id);
    });
}

core::Result<void> StoryService::remove(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(Story s, load_story(conn, id));
        BB_TRY(conn.query(sql::story_delete, {id}));
        BB_TRY(m_audit.record(conn, actor, "delete", "story", std::to_string(id), s.story_date.iso()));
        return {};
    });
}

core::Result<Story> StoryService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_ASSIGN(Story s, m_db.read([&](db::Connection& conn) { return load_story(conn, id); }));
    if (!s.published && !actor.is_staff()) return core::Error::not_found("Historien findes ikke.");
    return s;
}

core::Result<std::vector<Story>> StoryService::for_year(int year, bool published_only,
                                                        const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_TRY(core::check_year("year", year, core::years::records));
    const bool only_published = published_only || !actor.is_staff();
    const std::string from = std::to_string(year) + "-01-01";
    const std::string to = std::to_string(year + 1) + "-01-01";
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Story>> {
        BB_ASSIGN(auto rows, conn.query(sql::story_list, {from, to, std::int64_t{only_published ? 1 : 0}}));
        std::vector<Story> out;
        std::map<std::int64_t, std::size_t> index;
        for (const auto& r : rows.rows) {
            out.push_back(story_from_row(r));
            index[out.back().id] = out.size() - 1;
        }
        BB_ASSIGN(auto refs, conn.query(sql::story_enterprises_in_range, {from, to}));
        for (const auto& r : refs.rows) {
            auto it = index.find(r.int64(0));
            if (it != index.end()) out[it->second].enterprises.push_back({r.int64(1), r.text(2)});
        }
        return out;
    });
}

core::Result<std::vector<int>> StoryService::years(const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    const std::int64_t only_published = actor.is_staff() ? 0 : 1;
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<int>> {
        BB_ASSIGN(auto rows, conn.query(sql::story_years, {only_published}));
        std::vector<int> out;
        for (const auto& r : rows.rows) out.push_back(static_cast<int>(r.int64(0)));
        return out;
    });
}

core::Result<std::vector<Choice>> StoryService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::All);
    });
}

}  // namespace stories
