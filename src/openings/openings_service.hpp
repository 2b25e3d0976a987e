#pragma once
/// Openings and matching in the product (issue 6, docs/matching.md §6): one notion of an opening
/// over free slots of cooperation agreements, hiring needs (C7) and job openings posted by
/// enterprises or caseworkers; the matching weights as data; explained suggestions for a
/// citizen, ranked candidates for an opening, the optimal cohort allocation (matching::allocate),
/// and the proposals with the decisions people took.
///
/// Access (decided here from the core::Actor):
///   - openings list: admin, caseworker, consultant (all), enterprise (its own only); buyer none;
///   - job openings: admin and caseworker any enterprise, enterprise users their own only
///     (another enterprise's: NotFound + an audit row "denied");
///   - matching attributes of an agreement: admin, caseworker; of a hiring need also the need's
///     own enterprise's users;
///   - weights: admin;
///   - suggestions, candidates, cohort, accept/decline, proposals: admin and caseworker only
///     (others Forbidden + an audit row "denied"). Every citizen shown writes an audit row
///     (object_type "citizen", object_id the id, purpose "matching").
///
/// Other services are called, never their SQL: citizens through CitizenService, agreements,
/// hiring needs, placements and referrals through PlacementsService. Read-only joins of this
/// package's SQL (docs/architecture.md §2): enterprises (name) and citizens (name) for lists.
/// Accepting an agreement slot calls PlacementsService::refer (its own transaction) and then
/// stores the decision with the placement id (a second transaction). Thread-safe.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "citizens/citizen_service.hpp"
#include "core/actor.hpp"
#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "openings/model.hpp"
#include "placements/placements_service.hpp"

namespace openings {

using Choice = core::Choice;

class OpeningsService {
public:
    /// `citizens`: the candidates; `placements`: accepting an agreement slot is a referral.
    OpeningsService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                    citizens::CitizenService& citizens, placements::PlacementsService& placements);
    OpeningsService(const OpeningsService&) = delete;
    OpeningsService& operator=(const OpeningsService&) = delete;

    // ---- openings ----
    /// Every open opening (active agreements, open hiring needs, open and closed job openings).
    core::Result<std::vector<Opening>> list_openings(const core::Actor& actor);
    core::Result<Opening> get_opening(Source source, std::int64_t id, const core::Actor& actor);
    core::Result<Opening> create_job_opening(const JobOpeningInput& in, const core::Actor& actor);
    core::Result<Opening> update_job_opening(std::int64_t id, const JobOpeningInput& in,
                                             const core::Actor& actor);
    /// Matching attributes of an agreement or a hiring need (stored in opening_attributes).
    core::Result<Opening> set_attributes(Source source, std::int64_t id, const AttributesInput& in,
                                         const core::Actor& actor);
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);
    core::Result<std::vector<Choice>> target_group_choices(const core::Actor& actor);
    core::Result<std::vector<Choice>> intervention_type_choices(const core::Actor& actor);

    // ---- weights (admin) ----
    core::Result<matching::Weights> weights(const core::Actor& actor);
    /// Validation naming the field; audit "update" object_type "setting".
    core::Result<matching::Weights> set_weights(const WeightsInput& in, const core::Actor& actor);

    // ---- suggestions (caseworker, admin) ----
    core::Result<CitizenSuggestions> suggestions(std::int64_t citizen_id, const core::Actor& actor);
    core::Result<OpeningCandidates> candidates(Source source, std::int64_t id, const core::Actor& actor);
    /// The optimal allocation of the filtered citizens to the open openings; stores one proposal
    /// per placed citizen under a new run id.
    core::Result<CohortResult> cohort(const CohortFilter& filter, const core::Actor& actor);

    // ---- decisions (caseworker, admin) ----
    /// Accepts a single suggestion (scored again now). Agreement slot: a referral through
    /// PlacementsService; hiring need / job opening: the proposal is recorded as accepted.
    core::Result<Proposal> accept_suggestion(std::int64_t citizen_id, Source source, std::int64_t opening_id,
                                             const AcceptInput& in, const core::Actor& actor);
    core::Result<Proposal> decline_suggestion(std::int64_t citizen_id, Source source, std::int64_t opening_id,
                                              const std::string& reason, const core::Actor& actor);
    /// Accepts / declines a stored proposal (from a cohort run).
    core::Result<Proposal> accept_proposal(std::int64_t id, const AcceptInput& in, const core::Actor& actor);
    core::Result<Proposal> decline_proposal(std::int64_t id, const std::string& reason,
                                            const core::Actor& actor);
    core::Result<std::vector<Proposal>> list_proposals(const core::Actor& actor);

    [[nodiscard]] core::Date today() const;

private:
    core::Result<void> require_casework(const core::Actor& actor, std::string_view action,
                                        std::int64_t citizen_id);
    core::Result<std::vector<Opening>> load_openings(const core::Actor& actor, bool open_only);
    core::Result<matching::Weights> load_weights();
    core::Result<matching::CentroidTable> load_centroids();
    core::Result<Proposal> decide(std::int64_t citizen_id, const Opening& opening,
                                  const matching::Suggestion& suggestion,
                                  std::optional<std::int64_t> proposal_id, bool accept, const AcceptInput& in,
                                  const std::string& reason, const core::Actor& actor);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    citizens::CitizenService& m_citizens;
    placements::PlacementsService& m_placements;
    std::atomic<std::int64_t> m_runs{0};
};

}  // namespace openings
