// Jobs' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "jobs/http/jobs_http.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "jobs/test_fixture.hpp"
#include "support/page_harness.hpp"
#include "web/forms.hpp"
#include "web/templates.hpp"

namespace jobs_http {
namespace {

class JobsHttpTest : public jobs::testing::JobsTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        JobsTest::SetUp();
        m_templates.add("jobs", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        session("case", core::Role::Caseworker, 11, std::nullopt);
        session("admin", core::Role::Admin, 1, std::nullopt);
        session("consultant", core::Role::Consultant, 12, std::nullopt);
        session("sumak", core::Role::Enterprise, 21, m_sumak);
        session("haven", core::Role::Enterprise, 22, m_haven);
        session("buyer", core::Role::Buyer, 30, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        JobsTest::TearDown();
    }

    std::string hire_body(std::string ref, std::int64_t enterprise_id, std::string hours = "4,5",
                          std::string intensity = "80", std::string kind = "fleksjob") {
        return "citizen_ref=" + enc(ref) + "&enterprise_id=" + std::to_string(enterprise_id) +
               "&kind=" + kind + "&channel=municipality&hired_on=2016-09-08&weekly_hours=" + enc(hours) +
               "&intensity=" + intensity;
    }
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(JobsHttpTest, CaseworkerRecordsHireAddsHoursAndSeesChart) {
    auto form = get("/jobs/new", "case");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "Borgerens sagsnummer"));

    auto bad = post("/jobs", "case", hire_body("SAG-1001", m_sumak, "40", "0"));
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(contains(bad, "Timer om ugen skal være mellem 0 og 37."));
    EXPECT_TRUE(contains(bad, "Intensiteten skal være mellem 1 og 100 %."));
    EXPECT_TRUE(contains(bad, "value=\"SAG-1001\""));  // values kept
    EXPECT_EQ(count("SELECT COUNT(*) FROM jobs"), 0);

    auto ok = post("/jobs", "case", hire_body("SAG-1001", m_sumak));
    ASSERT_EQ(ok.status, 303) << ok.body;
    const std::int64_t id = count("SELECT MAX(id) FROM jobs");
    const std::string href = "/jobs/" + std::to_string(id);

    auto page = get(href, "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "3,6"));  // 4,5 t at 80 % = 3,6 effective hours
    EXPECT_TRUE(contains(page, "role=\"img\""));
    EXPECT_TRUE(contains(page, "<title id=\"chart-title\">Progression for Victor Hansen</title>"));

    auto dup = post(href + "/hours", "case", "effective_from=2016-09-08&weekly_hours=6&intensity=80");
    ASSERT_EQ(dup.status, 422);
    EXPECT_TRUE(contains(dup, "Der er allerede registreret timer og intensitet fra 08.09.2016"));
    auto more = post(href + "/hours", "case", "effective_from=2019-01-15&weekly_hours=15&intensity=100");
    ASSERT_EQ(more.status, 303) << more.body;
    page = get(href, "case");
    // The chart has both steps: axis 0–15 hours, plot 16..280 high: 4,5 t → y 200.8, 15 t → y 16.
    EXPECT_TRUE(contains(page, "class=\"chart-hours\" points=\"48.0,200.8 "));
    EXPECT_TRUE(contains(page, ",16.0 624.0,16.0\""));
    EXPECT_TRUE(contains(page, "15.01.2019"));

    auto end = post(href + "/end", "case", "ended_on=2016-01-01");
    ASSERT_EQ(end.status, 422);
    EXPECT_TRUE(contains(end, "Slutdatoen kan ikke ligge før ansættelsesdatoen 08.09.2016."));

    auto list = get("/jobs?year=2016", "case");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "Victor Hansen"));
    EXPECT_TRUE(contains(list, "SAG-1001"));
    EXPECT_TRUE(contains(get("/jobs?citizen=" + std::to_string(m_victor), "case"), "Victor Hansen"));
    EXPECT_FALSE(contains(get("/jobs?citizen=" + std::to_string(m_other), "case"), "Victor Hansen"));
}

TEST_P(JobsHttpTest, EnterpriseSeesOwnMinimallyAndNotOthers) {
    ASSERT_EQ(post("/jobs", "case", hire_body("SAG-1001", m_sumak)).status, 303);
    const std::int64_t id = count("SELECT MAX(id) FROM jobs");
    const std::string href = "/jobs/" + std::to_string(id);
    auto own = get(href, "sumak");
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_TRUE(contains(own, "Victor"));
    EXPECT_FALSE(contains(own, "Hansen"));
    EXPECT_FALSE(contains(own, "SAG-1001"));
    EXPECT_FALSE(contains(own, "Ny ændring af timer"));
    EXPECT_EQ(get(href, "haven").status, 404);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND object_type = 'citizen'"),
              1);
    EXPECT_FALSE(contains(get("/jobs", "haven"), "Victor"));
    EXPECT_TRUE(contains(get("/jobs", "sumak"), "Victor"));
    EXPECT_EQ(post(href + "/hours", "sumak", "effective_from=2017-01-01&weekly_hours=5&intensity=80").status,
              403);
}

TEST_P(JobsHttpTest, CountsPageAndJson) {
    for (int i = 0; i < 3; ++i) ASSERT_EQ(post("/jobs", "case", hire_body("SAG-1001", m_sumak)).status, 303);
    auto page = get("/jobs/counts?year=2016", "consultant");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Via jobcentret"));
    EXPECT_TRUE(contains(page, "<th scope=\"row\">Fleksjob</th><td class=\"numeric\">3</td>"));
    EXPECT_FALSE(contains(page, "Victor"));
    auto json = get("/api/v1/jobs/counts?year=2016", "consultant");
    ASSERT_EQ(json.status, 200) << json.body;
    EXPECT_TRUE(contains(json, "\"municipality\":3"));
    EXPECT_EQ(get("/jobs/counts?year=16", "consultant").status, 422);
}

TEST_P(JobsHttpTest, FollowupsListAndRecording) {
    ASSERT_EQ(post("/jobs", "case", hire_body("SAG-1001", m_sumak)).status, 303);
    const std::int64_t id = count("SELECT MAX(id) FROM jobs");
    auto list = get("/jobs/followups", "case");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(contains(list, "08.03.2019"));
    auto page = get("/jobs/" + std::to_string(id), "case");
    EXPECT_TRUE(contains(page, "follow_up:2019-03-08"));
    auto bad =
        post("/jobs/" + std::to_string(id) + "/followups", "case", "due=follow_up:2019-03-08&held_on=");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "href=\"#held_on\""));
    auto ok = post("/jobs/" + std::to_string(id) + "/followups", "case",
                   "due=follow_up:2019-03-08&held_on=2019-02-27");
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_FALSE(contains(get("/jobs/followups", "case"), "08.03.2019"));
}

TEST_P(JobsHttpTest, JobKindsAdminPages) {
    ASSERT_EQ(get("/admin/job-kinds", "admin").status, 200);
    auto bad = post("/admin/job-kinds", "admin", "code=" + enc("Ugyldig kode") + "&label=");
    ASSERT_EQ(bad.status, 422);
    auto ok =
        post("/admin/job-kinds", "admin", "code=mini_fleksjob&label=Minifleksjob&is_fleksjob=1&sort=15");
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_TRUE(contains(get("/admin/job-kinds", "admin"), "Minifleksjob"));
    EXPECT_TRUE(contains(get("/jobs/new", "case"), "Minifleksjob"));
}

TEST_P(JobsHttpTest, PrefilledFromPlacement) {
    const std::int64_t p = placement(m_victor, m_sumak);
    auto form = get("/jobs/new?placement=" + std::to_string(p), "case");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "value=\"SAG-1001\""));
    EXPECT_TRUE(contains(form, "value=\"2018-05-31\""));
    EXPECT_EQ(get("/jobs/new?placement=999999", "case").status, 404);
}

TEST_P(JobsHttpTest, AccessMatrixForEveryRoute) {
    ASSERT_EQ(post("/jobs", "case", hire_body("SAG-1001", m_sumak)).status, 303);
    const std::string id = std::to_string(count("SELECT MAX(id) FROM jobs"));
    const std::string kind = std::to_string(count("SELECT MIN(id) FROM job_kinds"));
    struct Row {
        bool post;
        std::string path;
        std::vector<std::string> allowed;
    };
    const std::vector<Row> rows = {
        {false, "/jobs", {"case", "admin", "enterprise"}},
        {false, "/jobs/new", {"case", "admin"}},
        {true, "/jobs", {"case", "admin"}},
        {false, "/jobs/" + id, {"case", "admin", "enterprise"}},
        {false, "/jobs/" + id + "/edit", {"case", "admin"}},
        {true, "/jobs/" + id, {"case", "admin"}},
        {true, "/jobs/" + id + "/hours", {"case", "admin"}},
        {true, "/jobs/" + id + "/end", {"case", "admin"}},
        {true, "/jobs/" + id + "/followups", {"case", "admin"}},
        {false, "/jobs/counts", {"case", "admin", "consultant"}},
        {false, "/api/v1/jobs/counts", {"case", "admin", "consultant"}},
        {false, "/jobs/followups", {"case", "admin"}},
        {false, "/api/v1/jobs/followups", {"case", "admin"}},
        {false, "/api/v1/jobs", {"case", "admin"}},
        {true, "/api/v1/jobs", {"case", "admin"}},
        {false, "/api/v1/jobs/" + id, {"case", "admin"}},
        {true, "/api/v1/jobs/" + id + "/hours", {"case", "admin"}},
        {false, "/admin/job-kinds", {"admin"}},
        {true, "/admin/job-kinds", {"admin"}},
        {false, "/admin/job-kinds/" + kind, {"admin"}},
        {true, "/admin/job-kinds/" + kind, {"admin"}},
    };
    for (const auto& row : rows) {
        for (const std::string who : {"case", "admin", "consultant", "sumak", "haven", "buyer"}) {
            const std::string role = (who == "sumak" || who == "haven") ? "enterprise" : who;
            const bool allowed = std::find(row.allowed.begin(), row.allowed.end(), role) != row.allowed.end();
            auto r = row.post ? post(row.path, who, "") : get(row.path, who);
            if (allowed)
                EXPECT_NE(r.status, 403) << who << " " << row.path;
            else
                EXPECT_EQ(r.status, 403) << who << " " << (row.post ? "POST " : "GET ") << row.path;
        }
        auto anon = row.post ? post(row.path, "", "") : get(row.path);
        EXPECT_TRUE(anon.status == 303 || anon.status == 401 || anon.status == 403)
            << row.path << " " << anon.status;
    }
    // Record level: another enterprise's job is not found.
    EXPECT_EQ(get("/jobs/" + id, "haven").status, 404);
}

BB_INSTANTIATE_BACKENDS(JobsHttpTest);

}  // namespace
}  // namespace jobs_http
