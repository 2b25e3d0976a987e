#pragma once
/// Citizen <-> opening suggestions (D1): hard rules filter, weighted factors score, and
/// every suggestion explains each factor's contribution in Danish.
///
/// Pure: all inputs are values (the postcode centroid table and the weights are data).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "matching/allocation.hpp"

namespace matching {

enum class TransportMode { walk, bike, public_transport, car };

/// What the scoring needs to know about a citizen. Tags compare case-insensitively.
struct Citizen {
    std::string target_group;                        ///< e.g. "ressourceforløb"
    std::vector<std::string> accommodations_needed;  ///< e.g. "stille rum"
    std::vector<std::string> competences;
    std::vector<std::string> interests;
    int wished_hours_min = 0;  ///< per week
    int wished_hours_max = 0;
    int intensity_percent = 100;  ///< the intensity the citizen can work at
    std::string postcode;
    TransportMode transport = TransportMode::public_transport;
    std::vector<std::string> preferences;             ///< wishes matched against Opening::tags
    std::optional<std::int64_t> available_from_days;  ///< days since 1970-01-01; none = now
};

/// What the scoring needs to know about an opening (a placement or job slot group).
struct Opening {
    std::vector<std::string> tasks;
    int hours_min = 0;  ///< per week
    int hours_max = 0;
    int min_intensity_percent = 0;
    std::vector<std::string> accommodations_offered;
    std::vector<std::string> target_groups;  ///< empty = every target group
    std::string postcode;
    std::optional<std::int64_t> start_days;  ///< days since 1970-01-01; none = open start
    std::int64_t capacity_left = 0;
    std::vector<std::string> tags;  ///< culture, sector, setting: matched with preferences
};

/// Relative weights of the factors and the limits of the hard rules: data an administrator
/// adjusts. Weights are non-negative and not all zero.
struct Weights {
    double competences = 35;
    double interests = 15;
    double hours = 15;
    double distance = 25;
    double preferences = 10;
    double max_km_walk = 3;  ///< farther is a hard rejection for that transport mode
    double max_km_bike = 15;
    double max_km_public_transport = 40;
    double max_km_car = 60;
    std::int64_t start_tolerance_days = 30;  ///< citizen may start this long after the opening
};

/// Centre of a postcode area in degrees.
struct Centroid {
    double latitude = 0;
    double longitude = 0;
};
using CentroidTable = std::map<std::string, Centroid>;

enum class HardRule { target_group, accommodations, hours, intensity, capacity, start_date, distance };
enum class Factor { competences, interests, hours, distance, preferences };

/// Why an opening was filtered out, in Danish.
struct Rejection {
    HardRule rule = HardRule::capacity;
    std::string reason;  ///< "Stillingen kræver mindst 80 % intensitet; borgeren kan 60 %"
};

/// One factor's share of a suggestion's score.
struct Contribution {
    Factor factor = Factor::competences;
    double fraction = 0;      ///< 0..1, how well the factor is met
    int points = 0;           ///< weight * fraction scaled to the 0..1000 total
    int max_points = 0;       ///< the factor's weight scaled to the 0..1000 total
    std::string explanation;  ///< "Ønsker 10–15 timer, stillingen er 12 timer"
};

/// A feasible opening for a citizen with its explained score.
struct Suggestion {
    std::int32_t opening = 0;                 ///< index into the openings passed to rank (0 for evaluate)
    int score = 0;                            ///< 0..1000, the sum of the contributions' points
    std::vector<Contribution> contributions;  ///< in Factor order
};

/// The outcome for one pair: a suggestion, or every hard rule it breaks.
struct Assessment {
    std::optional<Suggestion> suggestion;
    std::vector<Rejection> rejections;
};

/// Checks that weights are usable (non-negative, finite, not all zero, limits positive).
[[nodiscard]] core::Result<void> validate(const Weights& weights);

/// Great-circle distance in km (haversine, earth radius 6371 km).
[[nodiscard]] double distance_km(Centroid a, Centroid b);

/// Danish name of a transport mode: "gang", "cykel", "offentlig transport", "bil".
[[nodiscard]] const char* transport_name(TransportMode mode);

/// Applies the hard rules and, if all pass, scores the pair. An unknown postcode is not a
/// rejection: the distance factor then scores 0 and says so.
[[nodiscard]] Assessment assess(const Citizen& citizen, const Opening& opening, const Weights& weights,
                                const CentroidTable& centroids);
/// assess() without the reasons: the suggestion or nullopt.
[[nodiscard]] std::optional<Suggestion> evaluate(const Citizen& citizen, const Opening& opening,
                                                 const Weights& weights, const CentroidTable& centroids);

/// Every feasible opening for the citizen, best first (ties: lower opening index first).
[[nodiscard]] std::vector<Suggestion> rank(const Citizen& citizen, const std::vector<Opening>& openings,
                                           const Weights& weights, const CentroidTable& centroids);

/// The cohort allocation problem: one pair per feasible (citizen, opening) with its score,
/// capacities from Opening::capacity_left.
[[nodiscard]] AllocationInstance allocation_instance(const std::vector<Citizen>& citizens,
                                                     const std::vector<Opening>& openings,
                                                     const Weights& weights, const CentroidTable& centroids);

}  // namespace matching
