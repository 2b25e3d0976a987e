// Events' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "events/http/events_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"

namespace events_http {
namespace {

using events::EventService;

class EventsHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<EventService>(database(), m_clock, m_audit);
        m_templates.add("events", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        m_a = enterprise("Sumak");
        m_b = enterprise("VeteranHaven");
        session("consultant", core::Role::Consultant, 1, std::nullopt);
        session("admin", core::Role::Admin, 2, std::nullopt);
        session("case", core::Role::Caseworker, 3, std::nullopt);
        session("sumak", core::Role::Enterprise, 4, m_a);
        session("veteran", core::Role::Enterprise, 5, m_b);
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

    std::int64_t latest_event() {
        auto s = m_service->year_summary(2018, m_staff);
        return s.ok() && !s->events.empty() ? s->events.back().id : 0;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2018-12-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<EventService> m_service;
    std::int64_t m_a = 0, m_b = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(EventsHttpTest, ConsultantRecordsMeetingAndSeesCounts) {
    auto form = get("/events/new", "consultant");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "invited_" + std::to_string(m_a)));
    EXPECT_TRUE(contains(form, "name=\"csrf_token\""));

    auto bad = post("/events", "consultant",
                    "held_on=2018-02-30&kind=network_meeting&title=&other_name_0=" + enc("Røde Kors"));
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(contains(bad, "Skriv en titel"));
    EXPECT_TRUE(contains(bad, "value=\"Røde Kors\""));  // typed values are kept

    const std::string a = std::to_string(m_a);
    auto ok = post("/events", "consultant",
                   "held_on=2018-05-23&kind=network_meeting&title=" + enc("Netværksmøde om fundraising") +
                       "&theme=Fundraising&summary=" + enc("<script>alert(1)</script>") + "&invited_" + a +
                       "=1&present_" + a + "=1&other_name_0=" + enc("Jan Hansen, Practicum") +
                       "&other_invited_0=1&other_present_0=1");
    ASSERT_EQ(ok.status, 303) << ok.body;
    ASSERT_EQ(post("/events", "admin", "held_on=2019-01-30&kind=network_meeting&title=Planlagt").status, 303);
    const std::int64_t id = latest_event();
    ASSERT_GT(id, 0);

    auto detail = get("/events/" + std::to_string(id), "consultant");
    ASSERT_EQ(detail.status, 200);
    EXPECT_TRUE(contains(detail, "Jan Hansen, Practicum"));
    EXPECT_TRUE(contains(detail, "Sumak"));
    EXPECT_TRUE(contains(detail, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    EXPECT_FALSE(contains(detail, "<script>alert(1)"));

    auto list = get("/events?year=2018", "case");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_TRUE(contains(list, "data-count=\"network_meetings\">1<"));
    EXPECT_TRUE(contains(list, "data-count=\"network_meetings_next_year\">1<"));
    EXPECT_TRUE(contains(list, "Netværksmøde om fundraising"));
    EXPECT_FALSE(contains(list, "/events/new"));
    EXPECT_EQ(get("/events?year=abc", "case").status, 422);

    auto json = get("/api/v1/events?year=2018", "case");
    ASSERT_EQ(json.status, 200) << json.body;
    EXPECT_TRUE(contains(json, "\"network_meetings\":1"));
    EXPECT_TRUE(contains(json, "\"network_meetings_next_year\":1"));
    EXPECT_TRUE(contains(json, "\"year\":2018"));
    EXPECT_EQ(get("/api/v1/events?year=x", "case").status, 422);
    EXPECT_EQ(get("/api/v1/events?year=2018", "buyer").status, 403);
    EXPECT_EQ(get("/api/v1/events?year=2018").status, 401);
}

TEST_P(EventsHttpTest, EditAndDelete) {
    ASSERT_EQ(post("/events", "consultant", "held_on=2018-05-23&kind=market_day&title=Markedsdag").status,
              303);
    const std::int64_t id = latest_event();
    const std::string href = "/events/" + std::to_string(id);
    auto edit = get(href + "/edit", "consultant");
    ASSERT_EQ(edit.status, 200);
    EXPECT_TRUE(contains(edit, "value=\"Markedsdag\""));
    auto bad = post(href, "consultant", "held_on=2018-05-23&kind=x&title=Markedsdag");
    EXPECT_EQ(bad.status, 422);
    ASSERT_EQ(
        post(href, "consultant", "held_on=2018-06-01&kind=market_day&title=" + enc("Markedsdag på torvet"))
            .status,
        303);
    EXPECT_TRUE(contains(get(href, "case"), "Markedsdag på torvet"));
    EXPECT_EQ(post(href + "/delete", "case", "").status, 403);
    ASSERT_EQ(post(href + "/delete", "consultant", "").status, 303);
    EXPECT_EQ(get(href, "consultant").status, 404);
    EXPECT_EQ(get("/events/999999/edit", "consultant").status, 404);
}

TEST_P(EventsHttpTest, RolesAndRecords) {
    const std::string b = std::to_string(m_b);
    ASSERT_EQ(
        post("/events", "consultant", "held_on=2018-05-23&kind=network_meeting&title=M&invited_" + b + "=1")
            .status,
        303);
    const std::string href = "/events/" + std::to_string(latest_event());
    EXPECT_EQ(get("/events/new", "case").status, 403);
    EXPECT_EQ(post("/events", "case", "held_on=2018-05-23&kind=other&title=x").status, 403);
    EXPECT_EQ(post("/events", "sumak", "held_on=2018-05-23&kind=other&title=x").status, 403);
    EXPECT_EQ(get("/events", "buyer").status, 403);
    EXPECT_EQ(get(href, "buyer").status, 403);
    EXPECT_EQ(get(href, "case").status, 200);
    EXPECT_EQ(get(href, "veteran").status, 200);
    EXPECT_EQ(get(href, "sumak").status, 404);
    EXPECT_FALSE(contains(get("/events?year=2018", "sumak"), "href=\"" + href));
    EXPECT_TRUE(contains(get("/events?year=2018", "veteran"), "href=\"" + href));
    EXPECT_EQ(get("/events").status, 303);
}

TEST_P(EventsHttpTest, ThemesEditor) {
    auto page = get("/event-themes?year=2019", "consultant");
    ASSERT_EQ(page.status, 200) << page.body;
    ASSERT_EQ(post("/event-themes", "consultant",
                   "year=2019&themes=" + enc("Samarbejde\r\n\r\nSociale medier – hvordan?\r\n"))
                  .status,
              303);
    auto list = get("/events?year=2018", "case");
    EXPECT_TRUE(contains(list, "<li>Samarbejde</li>"));
    EXPECT_TRUE(contains(list, "<li>Sociale medier – hvordan?</li>"));
    auto again = get("/event-themes?year=2019", "consultant");
    EXPECT_TRUE(contains(again, "Samarbejde\nSociale medier"));
    auto bad = post("/event-themes", "consultant", "year=2019&themes=" + enc(std::string(301, 'x')));
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "300 tegn"));
    EXPECT_EQ(post("/event-themes", "case", "year=2019&themes=x").status, 403);
    EXPECT_EQ(get("/event-themes?year=2019", "case").status, 403);
}

BB_INSTANTIATE_BACKENDS(EventsHttpTest);

}  // namespace
}  // namespace events_http
