// Goals model: the metric catalogue and the pure validation of a goal.
#include "goals/model.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "core/validate.hpp"

namespace goals {

const std::vector<MetricInfo>& metric_catalogue() {
    static const std::vector<MetricInfo> k_catalogue = {
        {"enterprises", "Socialøkonomiske virksomheder og initiativer", false, false, true},
        {"registered_rsv", "Registrerede socialøkonomiske virksomheder (RSV)", false, false, true},
        {"on_the_way", "Virksomheder på vej mod registrering", false, false, true},
        {"jobs", "Job i året (alle kanaler)", false, false, false},
        {"jobs_municipality", "Job i året via jobcentret", false, false, false},
        {"jobs_by_kind", "Job i året af en bestemt type", true, false, false},
        {"placements_started", "Forløb startet i året", false, false, false},
        {"network_meetings", "Netværksmøder i året", false, false, false},
        {"spend", "Køb hos socialøkonomiske virksomheder i året (kr.)", false, true, false},
        {"grants", "Bevillinger og fondsmidler i året (kr.)", false, true, false},
    };
    return k_catalogue;
}

std::optional<MetricInfo> find_metric(std::string_view code) {
    for (const auto& m : metric_catalogue())
        if (m.code == code) return m;
    return std::nullopt;
}

std::string_view cadence_label(std::string_view code) {
    if (code == "per_year") return "Hvert år";
    if (code == "period_end") return "Ved periodens slutning";
    return "";
}

bool valid_cadence(std::string_view code) {
    return code == "per_year" || code == "period_end";
}

namespace {

/// A whole number ≥ 0 (thousands points allowed: "1.250.000"); nullopt otherwise.
std::optional<std::int64_t> parse_whole(std::string_view text) {
    std::string digits;
    for (char c : core::trim(text)) {
        if (c == '.' || c == ' ') continue;
        digits.push_back(c);
    }
    if (digits.empty()) return std::nullopt;
    long long n = 0;
    if (!core::parse_int64(digits, n)) return std::nullopt;
    return static_cast<std::int64_t>(n);
}

}  // namespace

core::Result<ValidGoal> validate_goal(const GoalInput& in, const std::vector<std::string>& job_kinds) {
    core::Validator v;
    ValidGoal g;

    g.metric = std::string(core::trim(in.metric));
    const auto metric = find_metric(g.metric);
    if (g.metric.empty())
        v.add("metric", "Vælg et nøgletal.");
    else if (!metric)
        v.add("metric", "Nøgletal: vælg et nøgletal fra listen.");

    if (metric && metric->needs_parameter) {
        g.parameter = std::string(core::trim(in.parameter));
        if (g.parameter.empty())
            v.add("parameter", "Vælg jobtypen for nøgletallet.");
        else if (std::find(job_kinds.begin(), job_kinds.end(), g.parameter) == job_kinds.end())
            v.add("parameter", "Vælg en jobtype fra listen.");
    } else if (metric && metric->stock) {
        // The municipality counted ("" = every municipality in the registry).
        g.parameter = std::string(core::trim(in.parameter));
        core::check_text(v, "municipality", g.parameter, k_max_municipality, "Kommunens navn");
    }

    g.title = std::string(core::trim(in.title));
    if (g.title.empty())
        v.add("title", "Skriv målets titel, fx 30 job om året via jobcentret.");
    else
        core::check_text(v, "title", g.title, k_max_title, "Titlen");

    const std::string_view target = core::trim(in.target);
    if (target.empty()) {
        v.add("target", "Skriv målet som et helt tal, fx 25.");
    } else if (target.front() == '-') {
        v.add("target", "Målet skal være større end 0.");
    } else if (auto t = parse_whole(target); !t || *t > k_max_target) {
        v.add("target", "Skriv målet som et helt tal, fx 25.");
    } else if (*t <= 0) {
        v.add("target", "Målet skal være større end 0.");
    } else {
        g.target = *t;
    }

    const auto from = core::check_date(v, "period_from", in.period_from, "Skriv periodens startdato.");
    const auto to = core::check_date(v, "period_to", in.period_to, "Skriv periodens slutdato.");
    if (from && to) {
        if (*to < *from) v.add("period_to", "Perioden er tom: slutdatoen ligger før startdatoen.");
        g.period_from = *from;
        g.period_to = *to;
    }

    g.cadence = std::string(core::trim(in.cadence));
    if (!valid_cadence(g.cadence))
        v.add("cadence", "Vælg om målet gælder hvert år eller ved periodens slutning.");

    if (const std::string_view b = core::trim(in.baseline); !b.empty()) {
        if (auto n = parse_whole(b); n && *n <= k_max_target && b.front() != '-')
            g.baseline = *n;
        else
            v.add("baseline", "Skriv udgangspunktet som et helt tal, fx 12.");
    }
    g.baseline_year = core::check_year(v, "baseline_year", in.baseline_year, core::years::reporting);
    if (g.baseline_year && !g.baseline)
        v.add("baseline", "Skriv udgangspunktet, når du angiver et år for det.");

    g.strategy_point = std::string(core::trim(in.strategy_point));
    core::check_text(v, "strategy_point", g.strategy_point, k_max_strategy_point, "Strategipunktet");

    if (!v.ok()) return v.error();
    return g;
}

int percent_of(std::int64_t actual, std::int64_t target) {
    if (target <= 0 || actual <= 0) return 0;
    return static_cast<int>(std::min<std::int64_t>(actual * 100 / target, 100000));
}

Attainment attainment_of(bool has_data, std::int64_t actual, std::int64_t target, bool period_ended) {
    if (!has_data) return Attainment::NoData;
    if (actual >= target) return Attainment::Reached;
    return period_ended ? Attainment::NotReached : Attainment::OnTheWay;
}

std::string_view attainment_code(Attainment a) {
    switch (a) {
        case Attainment::Reached:
            return "reached";
        case Attainment::NotReached:
            return "not_reached";
        case Attainment::OnTheWay:
            return "on_the_way";
        case Attainment::NoData:
            return "no_data";
    }
    return "no_data";
}

std::string attainment_label(Attainment a, int percent) {
    const std::string share = " (" + std::to_string(percent) + " % af målet)";
    switch (a) {
        case Attainment::Reached:
            return "Nået";
        case Attainment::NotReached:
            return "Ikke nået" + share;
        case Attainment::OnTheWay:
            return "På vej" + share;
        case Attainment::NoData:
            return "Ingen data";
    }
    return "Ingen data";
}

}  // namespace goals
