// GrantService against every storage backend (SQLite always, PostgreSQL when configured).
#include "grants/grant_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "grants/demo.hpp"
#include "support/test_db.hpp"

namespace grants {
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

class GrantServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<GrantService>(database(), m_clock, m_audit);
        m_a = enterprise("Sumak");
        m_b = enterprise("MinaGroup");
        m_user_a = actor_with(core::Role::Enterprise, 11, m_a);
        m_user_b = actor_with(core::Role::Enterprise, 12, m_b);
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

    static GrantInput input(std::int64_t enterprise_id, std::string amount = "150.000",
                            std::string year = "2018") {
        GrantInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.year = std::move(year);
        in.amount = std::move(amount);
        in.source = "A.P. Møllers Støttefond";
        in.purpose = "Den Digitale Ressourcebank";
        return in;
    }

    Grant create(const GrantInput& in, const core::Actor& who) {
        auto r = m_service->create(in, who);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Grant{};
    }

    static bool has_field(const core::Error& e, std::string_view field) {
        return std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.field == field; });
    }
    std::int64_t audit_rows(std::string_view outcome) {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT COUNT(*) FROM audit_log WHERE object_type = 'grant' AND outcome = $1",
                           {std::string(outcome)});
        });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }
    std::int64_t grant_rows() {
        auto r = database().read([&](db::Connection& c) { return c.query("SELECT COUNT(*) FROM grants"); });
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2019-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<GrantService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant, 1);
    core::Actor m_admin = actor_with(core::Role::Admin, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 21);
    std::int64_t m_a = 0, m_b = 0;
    core::Actor m_user_a, m_user_b;
};

TEST_P(GrantServiceTest, SumsPerEnterpriseAndYear) {
    create(input(m_a, "475.000"), m_consultant);
    create(input(m_a, "25.000,50"), m_admin);
    GrantInput approx = input(m_b, "150000");
    approx.approximate = true;
    create(approx, m_consultant);
    create(input(m_b, "10.000", "2017"), m_consultant);
    auto s = m_service->year_summary(2018, m_caseworker);
    ASSERT_TRUE(s.ok()) << s.error().message;
    EXPECT_EQ(s->year, 2018);
    EXPECT_EQ(s->grant_count, 3);
    EXPECT_EQ(s->total_oere, 47'500'000 + 2'500'050 + 15'000'000);
    ASSERT_EQ(s->enterprises.size(), 2u);
    EXPECT_EQ(s->enterprises[0].enterprise_name, "MinaGroup");  // by name
    EXPECT_TRUE(s->enterprises[0].approximate);
    EXPECT_EQ(s->enterprises[0].total_oere, 15'000'000);
    EXPECT_EQ(s->enterprises[1].enterprise_name, "Sumak");
    EXPECT_FALSE(s->enterprises[1].approximate);
    EXPECT_EQ(s->enterprises[1].total_oere, 50'000'050);
    EXPECT_EQ(s->enterprises[1].grants.size(), 2u);
    EXPECT_EQ(*m_service->years(m_consultant), (std::vector<int>{2018, 2017}));
    auto none = m_service->year_summary(2005, m_consultant);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->grant_count, 0);
    EXPECT_EQ(none->total_oere, 0);
}

TEST_P(GrantServiceTest, Validation) {
    GrantInput in;
    auto r = m_service->create(in, m_consultant);
    ASSERT_FALSE(r.ok());
    for (const char* f : {"enterprise_id", "year", "amount", "source"})
        EXPECT_TRUE(has_field(r.error(), f)) << f;
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "0"), m_consultant).error(), "amount"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "-150.000"), m_consultant).error(), "amount"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "150.000.000.000"), m_consultant).error(), "amount"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "mange penge"), m_consultant).error(), "amount"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "1000", "1999"), m_consultant).error(), "year"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "1000", "2021"), m_consultant).error(), "year"));
    EXPECT_TRUE(has_field(m_service->create(input(m_a, "1000", "18"), m_consultant).error(), "year"));
    EXPECT_TRUE(has_field(m_service->create(input(999999), m_consultant).error(), "enterprise_id"));
    GrantInput long_source = input(m_a);
    long_source.source = std::string(k_max_source + 1, 'x');
    EXPECT_TRUE(has_field(m_service->create(long_source, m_consultant).error(), "source"));
    GrantInput bad_purpose = input(m_a);
    bad_purpose.purpose = "\xc3\x28";
    EXPECT_TRUE(has_field(m_service->create(bad_purpose, m_consultant).error(), "purpose"));
    EXPECT_EQ(grant_rows(), 0);
    EXPECT_TRUE(m_service->create(input(m_a, "1000", "2020"), m_consultant).ok());  // next year is allowed
}

TEST_P(GrantServiceTest, UpdateAndDelete) {
    Grant g = create(input(m_a), m_consultant);
    GrantInput in = input(m_b, "200.000", "2017");
    in.approximate = true;
    auto u = m_service->update(g.id, in, m_admin);
    ASSERT_TRUE(u.ok()) << u.error().message;
    EXPECT_EQ(u->enterprise_name, "MinaGroup");
    EXPECT_EQ(u->amount_oere, 20'000'000);
    EXPECT_EQ(u->year, 2017);
    EXPECT_TRUE(u->approximate);
    EXPECT_TRUE(has_field(m_service->update(g.id, input(m_b, "0"), m_admin).error(), "amount"));
    EXPECT_EQ(m_service->get(g.id, m_caseworker)->amount_oere, 20'000'000);
    ASSERT_TRUE(m_service->remove(g.id, m_consultant).ok());
    EXPECT_EQ(m_service->get(g.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->remove(g.id, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("ok"), 3);
}

TEST_P(GrantServiceTest, RoleRules) {
    Grant g = create(input(m_a), m_consultant);
    for (const auto& who : {m_caseworker, m_buyer}) {
        EXPECT_EQ(m_service->create(input(m_a), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->update(g.id, input(m_a), who).error().code, core::ErrorCode::Forbidden);
        EXPECT_EQ(m_service->remove(g.id, who).error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_TRUE(m_service->year_summary(2018, m_caseworker).ok());
    EXPECT_TRUE(m_service->get(g.id, m_caseworker).ok());
    EXPECT_EQ(m_service->year_summary(2018, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->get(g.id, m_buyer).error().code, core::ErrorCode::Forbidden);
    core::Actor no_enterprise = actor_with(core::Role::Enterprise, 13);
    EXPECT_EQ(m_service->year_summary(2018, no_enterprise).error().code, core::ErrorCode::Forbidden);
}

TEST_P(GrantServiceTest, EnterpriseUserSeesAndRegistersOnlyItsOwn) {
    Grant mine = create(input(m_a), m_user_a);
    EXPECT_EQ(mine.enterprise_id, m_a);
    Grant theirs = create(input(m_b), m_consultant);
    auto s = m_service->year_summary(2018, m_user_a);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(s->enterprises.size(), 1u);
    EXPECT_EQ(s->enterprises[0].enterprise_id, m_a);
    EXPECT_EQ(s->total_oere, mine.amount_oere);
    EXPECT_TRUE(m_service->get(mine.id, m_user_a).ok());

    EXPECT_EQ(m_service->get(theirs.id, m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->update(theirs.id, input(m_a), m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->remove(theirs.id, m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->create(input(m_b), m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->update(mine.id, input(m_b), m_user_a).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("denied"), 5);
    EXPECT_EQ(grant_rows(), 2);
    EXPECT_EQ(m_service->get(theirs.id, m_consultant)->enterprise_id, m_b);
    auto choices = m_service->enterprise_choices(m_user_a);
    ASSERT_TRUE(choices.ok());
    ASSERT_EQ(choices->size(), 1u);
    EXPECT_EQ((*choices)[0].label, "Sumak");
}

TEST_P(GrantServiceTest, DemoData) {
    enterprise("VeteranHaven");
    enterprise("Danmarks Busmuseum", "initiative");
    auto n = load_demo(*m_service, m_consultant);
    ASSERT_TRUE(n.ok()) << n.error().message;
    EXPECT_EQ(*n, 4);
    auto s = m_service->year_summary(2018, m_consultant);
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->total_oere, (150'000 + 475'000 + 412'000 + 650'000) * std::int64_t{100});
    EXPECT_EQ(s->enterprises[0].enterprise_name, "Danmarks Busmuseum");
    EXPECT_TRUE(s->enterprises[0].approximate);
}

}  // namespace
BB_INSTANTIATE_BACKENDS(GrantServiceTest);
}  // namespace grants
