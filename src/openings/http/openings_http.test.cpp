// Openings and matching pages through the real web::Dispatcher on every storage backend.
#include "openings/http/openings_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace openings_http {
namespace {

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

class OpeningsHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_citizens = std::make_unique<citizens::CitizenService>(database(), m_clock, m_audit, *m_enterprises);
        m_placements = std::make_unique<placements::PlacementsService>(database(), m_clock, m_audit);
        m_service = std::make_unique<openings::OpeningsService>(database(), m_clock, m_audit, *m_citizens,
                                                                *m_placements);
        m_templates.add("openings", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        m_sumak = enterprise("Sumak");
        m_other = enterprise("Grøn Fokus");
        session("admin", core::Role::Admin, 1, std::nullopt);
        session("case", core::Role::Caseworker, 2, std::nullopt);
        session("consultant", core::Role::Consultant, 3, std::nullopt);
        session("buyer", core::Role::Buyer, 4, std::nullopt);
        session("sumak", core::Role::Enterprise, 5, m_sumak);
        session("gron", core::Role::Enterprise, 6, m_other);
        citizens::CitizenInput in;
        in.case_ref = "S-1";
        in.name = "Maja Madsen";
        in.competences = "lager, rengøring";
        in.wished_hours_min = "10";
        in.wished_hours_max = "20";
        in.postcode = "4200";
        in.transport = "bike";
        auto c = m_citizens->create(in, m_staff);
        EXPECT_TRUE(c.ok());
        m_maja = c.ok() ? c->id : 0;
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_placements.reset();
        m_citizens.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }
    std::int64_t enterprise(std::string name) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }
    std::string job_body(std::string title) {
        return "title=" + enc(title) + "&capacity=2&tasks=" + enc("lager, pakning") +
               "&hours_min=10&hours_max=15&postcode=4200&enterprise_id=" + std::to_string(m_other);
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<citizens::CitizenService> m_citizens;
    std::unique_ptr<placements::PlacementsService> m_placements;
    std::unique_ptr<openings::OpeningsService> m_service;
    std::int64_t m_sumak = 0, m_other = 0, m_maja = 0;
};

TEST_P(OpeningsHttpTest, EnterprisePostsItsOwnOpeningAndCaseworkerSeesSuggestions) {
    ASSERT_EQ(get("/openings/new", "sumak").status, 200);
    auto posted = post("/openings", "sumak", job_body("Lagermedhjælper"));
    ASSERT_EQ(posted.status, 303) << posted.body;
    auto list = get("/openings", "sumak");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "Lagermedhjælper"));
    EXPECT_TRUE(contains(list, "Sumak"));  // the user's own enterprise, not the posted id
    EXPECT_FALSE(contains(get("/openings", "gron"), "Lagermedhjælper"));
    EXPECT_EQ(get("/openings", "buyer").status, 403);

    auto page = get("/citizens/" + std::to_string(m_maja) + "/suggestions", "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Lagermedhjælper"));
    EXPECT_TRUE(contains(page, "Har kompetencer i 1 af 2 opgaver: lager"));
    EXPECT_TRUE(contains(page, "Ønsker 10–20 timer"));
    EXPECT_EQ(get("/citizens/" + std::to_string(m_maja) + "/suggestions", "consultant").status, 403);
    EXPECT_EQ(get("/citizens/" + std::to_string(m_maja) + "/suggestions", "buyer").status, 403);
    EXPECT_EQ(get("/citizens/" + std::to_string(m_maja) + "/suggestions", "sumak").status, 403);
    auto api = get("/api/v1/citizens/" + std::to_string(m_maja) + "/suggestions", "case");
    ASSERT_EQ(api.status, 200);
    EXPECT_TRUE(contains(api, "\"score\""));
}

TEST_P(OpeningsHttpTest, InvalidJobOpeningKeepsValuesAndNamesFields) {
    auto r = post("/openings", "case",
                  "title=&capacity=abc&hours_min=" + enc("7,5") +
                      "&hours_max=99&enterprise_id=" + std::to_string(m_sumak));
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_TRUE(contains(r, "Skriv stillingens titel"));
    EXPECT_TRUE(contains(r, "Antal pladser skal være et helt tal mellem 1 og 100."));
    EXPECT_TRUE(contains(r, "Timer om ugen, højst"));
    EXPECT_TRUE(contains(r, "value=\"7,5\""));
    EXPECT_TRUE(m_service->list_openings(m_staff)->empty());
}

TEST_P(OpeningsHttpTest, AcceptAndDeclineAreStoredAndListed) {
    ASSERT_EQ(post("/openings", "case", job_body("Lagermedhjælper")).status, 303);
    const auto id = m_service->list_openings(m_staff)->front().id;
    const std::string pair =
        "citizen_id=" + std::to_string(m_maja) + "&source=posted&opening_id=" + std::to_string(id);
    auto accepted = post("/matching/accept", "case", pair);
    ASSERT_EQ(accepted.status, 303) << accepted.body;
    auto declined = post("/matching/decline", "case", pair + "&reason=" + enc("Har fået andet job"));
    ASSERT_EQ(declined.status, 303);
    auto list = get("/matching/proposals", "case");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "Accepteret"));
    EXPECT_TRUE(contains(list, "Afvist: Har fået andet job"));
    EXPECT_EQ(get("/matching/proposals", "consultant").status, 403);
    EXPECT_EQ(m_service->list_openings(m_staff)->front().capacity_left, 1);
}

TEST_P(OpeningsHttpTest, CohortShowsTotalAndSaysWhenNothingFits) {
    auto none = post("/matching/cohort", "case", "without_active=1");
    ASSERT_EQ(none.status, 200) << none.body;
    EXPECT_TRUE(contains(none, "ingen mulige par"));
    ASSERT_EQ(post("/openings", "case", job_body("Lagermedhjælper")).status, 303);
    auto r = post("/matching/cohort", "case", "without_active=1");
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(contains(r, "Samlet match"));
    EXPECT_TRUE(contains(r, "1 af 1 borgere placeret"));
    EXPECT_FALSE(contains(r, "ingen mulige par"));
}

TEST_P(OpeningsHttpTest, WeightsPageValidatesForAdminsOnly) {
    ASSERT_EQ(get("/admin/matching", "admin").status, 200);
    EXPECT_EQ(get("/admin/matching", "case").status, 403);
    auto bad =
        post("/admin/matching", "admin",
             "competences=35&interests=15&hours=15&distance=-2&preferences=10&max_km_walk=3&max_km_bike=15"
             "&max_km_public_transport=40&max_km_car=60&start_tolerance_days=30");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Vægten for afstand kan ikke være negativ."));
    auto ok =
        post("/admin/matching", "admin",
             "competences=50&interests=15&hours=15&distance=25&preferences=10&max_km_walk=3&max_km_bike=15"
             "&max_km_public_transport=40&max_km_car=60&start_tolerance_days=30");
    ASSERT_EQ(ok.status, 303);
    EXPECT_TRUE(contains(get("/admin/matching", "admin"), "value=\"50\""));
}

TEST_P(OpeningsHttpTest, CandidatesForCaseworkersAndOwnOpeningsOnly) {
    ASSERT_EQ(post("/openings", "sumak", job_body("Lagermedhjælper")).status, 303);
    const auto id = m_service->list_openings(m_staff)->front().id;
    const std::string edit = "/openings/posted/" + std::to_string(id) + "/edit";
    EXPECT_EQ(get(edit, "sumak").status, 200);
    EXPECT_EQ(get(edit, "gron").status, 404);
    EXPECT_EQ(post("/openings/posted/" + std::to_string(id), "gron", job_body("Overtaget")).status, 404);
    auto saved =
        post("/openings/posted/" + std::to_string(id), "sumak", job_body("Lagerhjælper") + "&status=closed");
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_FALSE(m_service->list_openings(m_staff)->front().open);

    const std::string candidates = "/openings/posted/" + std::to_string(id) + "/candidates";
    EXPECT_EQ(get(candidates, "sumak").status, 403);
    EXPECT_EQ(get(candidates, "consultant").status, 403);
    auto page = get(candidates, "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Kandidater til Lagerhjælper"));
    EXPECT_EQ(get("/openings/bogus/1/candidates", "case").status, 404);
    EXPECT_EQ(get("/openings/posted/1/attributes", "case").status, 404);
}

BB_INSTANTIATE_BACKENDS(OpeningsHttpTest);

}  // namespace
}  // namespace openings_http
