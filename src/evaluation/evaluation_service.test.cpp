// Agreement evaluation over the Slagelse 2018 data set (the golden test of 003 §6.5) and the
// service's edge cases, on every storage backend.
#include "evaluation/evaluation_service.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "support/test_db.hpp"

namespace evaluation {
namespace {

class EvaluationServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<EvaluationService>(database(), m_clock, m_audit);
    }
    void TearDown() override {
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }
    std::int64_t enterprise(std::string name) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2015-01-01";
        auto r = m_enterprises->create(in, m_system);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }
    Summary load() {
        enterprise("Sumak");
        enterprise("VeteranHaven");
        auto s = load_slagelse_2018(database(), m_clock);
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
        return s.ok() ? *s : Summary{};
    }
    std::int64_t count(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) -> core::Result<std::int64_t> {
            BB_ASSIGN(auto rows, c.query(sql));
            return rows.first().int64(0);
        });
        EXPECT_TRUE(r.ok());
        return r.ok() ? *r : -1;
    }
    void exec(const std::string& sql) {
        auto r = database().write([&](db::Connection& c) -> core::Result<void> {
            BB_TRY(c.query(sql));
            return {};
        });
        ASSERT_TRUE(r.ok()) << sql;
    }
    static std::map<std::string, std::int64_t> counts(const std::vector<Count>& list) {
        std::map<std::string, std::int64_t> out;
        for (const auto& c : list) out[c.key] = c.count;
        return out;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-24T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_system = core::Actor::system("test");
    core::Actor m_consultant = [] {
        core::Actor a;
        a.role = core::Role::Consultant;
        a.user_id = 2;
        a.username = "konsulent";
        return a;
    }();
    core::Actor m_caseworker = [] {
        core::Actor a;
        a.role = core::Role::Caseworker;
        a.user_id = 3;
        a.username = "sagsbehandler";
        return a;
    }();
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<EvaluationService> m_service;
};

TEST_P(EvaluationServiceTest, Agreement1MatchesThe2018Report) {
    const Summary s = load();
    ASSERT_TRUE(s.loaded);
    auto e = m_service->evaluate(s.agreement_1, "2016-08-01", "2018-08-01", m_caseworker);
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->agreement.enterprise_name, "Sumak");
    // Q1: 8 slots, 4 in use.
    EXPECT_EQ(e->slots, 8);
    EXPECT_EQ(e->in_use, 4);
    EXPECT_EQ(e->free, 4);
    EXPECT_EQ(e->waiting, 0);
    EXPECT_EQ(e->started, 29);
    EXPECT_EQ(e->ended, 25);
    // Q2: 20 with a plan after 4 weeks, 6 without (reasons), 3 in progress.
    EXPECT_EQ(e->active_in_period, 29);
    EXPECT_EQ(e->with_plan, 20);
    EXPECT_EQ(e->plan_in_time, 20);
    EXPECT_EQ(e->plan_late, 0);
    EXPECT_EQ(e->without_plan, 6);
    EXPECT_EQ(e->plan_in_progress, 3);
    EXPECT_EQ(e->no_plan_reasons.size(), 3U);
    // Q3
    EXPECT_EQ(e->plans_owned, 20);
    EXPECT_EQ(e->ownership_recorded, 20);
    // Q4: two sheets are missing on purpose.
    // (the three newest have not had their first follow-up yet).
    EXPECT_EQ(e->followups_held, 85);
    EXPECT_EQ(e->placements_with_followup, 26);
    EXPECT_EQ(e->attendance_received, 95);
    EXPECT_EQ(e->attendance_expected, 97);
    // Q7: 25 completed, 4 continuing, the report's outcome counts and shares.
    EXPECT_EQ(e->completed, 25);
    EXPECT_EQ(e->continuing, 4);
    const auto by = counts(e->by_outcome);
    EXPECT_EQ(by.at("fleksjob"), 5);
    EXPECT_EQ(by.at("ordinary_job"), 2);
    EXPECT_EQ(by.at("education"), 3);
    EXPECT_EQ(by.at("stopped_challenges"), 4);
    EXPECT_EQ(by.at("second_trial"), 5);
    EXPECT_EQ(by.at("awaiting_rehab"), 3);
    EXPECT_EQ(by.at("early_retirement"), 1);
    EXPECT_EQ(by.at("prison"), 1);
    EXPECT_EQ(by.at("job_seeking"), 1);
    EXPECT_EQ(by.size(), 9U);
    const auto groups = counts(e->by_group);
    EXPECT_EQ(groups.at("job_education"), 10);
    EXPECT_EQ(groups.at("stopped"), 4);
    EXPECT_EQ(e->success.danish(), "10 af 25 (40 %)");
    EXPECT_EQ(e->stopped.danish(), "4 af 25 (16 %)");
    // Q5, Q6, Q8
    EXPECT_EQ(e->plans_received, 20);
    ASSERT_EQ(e->effects_notes.size(), 1U);
    EXPECT_NE(e->effects_notes.front().text.find("mødestabilitet"), std::string::npos);
    ASSERT_EQ(e->cooperation_notes.size(), 1U);
    EXPECT_EQ(e->deliverables_notes.size(), 1U);
    EXPECT_EQ(e->progress_notes, 26);
}

TEST_P(EvaluationServiceTest, Agreement2MatchesThe2018Report) {
    const Summary s = load();
    auto e = m_service->evaluate(s.agreement_2, "2016-08-01", "2018-08-01", m_consultant);
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->agreement.enterprise_name, "VeteranHaven");
    // Q1: all 8 slots in use, one waiting.
    EXPECT_EQ(e->in_use, 8);
    EXPECT_EQ(e->free, 0);
    EXPECT_EQ(e->waiting, 1);
    // Q2: all but four have a plan: 3 in work trial, 1 being made.
    EXPECT_EQ(e->active_in_period, 42);
    EXPECT_EQ(e->with_plan, 38);
    EXPECT_EQ(e->plan_in_time, 35);
    EXPECT_EQ(e->plan_late, 3);
    EXPECT_EQ(e->without_plan, 3);
    EXPECT_EQ(e->plan_in_progress, 1);
    EXPECT_FALSE(e->reasons_shown);  // consultants see figures only
    EXPECT_TRUE(e->no_plan_reasons.empty());
    EXPECT_EQ(e->plans_owned, 36);
    EXPECT_EQ(e->ownership_recorded, 38);
    EXPECT_EQ(e->followups_held, 79);
    EXPECT_EQ(e->placements_with_followup, 41);  // the one started 2018-07-28 has had none yet
    EXPECT_EQ(e->attendance_received, 103);
    EXPECT_EQ(e->attendance_expected, 103);
    EXPECT_EQ(e->progress_notes, 40);
    // Q7: 34 completed, 9 continuing (8 in use + 1 waiting), 22 to job or education.
    EXPECT_EQ(e->completed, 34);
    EXPECT_EQ(e->continuing, 9);
    const auto by = counts(e->by_outcome);
    EXPECT_EQ(by.at("fleksjob"), 5);
    EXPECT_EQ(by.at("ordinary_job"), 7);
    EXPECT_EQ(by.at("wage_subsidy"), 2);
    EXPECT_EQ(by.at("education"), 4);
    EXPECT_EQ(by.at("language_school"), 4);
    EXPECT_EQ(by.at("second_trial"), 1);
    EXPECT_EQ(by.at("parental_leave"), 1);
    EXPECT_EQ(by.at("stopped_challenges"), 1);
    EXPECT_EQ(by.at("rehab_clarification"), 4);
    EXPECT_EQ(by.at("awaiting_rehab"), 5);
    EXPECT_EQ(counts(e->by_group).at("job_education"), 22);
    EXPECT_EQ(e->success.danish(), "22 af 34 (64 %)");
    EXPECT_EQ(e->stopped.danish(), "1 af 34 (2 %)");
}

TEST_P(EvaluationServiceTest, JobsOf2018AndVictor) {
    load();
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE hired_on >= '2018-01-01' AND hired_on <= '2018-12-31' "
                    "AND channel = 'municipality'"),
              35);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE hired_on >= '2018-01-01' AND hired_on <= '2018-12-31' "
                    "AND channel = 'municipality' AND kind = 'fleksjob'"),
              21);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE channel = 'municipality' AND kind = 'part_time'"), 7);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE channel = 'municipality' AND kind = 'full_time'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE channel = 'municipality' AND kind = 'wage_subsidy'"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE hired_on >= '2018-01-01' AND hired_on <= '2018-12-31' "
                    "AND channel = 'other'"),
              29);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM job_hours h JOIN jobs j ON j.id = h.job_id JOIN citizens c ON "
              "c.id = j.citizen_id WHERE c.name = 'Victor V.' AND ((h.effective_from = '2016-09-08' AND "
              "h.weekly_hours = 450 AND h.intensity = 80) OR (h.effective_from = '2019-01-15' AND "
              "h.weekly_hours = 1500 AND h.intensity = 100))"),
        2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens WHERE case_ref NOT LIKE 'DEMO-%'"), 0);
}

TEST_P(EvaluationServiceTest, LoadsOnceAndNeedsTheEnterprises) {
    auto missing = load_slagelse_2018(database(), m_clock);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
    const Summary first = load();
    const std::int64_t placements = count("SELECT COUNT(*) FROM placements");
    EXPECT_EQ(placements, 29 + 42 + 1);  // agreement 1, agreement 2, the waiting one
    auto again = load_slagelse_2018(database(), m_clock);
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again->loaded);
    EXPECT_EQ(again->agreement_1, first.agreement_1);
    EXPECT_EQ(again->agreement_2, first.agreement_2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM placements"), placements);
}

TEST_P(EvaluationServiceTest, ComparisonPricesPerPlacementAndSuccess) {
    const Summary s = load();
    // A set price: 10.000 kr. per placement for agreement 2.
    exec("UPDATE agreements SET price_ore = 1000000, price_unit = 'per_placement' WHERE id = " +
         std::to_string(s.agreement_2));
    auto c = m_service->compare("2016-08-01", "2018-08-01", m_consultant);
    ASSERT_TRUE(c.ok()) << c.error().message;
    ASSERT_EQ(c->rows.size(), 2U);
    const ComparisonRow& sumak = c->rows[0];
    const ComparisonRow& haven = c->rows[1];
    EXPECT_EQ(sumak.evaluation.agreement.enterprise_name, "Sumak");
    EXPECT_EQ(haven.evaluation.started, 42);
    EXPECT_EQ(haven.cost_ore, 42 * 1000000LL);
    EXPECT_EQ(haven.price_per_placement_ore, 1000000);
    EXPECT_EQ(haven.price_per_success_ore, 42 * 1000000LL / 22);  // 19.090,90 kr., rounded down
    EXPECT_EQ(haven.plan_by_deadline.danish(), "35 af 41 (85 %)");
    // Agreement 1: 3.000 kr. per slot per month × 8 slots × 24 months.
    EXPECT_EQ(sumak.cost_ore, 300000LL * 8 * 24);
    EXPECT_EQ(sumak.price_per_success_ore, 300000LL * 8 * 24 / 10);
    EXPECT_EQ(sumak.evaluation.stopped.danish(), "4 af 25 (16 %)");
}

TEST_P(EvaluationServiceTest, EmptyPeriodAndAccess) {
    const Summary s = load();
    auto e = m_service->evaluate(s.agreement_1, "2015-01-01", "2015-12-31", m_consultant);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->completed, 0);
    EXPECT_EQ(e->active_in_period, 0);
    EXPECT_EQ(e->success.danish(), "0 af 0");
    EXPECT_EQ(e->attendance_expected, 0);
    auto none = m_service->compare("2015-01-01", "2015-12-31", m_consultant);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->rows.empty());

    core::Actor enterprise_user;
    enterprise_user.role = core::Role::Enterprise;
    enterprise_user.user_id = 9;
    enterprise_user.enterprise_id = 1;
    EXPECT_EQ(m_service->evaluate(s.agreement_1, "", "", enterprise_user).error().code,
              core::ErrorCode::Forbidden);
    core::Actor buyer;
    buyer.role = core::Role::Buyer;
    EXPECT_EQ(m_service->compare("", "", buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->evaluate(999999, "", "", m_consultant).error().code, core::ErrorCode::NotFound);
    auto bad = m_service->evaluate(s.agreement_1, "2018-08-01", "2018-01-01", m_consultant);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, core::ErrorCode::Validation);
    EXPECT_GT(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'agreement_evaluation'"), 0);
}

TEST_P(EvaluationServiceTest, AttendanceExpectedVersusReceivedInAShortPeriod) {
    const Summary s = load();
    // Two months: the sheets whose period ended in May–June 2018.
    auto e = m_service->evaluate(s.agreement_2, "2018-05-01", "2018-06-30", m_consultant);
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->attendance_received, e->attendance_expected);
    EXPECT_GT(e->attendance_expected, 0);
    exec("DELETE FROM placement_attendance WHERE period_to >= '2018-05-01' AND period_to <= '2018-05-31'");
    auto fewer = m_service->evaluate(s.agreement_2, "2018-05-01", "2018-06-30", m_consultant);
    ASSERT_TRUE(fewer.ok());
    EXPECT_LT(fewer->attendance_received, fewer->attendance_expected);
    EXPECT_EQ(fewer->attendance_expected, e->attendance_expected);
}

BB_INSTANTIATE_BACKENDS(EvaluationServiceTest);

}  // namespace
}  // namespace evaluation
