// GoalService against every storage backend (SQLite always, PostgreSQL when configured): goals
// as data, each metric's value on the 2018 fixture, no-data years, roles and drill-down.
#include "goals/goal_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "buying/buying_service.hpp"
#include "enterprises/demo.hpp"
#include "enterprises/enterprise_service.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "events/demo.hpp"
#include "events/event_service.hpp"
#include "goals/demo.hpp"
#include "goals/test_graph.hpp"
#include "grants/demo.hpp"
#include "grants/grant_service.hpp"
#include "jobs/job_service.hpp"
#include "placements/placements_service.hpp"
#include "support/test_db.hpp"

namespace goals {
namespace {

core::Actor actor_of(core::Role role, std::int64_t user_id = 7, std::optional<std::int64_t> enterprise = {}) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role));
    a.role = role;
    a.enterprise_id = enterprise;
    return a;
}

class GoalServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_graph = std::make_unique<testing::GoalGraph>(database(), m_clock, m_audit);
        m_service = &m_graph->service;
    }
    void TearDown() override {
        m_service = nullptr;
        m_graph.reset();
        BackendTest::TearDown();
    }

    /// The registry demo, the Slagelse 2018 data set, the network and grant demos.
    void load_2018() {
        enterprises::EnterpriseService registry(database(), m_clock, m_audit);
        auto e = enterprises::load_demo(registry, core::Actor::system("test"));
        ASSERT_TRUE(e.ok()) << e.error().message;
        auto s = evaluation::load_slagelse_2018(database(), m_clock);
        ASSERT_TRUE(s.ok()) << s.error().message;
        auto ev = events::load_demo(database(), m_clock);
        ASSERT_TRUE(ev.ok()) << ev.error().message;
        auto gr = grants::load_demo(database(), m_clock);
        ASSERT_TRUE(gr.ok()) << gr.error().message;
    }

    Goal add(std::string metric, std::string target, std::string cadence = "per_year",
             std::string parameter = "", std::string from = "2017-01-01", std::string to = "2020-12-31") {
        GoalInput in{metric, parameter, "Mål for " + metric, target, from, to, cadence, "", "", ""};
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? ""
                                       : r.error().message + " " +
                                             (r.error().fields.empty() ? "" : r.error().fields[0].message));
        return r.ok() ? *r : Goal{};
    }

    GoalStatus status_of(int year, std::int64_t goal_id, const core::Actor& actor) {
        auto r = m_service->status(year, actor);
        EXPECT_TRUE(r.ok());
        if (r.ok())
            for (auto& s : *r)
                if (s.goal.id == goal_id) return s;
        ADD_FAILURE() << "goal " << goal_id << " not in status " << year;
        return {};
    }

    std::int64_t count(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql); });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-25T12:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<testing::GoalGraph> m_graph;
    GoalService* m_service = nullptr;
    core::Actor m_admin = actor_of(core::Role::Admin, 1);
    core::Actor m_consultant = actor_of(core::Role::Consultant, 2);
    core::Actor m_caseworker = actor_of(core::Role::Caseworker, 3);
};

TEST_P(GoalServiceTest, DemoGoalsShowThe2018StatusOfTheAnnualReport) {
    load_2018();
    auto loaded = load_demo(*m_service);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(*loaded, 4);
    EXPECT_EQ(*load_demo(*m_service), 0);  // idempotent

    auto r = m_service->status(2018, m_consultant);
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->size(), 4u);
    const GoalStatus& enterprises = (*r)[0];
    EXPECT_EQ(enterprises.goal.metric, "enterprises");
    EXPECT_EQ(enterprises.actual, 19);
    EXPECT_EQ(enterprises.target_text, "25");
    EXPECT_EQ(enterprises.percent, 76);
    EXPECT_FALSE(enterprises.met);
    EXPECT_EQ(enterprises.measured_at, "pr. 31.12.2018");
    // "25 … ved udgangen af 2020": on the way in 2018, not "not reached".
    EXPECT_FALSE(enterprises.period_ended);
    EXPECT_EQ(enterprises.attainment, Attainment::OnTheWay);
    ASSERT_EQ(enterprises.period_years.size(), 2u);  // 2017 and 2018
    for (const auto& y : enterprises.period_years) {
        EXPECT_TRUE(y.has_data) << y.year;
        EXPECT_EQ(y.attainment, Attainment::OnTheWay) << y.year;
    }
    EXPECT_EQ(enterprises.period_years[1].percent, 76);

    const GoalStatus& jobs = (*r)[1];
    EXPECT_EQ(jobs.goal.metric, "jobs_municipality");
    EXPECT_EQ(jobs.actual, 35);
    EXPECT_EQ(jobs.actual_text, "35");
    EXPECT_TRUE(jobs.met);
    EXPECT_EQ(jobs.percent, 116);
    EXPECT_EQ(jobs.goal.strategy_point, "6.8");
    EXPECT_TRUE(jobs.period_ended);  // a per_year target applies to 2018, which has ended
    EXPECT_EQ(jobs.attainment, Attainment::Reached);

    const GoalStatus& meetings = (*r)[2];
    EXPECT_EQ(meetings.actual, 4);
    EXPECT_TRUE(meetings.met);
    EXPECT_EQ(meetings.drilldown_url, "/events?year=2018");
}

TEST_P(GoalServiceTest, EachMetricIsTheOtherServicesFigure) {
    load_2018();
    // A purchase in 2018 for the spend metric.
    buying::BuyingService& buying = m_graph->buying;
    auto choices = buying.enterprise_choices(m_consultant);
    ASSERT_TRUE(choices.ok() && !choices->empty());
    buying::PurchaseInput p{"2018-06-01",           "12.500", "Slagelse Kommune",
                            choices->front().value, "",       "Frokost"};
    ASSERT_TRUE(buying.record_purchase(p, m_consultant).ok());

    enterprises::EnterpriseService registry(database(), m_clock, m_audit);
    auto figures = registry.count_figures(core::Date{2018, 12, 31}, 2018, "Slagelse", m_consultant);
    auto everywhere = registry.count_figures(core::Date{2018, 12, 31}, 2018, "", m_consultant);
    ASSERT_TRUE(everywhere.ok());
    ASSERT_TRUE(figures.ok());
    jobs::JobService jobs(database(), m_clock, m_audit);
    auto counts = jobs.counts("2018", m_consultant);
    ASSERT_TRUE(counts.ok());
    std::string kind;
    std::int64_t kind_total = 0;
    for (const auto& row : counts->rows)
        if (row.total() > kind_total) {
            kind = row.kind;
            kind_total = row.total();
        }
    grants::GrantService grants(database(), m_clock, m_audit);
    auto grant_year = grants.year_summary(2018, m_consultant);
    ASSERT_TRUE(grant_year.ok());

    const Goal g_ent = add("enterprises", "25", "period_end", "Slagelse");
    const Goal g_all = add("enterprises", "25", "period_end");
    const Goal g_rsv = add("registered_rsv", "10", "period_end", "Slagelse");
    const Goal g_way = add("on_the_way", "5", "period_end", "Slagelse");
    const Goal g_jobs = add("jobs", "60");
    const Goal g_muni = add("jobs_municipality", "30");
    const Goal g_kind = add("jobs_by_kind", "10", "per_year", kind);
    const Goal g_plac = add("placements_started", "5");
    const Goal g_meet = add("network_meetings", "4");
    const Goal g_spend = add("spend", "100000");
    const Goal g_grant = add("grants", "100000");

    EXPECT_EQ(status_of(2018, g_ent.id, m_consultant).actual, figures->total);
    EXPECT_EQ(figures->total, 19);
    EXPECT_EQ(status_of(2018, g_all.id, m_consultant).actual, everywhere->total);  // Kolding too
    EXPECT_EQ(figures->registered, 5);
    EXPECT_EQ(status_of(2018, g_ent.id, m_caseworker).drilldown_url, "/enterprises?municipality=Slagelse");
    EXPECT_EQ(status_of(2018, g_rsv.id, m_consultant).actual, figures->registered);
    EXPECT_EQ(status_of(2018, g_way.id, m_consultant).actual, figures->on_the_way);
    EXPECT_EQ(status_of(2018, g_jobs.id, m_consultant).actual, 64);  // 35 + 29
    EXPECT_EQ(status_of(2018, g_muni.id, m_consultant).actual, 35);
    EXPECT_EQ(status_of(2018, g_kind.id, m_consultant).actual, kind_total);
    EXPECT_GT(kind_total, 0);
    const std::int64_t started = count(
        "SELECT COUNT(*) FROM placements WHERE start_date >= '2018-01-01' AND start_date < '2019-01-01' "
        "AND status <> 'cancelled'");
    EXPECT_EQ(status_of(2018, g_plac.id, m_consultant).actual, started);
    EXPECT_EQ(status_of(2018, g_meet.id, m_consultant).actual, 4);
    const GoalStatus spend = status_of(2018, g_spend.id, m_consultant);
    EXPECT_EQ(spend.actual, 12500);
    EXPECT_EQ(spend.actual_text, "12.500 kr.");
    EXPECT_EQ(spend.target_text, "100.000 kr.");
    EXPECT_EQ(spend.percent, 12);
    const GoalStatus grant = status_of(2018, g_grant.id, m_consultant);
    EXPECT_EQ(grant.actual, grant_year->total_oere / 100);
    EXPECT_TRUE(grant.has_data);
}

TEST_P(GoalServiceTest, AYearWithNothingRecordedHasNoData) {
    load_2018();
    const Goal jobs = add("jobs_municipality", "30", "per_year", "", "2030-01-01", "2035-12-31");
    const Goal stock = add("enterprises", "25", "period_end", "", "2030-01-01", "2035-12-31");
    const GoalStatus j = status_of(2031, jobs.id, m_consultant);
    EXPECT_FALSE(j.has_data);
    EXPECT_EQ(j.percent, 0);
    EXPECT_FALSE(j.met);
    EXPECT_EQ(j.attainment, Attainment::NoData);
    EXPECT_TRUE(j.drilldown_url.empty());
    EXPECT_FALSE(status_of(2031, stock.id, m_consultant).has_data);
    // An empty database: nothing recorded in the year at all.
    const Goal old = add("placements_started", "5", "per_year", "", "2010-01-01", "2012-12-31");
    EXPECT_FALSE(status_of(2011, old.id, m_consultant).has_data);
    // Years outside what the dashboard accepts.
    EXPECT_EQ(m_service->status(1999, m_consultant).error().code, core::ErrorCode::Validation);
    EXPECT_EQ(m_service->status(2037, m_consultant).error().code, core::ErrorCode::Validation);
}

TEST_P(GoalServiceTest, EachStatusFollowsTheFigureAndWhetherThePeriodHasEnded) {
    load_2018();
    const Goal muni = add("jobs_municipality", "40");                     // 35 in 2018
    const Goal ent = add("enterprises", "25", "period_end", "Slagelse");  // 2017–2020
    const Goal ent_now = add("enterprises", "100", "period_end", "Slagelse", "2025-01-01", "2026-12-31");
    const Goal ent_yearly = add("enterprises", "100", "per_year", "Slagelse", "2025-01-01", "2027-12-31");
    const Goal future = add("jobs_municipality", "30", "per_year", "", "2030-01-01", "2035-12-31");

    // Reached: 35 of 30 jobs in 2018.
    const GoalStatus jobs_2018 = status_of(2018, add("jobs_municipality", "30").id, m_consultant);
    EXPECT_EQ(jobs_2018.attainment, Attainment::Reached);

    // Not reached: a per_year target whose year has ended short of it.
    const GoalStatus short_2018 = status_of(2018, muni.id, m_consultant);
    EXPECT_TRUE(short_2018.period_ended);
    EXPECT_EQ(short_2018.attainment, Attainment::NotReached);
    EXPECT_EQ(short_2018.percent, 87);

    // On the way: a period_end target before the period's last year…
    const GoalStatus ent_2018 = status_of(2018, ent.id, m_consultant);
    EXPECT_FALSE(ent_2018.period_ended);
    EXPECT_EQ(ent_2018.attainment, Attainment::OnTheWay);
    EXPECT_EQ(ent_2018.percent, 76);
    // …and not reached once the period has ended (31.12.2020, before today).
    const GoalStatus ent_2020 = status_of(2020, ent.id, m_consultant);
    EXPECT_TRUE(ent_2020.period_ended);
    EXPECT_EQ(ent_2020.attainment, Attainment::NotReached);
    ASSERT_EQ(ent_2020.period_years.size(), 4u);
    EXPECT_EQ(ent_2020.period_years[0].attainment, Attainment::OnTheWay);    // 2017
    EXPECT_EQ(ent_2020.period_years[3].attainment, Attainment::NotReached);  // 2020

    // The last year of the period while it runs: on the way until 31.12.2026 has passed.
    const GoalStatus running = status_of(2026, ent_now.id, m_consultant);
    EXPECT_TRUE(running.has_data);
    EXPECT_FALSE(running.period_ended);
    EXPECT_EQ(running.attainment, Attainment::OnTheWay);
    // A per_year target: the running year is on the way, the year before has ended.
    EXPECT_EQ(status_of(2026, ent_yearly.id, m_consultant).attainment, Attainment::OnTheWay);
    EXPECT_EQ(status_of(2025, ent_yearly.id, m_consultant).attainment, Attainment::NotReached);
    m_clock.set(*core::parse_iso_timestamp("2027-01-01T12:00:00Z"));
    EXPECT_TRUE(status_of(2026, ent_now.id, m_consultant).period_ended);
    EXPECT_EQ(status_of(2026, ent_now.id, m_consultant).attainment, Attainment::NotReached);

    // No data: never "not reached", also in the strategy-period years.
    const GoalStatus none = status_of(2031, future.id, m_consultant);
    EXPECT_EQ(none.attainment, Attainment::NoData);
    ASSERT_EQ(none.period_years.size(), 2u);
    for (const auto& y : none.period_years) EXPECT_EQ(y.attainment, Attainment::NoData) << y.year;
}

TEST_P(GoalServiceTest, StatusListsGoalsWhosePeriodOverlapsTheYearInOrder) {
    const Goal a = add("jobs", "10", "per_year", "", "2019-01-01", "2020-12-31");
    const Goal b = add("jobs", "20", "per_year", "", "2017-06-01", "2018-06-30");
    auto r2018 = m_service->status(2018, m_consultant);
    ASSERT_TRUE(r2018.ok());
    ASSERT_EQ(r2018->size(), 1u);
    EXPECT_EQ((*r2018)[0].goal.id, b.id);
    auto r2019 = m_service->status(2019, m_consultant);
    ASSERT_EQ(r2019->size(), 1u);
    EXPECT_EQ((*r2019)[0].goal.id, a.id);
    EXPECT_EQ((*r2019)[0].measured_at, "i 2019");
}

TEST_P(GoalServiceTest, StockIsMeasuredTodayWhileTheYearRuns) {
    const Goal g = add("enterprises", "25", "period_end", "", "2025-01-01", "2027-12-31");
    EXPECT_EQ(status_of(2026, g.id, m_consultant).measured_at, "pr. 25.11.2026 (i dag)");
    EXPECT_EQ(status_of(2025, g.id, m_consultant).measured_at, "pr. 31.12.2025");
}

TEST_P(GoalServiceTest, GoalsAreDataThatEditorsChange) {
    const Goal g = add("jobs_municipality", "30");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'goal' AND action = 'create'"), 1);
    GoalInput in{"jobs_municipality", "",   "32 job om året", "32", "2017-01-01", "2020-12-31",
                 "per_year",          "12", "2016",           "6.8"};
    auto u = m_service->update(g.id, in, m_admin);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u->target, 32);
    EXPECT_EQ(u->baseline, 12);
    EXPECT_EQ(u->baseline_year, 2016);
    EXPECT_EQ(u->metric_label, "Job i året via jobcentret");
    EXPECT_EQ(m_service->update(g.id + 100, in, m_admin).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(m_service->remove(g.id, m_consultant).ok());
    EXPECT_EQ(m_service->get(g.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->remove(g.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'goal'"), 3);
}

TEST_P(GoalServiceTest, BadGoalsAreRefusedAndNothingIsStored) {
    GoalInput unknown{"happiness", "", "Glæde", "5", "2017-01-01", "2020-12-31", "per_year", "", "", ""};
    auto r = m_service->create(unknown, m_consultant);
    ASSERT_FALSE(r.ok());
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_EQ(r.error().fields[0].field, "metric");
    EXPECT_NE(r.error().fields[0].message.find("Nøgletal"), std::string::npos);
    GoalInput empty{"jobs", "", "Job", "5", "2020-01-01", "2019-12-31", "per_year", "", "", ""};
    auto e = m_service->create(empty, m_consultant);
    ASSERT_FALSE(e.ok());
    EXPECT_NE(e.error().fields[0].message.find("Perioden er tom"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM goals"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'goal'"), 0);
}

TEST_P(GoalServiceTest, OnlyStaffReadAndOnlyAdminAndConsultantChange) {
    const Goal g = add("jobs", "10");
    const auto enterprise = actor_of(core::Role::Enterprise, 9, 1);
    const auto buyer = actor_of(core::Role::Buyer, 10);
    for (const auto& a : {enterprise, buyer}) {
        EXPECT_EQ(m_service->status(2018, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->list(a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->get(g.id, a).error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_TRUE(m_service->status(2018, m_caseworker).ok());
    EXPECT_TRUE(m_service->list(m_caseworker).ok());
    GoalInput in{"jobs", "", "Job", "5", "2017-01-01", "2020-12-31", "per_year", "", "", ""};
    for (const auto& a : {m_caseworker, enterprise, buyer}) {
        EXPECT_EQ(m_service->create(in, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->update(g.id, in, a).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->remove(g.id, a).error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_EQ(count("SELECT COUNT(*) FROM goals"), 1);
}

TEST_P(GoalServiceTest, DrillDownOnlyToRecordsTheRoleMaySee) {
    load_2018();
    buying::BuyingService& buying = m_graph->buying;
    auto choices = buying.enterprise_choices(m_consultant);
    ASSERT_TRUE(choices.ok() && !choices->empty());
    ASSERT_TRUE(
        buying
            .record_purchase({"2018-06-01", "500", "Slagelse Kommune", choices->front().value, "", ""},
                             m_consultant)
            .ok());
    const Goal jobs = add("jobs_municipality", "30");
    const Goal plac = add("placements_started", "5");
    const Goal spend = add("spend", "1000");
    const Goal ent = add("on_the_way", "5", "period_end");
    // Consultants: figures, never person lists.
    EXPECT_EQ(status_of(2018, jobs.id, m_consultant).drilldown_url, "/jobs/counts?year=2018");
    EXPECT_EQ(status_of(2018, plac.id, m_consultant).drilldown_url, "");
    EXPECT_EQ(status_of(2018, spend.id, m_consultant).drilldown_url, "/buying/purchases?year=2018");
    EXPECT_EQ(status_of(2018, ent.id, m_consultant).drilldown_url, "/enterprises?status=on_the_way");
    // Caseworkers: the jobs and placements behind the figures, no purchases.
    EXPECT_EQ(status_of(2018, jobs.id, m_caseworker).drilldown_url, "/jobs?year=2018&channel=municipality");
    EXPECT_EQ(status_of(2018, plac.id, m_caseworker).drilldown_url, "/placements");
    EXPECT_EQ(status_of(2018, spend.id, m_caseworker).drilldown_url, "");
    // Admin: everything.
    EXPECT_EQ(status_of(2018, spend.id, m_admin).drilldown_url, "/buying/purchases?year=2018");
    EXPECT_EQ(status_of(2018, jobs.id, m_admin).drilldown_url, "/jobs?year=2018&channel=municipality");
}

BB_INSTANTIATE_BACKENDS(GoalServiceTest);

}  // namespace
}  // namespace goals
