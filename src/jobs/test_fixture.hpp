#pragma once
// Shared fixture of the jobs storage and HTTP tests (both engines).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "enterprises/enterprise_service.hpp"
#include "jobs/job_service.hpp"
#include "support/test_db.hpp"

namespace jobs::testing {

class JobsTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<JobService>(database(), m_clock, m_audit);
        m_sumak = enterprise("Sumak");
        m_haven = enterprise("VeteranHaven");
        m_victor = citizen("SAG-1001", "Victor Hansen");
        m_other = citizen("SAG-1002", "Bente Jensen");
        m_sumak_user = actor(core::Role::Enterprise, 21, m_sumak);
        m_haven_user = actor(core::Role::Enterprise, 22, m_haven);
    }
    void TearDown() override {
        m_service.reset();
        m_registry.reset();
        BackendTest::TearDown();
    }

    static core::Actor actor(core::Role role, std::int64_t user_id,
                             std::optional<std::int64_t> enterprise = {}) {
        core::Actor a;
        a.role = role;
        a.user_id = user_id;
        a.username = std::string(core::role_code(role)) + std::to_string(user_id);
        a.enterprise_id = enterprise;
        return a;
    }

    std::int64_t enterprise(std::string name) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2015-01-01";
        auto r = m_registry->create(in, core::Actor::system("test"));
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    /// Runs one SQL statement (test set-up of rows other packages own: citizens, placements).
    db::ResultSet sql(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto r = database().write([&](db::Connection& c) { return c.query(text, params); });
        EXPECT_TRUE(r.ok()) << text << (r.ok() ? "" : " → " + r.error().message);
        return r.ok() ? std::move(r).value() : db::ResultSet{};
    }
    std::int64_t count(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto rs = sql(text, params);
        return rs.empty() ? -1 : rs.first().int64(0);
    }

    std::int64_t citizen(std::string case_ref, std::string name) {
        auto rs =
            sql("INSERT INTO citizens (case_ref, name, name_key, created_at, updated_at) "
                "VALUES ($1, $2, $3, '2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z') RETURNING id",
                {case_ref, name, name});
        return rs.empty() ? 0 : rs.first().int64(0);
    }

    /// An ended placement of `citizen` at `enterprise` with a hiring need.
    std::int64_t placement(std::int64_t citizen_id, std::int64_t enterprise_id) {
        auto need =
            sql("INSERT INTO hiring_needs (enterprise_id, title, expected_on, created_at, updated_at) "
                "VALUES ($1, 'Køkkenhjælp', '2018-06-01', '2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z') "
                "RETURNING id",
                {enterprise_id});
        auto rs =
            sql("INSERT INTO placements (citizen_id, enterprise_id, intervention_type_id, hiring_need_id, "
                "status, "
                "referred_on, start_date, end_date, outcome_id, created_at, updated_at) "
                "VALUES ($1, $2, (SELECT MIN(id) FROM intervention_types), $3, 'ended', '2018-01-02', "
                "'2018-01-08', '2018-05-31', (SELECT MIN(id) FROM placement_outcomes), "
                "'2018-01-01T00:00:00Z', '2018-01-01T00:00:00Z') RETURNING id",
                {citizen_id, enterprise_id, need.first().int64(0)});
        return rs.empty() ? 0 : rs.first().int64(0);
    }

    JobInput input(std::string case_ref, std::int64_t enterprise_id, std::string kind = "fleksjob",
                   std::string hired = "2016-09-08", std::string hours = "4,5",
                   std::string intensity = "80") {
        JobInput in;
        in.citizen_ref = std::move(case_ref);
        in.enterprise_id = std::to_string(enterprise_id);
        in.kind = std::move(kind);
        in.channel = "municipality";
        in.hired_on = std::move(hired);
        in.weekly_hours = std::move(hours);
        in.intensity = std::move(intensity);
        return in;
    }

    Job hire(const JobInput& in) {
        auto r = m_service->create_job(in, m_caseworker);
        EXPECT_TRUE(r.ok()) << (r.ok() ? ""
                                       : r.error().message + " " +
                                             (r.error().fields.empty() ? "" : r.error().fields[0].message));
        return r.ok() ? *r : Job{};
    }

    static bool has_field(const core::Error& e, std::string_view field) {
        return std::any_of(e.fields.begin(), e.fields.end(), [&](const auto& f) { return f.field == field; });
    }
    static std::string message(const core::Error& e, std::string_view field) {
        for (const auto& f : e.fields)
            if (f.field == field) return f.message;
        return {};
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2019-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
    std::unique_ptr<JobService> m_service;
    core::Actor m_caseworker = actor(core::Role::Caseworker, 11);
    core::Actor m_admin = actor(core::Role::Admin, 1);
    core::Actor m_consultant = actor(core::Role::Consultant, 12);
    core::Actor m_sumak_user;
    core::Actor m_haven_user;
    std::int64_t m_sumak = 0, m_haven = 0, m_victor = 0, m_other = 0;
};

}  // namespace jobs::testing
