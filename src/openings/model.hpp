#pragma once
/// Plain data for openings and matching in the UI (issue 6, docs/matching.md §6): one notion of
/// an opening over free agreement slots, hiring needs (C7) and posted job openings, with the
/// matching attributes; the weights form; citizen suggestions, opening candidates, the cohort
/// allocation and the stored proposals with their decisions. No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "matching/scoring.hpp"

namespace openings {

inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_reason = 500;
inline constexpr int k_max_capacity = 100;
/// The purpose written on audit rows of suggestions and cohorts.
inline constexpr std::string_view k_purpose = "matching";

/// Where an opening comes from.
enum class Source { Agreement, Need, Posted };
std::string_view source_code(Source s);  ///< "agreement", "need", "posted"
std::string_view source_label(
    Source s);  ///< "Ledig plads i samarbejdsaftale", "Rekrutteringsbehov", "Jobopslag"
std::optional<Source> parse_source(std::string_view code);

/// Danish name of a factor: "Kompetencer", "Interesser", "Timer", "Afstand", "Ønsker".
std::string_view factor_label(matching::Factor f);

/// The matching attributes as typed (every field text). Hours "10" or "7,5" per week.
struct AttributesInput {
    std::string tasks;  ///< comma-separated
    std::string hours_min;
    std::string hours_max;
    std::string min_intensity;   ///< whole percent 1–100, optional
    std::string accommodations;  ///< comma-separated: what the place can offer
    std::string target_groups;   ///< comma-separated vocabulary codes; empty = all
    std::string tags;            ///< comma-separated: setting, culture (matched with wishes)
    std::string postcode;        ///< 4 digits, optional
    std::string start_date;      ///< YYYY-MM-DD, optional
};

/// A job opening as typed.
struct JobOpeningInput {
    std::string enterprise_id;  ///< staff only; enterprise users always their own
    std::string title;
    std::string capacity;
    std::string status;  ///< "open" / "closed"; "" = open
    AttributesInput attributes;
};

struct Attributes {
    std::vector<std::string> tasks;
    std::optional<std::int64_t> hours_min;  ///< hundredths
    std::optional<std::int64_t> hours_max;
    std::optional<int> min_intensity;
    std::vector<std::string> accommodations;
    std::vector<std::string> target_groups;
    std::vector<std::string> tags;
    std::string postcode;
    std::optional<core::Date> start_date;
};

/// Validates typed attributes (fields tasks, hours_min, hours_max, min_intensity,
/// accommodations, target_groups, tags, postcode, start_date) into `v`.
Attributes parse_attributes(core::Validator& v, const AttributesInput& in);
/// Back to the typed form (for editing).
AttributesInput attributes_input(const Attributes& a);

/// One opening, whatever its source.
struct Opening {
    Source source = Source::Posted;
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    Attributes attributes;
    bool has_attributes = false;  ///< agreements and needs: a row of opening_attributes exists
    int capacity = 0;             ///< slots, positions or posted capacity
    int taken = 0;                ///< slots in use / accepted proposals
    int capacity_left = 0;
    bool open = true;
    [[nodiscard]] std::string key() const;  ///< "posted-3"
};

/// The scoring input of an opening (hours rounded outwards to whole hours).
matching::Opening to_matching(const Opening& o);

/// The weights form (numbers as typed, "," or "." decimal).
struct WeightsInput {
    std::string competences, interests, hours, distance, preferences;
    std::string max_km_walk, max_km_bike, max_km_public_transport, max_km_car;
    std::string start_tolerance_days;
};
WeightsInput weights_input(const matching::Weights& w);
/// Parses and validates (matching::validate), Danish messages naming the field.
core::Result<matching::Weights> parse_weights(const WeightsInput& in);

/// A suggestion with its opening and the factor lines.
struct Suggested {
    Opening opening;
    matching::Suggestion suggestion;
    std::string explanation;  ///< one line per factor, as stored with a proposal
};
struct LeftOut {
    Opening opening;
    std::vector<matching::Rejection> reasons;
};

/// One line per factor: "Kompetencer (245 af 350 point): Har kompetencer i …".
std::string explanation_text(const matching::Suggestion& s);

struct CitizenRef {
    std::int64_t id = 0;
    std::string case_ref;
    std::string name;
    std::string target_group;
};

struct CitizenSuggestions {
    CitizenRef citizen;
    std::vector<Suggested> ranked;
    std::vector<LeftOut> left_out;
};

struct Candidate {
    CitizenRef citizen;
    matching::Suggestion suggestion;
};
struct OpeningCandidates {
    Opening opening;
    std::vector<Candidate> ranked;
    int left_out = 0;  ///< citizens filtered out by the hard rules
};

struct CohortFilter {
    std::string target_group;              ///< vocabulary code or "" (all)
    bool without_active_placement = true;  ///< leave out citizens referred or active somewhere
    std::string source;                    ///< "" all open openings, or one source code
};

struct CohortPlaced {
    std::int64_t proposal_id = 0;
    CitizenRef citizen;
    Opening opening;
    matching::Suggestion suggestion;
};
struct CohortUnplaced {
    CitizenRef citizen;
    std::string reason;
};
struct CohortResult {
    std::string run_id;
    std::int64_t total_fit = 0;
    int citizens = 0;
    int openings = 0;
    int feasible_pairs = 0;
    std::vector<CohortPlaced> placed;
    std::vector<CohortUnplaced> unplaced;
};

struct Proposal {
    std::int64_t id = 0;
    std::string run_id;
    std::int64_t citizen_id = 0;
    std::string citizen_name;
    Source source = Source::Posted;
    std::int64_t source_id = 0;
    std::string opening_title;
    int score = 0;
    int rank = 1;
    std::string explanation;
    std::string proposed_at;
    std::string decision;  ///< "", "accepted", "declined"
    std::string decided_at;
    std::string decline_reason;
    std::optional<std::int64_t> placement_id;
};

/// What accepting needs: for an agreement slot, the intervention type of the referral.
struct AcceptInput {
    std::string intervention_type_id;
};

}  // namespace openings
