// EventService against every storage backend (SQLite always, PostgreSQL when configured).
#include "events/event_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "events/demo.hpp"
#include "support/test_db.hpp"

namespace events {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class EventServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<EventService>(database(), m_clock, m_audit);
        m_a = enterprise("Sumak");
        m_b = enterprise("VeteranHaven");
        m_user_a = actor_with(core::Role::Enterprise, 11, m_a);
        m_user_b = actor_with(core::Role::Enterprise, 12, m_b);
    }
    void TearDown() override {
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
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    EventInput input(std::string date, std::string kind = "network_meeting") {
        EventInput in;
        in.held_on = std::move(date);
        in.kind = std::move(kind);
        in.title = "Netværksmøde";
        in.theme = "Fundraising";
        in.place = "Kvarterhuset";
        in.summary = "Oplæg om fundraising.";
        in.participants = {{std::to_string(m_a), "", true, true},
                           {"", "Jan Hansen, Practicum", true, true},
                           {std::to_string(m_b), "", true, false}};
        return in;
    }

    Event create(EventInput in) {
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Event{};
    }

    static bool has_field(const core::Error& e, std::string_view field) {
        return std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.field == field; });
    }
    std::int64_t audit_rows(std::string_view object_type, std::string_view outcome = "ok") {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT COUNT(*) FROM audit_log WHERE object_type = $1 AND outcome = $2",
                           {std::string(object_type), std::string(outcome)});
        });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2018-12-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<EventService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant, 1);
    core::Actor m_admin = actor_with(core::Role::Admin, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 21);
    std::int64_t m_a = 0, m_b = 0;
    core::Actor m_user_a, m_user_b;
};

TEST_P(EventServiceTest, CreatesEventWithRegistryAndTypedParticipants) {
    Event e = create(input("2018-05-23"));
    EXPECT_EQ(e.kind_label, "Netværksmøde");
    ASSERT_EQ(e.participants.size(), 3u);
    EXPECT_EQ(e.participants[0].enterprise_id, m_a);
    EXPECT_EQ(e.participants[0].name, "Sumak");
    EXPECT_EQ(e.participants[1].enterprise_id, 0);
    EXPECT_EQ(e.participants[1].name, "Jan Hansen, Practicum");
    EXPECT_EQ(e.invited_count, 3);
    EXPECT_EQ(e.present_count, 2);
    EXPECT_EQ(audit_rows("event"), 1);
}

TEST_P(EventServiceTest, YearSummaryCountsMeetingsThisYearAndPlannedNextYear) {
    create(input("2018-02-21"));
    create(input("2018-05-23"));
    create(input("2018-06-10", "market_day"));
    create(input("2019-01-30"));
    create(input("2019-03-27"));
    create(input("2020-01-01"));
    ASSERT_TRUE(
        m_service->set_themes(2019, {"Samarbejde", " ", "Sociale medier – hvordan?"}, m_consultant).ok());
    auto s = m_service->year_summary(2018, m_caseworker);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->year, 2018);
    EXPECT_EQ(s->events.size(), 3u);
    EXPECT_EQ(s->events[0].held_on.iso(), "2018-02-21");
    EXPECT_EQ(s->events[2].kind, "market_day");
    EXPECT_EQ(s->events[1].participants.size(), 3u);
    EXPECT_EQ(s->network_meetings, 2);
    EXPECT_EQ(s->network_meetings_next_year, 2);
    EXPECT_EQ(s->themes_next_year, (std::vector<std::string>{"Samarbejde", "Sociale medier – hvordan?"}));
    auto empty = m_service->year_summary(2010, m_consultant);
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->events.empty());
    EXPECT_EQ(empty->network_meetings, 0);
}

TEST_P(EventServiceTest, Validation) {
    EventInput in = input("");
    in.kind = "party";
    in.title = "";
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_TRUE(has_field(r.error(), "held_on"));
    EXPECT_TRUE(has_field(r.error(), "kind"));
    EXPECT_TRUE(has_field(r.error(), "title"));

    EXPECT_TRUE(has_field(m_service->create(input("31.02.2018"), m_consultant).error(), "held_on"));
    EXPECT_TRUE(has_field(m_service->create(input("2040-01-01"), m_consultant).error(), "held_on"));
    EventInput long_title = input("2018-05-01");
    long_title.title = std::string(k_max_title + 1, 'x');
    EXPECT_TRUE(has_field(m_service->create(long_title, m_consultant).error(), "title"));
    EventInput long_theme = input("2018-05-01");
    long_theme.theme = std::string(k_max_theme + 1, 'x');
    EXPECT_TRUE(has_field(m_service->create(long_theme, m_consultant).error(), "theme"));
    EventInput long_place = input("2018-05-01");
    long_place.place = std::string(k_max_place + 1, 'x');
    EXPECT_TRUE(has_field(m_service->create(long_place, m_consultant).error(), "place"));
    EventInput long_summary = input("2018-05-01");
    long_summary.summary = std::string(k_max_summary + 1, 'x');
    EXPECT_TRUE(has_field(m_service->create(long_summary, m_consultant).error(), "summary"));
    EventInput long_name = input("2018-05-01");
    long_name.participants = {{"", std::string(k_max_participant_name + 1, 'x'), true, false}};
    EXPECT_TRUE(has_field(m_service->create(long_name, m_consultant).error(), "participants"));
    EventInput too_many = input("2018-05-01");
    too_many.participants.clear();
    for (std::size_t i = 0; i <= k_max_participants; ++i)
        too_many.participants.push_back({"", "Organisation " + std::to_string(i), true, false});
    EXPECT_TRUE(has_field(m_service->create(too_many, m_consultant).error(), "participants"));
    EventInput bad_utf8 = input("2018-05-01");
    bad_utf8.summary = "\xff\xfe";
    EXPECT_TRUE(has_field(m_service->create(bad_utf8, m_consultant).error(), "summary"));

    EventInput unknown = input("2018-05-01");
    unknown.participants = {{"999999", "", true, false}};
    EXPECT_TRUE(has_field(m_service->create(unknown, m_consultant).error(), "participants"));
    EventInput twice = input("2018-05-01");
    twice.participants = {{std::to_string(m_a), "", true, false}, {std::to_string(m_a), "", true, true}};
    EXPECT_TRUE(has_field(m_service->create(twice, m_consultant).error(), "participants"));
    EventInput twice_typed = input("2018-05-01");
    twice_typed.participants = {{"", "Røde Kors", true, false}, {"", "røde kors", true, true}};
    EXPECT_TRUE(has_field(m_service->create(twice_typed, m_consultant).error(), "participants"));
    // Nothing was stored.
    auto s = m_service->year_summary(2018, m_consultant);
    ASSERT_TRUE(s.ok());
    EXPECT_TRUE(s->events.empty());
    EXPECT_EQ(audit_rows("event"), 0);
}

TEST_P(EventServiceTest, EmptyParticipantLinesAreIgnored) {
    EventInput in = input("2018-05-01");
    in.participants.push_back({"", "   ", true, false});
    EXPECT_EQ(create(in).participants.size(), 3u);
}

TEST_P(EventServiceTest, UpdateReplacesParticipantsAndDeleteRemoves) {
    Event e = create(input("2018-05-23"));
    EventInput in = input("2018-11-21");
    in.title = "Evaluering";
    in.participants = {{"", "Frivilligcenteret", true, false}};
    auto u = m_service->update(e.id, in, m_admin);
    ASSERT_TRUE(u.ok()) << u.error().message;
    EXPECT_EQ(u->title, "Evaluering");
    EXPECT_EQ(u->held_on.iso(), "2018-11-21");
    ASSERT_EQ(u->participants.size(), 1u);
    EXPECT_EQ(u->participants[0].name, "Frivilligcenteret");
    EXPECT_EQ(m_service->update(e.id + 100, in, m_admin).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(m_service->remove(e.id, m_consultant).ok());
    EXPECT_EQ(m_service->get(e.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("event"), 3);
}

TEST_P(EventServiceTest, RolesWriteAndRead) {
    Event e = create(input("2018-05-23"));
    for (const auto& who : {m_caseworker, m_user_a, m_buyer}) {
        EXPECT_EQ(m_service->create(input("2018-06-01"), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->update(e.id, input("2018-06-01"), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->remove(e.id, who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->set_themes(2019, {"x"}, who).error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_TRUE(m_service->get(e.id, m_caseworker).ok());
    EXPECT_EQ(m_service->get(e.id, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->year_summary(2018, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->themes(2019, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->enterprise_choices(m_caseworker).error().code, core::ErrorCode::Forbidden);
}

TEST_P(EventServiceTest, EnterpriseUserSeesOnlyEventsItsEnterpriseTookPartIn) {
    Event both = create(input("2018-05-23"));
    EventInput only_b = input("2018-06-01");
    only_b.participants = {{std::to_string(m_b), "", true, true}};
    Event e_b = create(only_b);
    EXPECT_TRUE(m_service->get(both.id, m_user_a).ok());
    auto denied = m_service->get(e_b.id, m_user_a);
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("event", "denied"), 1);
    auto s = m_service->year_summary(2018, m_user_a);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->events.size(), 1u);
    EXPECT_EQ(s->events[0].id, both.id);
    auto s_b = m_service->year_summary(2018, m_user_b);
    ASSERT_TRUE(s_b.ok());
    EXPECT_EQ(s_b->events.size(), 2u);
    core::Actor no_enterprise = actor_with(core::Role::Enterprise, 13);
    auto none = m_service->year_summary(2018, no_enterprise);
    ASSERT_TRUE(none.ok());
    EXPECT_TRUE(none->events.empty());
}

TEST_P(EventServiceTest, ThemesAreOrderedAndValidated) {
    ASSERT_TRUE(m_service->set_themes(2019, {"B", "A", "C"}, m_consultant).ok());
    EXPECT_EQ(*m_service->themes(2019, m_caseworker), (std::vector<std::string>{"B", "A", "C"}));
    ASSERT_TRUE(m_service->set_themes(2019, {"A"}, m_admin).ok());
    EXPECT_EQ(*m_service->themes(2019, m_caseworker), (std::vector<std::string>{"A"}));
    EXPECT_TRUE(has_field(
        m_service->set_themes(2019, {std::string(k_max_theme + 1, 'x')}, m_consultant).error(), "themes"));
    EXPECT_TRUE(has_field(
        m_service->set_themes(2019, std::vector<std::string>(k_max_themes + 1, "t"), m_consultant).error(),
        "themes"));
    EXPECT_TRUE(has_field(m_service->set_themes(1999, {"A"}, m_consultant).error(), "year"));
    EXPECT_EQ(*m_service->themes(2019, m_caseworker), (std::vector<std::string>{"A"}));
    EXPECT_EQ(m_service->years(m_consultant)->front(), 2019);
}

TEST_P(EventServiceTest, DemoData) {
    auto n = load_demo(*m_service, m_consultant);
    ASSERT_TRUE(n.ok()) << n.error().message;
    auto s = m_service->year_summary(2018, m_consultant);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->network_meetings, 4);
    EXPECT_EQ(s->network_meetings_next_year, 6);
    EXPECT_EQ(s->themes_next_year.size(), 9u);
    EXPECT_EQ(s->events[1].held_on.month, 5);
    EXPECT_EQ(s->events[3].held_on.month, 11);
}

}  // namespace
BB_INSTANTIATE_BACKENDS(EventServiceTest);
}  // namespace events
