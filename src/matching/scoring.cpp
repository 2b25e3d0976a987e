#include "matching/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/date.hpp"
#include "core/text.hpp"

namespace matching {
namespace {

constexpr double pi = 3.14159265358979323846;
constexpr double earth_radius_km = 6371.0;
constexpr int total_points = 1000;

std::string normalise(const std::string& tag) {
    return core::to_lower_danish(core::trim(tag));
}

std::set<std::string> tag_set(const std::vector<std::string>& tags) {
    std::set<std::string> out;
    for (const auto& t : tags) out.insert(normalise(t));
    return out;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += ", ";
        out += core::trim(item);
    }
    return out;
}

/// The items of `wanted` (in their order) that are, or are not, in `have`.
std::vector<std::string> split_by(const std::vector<std::string>& wanted, const std::set<std::string>& have,
                                  bool present) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    for (const auto& w : wanted) {
        const std::string key = normalise(w);
        if (key.empty() || !seen.insert(key).second) continue;
        if ((have.count(key) > 0) == present) out.push_back(w);
    }
    return out;
}

std::size_t distinct_count(const std::vector<std::string>& tags) {
    std::set<std::string> s;
    for (const auto& t : tags) {
        const std::string key = normalise(t);
        if (!key.empty()) s.insert(key);
    }
    return s.size();
}

/// "12 timer" or "10–15 timer" (en dash).
std::string hours_text(int low, int high) {
    if (low == high) return std::to_string(low) + " timer";
    return std::to_string(low) + "\u2013" + std::to_string(high) + " timer";
}

std::string hours_sentence(const Citizen& c, const Opening& o) {
    return "Ønsker " + hours_text(c.wished_hours_min, c.wished_hours_max) + ", stillingen er " +
           hours_text(o.hours_min, o.hours_max);
}

std::string km_text(double km) {
    if (km < 1.0) return "under 1 km";
    return std::to_string(static_cast<long long>(std::llround(km))) + " km";
}

double max_km(const Weights& w, TransportMode mode) {
    switch (mode) {
        case TransportMode::walk:
            return w.max_km_walk;
        case TransportMode::bike:
            return w.max_km_bike;
        case TransportMode::public_transport:
            return w.max_km_public_transport;
        case TransportMode::car:
            return w.max_km_car;
    }
    return w.max_km_car;
}

std::string date_text(std::int64_t days) {
    return core::Date::from_days(days).danish();
}

struct FactorScore {
    Factor factor;
    double weight;
    double fraction;
    std::string explanation;
};

FactorScore tag_factor(Factor factor, double weight, const std::vector<std::string>& tasks,
                       const std::vector<std::string>& citizen_tags, const char* verb_some,
                       const char* none_text) {
    const std::size_t n = distinct_count(tasks);
    if (n == 0) return {factor, weight, 1.0, "Stillingen har ingen opgaver angivet"};
    const auto matched = split_by(tasks, tag_set(citizen_tags), true);
    const double fraction = static_cast<double>(matched.size()) / static_cast<double>(n);
    if (matched.empty()) return {factor, weight, 0.0, std::string(none_text) + " (" + join(tasks) + ")"};
    return {factor, weight, fraction,
            std::string(verb_some) + " " + std::to_string(matched.size()) + " af " + std::to_string(n) +
                " opgaver: " + join(matched)};
}

}  // namespace

core::Result<void> validate(const Weights& w) {
    const double weights[] = {w.competences, w.interests, w.hours, w.distance, w.preferences};
    double sum = 0;
    for (double x : weights) {
        if (!std::isfinite(x) || x < 0)
            return core::Error::validation("weights", "Vægte skal være tal på 0 eller derover.");
        sum += x;
    }
    if (sum <= 0) return core::Error::validation("weights", "Mindst én vægt skal være større end 0.");
    const double limits[] = {w.max_km_walk, w.max_km_bike, w.max_km_public_transport, w.max_km_car};
    for (double x : limits) {
        if (!std::isfinite(x) || x <= 0) {
            return core::Error::validation("max_km",
                                           "Den største afstand pr. transportform skal være over 0 km.");
        }
    }
    if (w.start_tolerance_days < 0) {
        return core::Error::validation("start_tolerance_days",
                                       "Tolerancen for startdato kan ikke være negativ.");
    }
    return {};
}

double distance_km(Centroid a, Centroid b) {
    const double to_rad = pi / 180.0;
    const double dlat = (b.latitude - a.latitude) * to_rad;
    const double dlon = (b.longitude - a.longitude) * to_rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(a.latitude * to_rad) *
                                                                   std::cos(b.latitude * to_rad) *
                                                                   std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

const char* transport_name(TransportMode mode) {
    switch (mode) {
        case TransportMode::walk:
            return "gang";
        case TransportMode::bike:
            return "cykel";
        case TransportMode::public_transport:
            return "offentlig transport";
        case TransportMode::car:
            return "bil";
    }
    return "bil";
}

Assessment assess(const Citizen& c, const Opening& o, const Weights& w, const CentroidTable& centroids) {
    Assessment result;
    auto reject = [&](HardRule rule, std::string reason) {
        result.rejections.push_back({rule, std::move(reason)});
    };

    if (!o.target_groups.empty() && tag_set(o.target_groups).count(normalise(c.target_group)) == 0) {
        reject(HardRule::target_group, "Målgruppen »" + std::string(core::trim(c.target_group)) +
                                           "« er ikke blandt stillingens målgrupper (" +
                                           join(o.target_groups) + ")");
    }
    const auto missing = split_by(c.accommodations_needed, tag_set(o.accommodations_offered), false);
    if (!missing.empty()) reject(HardRule::accommodations, "Stillingen tilbyder ikke: " + join(missing));
    const int overlap_low = std::max(c.wished_hours_min, o.hours_min);
    const int overlap_high = std::min(c.wished_hours_max, o.hours_max);
    if (overlap_low > overlap_high) reject(HardRule::hours, hours_sentence(c, o));
    if (c.intensity_percent < o.min_intensity_percent) {
        reject(HardRule::intensity, "Stillingen kræver mindst " + std::to_string(o.min_intensity_percent) +
                                        " % intensitet; borgeren kan " + std::to_string(c.intensity_percent) +
                                        " %");
    }
    if (o.capacity_left <= 0) reject(HardRule::capacity, "Ingen ledige pladser");
    if (c.available_from_days && o.start_days &&
        *c.available_from_days > *o.start_days + w.start_tolerance_days) {
        reject(HardRule::start_date, "Kan først starte " + date_text(*c.available_from_days) +
                                         "; stillingen starter " + date_text(*o.start_days));
    }
    const auto home = centroids.find(normalise(c.postcode));
    const auto work = centroids.find(normalise(o.postcode));
    const bool known = home != centroids.end() && work != centroids.end();
    const double km = known ? distance_km(home->second, work->second) : 0.0;
    const double limit = max_km(w, c.transport);
    if (known && km > limit) {
        reject(HardRule::distance, km_text(km) + " fra bopæl er for langt med " +
                                       transport_name(c.transport) + " (højst " + km_text(limit) + ")");
    }
    if (!result.rejections.empty()) return result;

    std::vector<FactorScore> factors;
    factors.push_back(tag_factor(Factor::competences, w.competences, o.tasks, c.competences,
                                 "Har kompetencer i", "Har ingen kompetencer i stillingens opgaver"));
    factors.push_back(tag_factor(Factor::interests, w.interests, o.tasks, c.interests, "Interesseret i",
                                 "Ingen af opgaverne er blandt borgerens interesser"));
    {
        const int span = o.hours_max - o.hours_min;
        const double fraction = span <= 0 ? 1.0 : static_cast<double>(overlap_high - overlap_low) / span;
        factors.push_back({Factor::hours, w.hours, std::clamp(fraction, 0.0, 1.0), hours_sentence(c, o)});
    }
    if (known) {
        factors.push_back({Factor::distance, w.distance, std::clamp(1.0 - km / limit, 0.0, 1.0),
                           km_text(km) + " fra bopæl (" + transport_name(c.transport) + ")"});
    } else {
        const std::string& unknown = home == centroids.end() ? c.postcode : o.postcode;
        factors.push_back(
            {Factor::distance, w.distance, 0.0,
             "Afstand ukendt: postnummer " + std::string(core::trim(unknown)) + " findes ikke i tabellen"});
    }
    {
        const std::size_t n = distinct_count(c.preferences);
        if (n == 0) {
            factors.push_back({Factor::preferences, w.preferences, 1.0, "Ingen særlige ønsker"});
        } else {
            const auto met = split_by(c.preferences, tag_set(o.tags), true);
            const double fraction = static_cast<double>(met.size()) / static_cast<double>(n);
            factors.push_back({Factor::preferences, w.preferences, fraction,
                               met.empty()
                                   ? "Opfylder ingen af borgerens ønsker (" + join(c.preferences) + ")"
                                   : "Opfylder " + std::to_string(met.size()) + " af " + std::to_string(n) +
                                         " ønsker: " + join(met)});
        }
    }

    double weight_sum = 0;
    for (const auto& f : factors) weight_sum += f.weight;
    Suggestion s;
    for (auto& f : factors) {
        const double share = weight_sum > 0 ? f.weight / weight_sum * total_points : 0.0;
        Contribution contribution;
        contribution.factor = f.factor;
        contribution.fraction = f.fraction;
        contribution.max_points = static_cast<int>(std::lround(share));
        contribution.points = static_cast<int>(std::lround(share * f.fraction));
        contribution.explanation = std::move(f.explanation);
        s.score += contribution.points;
        s.contributions.push_back(std::move(contribution));
    }
    result.suggestion = std::move(s);
    return result;
}

std::optional<Suggestion> evaluate(const Citizen& citizen, const Opening& opening, const Weights& weights,
                                   const CentroidTable& centroids) {
    return assess(citizen, opening, weights, centroids).suggestion;
}

std::vector<Suggestion> rank(const Citizen& citizen, const std::vector<Opening>& openings,
                             const Weights& weights, const CentroidTable& centroids) {
    std::vector<Suggestion> out;
    for (std::size_t j = 0; j < openings.size(); ++j) {
        if (auto s = evaluate(citizen, openings[j], weights, centroids)) {
            s->opening = static_cast<std::int32_t>(j);
            out.push_back(std::move(*s));
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Suggestion& a, const Suggestion& b) { return a.score > b.score; });
    return out;
}

AllocationInstance allocation_instance(const std::vector<Citizen>& citizens,
                                       const std::vector<Opening>& openings, const Weights& weights,
                                       const CentroidTable& centroids) {
    AllocationInstance instance;
    instance.citizen_count = static_cast<std::int32_t>(citizens.size());
    instance.capacity.reserve(openings.size());
    for (const auto& o : openings) instance.capacity.push_back(std::max<std::int64_t>(0, o.capacity_left));
    for (std::size_t i = 0; i < citizens.size(); ++i) {
        for (std::size_t j = 0; j < openings.size(); ++j) {
            if (auto s = evaluate(citizens[i], openings[j], weights, centroids)) {
                instance.pairs.push_back(
                    {static_cast<std::int32_t>(i), static_cast<std::int32_t>(j), s->score});
            }
        }
    }
    return instance;
}

}  // namespace matching
