#pragma once
// Test fixture for the employment import: a fresh database per backend with the demo registry
// (Sumak, VeteranHaven, …), an Importer and helpers to count stored rows.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "employment_import/import.hpp"
#include "enterprises/demo.hpp"
#include "support/test_db.hpp"

namespace employment_import::testing {

inline core::Actor actor_with(core::Role role, std::int64_t user_id = 7) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role));
    a.role = role;
    if (role == core::Role::Enterprise) a.enterprise_id = 1;
    return a;
}

inline std::string read_example(const std::string& name) {
    std::ifstream f(std::string(BB_SOURCE_DIR) + "/docs/examples/" + name, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

class ImportFixture : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        ASSERT_TRUE(enterprises::load_demo(*m_registry, core::Actor::system("test")).ok());
        m_importer = std::make_unique<Importer>(database(), m_clock, m_audit, *m_registry);
    }
    void TearDown() override {
        m_importer.reset();
        m_registry.reset();
        BackendTest::TearDown();
    }
    Report run(Kind kind, const std::string& bytes, const core::Actor* who = nullptr, bool dry_run = false) {
        Options o;
        o.file_name = "test.csv";
        o.dry_run = dry_run;
        auto r = m_importer->run(kind, bytes, who ? *who : m_caseworker, o);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Report{};
    }
    std::int64_t count(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql); });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }
    std::string text(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql); });
        EXPECT_TRUE(r.ok() && !r->empty());
        return r.ok() && !r->empty() ? r->first().text(0) : std::string();
    }
    void exec(const std::string& sql) {
        auto r = database().write([&](db::Connection& c) { return c.query(sql); });
        ASSERT_TRUE(r.ok());
    }
    static std::string dump(const Report& r) {
        std::string out;
        for (const auto& e : r.errors)
            out += std::to_string(e.line) + " " + e.column + ": " + e.message + "\n";
        return out;
    }
    /// Imports the example agreements (Sumak 8 slots, VeteranHaven 10 slots).
    void load_agreements() {
        auto r = run(Kind::Agreements, std::string(example_csv(Kind::Agreements)));
        ASSERT_TRUE(r.ok()) << dump(r);
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-24T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
    std::unique_ptr<Importer> m_importer;
    core::Actor m_caseworker = actor_with(core::Role::Caseworker);
};

inline const std::string k_sumak = "Forløb i café og catering 2018";

}  // namespace employment_import::testing
