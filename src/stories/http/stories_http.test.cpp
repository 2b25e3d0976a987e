// Stories' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "stories/http/stories_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace stories_http {
namespace {

using stories::StoryService;

class StoriesHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<StoryService>(database(), m_clock, m_audit);
        m_templates.add("stories", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        m_a = enterprise("VeteranHaven");
        session("consultant", core::Role::Consultant, 1, std::nullopt);
        session("admin", core::Role::Admin, 2, std::nullopt);
        session("case", core::Role::Caseworker, 3, std::nullopt);
        session("veteran", core::Role::Enterprise, 4, m_a);
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

    std::string body(std::string title, bool published) {
        return "title=" + enc(title) + "&story_date=2018-04-03&body=" +
               enc("Samarbejdet <script>alert(1)</script> startede.\n\nAndet afsnit.") +
               "&enterprise_ids=" + std::to_string(m_a) + (published ? "&published=1" : "");
    }

    std::int64_t story_titled(const std::string& title) {
        auto list = m_service->for_year(2018, false, m_staff);
        if (!list.ok()) return 0;
        for (const auto& s : *list)
            if (s.title == title) return s.id;
        return 0;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2019-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<StoryService> m_service;
    std::int64_t m_a = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(StoriesHttpTest, ConsultantWritesStoryShownEscaped) {
    auto form = get("/stories/new", "consultant");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "VeteranHaven"));
    auto bad = post("/stories", "consultant", "title=&story_date=2018-02-30&body=" + enc("Teksten"));
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv en overskrift på historien."));
    EXPECT_TRUE(contains(bad, ">Teksten</textarea>"));
    ASSERT_EQ(post("/stories", "consultant", body("Veteraner på Sprogø", true)).status, 303);
    const std::string href = "/stories/" + std::to_string(story_titled("Veteraner på Sprogø"));
    auto page = get(href, "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_FALSE(contains(page, "<script>alert(1)"));
    EXPECT_TRUE(contains(page, "<p>Andet afsnit.</p>"));
    EXPECT_TRUE(contains(page, "VeteranHaven"));
    auto json = get("/api/v1/stories?year=2018", "veteran");
    ASSERT_EQ(json.status, 200);
    EXPECT_TRUE(contains(json, "Veteraner på Sprogø"));
    EXPECT_EQ(get("/api/v1/stories?year=18", "veteran").status, 422);
}

TEST_P(StoriesHttpTest, DraftsOnlyForConsultantAndAdmin) {
    ASSERT_EQ(post("/stories", "consultant", body("Hemmelig kladde", false)).status, 303);
    const std::string href = "/stories/" + std::to_string(story_titled("Hemmelig kladde"));
    EXPECT_EQ(get(href, "consultant").status, 200);
    EXPECT_EQ(get(href, "admin").status, 200);
    EXPECT_EQ(get(href, "case").status, 404);
    EXPECT_EQ(get(href, "veteran").status, 404);
    EXPECT_EQ(get(href, "buyer").status, 403);
    EXPECT_TRUE(contains(get("/stories?year=2018", "consultant"), "Hemmelig kladde"));
    EXPECT_FALSE(contains(get("/stories?year=2018", "case"), "Hemmelig kladde"));
    EXPECT_FALSE(contains(get("/api/v1/stories?year=2018", "veteran"), "Hemmelig kladde"));
    EXPECT_EQ(get("/stories", "buyer").status, 403);
}

TEST_P(StoriesHttpTest, EditPublishAndDelete) {
    ASSERT_EQ(post("/stories", "consultant", body("Kladde", false)).status, 303);
    const std::string href = "/stories/" + std::to_string(story_titled("Kladde"));
    auto edit = get(href + "/edit", "consultant");
    ASSERT_EQ(edit.status, 200);
    EXPECT_TRUE(contains(edit, "value=\"Kladde\""));
    EXPECT_EQ(get(href + "/edit", "case").status, 403);
    EXPECT_EQ(post(href, "case", body("x", true)).status, 403);
    ASSERT_EQ(post(href, "admin", body("Kladde", true)).status, 303);
    EXPECT_EQ(get(href, "case").status, 200);
    EXPECT_EQ(post(href + "/delete", "veteran", "").status, 403);
    ASSERT_EQ(post(href + "/delete", "consultant", "").status, 303);
    EXPECT_EQ(get(href, "consultant").status, 404);
}

BB_INSTANTIATE_BACKENDS(StoriesHttpTest);

}  // namespace
}  // namespace stories_http
