// The catalogue's pages and JSON through the real web::Dispatcher (routes, access rules,
// templates, CSRF), without sockets, on every storage backend.
#include "catalogue/http/catalogue_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "web/forms.hpp"

namespace catalogue_http {
namespace {

using catalogue::CatalogueService;

class CatalogueHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<CatalogueService>(database(), m_clock, m_audit);
        m_templates.add("catalogue", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();

        m_a = enterprise("Sumak", "social_enterprise");
        m_b = enterprise("Grøn Fokus", "initiative");
        session("consultant", core::Role::Consultant, 0, std::nullopt);
        session("sumak", core::Role::Enterprise, 0, m_a);
        session("buyer", core::Role::Buyer, 0, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string kind) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = std::move(kind);
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        in.website = "https://www.eksempel.dk";
        auto r = m_enterprises->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        if (r.ok()) {
            EXPECT_TRUE(m_enterprises->add_contact(r->id, {"Anne Åberg", "", "", "87654321"}, m_staff).ok());
        }
        return r.ok() ? r->id : 0;
    }

    catalogue::Item item(std::int64_t enterprise_id, std::string title, bool publish = true) {
        catalogue::ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = std::move(title);
        in.description = "Beskrivelse af varen.";
        in.category = "mad_catering";
        in.price = "125";
        in.unit = "kuvert";
        auto r = m_service->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        if (r.ok() && publish) {
            EXPECT_TRUE(m_service->publish(r->id, m_staff).ok());
        }
        return r.ok() ? *r : catalogue::Item{};
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<CatalogueService> m_service;
    std::int64_t m_a = 0;
    std::int64_t m_b = 0;
};

TEST_P(CatalogueHttpTest, PublicPagesWorkWithoutLogin) {
    auto pub = item(m_a, "Æblerne fra haven");
    auto draft = item(m_a, "Hemmelig kladde", false);
    auto page = get("/katalog");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(has(page, "Æblerne fra haven"));
    EXPECT_FALSE(has(page, "Hemmelig kladde"));
    EXPECT_TRUE(has(page, "Fundet: 1 vare eller ydelse"));
    auto search = get("/katalog?q=" + web::encode_query_value("æbler"));
    ASSERT_EQ(search.status, 200);
    EXPECT_TRUE(has(search, "Æblerne fra haven"));
    EXPECT_TRUE(has(search, "125,00 kr. pr. kuvert"));

    auto one = get("/katalog/" + std::to_string(pub.id));
    ASSERT_EQ(one.status, 200);
    EXPECT_TRUE(has(one, "/virksomheder/" + std::to_string(m_a)));
    EXPECT_EQ(get("/katalog/" + std::to_string(draft.id)).status, 404);
    EXPECT_EQ(get("/katalog/999999").status, 404);
    EXPECT_EQ(get("/katalog/abc").status, 404);

    auto profile = get("/virksomheder/" + std::to_string(m_a));
    ASSERT_EQ(profile.status, 200);
    EXPECT_TRUE(has(profile, "Sumak"));
    EXPECT_TRUE(has(profile, "https://www.eksempel.dk"));
    EXPECT_TRUE(has(profile, "Æblerne fra haven"));
    EXPECT_FALSE(has(profile, "Hemmelig kladde"));
    EXPECT_FALSE(has(profile, "87654321"));  // contact persons are not public
    EXPECT_FALSE(has(profile, "Anne Åberg"));
    EXPECT_EQ(get("/virksomheder/" + std::to_string(m_b)).status, 404);  // no published items
    EXPECT_EQ(get("/virksomheder/999999").status, 404);
}

TEST_P(CatalogueHttpTest, SearchSyntaxAndOversizeNeverFail) {
    item(m_a, "Kager og brød");
    for (std::string q :
         {"\"", "*", "NEAR(", "OR", "-", "kage OR", "\"kage", "(kage", "kage*", "'", ":*", "&|!"}) {
        auto page = get("/katalog?q=" + web::encode_query_value(q));
        EXPECT_EQ(page.status, 200) << q;
        auto json = get("/api/v1/catalogue?q=" + web::encode_query_value(q));
        EXPECT_EQ(json.status, 200) << q;
    }
    auto quoted = get("/api/v1/catalogue?q=" + web::encode_query_value("\"kage\""));
    EXPECT_TRUE(has(quoted, "Kager og brød"));
    auto too_long = get("/katalog?q=" + std::string(300, 'a'));
    EXPECT_EQ(too_long.status, 422);
    EXPECT_TRUE(has(too_long, "Søgeteksten må højst være 200 tegn."));
    auto too_long_json = get("/api/v1/catalogue?q=" + std::string(300, 'a'));
    EXPECT_EQ(too_long_json.status, 422);
    EXPECT_TRUE(has(too_long_json, "\"q\""));
}

TEST_P(CatalogueHttpTest, JsonApi) {
    auto pub = item(m_a, "Frokost");
    auto draft = item(m_a, "Kladde", false);
    auto list = get("/api/v1/catalogue?sort=price");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(has(list, "\"total\":1"));
    EXPECT_TRUE(has(list, "\"price_oere\":12500"));
    EXPECT_FALSE(has(list, "Kladde"));
    EXPECT_EQ(get("/api/v1/catalogue/" + std::to_string(pub.id)).status, 200);
    EXPECT_EQ(get("/api/v1/catalogue/" + std::to_string(draft.id)).status, 404);
}

TEST_P(CatalogueHttpTest, ManagementPagesAndAccess) {
    auto other = item(m_b, "Grønt arbejde");
    // Anonymous → login; buyer → 403.
    EXPECT_EQ(get("/catalogue/items").status, 303);
    EXPECT_EQ(get("/catalogue/items", "buyer").status, 403);
    auto list = get("/catalogue/items", "consultant");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(has(list, "Grønt arbejde"));
    ASSERT_EQ(get("/catalogue/items/new", "consultant").status, 200);
    ASSERT_EQ(get("/catalogue/items/new", "sumak").status, 200);

    // Create with errors: the form again with field messages.
    auto bad = post("/catalogue/items", "sumak", "title=&category=&price=abc");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(has(bad, "Skriv en titel på varen eller ydelsen."));
    // Create as an enterprise user: always for its own enterprise.
    auto created = post(
        "/catalogue/items", "sumak",
        "enterprise_id=" + std::to_string(m_b) + "&title=Sandwich&category=mad_catering&price=45&unit=stk.");
    ASSERT_EQ(created.status, 303) << created.body;
    auto own = m_service->list({}, core::Actor{0, "x", core::Role::Enterprise, m_a});
    ASSERT_TRUE(own.ok());
    ASSERT_EQ(own->total, 1);
    const std::string id = std::to_string(own->items[0].id);
    EXPECT_EQ(get("/catalogue/items/" + id + "/edit", "sumak").status, 200);
    EXPECT_EQ(post("/catalogue/items/" + id + "/publish", "sumak", "").status, 303);
    EXPECT_EQ(get("/katalog/" + id).status, 200);
    EXPECT_EQ(post("/catalogue/items/" + id + "/unpublish", "sumak", "").status, 303);
    EXPECT_EQ(get("/katalog/" + id).status, 404);

    // Another enterprise's item: 404 everywhere, nothing changed.
    const std::string other_id = std::to_string(other.id);
    EXPECT_EQ(get("/catalogue/items/" + other_id + "/edit", "sumak").status, 404);
    EXPECT_EQ(post("/catalogue/items/" + other_id, "sumak", "title=Overtaget&category=mad_catering").status,
              404);
    EXPECT_EQ(post("/catalogue/items/" + other_id + "/unpublish", "sumak", "").status, 404);
    EXPECT_EQ(post("/catalogue/items/" + other_id + "/delete", "sumak", "").status, 404);
    EXPECT_EQ(get("/katalog/" + other_id).status, 200);

    // Missing CSRF token → refused.
    EXPECT_EQ(request(web::Method::Post, "/catalogue/items/" + id + "/delete", "sumak",
                      "application/x-www-form-urlencoded")
                  .status,
              403);

    EXPECT_EQ(post("/catalogue/items/" + id + "/delete", "sumak", "").status, 303);
    EXPECT_FALSE(m_service->get(own->items[0].id, m_staff).ok());
}

BB_INSTANTIATE_BACKENDS(CatalogueHttpTest);

}  // namespace
}  // namespace catalogue_http
