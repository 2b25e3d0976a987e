// Evaluation pages and JSON through the real web::Dispatcher (routes, access rules, templates)
// over the Slagelse 2018 data set, without sockets, on every storage backend.
#include "evaluation/http/evaluation_http.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "web/templates.hpp"

namespace evaluation_http {
namespace {

class EvaluationHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<evaluation::EvaluationService>(database(), m_clock, m_audit);
        m_templates.add("evaluation", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();

        for (const char* name : {"Sumak", "VeteranHaven"}) {
            enterprises::EnterpriseInput in;
            in.name = name;
            in.kind = "social_enterprise";
            in.municipality = "Slagelse";
            in.status = "established";
            in.status_date = "2015-01-01";
            auto r = m_enterprises->create(in, core::Actor::system("test"));
            ASSERT_TRUE(r.ok());
            if (std::string(name) == "Sumak") m_sumak = r->id;
        }
        auto s = evaluation::load_slagelse_2018(database(), m_clock);
        ASSERT_TRUE(s.ok());
        m_summary = *s;
        session("consultant", core::Role::Consultant, 1, std::nullopt);
        session("case", core::Role::Caseworker, 2, std::nullopt);
        session("admin", core::Role::Admin, 3, std::nullopt);
        session("sumak", core::Role::Enterprise, 4, m_sumak);
        session("buyer", core::Role::Buyer, 5, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::string evaluation_path(std::int64_t id, bool api = false) const {
        return std::string(api ? "/api/v1" : "") + "/agreements/" + std::to_string(id) +
               "/evaluation?from=2016-08-01&to=2018-08-01";
    }

    /// Names and case references of every citizen in the data set.
    std::vector<std::string> identities() {
        std::vector<std::string> out;
        auto r = database().read([&](db::Connection& c) -> core::Result<void> {
            BB_ASSIGN(auto rows, c.query("SELECT name, case_ref FROM citizens"));
            for (const auto& row : rows.rows) {
                out.push_back(row.text(0));
                out.push_back(row.text(1));
            }
            return {};
        });
        EXPECT_TRUE(r.ok());
        return out;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-24T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<evaluation::EvaluationService> m_service;
    evaluation::Summary m_summary;
    std::int64_t m_sumak = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(EvaluationHttpTest, EvaluationPageAnswersTheEightQuestions) {
    auto page = get(evaluation_path(m_summary.agreement_1), "consultant");
    ASSERT_EQ(page.status, 200) << page.body;
    for (const char* heading :
         {"1. Er forløbene i brug?", "2. Har deltageren en plan?", "3. Har deltageren ejerskab",
          "4. Sker opfølgningen?", "5. Får sagsbehandlere", "6. Hvad opnår deltagerne?",
          "7. Overblik efter endt forløb", "8. Samarbejdet med virksomheden"})
        EXPECT_TRUE(contains(page, heading)) << heading;
    EXPECT_TRUE(contains(page, "Afsluttede forløb i alt: 25. Fortsat i forløb: 4."));
    EXPECT_TRUE(contains(page, "Gået i job, uddannelse eller fleksjob: 10 af 25 (40 %)."));
    EXPECT_TRUE(contains(page, "Stoppet: 4 af 25 (16 %)."));
    EXPECT_TRUE(contains(page, "20 har en plan, heraf 20 lavet inden fristen"));
    EXPECT_TRUE(contains(page, "3 er i gang med at få lavet en plan"));
    EXPECT_FALSE(contains(page, "Årsager til manglende plan"));  // consultants: figures only
    auto two = get(evaluation_path(m_summary.agreement_2), "case");
    ASSERT_EQ(two.status, 200) << two.body;
    EXPECT_TRUE(contains(two, "22 af 34 (64 %)"));
    EXPECT_TRUE(contains(two, "Årsager til manglende plan"));
    EXPECT_TRUE(contains(two, "I arbejdsprøvning"));
}

TEST_P(EvaluationHttpTest, NoNamesOrCaseReferencesForConsultants) {
    const auto ids = identities();
    ASSERT_GT(ids.size(), 100U);
    const std::vector<std::string> bodies = {
        get(evaluation_path(m_summary.agreement_1), "consultant").body,
        get(evaluation_path(m_summary.agreement_2), "consultant").body,
        get(evaluation_path(m_summary.agreement_2, true), "consultant").body,
        get("/evaluation/compare?from=2016-08-01&to=2018-08-01", "consultant").body,
        get("/api/v1/evaluation/compare?from=2016-08-01&to=2018-08-01", "consultant").body,
    };
    for (const auto& body : bodies) {
        EXPECT_EQ(body.find("DEMO-"), std::string::npos);
        for (const auto& id : ids) EXPECT_EQ(body.find(id), std::string::npos) << id;
    }
}

TEST_P(EvaluationHttpTest, JsonCarriesNumeratorAndDenominator) {
    auto json = get(evaluation_path(m_summary.agreement_1, true), "consultant");
    ASSERT_EQ(json.status, 200) << json.body;
    EXPECT_TRUE(contains(
        json,
        "\"success\":{\"denominator\":25,\"numerator\":10,\"percent\":40,\"text\":\"10 af 25 (40 %)\"}"))
        << json.body.substr(0, 2000);
    EXPECT_TRUE(contains(json, "\"completed\":25"));
    EXPECT_EQ(get("/api/v1/agreements/" + std::to_string(m_summary.agreement_1) + "/evaluation?from=x",
                  "consultant")
                  .status,
              422);
    EXPECT_EQ(get("/api/v1/agreements/999999/evaluation", "consultant").status, 404);
    auto compare = get("/api/v1/evaluation/compare?from=2016-08-01&to=2018-08-01", "admin");
    ASSERT_EQ(compare.status, 200);
    EXPECT_TRUE(contains(compare, "\"price_per_placement_ore\":950000"));
}

TEST_P(EvaluationHttpTest, ComparisonPageShowsPricesAndHowTheyAreComputed) {
    auto page = get("/evaluation/compare?from=2016-08-01&to=2018-08-01", "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Samarbejdsaftale 1: Forløb i Sumak"));
    EXPECT_TRUE(contains(page, "9.500,00 kr. pr. forløb × 42 forløb startet i perioden"));
    EXPECT_TRUE(contains(page, "3.000,00 kr. pr. plads pr. måned × 8 pladser × 24 hele måneder"));
    auto empty = get("/evaluation/compare?from=2010-01-01&to=2010-12-31", "consultant");
    ASSERT_EQ(empty.status, 200);
    EXPECT_TRUE(contains(empty, "Ingen samarbejdsaftaler løb i perioden"));
    auto bad = get("/evaluation/compare?from=2018-08-01&to=2018-01-01", "consultant");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Periodens sidste dag kan ikke ligge før den første."));
    auto none = get(
        "/agreements/" + std::to_string(m_summary.agreement_1) + "/evaluation?from=2010-01-01&to=2010-12-31",
        "consultant");
    ASSERT_EQ(none.status, 200);
    EXPECT_TRUE(contains(none, "Der er ingen forløb i perioden"));
}

TEST_P(EvaluationHttpTest, EnterpriseAndBuyerAreForbidden) {
    for (const char* who : {"sumak", "buyer"}) {
        EXPECT_EQ(get(evaluation_path(m_summary.agreement_1), who).status, 403) << who;
        EXPECT_EQ(get(evaluation_path(m_summary.agreement_1, true), who).status, 403) << who;
        EXPECT_EQ(get("/evaluation/compare", who).status, 403) << who;
        EXPECT_EQ(get("/api/v1/evaluation/compare", who).status, 403) << who;
    }
    EXPECT_EQ(get(evaluation_path(m_summary.agreement_1)).status, 303);
    EXPECT_EQ(get("/agreements/999999/evaluation", "consultant").status, 404);
}

BB_INSTANTIATE_BACKENDS(EvaluationHttpTest);

}  // namespace
}  // namespace evaluation_http
