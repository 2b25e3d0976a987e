// Goals' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "goals/http/goals_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/demo.hpp"
#include "enterprises/enterprise_service.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "goals/demo.hpp"
#include "goals/test_graph.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace goals_http {
namespace {

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

class GoalsHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_graph = std::make_unique<goals::testing::GoalGraph>(database(), m_clock, m_audit);
        m_service = &m_graph->service;
        m_templates.add("goals", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        session("admin", core::Role::Admin, 1, std::nullopt);
        session("consultant", core::Role::Consultant, 2, std::nullopt);
        session("case", core::Role::Caseworker, 3, std::nullopt);
        session("sumak", core::Role::Enterprise, 4, 1);
        session("buyer", core::Role::Buyer, 5, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service = nullptr;
        m_graph.reset();
        BackendTest::TearDown();
    }

    void load_demo() {
        enterprises::EnterpriseService registry(database(), m_clock, m_audit);
        ASSERT_TRUE(enterprises::load_demo(registry, core::Actor::system("test")).ok());
        ASSERT_TRUE(evaluation::load_slagelse_2018(database(), m_clock).ok());
        ASSERT_TRUE(goals::load_demo(*m_service).ok());
    }

    static std::string form(std::string metric, std::string target, std::string from = "2017-01-01",
                            std::string to = "2020-12-31") {
        return "metric=" + metric + "&title=" + enc("30 job om året") + "&target=" + target +
               "&period_from=" + from + "&period_to=" + to + "&cadence=per_year&strategy_point=6.8";
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-25T12:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<goals::testing::GoalGraph> m_graph;
    goals::GoalService* m_service = nullptr;
};

TEST_P(GoalsHttpTest, DashboardShowsThe2018StatusWithDrillDown) {
    load_demo();
    auto page = get("/goals?year=2018", "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Status for 2018"));
    EXPECT_TRUE(contains(page, "25 socialøkonomiske virksomheder og initiativer ved udgangen af 2020"));
    EXPECT_TRUE(contains(page, ">19</a>\n      af 25 pr. 31.12.2018\n"));
    // "25 … ved udgangen af 2020" is on the way in 2018, in the status and the period table.
    EXPECT_TRUE(contains(page, "<p>Status: På vej (76 % af målet)</p>"));
    EXPECT_TRUE(contains(page, "<td>På vej (76 % af målet)</td>"));
    EXPECT_FALSE(contains(page, "ikke nået"));
    EXPECT_TRUE(contains(page, "href=\"/jobs?year=2018&amp;channel=municipality\">35</a>"));
    EXPECT_TRUE(contains(page, "<p>Status: <strong>Nået</strong></p>"));
    EXPECT_TRUE(contains(page, "<progress id=\"bar-1\" max=\"100\" value=\"76\">76 %</progress>"));
    EXPECT_TRUE(contains(page, "<th scope=\"row\">2017</th>"));
    EXPECT_FALSE(contains(page, "Administrér mål"));  // caseworkers read only
    // Consultants: figures, never the person list behind them.
    auto consultant = get("/goals?year=2018", "consultant");
    ASSERT_EQ(consultant.status, 200);
    EXPECT_TRUE(contains(consultant, "href=\"/jobs/counts?year=2018\">35</a>"));
    EXPECT_FALSE(contains(consultant, "/jobs?year=2018"));
    EXPECT_TRUE(contains(consultant, "Administrér mål"));
}

TEST_P(GoalsHttpTest, AYearWithoutDataSaysSoRatherThanShowingZeros) {
    ASSERT_EQ(post("/goals", "consultant", form("jobs", "30", "2030-01-01", "2035-12-31")).status, 303);
    auto page = get("/goals?year=2031", "consultant");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Ingen data for 2031"));
    EXPECT_FALSE(contains(page, "<progress"));
    // The strategy-period table: no data is "Ingen data", never "Ikke nået".
    EXPECT_TRUE(contains(page, "<th scope=\"row\">2030</th><td class=\"numeric\">Ingen data</td>"));
    EXPECT_TRUE(contains(page, "<td>Ingen data</td>"));
    EXPECT_FALSE(contains(page, "Ikke nået"));
    auto bad = get("/goals?year=20x8", "consultant");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv et årstal"));
    auto none = get("/goals?year=2012", "consultant");
    EXPECT_TRUE(contains(none, "Der er ingen mål, hvis periode omfatter 2012."));
    // The empty year points to the years the stored goals cover.
    EXPECT_TRUE(contains(none, "<a href=\"/goals?year=2030\">2030</a>"));
    EXPECT_TRUE(contains(none, "<a href=\"/goals?year=2035\">2035</a>"));
}

TEST_P(GoalsHttpTest, JsonStatusHasStableKeys) {
    load_demo();
    auto r = get("/api/v1/goals/status?year=2018", "consultant");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(contains(r, "\"year\":2018"));
    EXPECT_TRUE(contains(r, "\"actual\":19"));
    EXPECT_TRUE(contains(r, "\"actual\":35"));
    EXPECT_TRUE(contains(r, "\"metric\":\"jobs_municipality\""));
    EXPECT_TRUE(contains(r, "\"has_data\":true"));
    // The status as a code (and its Danish label), for the goal and for each year of the period.
    EXPECT_TRUE(contains(r, "\"status\":\"on_the_way\""));
    EXPECT_TRUE(contains(r, "\"status\":\"reached\""));
    EXPECT_TRUE(contains(r, "\"status_label\":\"På vej (76 % af målet)\""));
    EXPECT_TRUE(contains(r, "\"period_ended\":false"));
    EXPECT_FALSE(contains(r, "not_reached"));
    EXPECT_EQ(get("/api/v1/goals/status?year=abc", "consultant").status, 422);
    EXPECT_EQ(get("/api/v1/goals/status?year=2018", "sumak").status, 403);
    EXPECT_EQ(get("/api/v1/goals", "case").status, 200);
}

TEST_P(GoalsHttpTest, EditorsCreateEditAndDeleteGoals) {
    auto created = post("/goals", "consultant", form("jobs_municipality", "30"));
    ASSERT_EQ(created.status, 303) << created.body;
    auto list = get("/goals/manage", "consultant");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "30 job om året"));
    EXPECT_TRUE(contains(list, "Job i året via jobcentret"));
    auto edit = get("/goals/1/edit", "admin");
    ASSERT_EQ(edit.status, 200) << edit.body;
    EXPECT_TRUE(contains(edit, "value=\"2017-01-01\""));
    ASSERT_EQ(post("/goals/1", "admin", form("jobs_municipality", "32")).status, 303);
    EXPECT_EQ(m_service->get(1, core::Actor::system())->target, 32);
    ASSERT_EQ(post("/goals/1/delete", "consultant", "").status, 303);
    EXPECT_EQ(get("/goals/1/edit", "admin").status, 404);
    EXPECT_EQ(post("/goals/1/delete", "consultant", "").status, 404);
}

TEST_P(GoalsHttpTest, BadGoalsRerenderTheFormWithTheValuesKept) {
    auto unknown = post("/goals", "consultant", form("happiness", "30"));
    ASSERT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_TRUE(contains(unknown, "Nøgletal: vælg et nøgletal fra listen."));
    EXPECT_TRUE(contains(unknown, "value=\"30 job om året\""));
    auto empty = post("/goals", "consultant", form("jobs", "30", "2020-01-01", "2019-01-01"));
    ASSERT_EQ(empty.status, 422);
    EXPECT_TRUE(contains(empty, "Perioden er tom"));
    auto zero = post("/goals", "consultant", form("jobs", "0"));
    EXPECT_TRUE(contains(zero, "Målet skal være større end 0."));
    auto markup = post("/goals", "consultant",
                       "metric=jobs&title=" + enc("<script>x</script>") + "&target=&period_from=2017-01-01");
    ASSERT_EQ(markup.status, 422);
    EXPECT_FALSE(contains(markup, "<script>x</script>"));
    EXPECT_TRUE(contains(markup, "&lt;script&gt;"));
    EXPECT_TRUE(m_service->list(core::Actor::system())->empty());
}

TEST_P(GoalsHttpTest, RolesOutsideStaffAreKeptOut) {
    for (const char* who : {"sumak", "buyer"}) {
        EXPECT_EQ(get("/goals", who).status, 403) << who;
        EXPECT_EQ(get("/goals/manage", who).status, 403) << who;
        EXPECT_EQ(post("/goals", who, form("jobs", "30")).status, 403) << who;
    }
    EXPECT_EQ(get("/goals/manage", "case").status, 403);
    EXPECT_EQ(post("/goals", "case", form("jobs", "30")).status, 403);
    EXPECT_NE(get("/goals").status, 200);  // not logged in
    EXPECT_TRUE(m_service->list(core::Actor::system())->empty());
}

BB_INSTANTIATE_BACKENDS(GoalsHttpTest);

}  // namespace
}  // namespace goals_http
