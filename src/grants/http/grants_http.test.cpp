// Grants' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "grants/http/grants_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace grants_http {
namespace {

using grants::GrantService;

class GrantsHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<GrantService>(database(), m_clock, m_audit);
        m_templates.add("grants", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        m_a = enterprise("Sumak");
        m_b = enterprise("MinaGroup");
        session("consultant", core::Role::Consultant, 1, std::nullopt);
        session("case", core::Role::Caseworker, 3, std::nullopt);
        session("sumak", core::Role::Enterprise, 4, m_a);
        session("mina", core::Role::Enterprise, 5, m_b);
        session("buyer", core::Role::Buyer, 6, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
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
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }

    std::string body(std::int64_t enterprise_id, std::string amount, std::string extra = "") {
        return "enterprise_id=" + std::to_string(enterprise_id) + "&year=2018&amount=" + enc(amount) +
               "&source=" + enc("A.P. Møllers Støttefond") + "&purpose=" + enc("<b>Ressourcebank</b>") +
               extra;
    }

    std::int64_t grant_of(std::int64_t enterprise_id) {
        auto s = m_service->year_summary(2018, m_staff);
        if (!s.ok()) return 0;
        for (const auto& e : s->enterprises)
            if (e.enterprise_id == enterprise_id && !e.grants.empty()) return e.grants.front().id;
        return 0;
    }

    std::int64_t denied_rows() {
        auto r = database().read([&](db::Connection& c) {
            return c.query(
                "SELECT COUNT(*) FROM audit_log WHERE object_type = 'grant' AND outcome = 'denied'");
        });
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2019-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<GrantService> m_service;
    std::int64_t m_a = 0, m_b = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(GrantsHttpTest, ConsultantRecordsGrantsAndSeesSums) {
    auto form = get("/grants/new", "consultant");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "MinaGroup"));
    auto bad = post("/grants", "consultant", body(m_b, "0"));
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Beløbet skal være større end 0 kr."));
    EXPECT_TRUE(contains(bad, "A.P. Møllers Støttefond"));  // values kept
    auto absurd = post("/grants", "consultant", body(m_b, "5.000.000.000"));
    ASSERT_EQ(absurd.status, 422);
    EXPECT_TRUE(contains(absurd, "urealistisk"));
    ASSERT_EQ(post("/grants", "consultant", body(m_b, "150.000")).status, 303);
    ASSERT_EQ(post("/grants", "consultant", body(m_a, "475000,50", "&approximate=1")).status, 303);
    auto list = get("/grants?year=2018", "case");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(contains(list, "150.000 kr."));
    EXPECT_TRUE(contains(list, "ca. 475.000,50 kr."));
    EXPECT_TRUE(contains(list, "ca. 625.000,50 kr."));  // grand total, marked approximate
    EXPECT_TRUE(contains(list, "&lt;b&gt;Ressourcebank&lt;/b&gt;"));
    EXPECT_FALSE(contains(list, "/grants/new"));
    EXPECT_EQ(get("/grants?year=x", "case").status, 422);

    auto json = get("/api/v1/grants?year=2018", "case");
    ASSERT_EQ(json.status, 200) << json.body;
    EXPECT_TRUE(contains(json, "\"total_oere\":62500050"));
    EXPECT_TRUE(contains(json, "\"grant_count\":2"));
    EXPECT_EQ(get("/api/v1/grants?year=2018", "buyer").status, 403);
    EXPECT_EQ(get("/api/v1/grants?year=2018").status, 401);
}

TEST_P(GrantsHttpTest, EditAndDelete) {
    ASSERT_EQ(post("/grants", "consultant", body(m_b, "150.000")).status, 303);
    const std::string href = "/grants/" + std::to_string(grant_of(m_b));
    auto edit = get(href + "/edit", "consultant");
    ASSERT_EQ(edit.status, 200);
    EXPECT_TRUE(contains(edit, "value=\"150.000\""));
    EXPECT_EQ(post(href, "consultant", body(m_b, "-1")).status, 422);
    ASSERT_EQ(post(href, "consultant", body(m_b, "200.000")).status, 303);
    EXPECT_TRUE(contains(get("/grants?year=2018", "consultant"), "200.000 kr."));
    EXPECT_EQ(post(href + "/delete", "case", "").status, 403);
    ASSERT_EQ(post(href + "/delete", "consultant", "").status, 303);
    EXPECT_FALSE(contains(get("/grants?year=2018", "consultant"), "200.000 kr."));
}

TEST_P(GrantsHttpTest, EnterpriseUserOnlyItsOwn) {
    ASSERT_EQ(post("/grants", "consultant", body(m_b, "150.000")).status, 303);
    auto form = get("/grants/new", "sumak");
    ASSERT_EQ(form.status, 200);
    EXPECT_FALSE(contains(form, "MinaGroup"));
    ASSERT_EQ(post("/grants", "sumak", body(m_a, "25.000")).status, 303);
    auto mine = get("/grants?year=2018", "sumak");
    EXPECT_TRUE(contains(mine, "25.000 kr."));
    EXPECT_FALSE(contains(mine, "MinaGroup"));
    EXPECT_FALSE(contains(mine, "150.000 kr."));
    EXPECT_FALSE(contains(get("/api/v1/grants?year=2018", "sumak"), "MinaGroup"));

    const std::string theirs = "/grants/" + std::to_string(grant_of(m_b));
    EXPECT_EQ(get(theirs + "/edit", "sumak").status, 404);
    EXPECT_EQ(post(theirs, "sumak", body(m_a, "1")).status, 404);
    EXPECT_EQ(post(theirs + "/delete", "sumak", "").status, 404);
    EXPECT_EQ(post("/grants", "sumak", body(m_b, "1.000")).status, 404);
    EXPECT_GE(denied_rows(), 4);
    EXPECT_TRUE(contains(get("/grants?year=2018", "consultant"), "150.000 kr."));

    EXPECT_EQ(get("/grants", "buyer").status, 403);
    EXPECT_EQ(get("/grants/new", "case").status, 403);
    EXPECT_EQ(post("/grants", "case", body(m_a, "1")).status, 403);
}

BB_INSTANTIATE_BACKENDS(GrantsHttpTest);

}  // namespace
}  // namespace grants_http
