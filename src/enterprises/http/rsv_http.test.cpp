// The RSV pages and API through the real web::Dispatcher (sessions faked by hooks) on every
// storage backend: templates render, forms keep input and show field errors, the dividend
// warning appears, record-level access holds.
#include "enterprises/http/rsv_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "enterprises/http/enterprises_http.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace enterprises_http {
namespace {

class RsvHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<enterprises::RsvService>(database(), m_clock, m_audit);
        m_templates.add("enterprises", templates());
        make_site();
        register_rsv_routes(m_router, *m_site, *m_service);
        register_routes(m_router, *m_site, *m_enterprises);
        start_dispatcher();
        // "enterprise" belongs to enterprise 1, "enterprise2" to enterprise 2.
        role_sessions(0, 1);
        session("enterprise2", core::Role::Enterprise, 0, 2);
        for (std::string name : {"Sumak", "Bryggeriet"}) {
            enterprises::EnterpriseInput in;
            in.name = name;
            in.kind = "social_enterprise";
            in.municipality = "Slagelse";
            in.status = "established";
            in.status_date = "2018-01-01";
            ASSERT_TRUE(m_enterprises->create(in, core::Actor::system()).ok());
        }
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<enterprises::RsvService> m_service;
};

TEST_P(RsvHttpTest, ChecklistPageAndSave) {
    auto page = get("/enterprises/1/rsv", "consultant");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(has(page, "Samfundsgavnligt formål"));
    EXPECT_TRUE(has(page, "name=\"social_purpose_met\""));
    EXPECT_TRUE(has(page, "id=\"profit_handling_evidence\""));
    EXPECT_TRUE(has(page, "0 af 5 kriterier er opfyldt."));
    EXPECT_TRUE(has(page, "Der er ingen årsredegørelser endnu."));

    // A "yes" without evidence: 422, the input kept, the error on the field.
    auto bad = post("/enterprises/1/rsv", "consultant",
                    "social_purpose_met=yes&trade_met=partly&trade_evidence=Salg+%3Cb%3E");
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(has(bad, "href=\"#social_purpose_evidence\""));
    EXPECT_TRUE(has(bad, "Salg &lt;b&gt;"));
    EXPECT_TRUE(has(bad, "id=\"trade_met-partly\" name=\"trade_met\" value=\"partly\" checked"));

    auto ok = post("/enterprises/1/rsv", "enterprise",
                   "social_purpose_met=yes&social_purpose_evidence=Vedt%C3%A6gter&trade_met=no");
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_EQ(ok.header("location").value_or(""), "/enterprises/1/rsv");
    auto after = get("/enterprises/1/rsv", "caseworker");
    ASSERT_EQ(after.status, 200);
    EXPECT_TRUE(has(after, "1 af 5 kriterier er opfyldt."));
    EXPECT_TRUE(has(after, "Vedtægter"));
    EXPECT_FALSE(has(after, "<form method=\"post\" action=\"/enterprises/1/rsv\""));  // read-only

    auto json = get("/api/v1/enterprises/1/rsv", "consultant");
    ASSERT_EQ(json.status, 200);
    EXPECT_TRUE(has(json, "\"met_count\":1"));
}

TEST_P(RsvHttpTest, StatementsWithTheDividendWarning) {
    auto form = get("/enterprises/1/rsv/statements/new", "consultant");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(has(form, "value=\"2024\""));
    EXPECT_TRUE(has(form, "id=\"profit_after_tax\""));

    auto created = post("/enterprises/1/rsv/statements", "consultant",
                        "year=2024&profit_after_tax=1.000.000&dividend=350.100&purpose_statement=Job");
    ASSERT_EQ(created.status, 303) << created.body;
    auto page = get("/enterprises/1/rsv", "consultant");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(has(page, "alert alert-warning"));
    EXPECT_TRUE(has(page, "Udbyttet for 2024 overstiger 35 % af overskuddet efter skat"));
    EXPECT_TRUE(has(page, "1.000.000,00 kr."));

    auto duplicate = post("/enterprises/1/rsv/statements", "consultant", "year=2024&profit_after_tax=5");
    ASSERT_EQ(duplicate.status, 409) << duplicate.body;
    EXPECT_TRUE(has(duplicate, "Der findes allerede en årsredegørelse for 2024."));
    EXPECT_TRUE(has(duplicate, "href=\"#year\""));

    auto invalid = post("/enterprises/1/rsv/statements", "consultant", "year=2023&profit_after_tax=mange");
    ASSERT_EQ(invalid.status, 422);
    EXPECT_TRUE(has(invalid, "href=\"#profit_after_tax\""));
    EXPECT_TRUE(has(invalid, "value=\"mange\""));

    auto edit = post("/enterprises/1/rsv/statements/2024", "enterprise",
                     "year=2024&profit_after_tax=1.000.000&dividend=350.000");
    ASSERT_EQ(edit.status, 303) << edit.body;
    auto shown = get("/enterprises/1/rsv/statements/2024", "caseworker");
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_FALSE(has(shown, "alert alert-warning"));
    EXPECT_TRUE(has(shown, "350.000,00 kr. (35,0 %)"));
    EXPECT_FALSE(has(get("/enterprises/1/rsv", "consultant"), "alert alert-warning"));
    EXPECT_EQ(get("/enterprises/1/rsv/statements/2019", "consultant").status, 404);
}

TEST_P(RsvHttpTest, RecordLevelAccess) {
    EXPECT_EQ(get("/enterprises/1/rsv", "enterprise2").status, 404);
    EXPECT_EQ(get("/api/v1/enterprises/1/rsv", "enterprise2").status, 404);
    EXPECT_EQ(post("/enterprises/1/rsv", "enterprise2", "trade_met=no").status, 404);
    EXPECT_EQ(get("/enterprises/1/rsv/statements/new", "enterprise2").status, 404);
    EXPECT_EQ(post("/enterprises/1/rsv/statements", "enterprise2", "year=2024&profit_after_tax=1").status,
              404);
    EXPECT_EQ(get("/enterprises/2/rsv", "enterprise2").status, 200);
    EXPECT_EQ(get("/enterprises/1/rsv", "buyer").status, 403);
    EXPECT_EQ(post("/enterprises/1/rsv", "caseworker", "trade_met=no").status, 403);
    EXPECT_EQ(get("/enterprises/1/rsv/statements/new", "caseworker").status, 403);
    EXPECT_EQ(get("/enterprises/99/rsv", "admin").status, 404);
    EXPECT_EQ(get("/enterprises/1/rsv", "").status, 303);  // login redirect
}

BB_INSTANTIATE_BACKENDS(RsvHttpTest);

}  // namespace
}  // namespace enterprises_http
