// OpeningsService: suggestions, candidates, the cohort allocation and decisions.
#include <algorithm>
#include <set>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "openings/internal.hpp"
#include "openings/openings_service.hpp"
#include "openings/sql.hpp"

namespace openings {

using core::Role;
using detail::user_ref;

namespace {

CitizenRef ref_of(const citizens::Citizen& c) {
    return {c.id, c.case_ref, c.name,
            c.target_group_label.empty() ? c.target_group.value_or("") : c.target_group_label};
}

matching::TransportMode transport_of(const std::optional<citizens::Transport>& t) {
    if (!t) return matching::TransportMode::public_transport;
    switch (*t) {
        case citizens::Transport::Car:
            return matching::TransportMode::car;
        case citizens::Transport::Bike:
            return matching::TransportMode::bike;
        case citizens::Transport::Walk:
            return matching::TransportMode::walk;
        case citizens::Transport::Public:
            return matching::TransportMode::public_transport;
    }
    return matching::TransportMode::public_transport;
}

matching::Citizen citizen_input(const citizens::Citizen& c) {
    matching::Citizen m;
    m.target_group = c.target_group.value_or("");
    m.accommodations_needed = c.accommodations;
    m.competences = c.competences;
    m.interests = c.interests;
    // Whole hours, rounded outwards; no wish = any hours.
    m.wished_hours_min = c.wished_hours_min ? static_cast<int>(*c.wished_hours_min / 100) : 0;
    m.wished_hours_max = c.wished_hours_max ? static_cast<int>((*c.wished_hours_max + 99) / 100) : 37;
    if (m.wished_hours_max < m.wished_hours_min) m.wished_hours_max = m.wished_hours_min;
    m.intensity_percent = 100;  // the citizens package records no intensity
    m.postcode = c.postcode.value_or("");
    m.transport = transport_of(c.transport);
    return m;
}

std::string opening_ref(const Opening& o) {
    return o.key();
}

std::string rejection_summary(const std::vector<matching::Rejection>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "; ") + r.reason;
    return out;
}

}  // namespace

core::Result<void> OpeningsService::require_casework(const core::Actor& actor, std::string_view action,
                                                     std::int64_t citizen_id) {
    if (actor.is_casework()) return {};
    BB_TRY(m_db.write([&](db::Connection& conn) {
        return m_audit.record(conn, actor, std::string(action), "citizen",
                              citizen_id > 0 ? std::to_string(citizen_id) : "", "match", k_purpose,
                              audit::k_outcome_denied);
    }));
    return core::Error::forbidden("Kun sagsbehandlere kan se forslag til match.");
}

core::Result<CitizenSuggestions> OpeningsService::suggestions(std::int64_t citizen_id,
                                                              const core::Actor& actor) {
    BB_TRY(require_casework(actor, "read", citizen_id));
    BB_ASSIGN(citizens::Citizen c, m_citizens.get(citizen_id, actor));  // audit "read"
    BB_ASSIGN(auto list, load_openings(actor, true));
    BB_ASSIGN(auto weights, load_weights());
    BB_ASSIGN(auto centroids, load_centroids());
    const matching::Citizen mc = citizen_input(c);
    CitizenSuggestions out;
    out.citizen = ref_of(c);
    for (const auto& o : list) {
        auto a = matching::assess(mc, to_matching(o), weights, centroids);
        if (a.suggestion)
            out.ranked.push_back({o, *a.suggestion, explanation_text(*a.suggestion)});
        else
            out.left_out.push_back({o, a.rejections});
    }
    std::stable_sort(out.ranked.begin(), out.ranked.end(), [](const Suggested& a, const Suggested& b) {
        return a.suggestion.score > b.suggestion.score;
    });
    BB_TRY(m_db.write([&](db::Connection& conn) {
        return m_audit.record(conn, actor, "read", "citizen", std::to_string(citizen_id),
                              "forslag til match: " + std::to_string(out.ranked.size()) + " stillinger",
                              k_purpose);
    }));
    return out;
}

core::Result<OpeningCandidates> OpeningsService::candidates(Source source, std::int64_t id,
                                                            const core::Actor& actor) {
    BB_TRY(require_casework(actor, "search", 0));
    BB_ASSIGN(Opening o, get_opening(source, id, actor));
    BB_ASSIGN(auto people, m_citizens.list({}, actor));  // audit "search"
    BB_ASSIGN(auto weights, load_weights());
    BB_ASSIGN(auto centroids, load_centroids());
    const matching::Opening mo = to_matching(o);
    OpeningCandidates out;
    out.opening = o;
    for (const auto& c : people) {
        if (c.anonymised_at) continue;
        auto s = matching::evaluate(citizen_input(c), mo, weights, centroids);
        if (s)
            out.ranked.push_back({ref_of(c), *s});
        else
            ++out.left_out;
    }
    std::stable_sort(out.ranked.begin(), out.ranked.end(), [](const Candidate& a, const Candidate& b) {
        return a.suggestion.score > b.suggestion.score;
    });
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        for (const auto& cand : out.ranked)
            BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(cand.citizen.id),
                                  "kandidat til " + opening_ref(o), k_purpose));
        return {};
    }));
    return out;
}

core::Result<CohortResult> OpeningsService::cohort(const CohortFilter& filter, const core::Actor& actor) {
    BB_TRY(require_casework(actor, "search", 0));
    std::optional<Source> only;
    if (!core::trim(filter.source).empty()) {
        only = parse_source(core::trim(filter.source));
        if (!only) return core::Error::validation("source", "Vælg en af stillingstyperne på listen.");
    }
    BB_ASSIGN(auto people, m_citizens.list({"", filter.target_group}, actor));  // audit "search"
    std::set<std::int64_t> busy;
    if (filter.without_active_placement) {
        for (const char* status : {"referred", "active", "waiting"}) {
            placements::PlacementFilter pf;
            pf.status = status;
            BB_ASSIGN(auto ps, m_placements.list_placements(pf, actor));
            for (const auto& p : ps) busy.insert(p.citizen_id);
        }
    }
    std::vector<citizens::Citizen> chosen;
    for (auto& c : people)
        if (!c.anonymised_at && !busy.count(c.id)) chosen.push_back(std::move(c));
    BB_ASSIGN(auto all_openings, load_openings(actor, true));
    std::vector<Opening> list;
    for (auto& o : all_openings)
        if ((!only || o.source == *only) && o.capacity_left > 0) list.push_back(std::move(o));
    BB_ASSIGN(auto weights, load_weights());
    BB_ASSIGN(auto centroids, load_centroids());

    std::vector<matching::Citizen> mc;
    for (const auto& c : chosen) mc.push_back(citizen_input(c));
    std::vector<matching::Opening> mo;
    for (const auto& o : list) mo.push_back(to_matching(o));
    const matching::AllocationInstance instance = matching::allocation_instance(mc, mo, weights, centroids);
    BB_ASSIGN(matching::Allocation alloc, matching::allocate(instance));

    CohortResult out;
    out.citizens = static_cast<int>(chosen.size());
    out.openings = static_cast<int>(list.size());
    out.feasible_pairs = static_cast<int>(instance.pairs.size());
    out.total_fit = alloc.total_fit;
    const std::string now = core::iso_timestamp(m_clock.now());
    out.run_id = "K" + now.substr(0, 10) + "-" + std::to_string(m_clock.now() % 100000) + "-" +
                 std::to_string(++m_runs);
    std::vector<bool> has_pair(chosen.size(), false);
    for (const auto& p : instance.pairs) has_pair[static_cast<std::size_t>(p.citizen)] = true;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const std::int32_t j = alloc.opening_of[i];
        if (j >= 0) {
            auto s = matching::evaluate(mc[i], mo[static_cast<std::size_t>(j)], weights, centroids);
            out.placed.push_back({0, ref_of(chosen[i]), list[static_cast<std::size_t>(j)],
                                  s.value_or(matching::Suggestion{})});
        } else {
            std::string why;
            if (!has_pair[i]) {
                why = "Ingen af stillingerne passer";
                if (!list.empty()) {
                    auto a = matching::assess(mc[i], mo.front(), weights, centroids);
                    why += " (fx " + list.front().title + ": " + rejection_summary(a.rejections) + ")";
                }
            } else {
                why =
                    "De stillinger, der passer, er givet til andre borgere, fordi det giver den største "
                    "samlede "
                    "match";
            }
            out.unplaced.push_back({ref_of(chosen[i]), why + "."});
        }
    }
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        int rank = 0;
        for (auto& p : out.placed) {
            BB_ASSIGN(auto rows, conn.query(sql::proposal_insert,
                                            {out.run_id, p.citizen.id,
                                             std::string(source_code(p.opening.source)), p.opening.id,
                                             p.opening.title, static_cast<std::int64_t>(p.suggestion.score),
                                             static_cast<std::int64_t>(++rank),
                                             explanation_text(p.suggestion), user_ref(actor), now}));
            p.proposal_id = rows.first().int64(0);
            BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen.id),
                                  "samlet fordeling " + out.run_id + ": " + opening_ref(p.opening),
                                  k_purpose));
        }
        for (const auto& u : out.unplaced)
            BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(u.citizen.id),
                                  "samlet fordeling " + out.run_id + ": ikke placeret", k_purpose));
        return {};
    }));
    return out;
}

// ---- decisions ----

core::Result<Proposal> OpeningsService::decide(std::int64_t citizen_id, const Opening& opening,
                                               const matching::Suggestion& suggestion,
                                               std::optional<std::int64_t> proposal_id, bool accept,
                                               const AcceptInput& in, const std::string& reason_text,
                                               const core::Actor& actor) {
    const std::string reason(core::trim(reason_text));
    core::Validator v;
    core::check_text(v, "reason", reason, k_max_reason, "Begrundelsen");
    if (!v.ok()) return v.error();
    std::optional<std::int64_t> placement_id;
    // Stores the proposal's decision (inserting the proposal first when it was not stored).
    const auto record = [&](db::Connection& conn) -> core::Result<Proposal> {
        const std::string now = core::iso_timestamp(m_clock.now());
        std::int64_t id = 0;
        if (proposal_id) {
            id = *proposal_id;
        } else {
            BB_ASSIGN(auto rows,
                      conn.query(sql::proposal_insert,
                                 {std::string(), citizen_id, std::string(source_code(opening.source)),
                                  opening.id, opening.title, static_cast<std::int64_t>(suggestion.score),
                                  std::int64_t{1}, explanation_text(suggestion), user_ref(actor), now}));
            id = rows.first().int64(0);
        }
        BB_ASSIGN(auto done,
                  conn.query(sql::proposal_decide, {id, std::string(accept ? "accepted" : "declined"),
                                                    user_ref(actor), now, reason, db::opt(placement_id)}));
        if (done.affected == 0) return core::Error::conflict("Forslaget er allerede besluttet.");
        BB_TRY(m_audit.record(
            conn, actor, accept ? "accept" : "decline", "citizen", std::to_string(citizen_id),
            std::string(accept ? "forslag accepteret: " : "forslag afvist: ") + opening_ref(opening),
            k_purpose));
        BB_ASSIGN(auto rows, detail::proposals(conn, id));
        if (rows.empty()) return core::Error::not_found();
        return rows.front();
    };
    if (accept) {
        if (opening.capacity_left <= 0 || !opening.open)
            return core::Error::conflict("Der er ingen ledige pladser i " + opening.title + " længere.");
        if (opening.source == Source::Agreement) {
            if (core::trim(in.intervention_type_id).empty())
                return core::Error::validation("intervention_type_id", "Vælg indsatstypen for henvisningen.");
            BB_ASSIGN(citizens::Citizen c, m_citizens.get(citizen_id, actor));
            placements::ReferralInput r;
            r.citizen = c.case_ref;
            r.enterprise_id = std::to_string(opening.enterprise_id);
            r.agreement_id = std::to_string(opening.id);
            r.intervention_type_id = in.intervention_type_id;
            r.referred_on = today().iso();
            // The referral and the decision are one transaction: both are stored or neither.
            std::optional<Proposal> decided;
            BB_TRY(m_placements.refer(
                r, actor,
                [&](db::Connection& conn, const placements::ChangeResult& change) -> core::Result<void> {
                    placement_id = change.placement.id;
                    BB_ASSIGN(auto p, record(conn));
                    decided = std::move(p);
                    return {};
                }));
            return std::move(*decided);
        }
    }
    return m_db.write([&](db::Connection& conn) -> core::Result<Proposal> { return record(conn); });
}

core::Result<Proposal> OpeningsService::accept_suggestion(std::int64_t citizen_id, Source source,
                                                          std::int64_t opening_id, const AcceptInput& in,
                                                          const core::Actor& actor) {
    BB_TRY(require_casework(actor, "update", citizen_id));
    BB_ASSIGN(citizens::Citizen c, m_citizens.get(citizen_id, actor));
    BB_ASSIGN(Opening o, get_opening(source, opening_id, actor));
    BB_ASSIGN(auto weights, load_weights());
    BB_ASSIGN(auto centroids, load_centroids());
    auto a = matching::assess(citizen_input(c), to_matching(o), weights, centroids);
    if (!a.suggestion)
        return core::Error::conflict("Stillingen passer ikke længere til borgeren: " +
                                     rejection_summary(a.rejections));
    return decide(citizen_id, o, *a.suggestion, std::nullopt, true, in, "", actor);
}

core::Result<Proposal> OpeningsService::decline_suggestion(std::int64_t citizen_id, Source source,
                                                           std::int64_t opening_id, const std::string& reason,
                                                           const core::Actor& actor) {
    BB_TRY(require_casework(actor, "update", citizen_id));
    BB_ASSIGN(citizens::Citizen c, m_citizens.get(citizen_id, actor));
    BB_ASSIGN(Opening o, get_opening(source, opening_id, actor));
    BB_ASSIGN(auto weights, load_weights());
    BB_ASSIGN(auto centroids, load_centroids());
    auto s = matching::evaluate(citizen_input(c), to_matching(o), weights, centroids);
    return decide(citizen_id, o, s.value_or(matching::Suggestion{}), std::nullopt, false, {}, reason, actor);
}

namespace {
core::Result<Proposal> load_proposal(db::Database& db, std::int64_t id) {
    return db.read([&](db::Connection& conn) -> core::Result<Proposal> {
        BB_ASSIGN(auto rows, detail::proposals(conn, id));
        if (rows.empty()) return core::Error::not_found("Forslaget findes ikke.");
        return rows.front();
    });
}
}  // namespace

core::Result<Proposal> OpeningsService::accept_proposal(std::int64_t id, const AcceptInput& in,
                                                        const core::Actor& actor) {
    BB_TRY(require_casework(actor, "update", 0));
    BB_ASSIGN(Proposal p, load_proposal(m_db, id));
    if (!p.decision.empty()) return core::Error::conflict("Forslaget er allerede besluttet.");
    BB_ASSIGN(Opening o, get_opening(p.source, p.source_id, actor));
    matching::Suggestion s;
    s.score = p.score;
    return decide(p.citizen_id, o, s, p.id, true, in, "", actor);
}

core::Result<Proposal> OpeningsService::decline_proposal(std::int64_t id, const std::string& reason,
                                                         const core::Actor& actor) {
    BB_TRY(require_casework(actor, "update", 0));
    BB_ASSIGN(Proposal p, load_proposal(m_db, id));
    if (!p.decision.empty()) return core::Error::conflict("Forslaget er allerede besluttet.");
    Opening o;
    o.source = p.source;
    o.id = p.source_id;
    o.title = p.opening_title;
    return decide(p.citizen_id, o, {}, p.id, false, {}, reason, actor);
}

core::Result<std::vector<Proposal>> OpeningsService::list_proposals(const core::Actor& actor) {
    BB_TRY(require_casework(actor, "search", 0));
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Proposal>> {
        BB_ASSIGN(std::vector<Proposal> out, detail::proposals(conn, 0));
        std::set<std::int64_t> seen;
        for (const auto& p : out)
            if (seen.insert(p.citizen_id).second)
                BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                                      "tidligere forslag til match", k_purpose));
        return out;
    });
}

}  // namespace openings
