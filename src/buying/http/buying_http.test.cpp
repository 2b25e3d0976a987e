// Buying's pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "buying/http/buying_http.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "catalogue/catalogue_service.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "web/forms.hpp"
#include "web/templates.hpp"

namespace buying_http {
namespace {

using buying::BuyingService;

class BuyingHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_catalogue = std::make_unique<catalogue::CatalogueService>(database(), m_clock, m_audit);
        m_service = std::make_unique<BuyingService>(database(), m_clock, m_audit, *m_catalogue);
        m_templates.add("buying", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();

        m_a = enterprise("Sumak");
        m_b = enterprise("Grøn Fokus");
        m_item_a = item(m_a, "Frokostbuffet");
        m_draft_a = item(m_a, "Kladde", false);
        session("consultant", core::Role::Consultant, 1, std::nullopt);
        session("sumak", core::Role::Enterprise, 2, m_a);
        session("gron", core::Role::Enterprise, 3, m_b);
        session("buyer", core::Role::Buyer, 4, std::nullopt);
        session("buyer2", core::Role::Buyer, 5, std::nullopt);
        session("case", core::Role::Caseworker, 6, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_catalogue.reset();
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

    std::int64_t item(std::int64_t enterprise_id, std::string title, bool publish = true) {
        catalogue::ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = std::move(title);
        in.category = "mad_catering";
        auto r = m_catalogue->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        if (r.ok() && publish) {
            EXPECT_TRUE(m_catalogue->publish(r->id, m_staff).ok());
        }
        return r.ok() ? r->id : 0;
    }

    std::int64_t send_request() {
        auto r =
            post("/buying/requests", "buyer",
                 "item_id=" + std::to_string(m_item_a) + "&buyer_organisation=" + enc("Slagelse Kommune") +
                     "&message=" + enc("Kan I levere til 40?") + "&quantity=40");
        EXPECT_EQ(r.status, 303) << r.body;
        auto list = m_service->list_requests("", m_staff_consultant);
        return list.ok() && !list->empty() ? list->front().id : 0;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    core::Actor m_staff_consultant = [] {
        core::Actor a;
        a.role = core::Role::Consultant;
        a.user_id = 1;
        return a;
    }();
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<catalogue::CatalogueService> m_catalogue;
    std::unique_ptr<BuyingService> m_service;
    std::int64_t m_a = 0, m_b = 0, m_item_a = 0, m_draft_a = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(BuyingHttpTest, RequestFlowThroughPages) {
    auto form = get("/buying/requests/new?item=" + std::to_string(m_item_a), "buyer");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "Frokostbuffet"));
    EXPECT_TRUE(contains(form, "name=\"csrf_token\""));
    EXPECT_EQ(get("/buying/requests/new?item=" + std::to_string(m_draft_a), "buyer").status, 404);
    EXPECT_EQ(get("/buying/requests/new?item=abc", "buyer").status, 404);
    EXPECT_EQ(get("/buying/requests/new?item=" + std::to_string(m_item_a), "sumak").status, 403);

    auto invalid = post("/buying/requests", "buyer", "item_id=" + std::to_string(m_item_a) + "&message=");
    ASSERT_EQ(invalid.status, 422) << invalid.body;
    EXPECT_TRUE(contains(invalid, "Skriv din forespørgsel til virksomheden."));
    EXPECT_TRUE(contains(invalid, "Skriv navnet på den organisation"));
    EXPECT_EQ(post("/buying/requests", "buyer", "item_id=" + std::to_string(m_draft_a) + "&message=x").status,
              404);

    const std::int64_t id = send_request();
    ASSERT_GT(id, 0);
    const std::string href = "/buying/requests/" + std::to_string(id);

    auto inbox = get("/buying/requests", "sumak");
    ASSERT_EQ(inbox.status, 200);
    EXPECT_TRUE(contains(inbox, "Frokostbuffet"));
    EXPECT_TRUE(contains(inbox, "Afventer svar"));
    EXPECT_FALSE(contains(get("/buying/requests", "gron"), "Frokostbuffet"));
    EXPECT_FALSE(contains(get("/buying/requests", "buyer2"), "Frokostbuffet"));
    EXPECT_TRUE(contains(get("/buying/requests", "buyer"), "Frokostbuffet"));
    EXPECT_TRUE(contains(get("/buying/requests", "consultant"), "Frokostbuffet"));

    // Other enterprise and other buyer: 404; caseworker: 403.
    EXPECT_EQ(get(href, "gron").status, 404);
    EXPECT_EQ(get(href, "buyer2").status, 404);
    EXPECT_EQ(get(href, "case").status, 403);
    EXPECT_EQ(post(href + "/answer", "gron", "status=answered&answer=hej").status, 404);
    EXPECT_EQ(post(href + "/answer", "buyer", "status=answered&answer=hej").status, 403);

    auto page = get(href, "sumak");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Kan I levere til 40?"));
    EXPECT_TRUE(contains(page, "Send svar"));
    auto bad = post(href + "/answer", "sumak", "status=answered&answer=");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv et svar til køberen."));
    auto ok = post(href + "/answer", "sumak", "status=answered&answer=" + enc("Ja, gerne."));
    ASSERT_EQ(ok.status, 303) << ok.body;
    auto seen = get(href, "buyer");
    ASSERT_EQ(seen.status, 200);
    EXPECT_TRUE(contains(seen, "Ja, gerne."));
    EXPECT_TRUE(contains(seen, "Besvaret"));
    EXPECT_FALSE(contains(seen, "Send svar"));
}

TEST_P(BuyingHttpTest, AgreementsPurchasesAndSpend) {
    EXPECT_EQ(get("/buying/agreements/new", "consultant").status, 200);
    auto bad = post("/buying/agreements", "consultant",
                    "buyer_organisation=X&enterprise_id=" + std::to_string(m_a) +
                        "&title=Gaver&start_date=2025-02-01&end_date=2025-01-01");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Slutdatoen kan ikke ligge før startdatoen."));
    auto ok = post("/buying/agreements", "buyer",
                   "buyer_organisation=" + enc("Slagelse Kommune") + "&enterprise_id=" + std::to_string(m_a) +
                       "&title=Gaver&start_date=2024-01-01");
    ASSERT_EQ(ok.status, 303) << ok.body;
    EXPECT_TRUE(contains(get("/buying/agreements", "buyer"), "Gaver"));
    EXPECT_FALSE(contains(get("/buying/agreements", "buyer2"), "Gaver"));
    EXPECT_TRUE(contains(get("/buying/agreements", "consultant"), "Gaver"));
    EXPECT_EQ(get("/buying/agreements", "sumak").status, 403);

    EXPECT_EQ(get("/buying/purchases/new", "buyer").status, 200);
    auto invalid =
        post("/buying/purchases", "buyer",
             "purchase_date=2024-05-01&amount=0&buyer_organisation=X&enterprise_id=" + std::to_string(m_a));
    ASSERT_EQ(invalid.status, 422);
    EXPECT_TRUE(contains(invalid, "Beløbet skal være større end 0 kr."));
    auto purchase = post("/buying/purchases", "buyer",
                         "purchase_date=2024-05-01&amount=" + enc("1.250,50") + "&buyer_organisation=" +
                             enc("Slagelse Kommune") + "&enterprise_id=" + std::to_string(m_a));
    ASSERT_EQ(purchase.status, 303) << purchase.body;
    EXPECT_TRUE(contains(get("/buying/purchases?year=2024", "buyer"), "1.250,50 kr."));
    EXPECT_FALSE(contains(get("/buying/purchases", "buyer2"), "1.250,50 kr."));
    EXPECT_EQ(get("/buying/purchases?year=abc", "buyer").status, 422);

    auto spend = get("/buying/spend?year=2024", "consultant");
    ASSERT_EQ(spend.status, 200) << spend.body;
    EXPECT_TRUE(contains(spend, "i alt 1.250,50 kr."));
    EXPECT_TRUE(contains(spend, "Slagelse Kommune"));
    EXPECT_TRUE(contains(spend, "Sumak"));
    EXPECT_EQ(get("/buying/spend?year=x", "consultant").status, 422);
    EXPECT_EQ(get("/buying/spend", "buyer").status, 403);

    auto json = get("/api/v1/buying/spend?year=2024", "consultant");
    ASSERT_EQ(json.status, 200) << json.body;
    EXPECT_TRUE(contains(json, "\"total_oere\":125050"));
    EXPECT_TRUE(contains(json, "\"year\":2024"));
    EXPECT_EQ(get("/api/v1/buying/spend?year=x", "consultant").status, 422);
    EXPECT_EQ(get("/api/v1/buying/spend").status, 401);
}

TEST_P(BuyingHttpTest, AnonymousIsSentToLogin) {
    auto r = get("/buying/requests");
    EXPECT_EQ(r.status, 303);
}

BB_INSTANTIATE_BACKENDS(BuyingHttpTest);

}  // namespace
}  // namespace buying_http
