// The national-size report dataset (generate.hpp): 98 municipalities, 10 000 enterprises with
// dated status histories and target groups, ~500 cooperation agreements, 600 000 citizens,
// 1 000 000 placements referred 2015–2020 (plans, outcomes, follow-ups, attendance sheets,
// progress notes, extensions) and 200 000 jobs with an hours history — all × the scale; goals,
// events, grants, stories and the narrative come from generate_network.cpp.
//
// Deterministic: one splitmix64 stream from the seed, consumed in a fixed order, and no
// std::*_distribution (their output differs between standard libraries).
#include "generate.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "generate_detail.hpp"

namespace bench_report {

namespace {

using namespace detail;

struct Agreement {
    std::int64_t enterprise_id = 0;
    std::int64_t start = 0, end = 0;  // days; end = horizon when open
    int frame_weeks = 13;
};

struct PlacementFacts {
    std::int32_t citizen = 0;
    std::int32_t enterprise = 0;
    std::int32_t end = -1;  // day of the end, -1 when not ended
    bool job_outcome = false;
};

class Generator {
public:
    Generator(db::Database& db, const Scale& scale) : m_db(db), m_scale(scale), m_rng(scale.seed) {}

    core::Result<Generated> run() {
        const auto t0 = std::chrono::steady_clock::now();
        BB_TRY(lookups());
        BB_TRY(step("enterprises", [&](db::Connection& c) { return enterprises(c); }));
        BB_TRY(step("citizens", [&](db::Connection& c) { return citizens(c); }));
        BB_TRY(step("agreements", [&](db::Connection& c) { return agreements(c); }));
        BB_TRY(step("placements", [&](db::Connection& c) { return placements(c); }));
        BB_TRY(step("jobs", [&](db::Connection& c) { return jobs(c); }));
        BB_TRY(optional_tables());
        BB_TRY(finish());
        m_out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        return m_out;
    }

private:
    template <class F>
    core::Result<void> step(const char* what, F&& f) {
        const auto t0 = std::chrono::steady_clock::now();
        std::fprintf(stderr, "  generating %s…", what);
        BB_TRY(m_db.write([&](db::Connection& c) -> core::Result<void> { return f(c); }));
        std::fprintf(stderr, " %.1f s\n",
                     std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        return {};
    }
    void note(const Bulk& b, const char* table) { m_out.tables.emplace_back(table, b.count()); }

    core::Result<void> lookups() {
        return m_db.read([&](db::Connection& c) -> core::Result<void> {
            BB_ASSIGN(auto types, c.query("SELECT id FROM intervention_types ORDER BY id"));
            for (const auto& r : types.rows) m_types.push_back(r.int64(0));
            BB_ASSIGN(auto outcomes,
                      c.query("SELECT id, code, outcome_group FROM placement_outcomes ORDER BY sort"));
            for (const auto& r : outcomes.rows)
                m_outcome_ids[r.text(1)] = {r.int64(0), r.text(2) == "job_education"};
            BB_ASSIGN(auto kinds, c.query("SELECT code FROM job_kinds ORDER BY sort"));
            for (const auto& r : kinds.rows) m_job_kinds.push_back(r.text(0));
            BB_ASSIGN(auto count, c.query("SELECT COUNT(*) FROM enterprises"));
            if (count.first().int64(0) != 0)
                return core::Error::validation("database", "the database is not empty");
            if (m_types.empty() || m_outcome_ids.size() < 13 || m_job_kinds.size() < 6)
                return core::Error::validation("database", "the 0007 vocabularies are missing");
            return {};
        });
    }

    core::Result<void> enterprises(db::Connection& c) {
        Bulk e(c, "enterprises",
               {"id", "name", "name_key", "cvr", "legal_form", "kind", "municipality", "address", "purpose",
                "description", "plans", "website", "employees", "fte_tenths", "status", "status_since",
                "created_at", "updated_at"});
        Bulk h(c, "enterprise_status_history",
               {"enterprise_id", "status", "happened_on", "note", "recorded_at", "recorded_by_name"});
        Bulk g(c, "enterprise_target_groups", {"enterprise_id", "code"});
        e.adopt(h);
        e.adopt(g);
        const std::int64_t n = m_scale.of(10000);
        for (std::int64_t id = 1; id <= n; ++id) {
            const double u = static_cast<double>(m_rng.below(1000000)) / 1e6;
            const auto muni = k_municipalities[static_cast<std::size_t>(u * u * 98.0)];
            const std::string kind = k_kinds[m_rng.pick(k_kind_weights)];
            const std::string name =
                std::string(k_trades[m_rng.below(10)]) + " " + muni + " " + std::to_string(id);
            // The status path: idea → on the way → established → registered RSV, sometimes
            // paused or closed; each step happens 1–14 months after the previous one.
            std::vector<std::pair<const char*, std::int64_t>> path;
            std::int64_t day = day_of(2010, 1, 1) + m_rng.below(365 * 10);
            path.emplace_back(m_rng.chance(70) ? "idea" : "on_the_way", day);
            const int steps = static_cast<int>(m_rng.below(4));
            static const char* k_next[] = {"on_the_way", "established", "registered_rsv"};
            for (int s = 0; s < steps && s < 3; ++s) {
                day += m_rng.between(30, 420);
                if (day > k_horizon.days_since_epoch()) break;
                if (std::string(path.back().first) == k_next[s]) continue;
                path.emplace_back(k_next[s], day);
            }
            const std::int64_t end_day = day + m_rng.between(30, 720);
            if (m_rng.chance(12) && end_day <= k_horizon.days_since_epoch())
                path.emplace_back(m_rng.chance(50) ? "paused" : "closed", end_day);
            for (const auto& [status, on] : path)
                BB_TRY(h.add(
                    {id, std::string(status), iso(on), std::string(), stamp(on), std::string("Benchmark")}));
            const bool has_cvr = kind == "social_enterprise" || kind == "csr_company";
            BB_TRY(e.add(
                {id, name, name_key(name),
                 has_cvr ? db::Value(std::to_string(20000000 + id * 7)) : db::null(),
                 has_cvr ? db::Value(std::string(k_legal_forms[m_rng.below(8)])) : db::null(), kind,
                 std::string(muni), "Hovedgaden " + std::to_string(1 + id % 120) + ", " + muni,
                 std::string("Skabe arbejdspladser og fællesskab for borgere på kanten af arbejdsmarkedet."),
                 std::string("Virksomheden driver ") + k_trades[id % 10] +
                     " med faste opgaver for kommunen og private kunder. Medarbejdere i fleksjob og "
                     "forløb arbejder side om side med faste ansatte, og der er tilknyttet en mentor.",
                 std::string("Næste år udvides åbningstiden, og der oprettes to nye fleksjob."),
                 "https://example.org/" + std::to_string(id), m_rng.between(1, 60), m_rng.between(5, 400),
                 std::string(path.back().first), iso(path.back().second), stamp(path.front().second),
                 stamp(path.back().second)}));
            const int groups = static_cast<int>(m_rng.between(1, 3));
            std::vector<std::string> chosen;
            for (int k = 0; k < groups; ++k) {
                std::string code = k_target_groups[m_rng.below(21)];
                if (std::find(chosen.begin(), chosen.end(), code) != chosen.end()) continue;
                chosen.push_back(code);
                BB_TRY(g.add({id, code}));
            }
            m_kinds.push_back(kind);
        }
        BB_TRY(e.flush());
        note(e, "enterprises");
        note(h, "enterprise_status_history");
        note(g, "enterprise_target_groups");
        return {};
    }

    core::Result<void> citizens(db::Connection& c) {
        Bulk b(c, "citizens",
               {"id", "case_ref", "name", "name_key", "target_group", "created_at", "updated_at"});
        m_citizens = m_scale.of(600000);
        for (std::int64_t id = 1; id <= m_citizens; ++id) {
            char ref[24];
            std::snprintf(ref, sizeof ref, "B-%07lld", static_cast<long long>(id));
            const std::string name = "Borger " + std::to_string(id);
            const std::int64_t created = day_of(2014, 6, 1) + m_rng.below(365 * 6);
            BB_TRY(b.add({id, std::string(ref), name, name_key(name),
                          std::string(k_target_groups[m_rng.below(21)]), stamp(created), stamp(created)}));
        }
        BB_TRY(b.flush());
        note(b, "citizens");
        return {};
    }

    core::Result<void> agreements(db::Connection& c) {
        Bulk a(c, "agreements",
               {"id", "enterprise_id", "title", "start_date", "end_date", "slots", "frame_weeks",
                "extension_weeks", "plan_deadline_days", "attendance_interval_months", "target_description",
                "price_ore", "price_unit", "deliverables", "created_at", "updated_at"});
        Bulk t(c, "agreement_target_groups", {"agreement_id", "code"});
        Bulk n(c, "agreement_notes", {"agreement_id", "topic", "noted_on", "text", "created_at"});
        a.adopt(t);
        a.adopt(n);
        std::vector<std::int64_t> hosts;  // social enterprises and initiatives
        for (std::size_t i = 0; i < m_kinds.size(); ++i)
            if (m_kinds[i] == "social_enterprise" || m_kinds[i] == "initiative")
                hosts.push_back(static_cast<std::int64_t>(i) + 1);
        if (hosts.empty()) hosts.push_back(1);
        const std::int64_t count = m_scale.of(500);
        for (std::int64_t id = 1; id <= count; ++id) {
            Agreement ag;
            ag.enterprise_id =
                hosts[static_cast<std::size_t>(m_rng.below(static_cast<std::int64_t>(hosts.size())))];
            ag.start = day_of(2014, 1, 1) + m_rng.below(365 * 2);
            const bool ends = m_rng.chance(30);
            ag.end = ends ? day_of(2019, 1, 1) + m_rng.below(365 * 3) : k_horizon.days_since_epoch();
            ag.frame_weeks = m_rng.chance(60) ? 13 : 26;
            const std::int64_t price = m_rng.between(50, 400) * 100000;
            BB_TRY(a.add({id, ag.enterprise_id, "Samarbejdsaftale " + std::to_string(id), iso(ag.start),
                          ends ? db::Value(iso(ag.end)) : db::null(), m_rng.between(200, 1000),
                          std::int64_t{ag.frame_weeks}, std::int64_t{13}, std::int64_t{14}, std::int64_t{2},
                          std::string("Borgere på kanten af arbejdsmarkedet"), price,
                          std::string("per_placement"),
                          std::string("Plan inden 14 dage, fremmødeskema hver anden måned, opfølgningsmøde."),
                          stamp(ag.start), stamp(ag.start)}));
            BB_TRY(t.add({id, std::string(k_target_groups[id % 21])}));
            for (int y = 2015; y <= 2020; ++y) {
                const std::int64_t on = day_of(y, 6, 1) + m_rng.below(150);
                if (on < ag.start || on > ag.end) continue;
                BB_TRY(n.add({id, std::string("cooperation"), iso(on),
                              std::string("Godt samarbejde; faste møder med virksomhedens mentor."),
                              stamp(on)}));
                BB_TRY(n.add({id, std::string("effects"), iso(on + 7),
                              std::string("Flere deltagere har fået flere timer og større ansvar."),
                              stamp(on + 7)}));
            }
            m_agreements.push_back(ag);
        }
        BB_TRY(a.flush());
        note(a, "agreements");
        note(t, "agreement_target_groups");
        note(n, "agreement_notes");
        return {};
    }

    core::Result<void> placements(db::Connection& c) {
        Bulk p(c, "placements",
               {"id", "citizen_id", "enterprise_id", "agreement_id", "intervention_type_id", "status",
                "referred_on", "start_date", "planned_end", "end_date", "outcome_id", "plan_made_on",
                "plan_owned", "no_plan_reason", "weekly_hours", "created_at", "updated_at"});
        Bulk f(c, "placement_followups", {"placement_id", "held_on", "kind", "note", "created_at"});
        Bulk at(c, "placement_attendance",
                {"placement_id", "period_from", "period_to", "days_planned", "days_present", "hours_present",
                 "submitted_on", "created_at"});
        Bulk pn(c, "placement_notes", {"placement_id", "noted_on", "text", "author_role", "created_at"});
        Bulk ex(c, "placement_extensions",
                {"placement_id", "decided_on", "weeks", "new_end", "reason", "created_at"});
        for (Bulk* child : {&f, &at, &pn, &ex}) p.adopt(*child);
        static const std::array<const char*, 13> k_outcomes = {
            "fleksjob",       "ordinary_job", "wage_subsidy",      "education",           "language_school",
            "second_trial",   "job_seeking",  "awaiting_rehab",    "rehab_clarification", "early_retirement",
            "parental_leave", "prison",       "stopped_challenges"};
        static const std::array<int, 13> k_outcome_weights = {10, 12, 6, 10, 2, 8, 17, 5, 5, 4, 2, 2, 17};
        const std::int64_t horizon = k_horizon.days_since_epoch();
        const std::int64_t first = day_of(2015, 1, 1);
        const std::int64_t n = m_scale.of(1000000);
        m_placements.reserve(static_cast<std::size_t>(n));
        for (std::int64_t id = 1; id <= n; ++id) {
            const auto ai =
                static_cast<std::size_t>(m_rng.below(static_cast<std::int64_t>(m_agreements.size())));
            const Agreement& ag = m_agreements[ai];
            const std::int64_t lo = std::max(first, ag.start), hi = std::max(lo, ag.end - 7);
            const std::int64_t referred = lo + m_rng.below(hi - lo + 1);
            const std::int64_t start = referred + m_rng.below(22);
            PlacementFacts facts;
            facts.citizen = static_cast<std::int32_t>(1 + m_rng.below(m_citizens));
            facts.enterprise = static_cast<std::int32_t>(ag.enterprise_id);
            std::string status = "active";
            db::Value start_v = iso(start), planned = db::null(), end_v = db::null(), outcome = db::null();
            db::Value plan_on = db::null(), owned = db::null();
            std::string no_plan;
            int frame = ag.frame_weeks;
            const bool extended = m_rng.chance(5);
            if (extended) frame += 8;
            const std::int64_t end = start + m_rng.between(21, frame * 7);
            if (m_rng.chance(2)) {
                status = "cancelled";
                start_v = db::null();
            } else if (start > horizon) {
                status = "referred";
                start_v = db::null();
            } else {
                planned = iso(start + frame * 7);
                if (end <= horizon) {
                    status = "ended";
                    end_v = iso(end);
                    const std::string code = k_outcomes[m_rng.pick(k_outcome_weights)];
                    outcome = m_outcome_ids[code].first;
                    facts.end = static_cast<std::int32_t>(end);
                    facts.job_outcome = m_outcome_ids[code].second;
                }
                if (m_rng.chance(85)) {
                    plan_on = iso(std::min(start + m_rng.below(25), horizon));
                    owned = std::int64_t{m_rng.chance(80) ? 1 : 0};
                } else if (m_rng.chance(50)) {
                    no_plan = "Borgeren var syg i starten af forløbet.";
                }
            }
            BB_TRY(p.add(
                {id, std::int64_t{facts.citizen}, ag.enterprise_id, static_cast<std::int64_t>(ai) + 1,
                 m_types[static_cast<std::size_t>(m_rng.below(static_cast<std::int64_t>(m_types.size())))],
                 status, iso(referred), start_v, planned, end_v, outcome, plan_on, owned, no_plan,
                 m_rng.between(5, 37) * 100, stamp(referred), stamp(referred)}));
            if (status == "active" || status == "ended") {
                const std::int64_t last = status == "ended" ? end : horizon;
                const int followups = static_cast<int>(m_rng.below(3));
                for (int k = 1; k <= followups && start + 14 * k <= last; ++k)
                    BB_TRY(f.add({id, iso(start + 14 * k), std::string(k % 2 ? "meeting" : "dialogue"),
                                  std::string(), stamp(start + 14 * k)}));
                if (m_rng.chance(70) && start + 20 <= last) {
                    const std::int64_t to = std::min(start + 60, last);
                    const std::int64_t planned_days = (to - start + 1) * 5 / 7;
                    const std::int64_t present = planned_days - m_rng.below(planned_days / 4 + 1);
                    BB_TRY(at.add(
                        {id, iso(start), iso(to), planned_days, present, present * 450, iso(to), stamp(to)}));
                }
                if (m_rng.chance(40) && start + 30 <= last)
                    BB_TRY(pn.add({id, iso(start + 30),
                                   std::string("Godt fremmøde, tager selv initiativ til opgaver."),
                                   std::string("enterprise"), stamp(start + 30)}));
                if (extended && start + (frame - 8) * 7 <= last)
                    BB_TRY(ex.add({id, iso(start + (frame - 8) * 7 - 7), std::int64_t{8},
                                   iso(start + frame * 7), std::string("Behov for mere tid til afklaring."),
                                   stamp(start + (frame - 8) * 7 - 7)}));
            }
            m_placements.push_back(facts);
            if (id % 100000 == 0) std::fprintf(stderr, " %lldk", static_cast<long long>(id / 1000));
        }
        BB_TRY(p.flush());
        note(p, "placements");
        note(f, "placement_followups");
        note(at, "placement_attendance");
        note(pn, "placement_notes");
        note(ex, "placement_extensions");
        return {};
    }

    core::Result<void> jobs(db::Connection& c) {
        Bulk j(c, "jobs",
               {"id", "citizen_id", "enterprise_id", "kind", "channel", "hired_on", "ended_on",
                "temporary_fleksjob", "placement_id", "note", "created_at", "updated_at"});
        Bulk h(c, "job_hours",
               {"job_id", "effective_from", "weekly_hours", "intensity", "note", "created_at"});
        j.adopt(h);
        static const std::array<int, 6> k_kind_weights = {35, 20, 15, 15, 10, 5};  // by job_kinds sort
        const std::int64_t horizon = k_horizon.days_since_epoch();
        const std::int64_t n = m_scale.of(200000);
        const auto enterprises = static_cast<std::int64_t>(m_kinds.size());
        for (std::int64_t id = 1; id <= n; ++id) {
            std::int64_t citizen = 1 + m_rng.below(m_citizens);
            std::int64_t enterprise = 1 + m_rng.below(enterprises);
            std::int64_t hired = day_of(2015, 1, 1) + m_rng.below(365 * 6);
            db::Value placement = db::null();
            // Half of the jobs follow a placement that ended with a job outcome.
            if (m_rng.chance(50) && !m_placements.empty()) {
                const auto pi =
                    static_cast<std::size_t>(m_rng.below(static_cast<std::int64_t>(m_placements.size())));
                const PlacementFacts& pf = m_placements[pi];
                if (pf.end >= 0 && pf.job_outcome && pf.end + 14 <= horizon) {
                    citizen = pf.citizen;
                    enterprise = pf.enterprise;
                    hired = pf.end + m_rng.below(15);
                    placement = static_cast<std::int64_t>(pi) + 1;
                }
            }
            const std::string kind =
                m_job_kinds[std::min<std::size_t>(m_rng.pick(k_kind_weights), m_job_kinds.size() - 1)];
            const bool ends = m_rng.chance(40);
            const std::int64_t ended = hired + m_rng.between(60, 900);
            BB_TRY(j.add({id, citizen, enterprise, kind,
                          std::string(m_rng.chance(55) ? "municipality" : "other"), iso(hired),
                          ends && ended <= horizon ? db::Value(iso(ended)) : db::null(),
                          std::int64_t{kind == "fleksjob" && m_rng.chance(10) ? 1 : 0}, placement,
                          std::string(), stamp(hired), stamp(hired)}));
            const int rows = static_cast<int>(m_rng.between(1, 3));
            std::int64_t hours = m_rng.between(4, 20) * 100, intensity = m_rng.between(30, 80);
            for (int k = 0; k < rows; ++k) {
                const std::int64_t from = hired + 91 * k;
                if (from > horizon) break;
                BB_TRY(h.add({id, iso(from), hours, intensity, std::string(), stamp(from)}));
                hours = std::min<std::int64_t>(3700, hours + m_rng.between(1, 8) * 100);
                intensity = std::min<std::int64_t>(100, intensity + m_rng.between(0, 15));
            }
        }
        BB_TRY(j.flush());
        note(j, "jobs");
        note(h, "job_hours");
        return {};
    }

    /// Goals, events, grants, stories and the report's narrative, when this build's schema has
    /// them (migrations 0009_goals, 0010_network, 0011_report).
    core::Result<void> optional_tables() {
        BB_ASSIGN(auto version, m_db.read([&](db::Connection& c) -> core::Result<std::int64_t> {
            BB_ASSIGN(auto v, c.query("SELECT MAX(version) FROM schema_version"));
            return v.first().int64(0);
        }));
        if (version >= 9)
            BB_TRY(step("goals", [&](db::Connection& c) { return generate_goals(c, m_scale, m_out); }));
        else
            m_out.skipped.emplace_back("goals (migration 0009_goals not in this build)");
        if (version >= 10)
            BB_TRY(step("events, grants, stories", [&](db::Connection& c) {
                return generate_network(c, m_rng, m_scale, static_cast<std::int64_t>(m_kinds.size()), m_out);
            }));
        else
            m_out.skipped.emplace_back("events, grants, stories (migration 0010_network not in this build)");
        if (version >= 11)
            BB_TRY(step("report narrative", [&](db::Connection& c) { return generate_narrative(c, m_out); }));
        else
            m_out.skipped.emplace_back("report narrative (migration 0011_report not in this build)");
        return {};
    }

    core::Result<void> finish() {
        return m_db.write([&](db::Connection& c) -> core::Result<void> {
            if (c.dialect() == db::Dialect::Postgres) {
                // Explicit ids were inserted: move the identity sequences past them.
                for (const auto& [t, rows] : m_out.tables) {
                    if (t == "enterprise_target_groups" || t == "agreement_target_groups" ||
                        t == "event_themes" || t == "story_enterprises" || t == "report_texts" ||
                        t == "report_point_texts")
                        continue;  // no id column
                    BB_TRY(c.query("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), " +
                                   "(SELECT COALESCE(MAX(id), 0) + 1 FROM " + t + "), false)"));
                }
            }
            BB_TRY(c.query("INSERT INTO settings (key, value) VALUES ($1, $2)",
                           {std::string("bench_report_dataset"), dataset_marker(m_scale)}));
            return {};
        });
    }

    db::Database& m_db;
    Scale m_scale;
    Rng m_rng;
    Generated m_out;
    std::vector<std::int64_t> m_types;
    std::map<std::string, std::pair<std::int64_t, bool>> m_outcome_ids;  // code → id, job/education group
    std::vector<std::string> m_job_kinds;
    std::vector<std::string> m_kinds;  // by enterprise id − 1
    std::vector<Agreement> m_agreements;
    std::vector<PlacementFacts> m_placements;
    std::int64_t m_citizens = 0;
};

}  // namespace

std::int64_t Scale::of(std::int64_t full) const {
    return std::max<std::int64_t>(1, std::llround(static_cast<double>(full) * factor));
}

std::string dataset_marker(const Scale& scale) {
    char text[96];
    std::snprintf(text, sizeof text, "v%d seed=%llu scale=%g", k_data_version,
                  static_cast<unsigned long long>(scale.seed), scale.factor);
    return text;
}

core::Result<std::string> stored_marker(db::Database& db) {
    return db.read([&](db::Connection& c) -> core::Result<std::string> {
        BB_ASSIGN(auto rows, c.query("SELECT value FROM settings WHERE key = $1",
                                     {std::string("bench_report_dataset")}));
        return rows.empty() ? std::string() : rows.first().text(0);
    });
}

core::Result<Generated> generate(db::Database& db, const Scale& scale) {
    return Generator(db, scale).run();
}

}  // namespace bench_report
