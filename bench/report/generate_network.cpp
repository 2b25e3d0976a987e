// Goals, network meetings and other events, grants, stories and the report narrative of the
// report dataset (generate_detail.hpp), for the schemas that have them (0009–0011).
#include "generate_detail.hpp"

namespace bench_report::detail {

/// The strategy's goals (one set for the instance, like 003 §1): 2016–2020.
core::Result<void> generate_goals(db::Connection& c, const Scale& scale, Generated& out) {
    Bulk g(c, "goals",
           {"id", "metric", "parameter", "title", "target", "period_from", "period_to", "cadence", "baseline",
            "baseline_year", "strategy_point", "sort_order", "created_at", "updated_at"});
    struct G {
        const char* metric;
        const char* parameter;
        const char* title;
        std::int64_t target;
        const char* cadence;
        const char* point;
    };
    const std::int64_t k = scale.of(1000);  // national targets scale with the dataset
    const G goals[] = {
        {"enterprises", "", "Socialøkonomiske virksomheder og initiativer", 6 * k, "period_end", "6.1"},
        {"registered_rsv", "", "Registrerede socialøkonomiske virksomheder", 2 * k, "period_end", "6.1"},
        {"on_the_way", "", "Virksomheder på vej mod registrering", k, "period_end", "6.1"},
        {"jobs", "", "Job om året i alle kanaler", 40 * k, "per_year", "6.8"},
        {"jobs_municipality", "", "Job om året via jobcentret", 20 * k, "per_year", "6.8"},
        {"jobs_by_kind", "fleksjob", "Fleksjob om året", 12 * k, "per_year", "6.8"},
        {"jobs_by_kind", "small_job", "Småjob om året", 4 * k, "per_year", "6.8"},
        {"placements_started", "", "Forløb startet om året", 150 * k, "per_year", "6.5"},
        {"network_meetings", "", "Netværksmøder om året", std::max<std::int64_t>(1, k / 2), "per_year",
         "6.3"},
        {"spend", "", "Køb hos socialøkonomiske virksomheder (kr.)", 5000 * k, "per_year", "6.4"},
        {"grants", "", "Bevillinger og fondsmidler (kr.)", 20000 * k, "per_year", "6.2"},
    };
    std::int64_t id = 0;
    for (const auto& goal : goals) {
        ++id;
        BB_TRY(
            g.add({id, std::string(goal.metric), std::string(goal.parameter),
                   std::to_string(goal.target) + " – " + goal.title, goal.target, std::string("2016-01-01"),
                   std::string("2020-12-31"), std::string(goal.cadence), goal.target / 2, std::int64_t{2015},
                   std::string(goal.point), id * 10, stamp(day_of(2016, 1, 4)), stamp(day_of(2016, 1, 4))}));
    }
    BB_TRY(g.flush());
    out.tables.emplace_back("goals", g.count());
    return {};
}

/// Network meetings and market days (5 a year per municipality, 8–30 organisations each),
/// the themes chosen for each year, grants (5 000 a year) and stories (400 a year).
core::Result<void> generate_network(db::Connection& c, Rng& rng, const Scale& scale, std::int64_t enterprises,
                                    Generated& out) {
    Bulk e(c, "events",
           {"id", "held_on", "kind", "title", "theme", "place", "summary", "created_at", "updated_at"});
    Bulk p(c, "event_participants", {"event_id", "position", "enterprise_id", "name", "invited", "present"});
    Bulk t(c, "event_themes", {"year", "position", "theme"});
    Bulk g(c, "grants",
           {"enterprise_id", "year", "amount_oere", "approximate", "source", "purpose", "created_at",
            "updated_at"});
    Bulk s(c, "stories", {"id", "title", "body", "story_date", "published", "created_at", "updated_at"});
    Bulk se(c, "story_enterprises", {"story_id", "enterprise_id", "position"});
    e.adopt(p);
    s.adopt(se);
    static const std::array<const char*, 6> k_themes = {
        "Rekruttering via jobcentret", "Salg til kommunen",    "Frivillige og fællesskab", "Grøn omstilling",
        "Fleksjob og småjob",          "Finansiering og fonde"};
    static const std::array<const char*, 5> k_sources = {
        "A.P. Møller Fonden", "Velliv Foreningen", "Puljemidler", "Kommunens §18-midler", "EU Socialfonden"};
    const std::int64_t per_year = scale.of(98 * 5);
    std::int64_t event_id = 0;
    for (int y = 2015; y <= 2020; ++y) {
        for (int k = 0; k < 6; ++k)
            BB_TRY(t.add({std::int64_t{y}, std::int64_t{k + 1}, std::string(k_themes[(y + k) % 6])}));
        for (std::int64_t n = 0; n < per_year; ++n) {
            const std::int64_t on = day_of(y, 1, 10) + rng.below(340);
            const bool meeting = rng.chance(80);
            const std::string muni = k_municipalities[static_cast<std::size_t>(n % 98)];
            BB_TRY(e.add({++event_id, iso(on), std::string(meeting ? "network_meeting" : "market_day"),
                          std::string(meeting ? "Netværksmøde " : "Markedsdag ") + muni,
                          std::string(k_themes[rng.below(6)]), "Rådhuset, " + muni,
                          std::string("Oplæg fra to virksomheder og dialog om næste skridt."), stamp(on),
                          stamp(on)}));
            const std::int64_t invited = rng.between(8, 30);
            for (std::int64_t q = 1; q <= invited; ++q) {
                const std::int64_t who = 1 + rng.below(enterprises);
                BB_TRY(p.add({event_id, q, who, "Organisation " + std::to_string(who), std::int64_t{1},
                              std::int64_t{on <= k_horizon.days_since_epoch() && rng.chance(70) ? 1 : 0}}));
            }
        }
    }
    // Next year's planned meetings (the report counts them and their themes).
    for (int k = 0; k < 6; ++k)
        BB_TRY(t.add({std::int64_t{2021}, std::int64_t{k + 1}, std::string(k_themes[k])}));
    for (std::int64_t n = 0; n < per_year; ++n) {
        const std::int64_t on = day_of(2021, 1, 10) + rng.below(340);
        BB_TRY(e.add({++event_id, iso(on), std::string("network_meeting"),
                      std::string("Netværksmøde (planlagt)"), std::string(k_themes[n % 6]), std::string(""),
                      std::string(""), stamp(k_horizon.days_since_epoch()),
                      stamp(k_horizon.days_since_epoch())}));
    }
    for (std::int64_t n = 0; n < scale.of(30000); ++n) {
        const std::int64_t year = 2015 + rng.below(6);
        BB_TRY(g.add({1 + rng.below(enterprises), year, rng.between(10, 2000) * 1000000,
                      std::int64_t{rng.chance(10) ? 1 : 0}, std::string(k_sources[rng.below(5)]),
                      std::string("Opstart af nyt værksted og mentorordning"),
                      stamp(day_of(static_cast<int>(year), 3, 1)),
                      stamp(day_of(static_cast<int>(year), 3, 1))}));
    }
    for (std::int64_t id = 1; id <= scale.of(2400); ++id) {
        const std::int64_t on = day_of(2015, 1, 5) + rng.below(365 * 6);
        BB_TRY(s.add({id, "Fra forløb til fleksjob " + std::to_string(id),
                      std::string("Efter et halvt år i praktik blev borgeren ansat i fleksjob. Virksomheden "
                                  "fortæller om samarbejdet med jobcentret og om de opgaver, der gav "
                                  "borgeren mod på mere.\n\nHistorien er skrevet sammen med virksomheden."),
                      iso(on), std::int64_t{rng.chance(70) ? 1 : 0}, stamp(on), stamp(on)}));
        const std::int64_t first_enterprise = 1 + rng.below(enterprises);
        BB_TRY(se.add({id, first_enterprise, std::int64_t{1}}));
        const std::int64_t second = 1 + rng.below(enterprises);
        if (rng.chance(40) && second != first_enterprise) BB_TRY(se.add({id, second, std::int64_t{2}}));
    }
    BB_TRY(e.flush());
    BB_TRY(t.flush());
    BB_TRY(g.flush());
    BB_TRY(s.flush());
    for (const Bulk* b : {&e, &p, &t, &g, &s, &se}) out.tables.emplace_back(b->table(), b->count());
    return {};
}

/// Strategy points 6.1–6.10 and a narrative for every year (about the size of 003's).
core::Result<void> generate_narrative(db::Connection& c, Generated& out) {
    Bulk sp(c, "report_strategy_points",
            {"id", "code", "title", "position", "valid_from", "created_at", "updated_at"});
    Bulk rt(c, "report_texts", {"year", "preface", "introduction", "updated_at", "updated_by"});
    Bulk pt(c, "report_point_texts", {"year", "point_id", "intro", "happened", "recommendation"});
    Bulk h(c, "report_holistic", {"year", "position", "body", "recommendation"});
    sp.adopt(pt);
    static const std::array<const char*, 10> k_points = {"CSR og socialøkonomi",
                                                         "Fonde og bevillinger",
                                                         "Netværk",
                                                         "Indkøb hos socialøkonomiske virksomheder",
                                                         "Samarbejdsaftaler",
                                                         "Frivillige",
                                                         "Uddannelse",
                                                         "Job og fleksjob",
                                                         "Progression",
                                                         "Kommunikation"};
    std::string paragraph;
    for (int k = 0; k < 6; ++k)
        paragraph +=
            "Året har budt på nye samarbejder mellem virksomheder, jobcentret og civilsamfundet, og "
            "flere borgere er kommet tættere på arbejdsmarkedet. ";
    for (std::int64_t i = 1; i <= 10; ++i)
        BB_TRY(sp.add({i, "6." + std::to_string(i), std::string(k_points[static_cast<std::size_t>(i - 1)]),
                       i * 10, std::int64_t{2015}, stamp(day_of(2016, 1, 4)), stamp(day_of(2016, 1, 4))}));
    for (int y = 2015; y <= 2020; ++y) {
        BB_TRY(rt.add({std::int64_t{y}, paragraph, paragraph + "\n\n" + paragraph, stamp(day_of(y, 12, 1)),
                       std::string("bench")}));
        for (std::int64_t i = 1; i <= 10; ++i)
            BB_TRY(pt.add(
                {std::int64_t{y}, i, paragraph, paragraph + "\n\n" + paragraph,
                 std::string("Vi anbefaler, at indsatsen fortsætter og udvides til flere virksomheder.")}));
        for (std::int64_t k = 1; k <= 2; ++k)
            BB_TRY(h.add({std::int64_t{y}, k, paragraph,
                          std::string("Vi anbefaler en fælles indgang for virksomhederne.")}));
    }
    BB_TRY(sp.flush());
    BB_TRY(rt.flush());
    BB_TRY(h.flush());
    for (const Bulk* b : {&sp, &rt, &pt, &h}) out.tables.emplace_back(b->table(), b->count());
    return {};
}
}  // namespace bench_report::detail
