// GoalService: goals as data, record access, and status against goals computed by calling the
// other packages' services (never their SQL).
#include "goals/goal_service.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <span>

#include "buying/buying_service.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/enterprise_service.hpp"
#include "events/event_service.hpp"
#include "goals/sql.hpp"
#include "grants/grant_service.hpp"
#include "jobs/job_service.hpp"
#include "placements/placements_service.hpp"

namespace goals {

/// The services given to the constructor (Sources: enterprises, jobs, placements, buying,
/// events, grants) and the service's own state.
struct GoalService::Impl : Sources {
    Impl(db::Database& d, const core::Clock& c, const audit::AuditLog& a, Sources s)
        : Sources(s), db(d), clock(c), audit(a) {}
    db::Database& db;
    const core::Clock& clock;
    const audit::AuditLog& audit;
};

namespace {

using core::Role;

core::Result<void> check_reader(const core::Actor& a) {
    if (a.is_municipal()) return {};
    return core::Error::forbidden("Du har ikke adgang til målene.");
}

core::Result<void> check_editor(const core::Actor& a) {
    if (a.is_staff()) return {};
    return core::Error::forbidden("Kun administratorer og konsulenter kan ændre mål.");
}

Goal goal_from_row(const db::Row& r) {
    Goal g;
    g.id = r.int64(0);
    g.metric = r.text(1);
    if (auto m = find_metric(g.metric)) g.metric_label = std::string(m->label);
    g.parameter = r.text(2);
    g.title = r.text(3);
    g.target = r.int64(4);
    g.period_from = core::Date::parse(r.text(5)).value_or(core::Date{});
    g.period_to = core::Date::parse(r.text(6)).value_or(core::Date{});
    g.cadence = r.text(7);
    g.baseline = r.opt_int64(8);
    if (auto y = r.opt_int64(9)) g.baseline_year = static_cast<int>(*y);
    g.strategy_point = r.text(10);
    return g;
}

core::Result<Goal> load_goal(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::goal_by_id, {id}));
    if (rows.empty()) return core::Error::not_found("Målet findes ikke.");
    return goal_from_row(rows.first());
}

db::Value opt_int(const std::optional<int>& v) {
    return v ? db::Value(std::int64_t{*v}) : db::null();
}

std::string value_text(const std::string& metric, std::int64_t v) {
    const auto m = find_metric(metric);
    return core::format_whole_number(v) + (m && m->money ? " kr." : "");
}

/// One computed figure.
struct Measure {
    std::int64_t actual = 0;
    bool has_data = false;
};

core::Date year_end(int year) {
    return core::Date{year, 12, 31};
}

}  // namespace

GoalService::GoalService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                         Sources sources)
    : m_impl(std::make_unique<Impl>(db, clock, audit, sources)) {}
GoalService::~GoalService() = default;

core::Date GoalService::today() const {
    return core::today(m_impl->clock);
}

// ---- goals as data ---------------------------------------------------------------------------

core::Result<std::vector<Goal>> GoalService::list(const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    return m_impl->db.read([&](db::Connection& conn) -> core::Result<std::vector<Goal>> {
        BB_ASSIGN(auto rows, conn.query(sql::goal_list));
        std::vector<Goal> out;
        for (const auto& r : rows.rows) out.push_back(goal_from_row(r));
        return out;
    });
}

core::Result<Goal> GoalService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    return m_impl->db.read([&](db::Connection& conn) { return load_goal(conn, id); });
}

core::Result<std::vector<std::pair<std::string, std::string>>> GoalService::job_kind_choices(
    const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_ASSIGN(auto kinds, m_impl->jobs.kind_names(actor));
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& k : kinds) out.emplace_back(k.code, k.label);
    return out;
}

namespace {

core::Result<ValidGoal> validate_with_kinds(GoalService& svc, const GoalInput& in, const core::Actor& actor) {
    BB_ASSIGN(auto kinds, svc.job_kind_choices(actor));
    std::vector<std::string> codes;
    for (const auto& [code, label] : kinds) codes.push_back(code);
    return validate_goal(in, codes);
}

std::string describe(const ValidGoal& g) {
    return g.metric + (g.parameter.empty() ? "" : "/" + g.parameter) + ", mål " + std::to_string(g.target) +
           ", " + g.period_from.iso() + "–" + g.period_to.iso() + ", " + g.cadence;
}

}  // namespace

core::Result<Goal> GoalService::create(const GoalInput& input, const core::Actor& actor) {
    BB_TRY(check_editor(actor));
    BB_ASSIGN(ValidGoal g, validate_with_kinds(*this, input, actor));
    return m_impl->db.write([&](db::Connection& conn) -> core::Result<Goal> {
        BB_ASSIGN(auto next, conn.query(sql::goal_next_sort));
        const std::int64_t sort = next.empty() ? 1 : next.first().int64(0);
        const std::string now = core::iso_timestamp(m_impl->clock.now());
        BB_ASSIGN(auto inserted,
                  conn.query(sql::goal_insert,
                             {g.metric, g.parameter, g.title, g.target, g.period_from.iso(),
                              g.period_to.iso(), g.cadence, db::opt(g.baseline), opt_int(g.baseline_year),
                              g.strategy_point, sort, now, audit::user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_impl->audit.record(conn, actor, "create", "goal", std::to_string(id), describe(g)));
        return load_goal(conn, id);
    });
}

core::Result<Goal> GoalService::update(std::int64_t id, const GoalInput& input, const core::Actor& actor) {
    BB_TRY(check_editor(actor));
    BB_ASSIGN(ValidGoal g, validate_with_kinds(*this, input, actor));
    return m_impl->db.write([&](db::Connection& conn) -> core::Result<Goal> {
        BB_TRY(load_goal(conn, id));
        const std::string now = core::iso_timestamp(m_impl->clock.now());
        BB_TRY(
            conn.query(sql::goal_update,
                       {id, g.metric, g.parameter, g.title, g.target, g.period_from.iso(), g.period_to.iso(),
                        g.cadence, db::opt(g.baseline), opt_int(g.baseline_year), g.strategy_point, now}));
        BB_TRY(m_impl->audit.record(conn, actor, "update", "goal", std::to_string(id), describe(g)));
        return load_goal(conn, id);
    });
}

core::Result<bool> GoalService::remove(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_editor(actor));
    return m_impl->db.write([&](db::Connection& conn) -> core::Result<bool> {
        BB_ASSIGN(Goal g, load_goal(conn, id));
        BB_TRY(conn.query(sql::goal_delete, {id}));
        BB_TRY(m_impl->audit.record(conn, actor, "delete", "goal", std::to_string(id),
                                    g.metric + ": " + g.title));
        return true;
    });
}

// ---- status ----------------------------------------------------------------------------------

namespace {

/// Computes metric values through the other services' figure reads, with the caller as the
/// actor (every reader of goals may read those figures), caching within one status() call.
class Metrics {
public:
    Metrics(GoalService::Impl& impl, core::Date today, const core::Actor& actor)
        : m_impl(impl), m_today(today), m_actor(actor) {}

    /// The stock metrics are measured at `at`; the flow metrics over calendar year `year`.
    core::Result<Measure> measure(const std::string& metric, const std::string& parameter, int year,
                                  core::Date at) {
        const std::string key = metric + "|" + parameter + "|" + std::to_string(year) + "|" + at.iso();
        if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
        BB_ASSIGN(Measure m, compute(metric, parameter, year, at));
        m_cache.emplace(key, m);
        return m;
    }

private:
    core::Result<Measure> compute(const std::string& metric, const std::string& parameter, int year,
                                  core::Date at) {
        const core::Actor& who = m_actor;
        if (metric == "enterprises" || metric == "registered_rsv" || metric == "on_the_way") {
            if (at > m_today) return Measure{};  // a year that has not begun: nothing recorded yet
            BB_ASSIGN(auto f, m_impl.enterprises.count_figures(at, at.year, parameter, who));
            const std::int64_t v = metric == "enterprises"      ? f.total
                                   : metric == "registered_rsv" ? f.registered
                                                                : f.on_the_way;
            return Measure{v, f.total + f.registered + f.on_the_way > 0};
        }
        if (metric == "jobs" || metric == "jobs_municipality" || metric == "jobs_by_kind") {
            BB_ASSIGN(auto c, m_impl.jobs.counts(std::to_string(year), who));
            std::int64_t v = c.total();
            if (metric == "jobs_municipality") v = c.municipality;
            if (metric == "jobs_by_kind") {
                v = 0;
                for (const auto& r : c.rows)
                    if (r.kind == parameter) v = r.total();
            }
            return Measure{v, c.total() > 0};
        }
        if (metric == "placements_started") {
            BB_ASSIGN(std::int64_t n, m_impl.placements.count_started(year, who));
            return Measure{n, n > 0};
        }
        if (metric == "spend") {
            BB_ASSIGN(auto s, m_impl.buying.spend_total(year, who));
            return Measure{s.total_oere / 100, s.purchases > 0};
        }
        if (metric == "network_meetings") {
            BB_ASSIGN(auto s, m_impl.events.year_summary(year, who));
            return Measure{s.network_meetings, !s.events.empty()};
        }
        if (metric == "grants") {
            BB_ASSIGN(auto s, m_impl.grants.year_summary(year, who));
            return Measure{s.total_oere / 100, s.grant_count > 0};
        }
        return Measure{};  // unreachable for catalogue metrics (validated on write): no data
    }

    GoalService::Impl& m_impl;
    core::Date m_today;
    const core::Actor& m_actor;
    std::map<std::string, Measure> m_cache;
};

/// Percent-encodes a query value (UTF-8 bytes; unreserved characters kept).
std::string query_encode(std::string_view text) {
    static const char* k_hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) != 0 && c < 0x80) {
            out.push_back(static_cast<char>(c));
        } else if (c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(k_hex[c >> 4]);
            out.push_back(k_hex[c & 15]);
        }
    }
    return out;
}

/// Where the records behind a figure are listed, for roles that may see them ("" otherwise).
/// Consultants get figures pages, never person lists; caseworkers no purchases.
std::string drilldown(const Goal& g, int year, const core::Actor& actor) {
    const Role r = actor.role;
    const bool staff = actor.is_staff();
    const bool cases = actor.is_casework();
    const std::string y = std::to_string(year);
    const std::string& m = g.metric;
    const std::string in_municipality =
        g.parameter.empty() ? std::string() : "municipality=" + query_encode(g.parameter);
    if (m == "enterprises") return "/enterprises" + (in_municipality.empty() ? "" : "?" + in_municipality);
    if (m == "registered_rsv")
        return "/enterprises?rsv=yes" + (in_municipality.empty() ? "" : "&" + in_municipality);
    if (m == "on_the_way")
        return "/enterprises?status=on_the_way" + (in_municipality.empty() ? "" : "&" + in_municipality);
    if (m == "jobs" || m == "jobs_municipality" || m == "jobs_by_kind") {
        if (cases) {
            std::string url = "/jobs?year=" + y;
            if (m == "jobs_municipality") url += "&channel=municipality";
            if (m == "jobs_by_kind") url += "&kind=" + g.parameter;  // codes are a–z, 0–9, _
            return url;
        }
        return r == Role::Consultant ? "/jobs/counts?year=" + y : "";
    }
    if (m == "placements_started") return cases ? "/placements" : "";
    if (m == "spend") return staff ? "/buying/purchases?year=" + y : "";
    if (m == "network_meetings") return "/events?year=" + y;
    if (m == "grants") return "/grants?year=" + y;
    return "";
}

}  // namespace

core::Result<std::vector<GoalStatus>> GoalService::status(int year, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    const core::Date now = today();
    BB_TRY(core::check_year("year", year, core::years::planning(now.year)));
    const core::Date from{year, 1, 1};
    const core::Date to = year_end(year);
    BB_ASSIGN(auto goals, m_impl->db.read([&](db::Connection& conn) -> core::Result<std::vector<Goal>> {
        BB_ASSIGN(auto rows, conn.query(sql::goal_overlapping, {from.iso(), to.iso()}));
        std::vector<Goal> out;
        for (const auto& r : rows.rows) out.push_back(goal_from_row(r));
        return out;
    }));

    Metrics metrics(*m_impl, now, actor);
    // Where a stock is measured for year y of goal g: the year's end, today while the year
    // runs, and never after the goal's period.
    auto stock_date = [&](const Goal& g, int y) {
        core::Date d = std::min(year_end(y), g.period_to);
        return (y == now.year && now < d) ? now : d;
    };
    // Whether the span the target applies to has ended, as seen at the end of year y: a
    // per_year target applies to each calendar year (within the period), a period_end target to
    // the whole period — which has not ended in a year before its last. A day ends when the
    // next one begins.
    auto period_ended = [&](const Goal& g, int y) {
        const core::Date end = g.cadence == "per_year" ? std::min(year_end(y), g.period_to) : g.period_to;
        return end <= year_end(y) && end < now;
    };

    std::vector<GoalStatus> out;
    for (auto& g : goals) {
        const auto info = find_metric(g.metric);
        const bool stock = info && info->stock;
        GoalStatus s;
        s.year = year;
        const core::Date at = stock_date(g, year);
        BB_ASSIGN(Measure m, metrics.measure(g.metric, g.parameter, year, at));
        s.actual = m.actual;
        s.has_data = m.has_data;
        s.met = m.has_data && m.actual >= g.target;
        s.percent = m.has_data ? percent_of(m.actual, g.target) : 0;
        s.period_ended = period_ended(g, year);
        s.attainment = attainment_of(m.has_data, m.actual, g.target, s.period_ended);
        s.actual_text = value_text(g.metric, m.actual);
        s.target_text = value_text(g.metric, g.target);
        if (stock)
            s.measured_at = at == now ? "pr. " + at.danish() + " (i dag)" : "pr. " + at.danish();
        else
            s.measured_at = "i " + std::to_string(year);
        s.drilldown_url = m.has_data ? drilldown(g, year, actor) : "";
        for (int y = std::max(g.period_from.year, 2000); y <= std::min(year, g.period_to.year); ++y) {
            BB_ASSIGN(Measure ym, metrics.measure(g.metric, g.parameter, y, stock_date(g, y)));
            s.period_years.push_back({y, ym.actual, ym.has_data && ym.actual >= g.target, ym.has_data,
                                      ym.has_data ? percent_of(ym.actual, g.target) : 0,
                                      attainment_of(ym.has_data, ym.actual, g.target, period_ended(g, y))});
        }
        s.goal = std::move(g);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace goals
