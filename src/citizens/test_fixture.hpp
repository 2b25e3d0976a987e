#pragma once
// Shared fixture of the citizens storage tests (both engines).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "citizens/citizen_service.hpp"
#include "core/date.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace citizens::testing {

class CitizensTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<CitizenService>(database(), m_clock, m_audit, *m_registry);
    }
    void TearDown() override {
        m_service.reset();
        m_registry.reset();
        BackendTest::TearDown();
    }

    static core::Actor actor(core::Role role, std::int64_t user_id = 7) {
        core::Actor a;
        a.role = role;
        a.user_id = user_id;
        a.username = std::string(core::role_code(role));
        if (role == core::Role::Enterprise) a.enterprise_id = 1;
        return a;
    }

    CitizenInput input(std::string case_ref, std::string name) {
        CitizenInput in;
        in.case_ref = std::move(case_ref);
        in.name = std::move(name);
        return in;
    }

    std::int64_t make(std::string case_ref, std::string name = "Borger") {
        auto r = m_service->create(input(std::move(case_ref), std::move(name)), m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    /// Runs one SQL statement (test set-up of rows other packages own).
    db::ResultSet sql(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto r = database().write([&](db::Connection& c) { return c.query(text, params); });
        EXPECT_TRUE(r.ok()) << text << (r.ok() ? "" : " → " + r.error().message);
        return r.ok() ? std::move(r).value() : db::ResultSet{};
    }

    std::int64_t count(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto rs = sql(text, params);
        return rs.empty() ? -1 : rs.first().int64(0);
    }

    std::int64_t enterprise() {
        enterprises::EnterpriseInput in;
        in.name = "Sumak";
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_registry->create(in, core::Actor::system("test"));
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_caseworker = actor(core::Role::Caseworker, 3);
    core::Actor m_admin = actor(core::Role::Admin, 1);
    std::unique_ptr<CitizenService> m_service;
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
};

}  // namespace citizens::testing
