// ReportService: access, the narrative per year and the strategy points.
#include "report/report_service.hpp"

#include <cstdlib>
#include <span>

#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "report/service_detail.hpp"
#include "report/sql.hpp"

namespace report {

using core::Role;

bool sees_full_report(const core::Actor& a) {
    return a.is_municipal();
}

bool writes_narrative(const core::Actor& a) {
    return a.is_staff();
}

core::Actor internal_actor(const core::Actor& caller) {
    core::Actor a =
        core::Actor::system("report:" + (caller.username.empty() ? std::string("system") : caller.username));
    a.request_id = caller.request_id;
    a.client_ip = caller.client_ip;
    return a;
}

namespace {

core::Result<void> check_writer(const core::Actor& a) {
    if (writes_narrative(a)) return {};
    return core::Error::forbidden(
        "Kun administratorer og socialøkonomiske konsulenter kan skrive årsrapportens tekster.");
}

StrategyPoint point_from_row(const db::Row& r) {
    StrategyPoint p;
    p.id = r.int64(0);
    p.code = r.text(1);
    p.title = r.text(2);
    p.position = static_cast<int>(r.int64(3));
    p.valid_from = static_cast<int>(r.int64(4));
    if (auto to = r.opt_int64(5)) p.valid_to = static_cast<int>(*to);
    return p;
}

std::string label_for(std::size_t index) {
    std::string out;
    std::size_t n = index + 1;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return out;
}

static_assert(core::years::reporting.first == k_min_year && core::years::reporting.last == k_max_year);

}  // namespace

std::string citizen_label(std::size_t index) {
    return "Borger " + label_for(index);
}

core::Date ReportService::Impl::today() const {
    return core::today(clock);
}

core::Result<Narrative> ReportService::Impl::load_narrative(db::Connection& conn, int year) {
    Narrative n;
    n.year = year;
    BB_ASSIGN(auto texts, conn.query(sql::texts_by_year, {std::int64_t{year}}));
    if (!texts.empty()) {
        const auto& r = texts.first();
        n.saved = true;
        n.preface = r.text(0);
        n.introduction = r.text(1);
        if (auto f = r.opt_text(2)) n.evaluation_from = core::Date::parse(*f);
        if (auto t = r.opt_text(3)) n.evaluation_to = core::Date::parse(*t);
    }
    BB_ASSIGN(auto points, conn.query(sql::points_for_year, {std::int64_t{year}}));
    BB_ASSIGN(auto point_texts, conn.query(sql::point_texts_by_year, {std::int64_t{year}}));
    for (const auto& r : points.rows) {
        const StrategyPoint p = point_from_row(r);
        PointTexts t;
        t.point_id = p.id;
        t.code = p.code;
        t.title = p.title;
        for (const auto& pr : point_texts.rows) {
            if (pr.int64(0) != p.id) continue;
            t.intro = pr.text(1);
            t.happened = pr.text(2);
            t.recommendation = pr.text(3);
        }
        n.points.push_back(std::move(t));
    }
    BB_ASSIGN(auto holistic, conn.query(sql::holistic_by_year, {std::int64_t{year}}));
    for (const auto& r : holistic.rows) {
        HolisticItem h;
        h.label = label_for(n.holistic.size());
        h.text = r.text(1);
        h.recommendation = r.text(2);
        n.holistic.push_back(std::move(h));
    }
    return n;
}

ReportService::ReportService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                             std::string municipality, Sources sources)
    : m_impl(std::make_unique<Impl>(db, clock, audit, std::move(municipality), sources)) {}

ReportService::~ReportService() = default;

core::Date ReportService::today() const {
    return m_impl->today();
}

core::Result<int> ReportService::parse_year(const std::string& text, int default_year) {
    return core::year_or("year", text, core::years::reporting, default_year);
}

core::Result<ReportModel> ReportService::build(const std::string& year_text, bool public_version,
                                               const core::Actor& actor) {
    if (!public_version && !sees_full_report(actor))
        return core::Error::forbidden("Du kan kun se den offentlige udgave af årsrapporten.");
    BB_ASSIGN(int year, parse_year(year_text, m_impl->today().year - 1));
    BB_ASSIGN(auto model, m_impl->build(year, public_version, actor));
    if (public_version) make_public(model);
    return model;
}

core::Result<MidYear> ReportService::midyear(int year, const std::string& date, const core::Actor& actor) {
    if (!sees_full_report(actor))
        return core::Error::forbidden("Du har ikke adgang til jobstatus midt i året.");
    core::Validator v;
    core::Date to = m_impl->today();
    if (!core::trim(date).empty()) {
        auto d = core::check_date(v, "date", date, "");
        if (d && d->year != year) v.add("date", "Datoen skal ligge i " + std::to_string(year) + ".");
        if (d) to = *d;
    } else if (to.year != year) {
        to = core::Date{year, 6, 30};
    }
    if (!core::years::reporting.contains(year)) v.add("year", core::year_message(core::years::reporting));
    if (!v.ok()) return v.error();
    return m_impl->midyear(year, to, actor);
}

core::Result<Narrative> ReportService::narrative(int year, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    if (year < k_min_year || year > k_max_year) return core::Error::not_found();
    return m_impl->db.read([&](db::Connection& conn) { return m_impl->load_narrative(conn, year); });
}

core::Result<Narrative> ReportService::save_narrative(int year, const NarrativeInput& in,
                                                      const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    if (year < k_min_year || year > k_max_year) return core::Error::not_found();
    core::Validator v;
    const std::string preface(core::trim(in.preface));
    const std::string introduction(core::trim(in.introduction));
    core::check_text(v, "preface", preface, k_max_text, "Forordet");
    core::check_text(v, "introduction", introduction, k_max_text, "Indledningen");
    auto from = core::check_date(v, "evaluation_from", in.evaluation_from, "");
    auto to = core::check_date(v, "evaluation_to", in.evaluation_to, "");
    if (from.has_value() != to.has_value() && v.ok())
        v.add(from ? "evaluation_to" : "evaluation_from",
              "Skriv både første og sidste dag i evalueringsperioden, eller lad begge felter stå tomme.");
    if (from && to && *to < *from)
        v.add("evaluation_to", "Evalueringsperiodens sidste dag ligger før den første.");
    for (const auto& p : in.points) {
        const std::string prefix = "point_" + std::string(core::trim(p.point_id));
        core::check_text(v, prefix + "_intro", core::trim(p.intro), k_max_text, "Introduktionen");
        core::check_text(v, prefix + "_happened", core::trim(p.happened), k_max_text,
                         "Teksten om hvad der skete");
        core::check_text(v, prefix + "_recommendation", core::trim(p.recommendation), k_max_text,
                         "Anbefalingen");
    }
    if (in.holistic.size() > k_max_holistic_items)
        v.add("holistic", "Der kan højst være " + std::to_string(k_max_holistic_items) +
                              " helhedsorienterede anbefalinger.");
    for (std::size_t i = 0; i < in.holistic.size(); ++i) {
        const std::string prefix = "holistic_" + std::to_string(i + 1);
        const std::string text(core::trim(in.holistic[i].text));
        const std::string rec(core::trim(in.holistic[i].recommendation));
        core::check_text(v, prefix + "_text", text, k_max_text, "Teksten");
        core::check_text(v, prefix + "_recommendation", rec, k_max_text, "Anbefalingen");
        if (text.empty() && !rec.empty())
            v.add(prefix + "_text", "Skriv teksten, som anbefalingen bygger på.");
    }
    if (!v.ok()) return v.error();
    return m_impl->db.write([&](db::Connection& conn) -> core::Result<Narrative> {
        BB_ASSIGN(auto points, conn.query(sql::points_for_year, {std::int64_t{year}}));
        const std::string now = core::iso_timestamp(m_impl->clock.now());
        BB_TRY(conn.query(sql::texts_upsert, {std::int64_t{year}, preface, introduction,
                                              from ? db::Value(from->iso()) : db::null(),
                                              to ? db::Value(to->iso()) : db::null(), now, actor.username}));
        BB_TRY(conn.query(sql::point_texts_delete, {std::int64_t{year}}));
        for (const auto& p : in.points) {
            long long id = 0;
            if (!core::parse_int64(core::trim(p.point_id), id)) continue;
            bool valid = false;
            for (const auto& r : points.rows) valid = valid || r.int64(0) == id;
            if (!valid) continue;  // a point not valid in the year (or deleted meanwhile)
            BB_TRY(
                conn.query(sql::point_text_insert,
                           {std::int64_t{year}, std::int64_t{id}, std::string(core::trim(p.intro)),
                            std::string(core::trim(p.happened)), std::string(core::trim(p.recommendation))}));
        }
        BB_TRY(conn.query(sql::holistic_delete, {std::int64_t{year}}));
        std::int64_t position = 0;
        for (const auto& h : in.holistic) {
            const std::string text(core::trim(h.text));
            if (text.empty()) continue;
            BB_TRY(conn.query(sql::holistic_insert, {std::int64_t{year}, ++position, text,
                                                     std::string(core::trim(h.recommendation))}));
        }
        BB_TRY(m_impl->audit.record(conn, actor,
                                    {.action = "update",
                                     .object_type = "report_texts",
                                     .object_id = std::to_string(year),
                                     .criteria = "årsrapportens tekster",
                                     .purpose = "Årsrapport"}));
        return m_impl->load_narrative(conn, year);
    });
}

core::Result<std::vector<StrategyPoint>> ReportService::strategy_points(const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    return m_impl->db.read([&](db::Connection& conn) -> core::Result<std::vector<StrategyPoint>> {
        BB_ASSIGN(auto rows, conn.query(sql::points_all));
        std::vector<StrategyPoint> out;
        for (const auto& r : rows.rows) out.push_back(point_from_row(r));
        return out;
    });
}

namespace {

struct CheckedPoint {
    std::string code, title;
    int position = 0, valid_from = 0;
    std::optional<int> valid_to;
};

core::Result<CheckedPoint> check_point(const StrategyPointInput& in) {
    core::Validator v;
    CheckedPoint p;
    p.code = std::string(core::trim(in.code));
    p.title = std::string(core::trim(in.title));
    if (p.code.empty())
        v.add("code", "Skriv punktets nummer, fx 6.1.");
    else
        core::check_text(v, "code", p.code, k_max_point_code, "Nummeret");
    if (p.title.empty())
        v.add("title", "Skriv punktets titel, fx CSR og socialøkonomi.");
    else
        core::check_text(v, "title", p.title, k_max_point_title, "Titlen");
    const std::string pos(core::trim(in.position));
    long long position = 0;
    if (!pos.empty() && (!core::parse_int64(pos, position) || position < 0 || position > 10000))
        v.add("position", "Rækkefølgen skal være et helt tal fra 0 til 10.000.");
    p.position = static_cast<int>(position);
    auto from =
        core::check_year(v, "valid_from", in.valid_from, core::years::reporting, "Skriv Første år, fx 2018.");
    p.valid_to = core::check_year(v, "valid_to", in.valid_to, core::years::reporting);
    if (from) p.valid_from = *from;
    if (from && p.valid_to && *p.valid_to < *from) v.add("valid_to", "Sidste år ligger før første år.");
    if (!v.ok()) return v.error();
    return p;
}

core::Error duplicate_code() {
    core::Validator v;
    v.add("code", "Der findes allerede et punkt med det nummer og det første år.");
    return v.error();
}

}  // namespace

core::Result<StrategyPoint> ReportService::add_strategy_point(const StrategyPointInput& in,
                                                              const core::Actor& actor) {
    if (!actor.is_admin())
        return core::Error::forbidden("Kun administratorer kan ændre strategiens punkter.");
    BB_ASSIGN(auto p, check_point(in));
    auto r = m_impl->db.write([&](db::Connection& conn) -> core::Result<StrategyPoint> {
        const std::string now = core::iso_timestamp(m_impl->clock.now());
        BB_ASSIGN(auto ins,
                  conn.query(sql::point_insert,
                             {p.code, p.title, std::int64_t{p.position}, std::int64_t{p.valid_from},
                              p.valid_to ? db::Value(std::int64_t{*p.valid_to}) : db::null(), now}));
        const std::int64_t id = ins.first().int64(0);
        BB_TRY(m_impl->audit.record(conn, actor,
                                    {.action = "create",
                                     .object_type = "strategy_point",
                                     .object_id = std::to_string(id),
                                     .criteria = p.code,
                                     .purpose = "Årsrapport"}));
        BB_ASSIGN(auto rows, conn.query(sql::point_by_id, {id}));
        return point_from_row(rows.first());
    });
    if (!r.ok() && r.error().code == core::ErrorCode::Conflict) return duplicate_code();
    return r;
}

core::Result<StrategyPoint> ReportService::update_strategy_point(std::int64_t id,
                                                                 const StrategyPointInput& in,
                                                                 const core::Actor& actor) {
    if (!actor.is_admin())
        return core::Error::forbidden("Kun administratorer kan ændre strategiens punkter.");
    BB_ASSIGN(auto p, check_point(in));
    auto r = m_impl->db.write([&](db::Connection& conn) -> core::Result<StrategyPoint> {
        const std::string now = core::iso_timestamp(m_impl->clock.now());
        BB_ASSIGN(auto upd,
                  conn.query(sql::point_update,
                             {id, p.code, p.title, std::int64_t{p.position}, std::int64_t{p.valid_from},
                              p.valid_to ? db::Value(std::int64_t{*p.valid_to}) : db::null(), now}));
        if (upd.affected == 0) return core::Error::not_found();
        BB_TRY(m_impl->audit.record(conn, actor,
                                    {.action = "update",
                                     .object_type = "strategy_point",
                                     .object_id = std::to_string(id),
                                     .criteria = p.code,
                                     .purpose = "Årsrapport"}));
        BB_ASSIGN(auto rows, conn.query(sql::point_by_id, {id}));
        return point_from_row(rows.first());
    });
    if (!r.ok() && r.error().code == core::ErrorCode::Conflict) return duplicate_code();
    return r;
}

}  // namespace report
