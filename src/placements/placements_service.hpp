#pragma once
/// Placements (C1, C2, C3, C7, C8): intervention types and the outcome list as data,
/// cooperation agreements with slots (a hard limit) and a waiting list, the capacity rule of
/// C8 per enterprise (a warning, never a block), placements (forløb) from referral to outcome,
/// enterprise users' own participants and hiring needs ahead (docs/placements.md).
///
/// Access is decided here from the core::Actor:
///   - admin: everything, incl. intervention types and outcomes;
///   - caseworker: agreements, placements (with citizen names), capacity, hiring needs;
///   - consultant: agreements and capacity read-only as figures (no names), hiring needs;
///   - enterprise: its own enterprise's agreements (read-only, no names of others), its own
///     participants (minimum data), attendance sheets and progress notes on them, its own
///     hiring needs. Another enterprise's placement is NotFound plus an audit row "denied";
///   - buyer: nothing.
/// Figures (count_started): admin, caseworker, consultant.
/// Every read, list and change of a placement writes an audit row object_type "citizen",
/// object_id the citizen id, in the same transaction. The rows — agreements, placements and
/// their timeline, hiring needs, intervention types, outcomes, the citizen a referral names and
/// the C8 counts — are read and written through the employment store (src/employment/store);
/// the enterprise choices and target-group codes are read from the registry's tables.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "placements/model.hpp"

namespace placements {

class PlacementsService {
public:
    PlacementsService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    PlacementsService(const PlacementsService&) = delete;
    PlacementsService& operator=(const PlacementsService&) = delete;

    // ---- intervention types (admin edits; case roles read) ----
    core::Result<std::vector<InterventionType>> list_types(const core::Actor& actor);
    core::Result<InterventionType> get_type(std::int64_t id, const core::Actor& actor);
    core::Result<InterventionType> create_type(const TypeInput& in, const core::Actor& actor);
    core::Result<InterventionType> update_type(std::int64_t id, const TypeInput& in,
                                               const core::Actor& actor);

    // ---- outcomes (admin edits) ----
    core::Result<std::vector<Outcome>> list_outcomes(const core::Actor& actor, bool active_only = false);
    core::Result<Outcome> get_outcome(std::int64_t id, const core::Actor& actor);
    core::Result<Outcome> create_outcome(const OutcomeInput& in, const core::Actor& actor);
    core::Result<Outcome> update_outcome(std::int64_t id, const OutcomeInput& in, const core::Actor& actor);
    core::Result<Outcome> set_outcome_active(std::int64_t id, bool active, const core::Actor& actor);

    // ---- agreements ----
    core::Result<Agreement> create_agreement(const AgreementInput& in, const core::Actor& actor);
    core::Result<Agreement> update_agreement(std::int64_t id, const AgreementInput& in,
                                             const core::Actor& actor);
    core::Result<Agreement> get_agreement(std::int64_t id, const core::Actor& actor);
    core::Result<AgreementDetail> agreement_detail(std::int64_t id, const core::Actor& actor);
    core::Result<std::vector<Agreement>> list_agreements(const core::Actor& actor);
    core::Result<AgreementNote> add_agreement_note(std::int64_t id, const NoteInput& in,
                                                   const core::Actor& actor);
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);
    core::Result<std::vector<Choice>> target_group_choices(const core::Actor& actor);

    // ---- capacity (C8) ----
    core::Result<std::vector<Capacity>> capacity(const core::Actor& actor);

    // ---- placements ----
    /// Work another package does inside the referral's own transaction (openings records the
    /// accepted proposal), so the referral and what it belongs to are stored together or not
    /// at all. An error from it rolls the referral back.
    using WithReferral = std::function<core::Result<void>(db::Connection&, const ChangeResult&)>;
    core::Result<ChangeResult> refer(const ReferralInput& in, const core::Actor& actor,
                                     const WithReferral& also = {});
    /// Corrects the intervention type and weekly hours. A running case keeps a type that has
    /// closed since; changing to another type requires it to be open on the referral date.
    core::Result<ChangeResult> update(std::int64_t id, const PlacementEdit& in, const core::Actor& actor);
    core::Result<ChangeResult> start(std::int64_t id, const std::string& start_date,
                                     const core::Actor& actor);
    core::Result<ChangeResult> record_plan(std::int64_t id, const PlanInput& in, const core::Actor& actor);
    core::Result<ChangeResult> add_followup(std::int64_t id, const FollowupInput& in,
                                            const core::Actor& actor);
    /// Caseworker/admin, or the placement's own enterprise's users.
    core::Result<ChangeResult> add_attendance(std::int64_t id, const AttendanceInput& in,
                                              const core::Actor& actor);
    /// Progress note: caseworker/admin, or the placement's own enterprise's users.
    core::Result<ChangeResult> add_note(std::int64_t id, const NoteInput& in, const core::Actor& actor);
    core::Result<ChangeResult> extend(std::int64_t id, const ExtensionInput& in, const core::Actor& actor);
    core::Result<ChangeResult> end(std::int64_t id, const EndInput& in, const core::Actor& actor);
    core::Result<ChangeResult> cancel(std::int64_t id, const core::Actor& actor);
    /// Caseworker/admin: the whole timeline. Enterprise users: their own participant only,
    /// with the minimum (no case reference); others NotFound + a "denied" audit row.
    core::Result<Placement> get_placement(std::int64_t id, const core::Actor& actor);
    core::Result<std::vector<Placement>> list_placements(const PlacementFilter& filter,
                                                         const core::Actor& actor);
    /// Enterprise users: the placements at their own enterprise (referred, active).
    core::Result<std::vector<Placement>> participants(const core::Actor& actor);

    // ---- hiring needs (C7) ----
    core::Result<HiringNeed> create_need(const NeedInput& in, const core::Actor& actor);
    core::Result<HiringNeed> update_need(std::int64_t id, const NeedInput& in, const core::Actor& actor);
    core::Result<HiringNeed> withdraw_need(std::int64_t id, const core::Actor& actor);
    core::Result<HiringNeed> get_need(std::int64_t id, const core::Actor& actor);
    core::Result<std::vector<HiringNeed>> list_needs(const core::Actor& actor);

    /// Figure read: how many placements started in `year` (by start_date; cancelled ones not
    /// counted) — a count only, never a person. Admin, caseworker and consultant (the roles that
    /// read the goals, F1); enterprise and buyer Forbidden. Not audited (no personal data).
    core::Result<std::int64_t> count_started(int year, const core::Actor& actor);

    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    template <class F>
    core::Result<ChangeResult> change(std::int64_t id, const core::Actor& actor, bool enterprise_may,
                                      F&& body);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace placements
