// PlacementsService against every storage backend (SQLite always, PostgreSQL when configured).
#include "placements/placements_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace placements {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class PlacementsServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<PlacementsService>(database(), m_clock, m_audit);
        m_sumak = enterprise("Sumak", "12");
        m_other = enterprise("Grøn Fokus", "");
        m_sumak_user = actor_with(core::Role::Enterprise, 11, m_sumak);
        m_other_user = actor_with(core::Role::Enterprise, 12, m_other);
        m_anna = citizen("S-1001", "Anna Jensen");
        m_bo = citizen("S-1002", "Bo Hansen");
        m_carl = citizen("S-1003", "Carl Nielsen");
    }
    void TearDown() override {
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string employees) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        in.employees = std::move(employees);
        auto r = m_enterprises->create(in, m_admin);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    /// Citizens are the citizens package's; tests insert the rows directly.
    std::int64_t citizen(std::string case_ref, std::string name) {
        auto r = database().write([&](db::Connection& c) -> core::Result<std::int64_t> {
            BB_ASSIGN(
                auto rows,
                c.query("INSERT INTO citizens (case_ref, name, name_key, created_at, updated_at) "
                        "VALUES ($1, $2, $3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
                        {case_ref, name, name}));
            const std::int64_t id = rows.first().int64(0);
            BB_TRY(
                c.query("INSERT INTO citizen_tags (citizen_id, kind, tag) VALUES ($1, 'accommodation', "
                        "'Ingen tunge løft')",
                        {id}));
            return id;
        });
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : 0;
    }

    std::int64_t type_id(std::string code) {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT id FROM intervention_types WHERE code = $1", {code});
        });
        return r.ok() && !r->empty() ? r->first().int64(0) : 0;
    }
    std::int64_t outcome_id(std::string code) {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT id FROM placement_outcomes WHERE code = $1", {code});
        });
        return r.ok() && !r->empty() ? r->first().int64(0) : 0;
    }

    AgreementInput agreement_input(int slots = 2) {
        AgreementInput in;
        in.enterprise_id = std::to_string(m_sumak);
        in.title = "Samarbejdsaftale Sumak 2026";
        in.start_date = "2026-01-01";
        in.end_date = "2026-12-31";
        in.slots = std::to_string(slots);
        in.frame_weeks = "13";
        in.extension_weeks = "4";
        in.plan_deadline_days = "14";
        in.price = "12.500";
        in.price_unit = "per_placement";
        return in;
    }
    std::int64_t agreement(int slots = 2) {
        auto r = m_service->create_agreement(agreement_input(slots), m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    ReferralInput referral(std::string case_ref, std::int64_t agreement_id, std::string date = "2026-03-01") {
        ReferralInput in;
        in.citizen = std::move(case_ref);
        in.enterprise_id = std::to_string(m_sumak);
        if (agreement_id) in.agreement_id = std::to_string(agreement_id);
        in.intervention_type_id = std::to_string(type_id("virksomhedspraktik"));
        in.referred_on = std::move(date);
        in.weekly_hours = "15";
        return in;
    }
    std::int64_t refer(std::string case_ref, std::int64_t agreement_id, bool waiting = false) {
        auto in = referral(std::move(case_ref), agreement_id);
        in.waiting_list = waiting;
        auto r = m_service->refer(in, m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->placement.id : 0;
    }
    std::int64_t started(std::string case_ref, std::int64_t agreement_id) {
        const auto id = refer(std::move(case_ref), agreement_id);
        auto s = m_service->start(id, "2026-03-02", m_caseworker);
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
        return id;
    }

    static std::string message(const core::Error& e, std::string_view field) {
        for (const auto& f : e.fields)
            if (f.field == field) return f.message;
        return "";
    }
    std::int64_t count(const std::string& sql, std::vector<db::Value> params = {}) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql, params); });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<PlacementsService> m_service;
    core::Actor m_admin = actor_with(core::Role::Admin, 1);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 2);
    core::Actor m_consultant = actor_with(core::Role::Consultant, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 4);
    core::Actor m_sumak_user, m_other_user;
    std::int64_t m_sumak = 0, m_other = 0, m_anna = 0, m_bo = 0, m_carl = 0;
};

TEST_P(PlacementsServiceTest, AgreementStoresTermsAndValidates) {
    auto a = m_service->create_agreement(agreement_input(8), m_caseworker);
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(a->slots, 8);
    EXPECT_EQ(a->price_ore, 1250000);
    EXPECT_EQ(a->enterprise_name, "Sumak");
    auto bad = agreement_input(0);
    bad.end_date = "2025-01-01";
    bad.target_groups = {"no_such_group"};
    auto r = m_service->create_agreement(bad, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(message(r.error(), "slots").empty());
    EXPECT_FALSE(message(r.error(), "end_date").empty());
    EXPECT_FALSE(message(r.error(), "target_groups").empty());
    EXPECT_EQ(count("SELECT COUNT(*) FROM agreements"), 1);
    EXPECT_FALSE(m_service->create_agreement(agreement_input(), m_consultant).ok());
    EXPECT_FALSE(m_service->create_agreement(agreement_input(), m_sumak_user).ok());
}

TEST_P(PlacementsServiceTest, FullAgreementRefusesAndStoresNothing) {
    const auto ag = agreement(2);
    refer("S-1001", ag);
    refer("S-1002", ag);
    auto r = m_service->refer(referral("S-1003", ag), m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "agreement_id"), "Aftalen har ingen ledige pladser (2 af 2 i brug).");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 2);
}

TEST_P(PlacementsServiceTest, WorkDoneWithTheReferralIsOneTransaction) {
    // A caller's work in the referral's transaction (openings records the accepted proposal):
    // it sees the new placement, and when it fails the referral is not stored either.
    const auto ag = agreement(2);
    std::int64_t seen = 0;
    auto ok = m_service->refer(referral("S-1001", ag), m_caseworker,
                               [&](db::Connection&, const ChangeResult& change) -> core::Result<void> {
                                   seen = change.placement.id;
                                   return {};
                               });
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(seen, ok->placement.id);
    auto failed = m_service->refer(
        referral("S-1002", ag), m_caseworker,
        [](db::Connection& conn, const ChangeResult&) -> core::Result<void> {
            EXPECT_EQ(conn.query("SELECT COUNT(*) FROM placements").value().first().int64(0), 2);
            return core::Error::conflict("Forslaget er allerede besluttet.");
        });
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), 1);
}

TEST_P(PlacementsServiceTest, WaitingListIsPromotedWhenASlotFrees) {
    const auto ag = agreement(1);
    const auto first = started("S-1001", ag);
    const auto waiting_bo = refer("S-1002", ag, true);
    const auto waiting_carl = refer("S-1003", ag, true);
    auto detail = m_service->agreement_detail(ag, m_caseworker);
    ASSERT_TRUE(detail.ok());
    ASSERT_EQ(detail->waiting.size(), 2u);
    EXPECT_EQ(detail->waiting[0].citizen_name, "Bo Hansen");
    EXPECT_EQ(detail->agreement.in_use, 1);
    EXPECT_FALSE(m_service->start(waiting_bo, "2026-03-05", m_caseworker).ok());

    auto ended =
        m_service->end(first, {"2026-04-01", std::to_string(outcome_id("ordinary_job")), ""}, m_caseworker);
    ASSERT_TRUE(ended.ok()) << ended.error().message;
    ASSERT_TRUE(ended->promoted_id.has_value());
    EXPECT_EQ(*ended->promoted_id, waiting_bo);
    EXPECT_EQ(ended->promoted_name, "Bo Hansen");
    auto bo = m_service->get_placement(waiting_bo, m_caseworker);
    ASSERT_TRUE(bo.ok());
    EXPECT_EQ(bo->status, Status::Referred);
    auto carl = m_service->get_placement(waiting_carl, m_caseworker);
    EXPECT_EQ(carl->status, Status::Waiting);
    // Cancelling Bo before start moves Carl up.
    auto cancelled = m_service->cancel(waiting_bo, m_caseworker);
    ASSERT_TRUE(cancelled.ok());
    EXPECT_EQ(cancelled->promoted_id, waiting_carl);
}

TEST_P(PlacementsServiceTest, StartSetsFrameEndAndPlanDeadline) {
    const auto ag = agreement();
    const auto id = refer("S-1001", ag);
    auto early = m_service->start(id, "2026-02-01", m_caseworker);
    ASSERT_FALSE(early.ok());
    EXPECT_FALSE(message(early.error(), "start_date").empty());
    auto s = m_service->start(id, "2026-03-02", m_caseworker);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->placement.status, Status::Active);
    EXPECT_EQ(s->placement.planned_end->iso(), "2026-05-31");  // 13 weeks
    EXPECT_EQ(s->placement.plan_due->iso(), "2026-03-16");     // 14 days
    auto plan = m_service->record_plan(id, {"2026-03-10", "yes", ""}, m_caseworker);
    ASSERT_TRUE(plan.ok()) << plan.error().message;
    EXPECT_EQ(plan->placement.plan_made_on->iso(), "2026-03-10");
    EXPECT_TRUE(*plan->placement.plan_owned);
    EXPECT_FALSE(m_service->record_plan(id, {"2026-03-01", "yes", ""}, m_caseworker).ok());
    EXPECT_FALSE(m_service->record_plan(id, {"", "", ""}, m_caseworker).ok());
}

TEST_P(PlacementsServiceTest, EndBeforeStartAndNotStartedAreRefused) {
    const auto ag = agreement();
    const auto id = refer("S-1001", ag);
    const std::string job = std::to_string(outcome_id("ordinary_job"));
    auto not_started = m_service->end(id, {"2026-04-01", job, ""}, m_caseworker);
    ASSERT_FALSE(not_started.ok());
    EXPECT_NE(message(not_started.error(), "end_date").find("ikke startet"), std::string::npos);
    ASSERT_TRUE(m_service->start(id, "2026-03-02", m_caseworker).ok());
    auto before = m_service->end(id, {"2026-03-01", job, ""}, m_caseworker);
    ASSERT_FALSE(before.ok());
    EXPECT_EQ(message(before.error(), "end_date"), "Slutdatoen kan ikke ligge før startdatoen.");
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements WHERE status = 'ended'"), 0);
}

TEST_P(PlacementsServiceTest, OutcomeMustBeActiveInTheList) {
    const auto id = started("S-1001", agreement());
    auto unknown = m_service->end(id, {"2026-04-01", "999999", ""}, m_caseworker);
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(message(unknown.error(), "outcome_id"), "Vælg et udfald fra listen.");
    const auto prison = outcome_id("prison");
    ASSERT_TRUE(m_service->set_outcome_active(prison, false, m_admin).ok());
    auto inactive = m_service->end(id, {"2026-04-01", std::to_string(prison), ""}, m_caseworker);
    ASSERT_FALSE(inactive.ok());
    EXPECT_FALSE(message(inactive.error(), "outcome_id").empty());
    EXPECT_FALSE(m_service->end(id, {"2026-04-01", "", ""}, m_caseworker).ok());
    auto ok = m_service->end(id, {"2026-04-01", std::to_string(outcome_id("education")), "Startet på SOSU"},
                             m_caseworker);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    EXPECT_EQ(ok->placement.outcome_label, "Startet i uddannelse");
}

TEST_P(PlacementsServiceTest, ClosedInterventionTypeOnlyForOldCases) {
    const auto ag = agreement();
    auto in = referral("S-1001", ag, "2026-12-30");
    in.intervention_type_id = std::to_string(type_id("ressourceforloeb"));
    auto old_case = m_service->refer(in, m_caseworker);
    ASSERT_TRUE(old_case.ok()) << old_case.error().message;
    auto in2 = referral("S-1002", ag, "2027-01-04");
    in2.agreement_id.clear();
    in2.intervention_type_id = std::to_string(type_id("ressourceforloeb"));
    auto new_case = m_service->refer(in2, m_caseworker);
    ASSERT_FALSE(new_case.ok());
    EXPECT_EQ(message(new_case.error(), "intervention_type_id"),
              "Indsatstypen Ressourceforløb er lukket for nye sager fra 01.01.2027.");
    // The old case keeps its type and can still be started and shown.
    auto s = m_service->start(old_case->placement.id, "2027-01-05", m_caseworker);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->placement.intervention_type_name, "Ressourceforløb");
    // Editing the old case keeps the closed type (and may change the hours) ...
    auto kept = m_service->update(old_case->placement.id, {std::to_string(type_id("ressourceforloeb")), "20"},
                                  m_caseworker);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    EXPECT_EQ(kept->placement.intervention_type_name, "Ressourceforløb");
    EXPECT_EQ(*kept->placement.weekly_hours, 2000);
    // ... and another open type can be chosen, but not the closed one back for a later case.
    auto changed = m_service->update(old_case->placement.id,
                                     {std::to_string(type_id("jobafklaringsforloeb")), "20"}, m_caseworker);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_EQ(changed->placement.intervention_type_name, "Jobafklaringsforløb");
}

TEST_P(PlacementsServiceTest, ExtensionWithinAllowance) {
    const auto id = started("S-1001", agreement());
    auto x = m_service->extend(id, {"2026-05-01", "3", "Behov for mere tid"}, m_caseworker);
    ASSERT_TRUE(x.ok()) << x.error().message;
    EXPECT_EQ(x->placement.planned_end->iso(), "2026-06-21");
    auto beyond = m_service->extend(id, {"2026-05-02", "2", ""}, m_caseworker);
    ASSERT_FALSE(beyond.ok());
    EXPECT_NE(message(beyond.error(), "weeks").find("højst 4 ugers"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_extensions"), 1);
}

TEST_P(PlacementsServiceTest, AttendanceRules) {
    const auto id = started("S-1001", agreement());
    AttendanceInput in{"2026-03-02", "2026-04-30", "20", "18", "120", "2026-05-02", ""};
    auto ok = m_service->add_attendance(id, in, m_caseworker);
    ASSERT_TRUE(ok.ok()) << ok.error().message;
    AttendanceInput bad{"2026-04-30", "2026-03-02", "10", "12", "", "2026-05-02", ""};
    auto r = m_service->add_attendance(id, bad, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_FALSE(message(r.error(), "period_to").empty());
    EXPECT_FALSE(message(r.error(), "days_present").empty());
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_attendance"), 1);
}

TEST_P(PlacementsServiceTest, EnterpriseUserSeesOwnParticipantsOnly) {
    const auto id = started("S-1001", agreement());
    auto mine = m_service->participants(m_sumak_user);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ((*mine)[0].citizen_name, "Anna Jensen");
    EXPECT_TRUE((*mine)[0].case_ref.empty());
    ASSERT_EQ((*mine)[0].accommodations.size(), 1u);
    EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1 AND "
                    "action = 'read'",
                    {std::to_string(m_anna)}),
              1);
    AttendanceInput in{"2026-03-02", "2026-04-30", "20", "18", "", "2026-05-02", ""};
    EXPECT_TRUE(m_service->add_attendance(id, in, m_sumak_user).ok());
    EXPECT_TRUE(m_service->add_note(id, {"", "2026-03-20", "Godt i gang"}, m_sumak_user).ok());
    EXPECT_FALSE(
        m_service->end(id, {"2026-04-01", std::to_string(outcome_id("ordinary_job")), ""}, m_sumak_user)
            .ok());

    // Another enterprise's user: not found, nothing stored, a denied audit row.
    auto other = m_service->add_attendance(id, in, m_other_user);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, core::ErrorCode::NotFound);
    EXPECT_FALSE(m_service->get_placement(id, m_other_user).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM placement_attendance"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND object_type = 'citizen' AND "
                    "object_id = $1",
                    {std::to_string(m_anna)}),
              2);
    EXPECT_TRUE(m_service->participants(m_other_user)->empty());
}

TEST_P(PlacementsServiceTest, EveryPlacementReadIsAudited) {
    const auto id = started("S-1001", agreement());
    const auto before =
        count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1",
              {std::to_string(m_anna)});
    ASSERT_TRUE(m_service->get_placement(id, m_caseworker).ok());
    ASSERT_TRUE(m_service->list_placements({}, m_caseworker).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND object_id = $1",
                    {std::to_string(m_anna)}),
              before + 2);
    EXPECT_FALSE(m_service->list_placements({}, m_consultant).ok());
    auto consultant = m_service->agreement_detail(agreement(), m_consultant);
    ASSERT_TRUE(consultant.ok());
    EXPECT_FALSE(consultant->shows_persons);
    EXPECT_TRUE(consultant->placements.empty());
}

TEST_P(PlacementsServiceTest, CapacityRuleWarnsButDoesNotBlock) {
    // Sumak: 12 ordinary employees → C8 capacity 2.
    auto caps = m_service->capacity(m_consultant);
    ASSERT_TRUE(caps.ok());
    ASSERT_EQ(caps->size(), 1u);
    EXPECT_EQ((*caps)[0].capacity, 2);
    const auto ag = agreement(5);
    refer("S-1001", ag);
    refer("S-1002", ag);
    auto third = m_service->refer(referral("S-1003", ag), m_caseworker);
    ASSERT_TRUE(third.ok());
    EXPECT_NE(third->warning.find("Rimelighedskravet"), std::string::npos);
    EXPECT_EQ((*m_service->capacity(m_caseworker))[0].in_use(), 3);
    EXPECT_FALSE(m_service->capacity(m_buyer).ok());
}

TEST_P(PlacementsServiceTest, AgreementMustBelongToEnterpriseAndRun) {
    const auto ag = agreement();
    auto in = referral("S-1001", ag, "2027-02-01");
    in.intervention_type_id = std::to_string(type_id("virksomhedspraktik"));
    auto r = m_service->refer(in, m_caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(message(r.error(), "agreement_id"), "Aftalen løber ikke på henvisningsdatoen.");
    auto in2 = referral("S-1001", ag);
    in2.enterprise_id = std::to_string(m_other);
    EXPECT_EQ(message(m_service->refer(in2, m_caseworker).error(), "agreement_id"),
              "Aftalen er indgået med en anden virksomhed.");
    auto in3 = referral("S-9999", ag);
    in3.weekly_hours = "40";
    auto r3 = m_service->refer(in3, m_caseworker);
    EXPECT_FALSE(message(r3.error(), "citizen").empty());
    EXPECT_FALSE(message(r3.error(), "weekly_hours").empty());
}

TEST_P(PlacementsServiceTest, HiringNeedsOwnedByEnterprise) {
    NeedInput in{"", "Lagermedarbejder", "Pakning", "2026-07-01", "2"};
    auto n = m_service->create_need(in, m_sumak_user);
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_EQ(n->enterprise_id, m_sumak);
    EXPECT_EQ(n->status, "open");
    NeedInput far{"", "Kok", "", "2027-06-01", ""};
    EXPECT_FALSE(m_service->create_need(far, m_sumak_user).ok());
    NeedInput past{"", "Kok", "", "2026-02-01", ""};
    EXPECT_FALSE(m_service->create_need(past, m_sumak_user).ok());
    EXPECT_FALSE(m_service->update_need(n->id, in, m_other_user).ok());
    EXPECT_FALSE(m_service->withdraw_need(n->id, m_other_user).ok());
    EXPECT_TRUE(m_service->list_needs(m_other_user)->empty());
    EXPECT_EQ(m_service->list_needs(m_consultant)->size(), 1u);
    // Linked to a placement; filled once a job references it (written by the jobs package).
    auto ref = referral("S-1001", 0);
    ref.hiring_need_id = std::to_string(n->id);
    auto p = m_service->refer(ref, m_caseworker);
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->placement.hiring_need_title, "Lagermedarbejder");
    ASSERT_TRUE(database()
                    .write([&](db::Connection& c) -> core::Result<void> {
                        BB_TRY(c.query(
                            "INSERT INTO jobs (citizen_id, enterprise_id, kind, channel, hired_on, "
                            "hiring_need_id, created_at, updated_at) "
                            "VALUES ($1, $2, 'part_time', 'municipality', '2026-06-01', $3, 'x', 'x')",
                            {m_anna, m_sumak, n->id}));
                        return {};
                    })
                    .ok());
    EXPECT_EQ(m_service->get_need(n->id, m_caseworker)->status, "filled");
    auto w = m_service->withdraw_need(n->id, m_sumak_user);
    EXPECT_FALSE(w.ok());
}

TEST_P(PlacementsServiceTest, InterventionTypesAndOutcomesAdmin) {
    TypeInput t{"", "Nyt forløb", "LAB § 99", "", "2026-01-01", "2026-12-31"};
    auto made = m_service->create_type(t, m_admin);
    ASSERT_TRUE(made.ok()) << made.error().message;
    EXPECT_EQ(made->code, "nyt_forloeb");
    EXPECT_FALSE(m_service->create_type(t, m_caseworker).ok());
    TypeInput bad{"", "", "", "", "2026-02-01", "2026-01-01"};
    EXPECT_FALSE(m_service->create_type(bad, m_admin).ok());
    OutcomeInput o{"", "Startet i virksomhedspraktik nr. 2", "continues", "65"};
    auto oc = m_service->create_outcome(o, m_admin);
    ASSERT_TRUE(oc.ok()) << oc.error().message;
    OutcomeInput bad_group{"", "X", "nope", ""};
    EXPECT_FALSE(m_service->create_outcome(bad_group, m_admin).ok());
    EXPECT_FALSE(m_service->create_outcome(o, m_caseworker).ok());
}

TEST_P(PlacementsServiceTest, AgreementEditTargetGroupsAndEnterpriseReadOnly) {
    const auto ag = agreement(3);
    auto in = agreement_input(4);
    auto groups = m_service->target_group_choices(m_caseworker);
    ASSERT_TRUE(groups.ok());
    if (!groups->empty()) in.target_groups = {groups->front().value};
    auto saved = m_service->update_agreement(ag, in, m_caseworker);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_EQ(saved->slots, 4);
    EXPECT_EQ(saved->target_groups.size(), groups->empty() ? 0u : 1u);
    ASSERT_TRUE(m_service->add_agreement_note(ag, {"effects", "2026-03-01", "Tre i job"}, m_caseworker).ok());
    EXPECT_FALSE(m_service->add_agreement_note(ag, {"nope", "2026-03-01", "x"}, m_caseworker).ok());
    EXPECT_FALSE(m_service->add_agreement_note(ag, {"effects", "2026-03-01", "x"}, m_consultant).ok());
    // Enterprise users: their own agreements only, read-only, never names.
    EXPECT_EQ(m_service->list_agreements(m_sumak_user)->size(), 1u);
    EXPECT_TRUE(m_service->list_agreements(m_other_user)->empty());
    EXPECT_EQ(m_service->get_agreement(ag, m_other_user).error().code, core::ErrorCode::NotFound);
    refer("S-1001", ag);
    auto own = m_service->agreement_detail(ag, m_sumak_user);
    ASSERT_TRUE(own.ok());
    EXPECT_TRUE(own->placements.empty());
    EXPECT_EQ(own->agreement.in_use, 1);
    EXPECT_FALSE(m_service->update_agreement(ag, in, m_sumak_user).ok());
    EXPECT_FALSE(m_service->list_agreements(m_buyer).ok());
}

BB_INSTANTIATE_BACKENDS(PlacementsServiceTest);

}  // namespace
}  // namespace placements
