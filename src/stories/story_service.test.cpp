// StoryService against every storage backend (SQLite always, PostgreSQL when configured).
#include "stories/story_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "stories/demo.hpp"
#include "support/test_db.hpp"

namespace stories {
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

class StoryServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<StoryService>(database(), m_clock, m_audit);
        m_a = enterprise("VeteranHaven");
        m_b = enterprise("Sund og Bælt", "csr_company");
        m_user_a = actor_with(core::Role::Enterprise, 11, m_a);
    }
    void TearDown() override {
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string kind = "social_enterprise") {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = std::move(kind);
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    StoryInput input(std::string date, bool published = true) {
        StoryInput in;
        in.title = "Veteraner på Sprogø";
        in.body = "Samarbejdet <b>startede</b> i dag.";
        in.story_date = std::move(date);
        in.published = published;
        in.enterprise_ids = {std::to_string(m_a), std::to_string(m_b), std::to_string(m_a), ""};
        return in;
    }

    Story create(const StoryInput& in) {
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Story{};
    }

    static bool has_field(const core::Error& e, std::string_view field) {
        return std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.field == field; });
    }
    std::int64_t count(std::string_view sql) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql); });
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2019-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<StoryService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant, 1);
    core::Actor m_admin = actor_with(core::Role::Admin, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 21);
    std::int64_t m_a = 0, m_b = 0;
    core::Actor m_user_a;
};

TEST_P(StoryServiceTest, CreatesWithEnterprisesInOrderWithoutDuplicates) {
    Story s = create(input("2018-04-03"));
    EXPECT_EQ(s.title, "Veteraner på Sprogø");
    EXPECT_EQ(s.body, "Samarbejdet <b>startede</b> i dag.");  // stored as typed; escaped when shown
    EXPECT_EQ(s.story_date.iso(), "2018-04-03");
    ASSERT_EQ(s.enterprises.size(), 2u);
    EXPECT_EQ(s.enterprises[0].name, "VeteranHaven");
    EXPECT_EQ(s.enterprises[1].name, "Sund og Bælt");
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'story'"), 1);
}

TEST_P(StoryServiceTest, ForYearByDateAndPublishedRules) {
    create(input("2018-06-15"));
    create(input("2018-04-03"));
    create(input("2018-05-01", false));
    create(input("2017-12-31"));
    auto all = m_service->for_year(2018, false, m_consultant);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ((*all)[0].story_date.iso(), "2018-04-03");
    EXPECT_EQ((*all)[0].enterprises.size(), 2u);
    EXPECT_FALSE((*all)[1].published);
    auto published = m_service->for_year(2018, true, m_admin);
    ASSERT_TRUE(published.ok());
    EXPECT_EQ(published->size(), 2u);
    // Drafts only for admin and consultant, whatever is asked for.
    for (const auto& who : {m_caseworker, m_user_a}) {
        auto seen = m_service->for_year(2018, false, who);
        ASSERT_TRUE(seen.ok());
        EXPECT_EQ(seen->size(), 2u);
    }
    EXPECT_EQ(m_service->for_year(2018, true, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(*m_service->years(m_caseworker), (std::vector<int>{2018, 2017}));
}

TEST_P(StoryServiceTest, DraftIsHiddenFromReaders) {
    Story draft = create(input("2018-05-01", false));
    Story pub = create(input("2018-05-02"));
    EXPECT_TRUE(m_service->get(draft.id, m_consultant).ok());
    EXPECT_TRUE(m_service->get(draft.id, m_admin).ok());
    EXPECT_EQ(m_service->get(draft.id, m_caseworker).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->get(draft.id, m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_TRUE(m_service->get(pub.id, m_caseworker).ok());
    EXPECT_TRUE(m_service->get(pub.id, m_user_a).ok());
    EXPECT_EQ(m_service->get(pub.id, m_buyer).error().code, core::ErrorCode::Forbidden);
}

TEST_P(StoryServiceTest, OnlyStaffWrite) {
    Story s = create(input("2018-05-01"));
    for (const auto& who : {m_caseworker, m_user_a, m_buyer}) {
        EXPECT_EQ(m_service->create(input("2018-05-01"), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->update(s.id, input("2018-05-01"), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->remove(s.id, who).error().code, core::ErrorCode::Forbidden);
    }
}

TEST_P(StoryServiceTest, Validation) {
    StoryInput in;
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    for (const char* f : {"title", "body", "story_date"}) EXPECT_TRUE(has_field(r.error(), f)) << f;
    StoryInput long_title = input("2018-05-01");
    long_title.title = std::string(k_max_title + 1, 'a');
    EXPECT_TRUE(has_field(m_service->create(long_title, m_consultant).error(), "title"));
    StoryInput long_body = input("2018-05-01");
    long_body.body = std::string(k_max_body + 1, 'a');
    EXPECT_TRUE(has_field(m_service->create(long_body, m_consultant).error(), "body"));
    EXPECT_TRUE(has_field(m_service->create(input("2018-13-01"), m_consultant).error(), "story_date"));
    EXPECT_TRUE(has_field(m_service->create(input("1999-12-31"), m_consultant).error(), "story_date"));
    EXPECT_TRUE(has_field(m_service->create(input("2030-01-01"), m_consultant).error(), "story_date"));
    StoryInput unknown = input("2018-05-01");
    unknown.enterprise_ids = {"424242"};
    EXPECT_TRUE(has_field(m_service->create(unknown, m_consultant).error(), "enterprise_ids"));
    StoryInput junk = input("2018-05-01");
    junk.enterprise_ids = {"abc"};
    EXPECT_TRUE(has_field(m_service->create(junk, m_consultant).error(), "enterprise_ids"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM stories"), 0);
}

TEST_P(StoryServiceTest, UpdatePublishesAndDeleteRemoves) {
    Story s = create(input("2018-05-01", false));
    StoryInput in = input("2018-05-03", true);
    in.title = "Ny titel";
    in.enterprise_ids = {std::to_string(m_b)};
    auto u = m_service->update(s.id, in, m_admin);
    ASSERT_TRUE(u.ok()) << u.error().message;
    EXPECT_TRUE(u->published);
    EXPECT_EQ(u->title, "Ny titel");
    ASSERT_EQ(u->enterprises.size(), 1u);
    EXPECT_EQ(u->enterprises[0].id, m_b);
    EXPECT_TRUE(m_service->get(s.id, m_caseworker).ok());
    ASSERT_TRUE(m_service->remove(s.id, m_consultant).ok());
    EXPECT_EQ(m_service->get(s.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(count("SELECT COUNT(*) FROM story_enterprises"), 0);
}

TEST_P(StoryServiceTest, DemoData) {
    auto n = load_demo(*m_service, m_consultant);
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_EQ(*n, 5);
    auto s = m_service->for_year(2018, true, m_caseworker);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->size(), 5u);
    EXPECT_EQ((*s)[1].enterprises.size(), 2u);
}

}  // namespace
BB_INSTANTIATE_BACKENDS(StoryServiceTest);
}  // namespace stories
