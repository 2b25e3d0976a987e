// ReportService on every storage backend: the 2018 fixture gives 003's figures, roles, a year
// without data, the narrative editor's rules and the public version.
#include "report/report_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "audit/audit_log.hpp"
#include "report/document.hpp"
#include "report/test_fixture.hpp"
#include "support/test_db.hpp"

namespace report {
namespace {

using core::Role;
using report::testing::actor;

class ReportServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_graph = std::make_unique<report::testing::ReportGraph>(database(), m_clock, m_audit, "Slagelse");
        m_service = &m_graph->service;
    }
    void TearDown() override {
        m_service = nullptr;
        m_graph.reset();
        BackendTest::TearDown();
    }
    void load() { report::testing::load_2018_fixture(database(), m_clock, m_audit); }
    ReportModel build(const std::string& year, bool public_version = false, Role role = Role::Consultant) {
        auto r = m_service->build(year, public_version, actor(role));
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : ReportModel{};
    }
    std::int64_t count(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) -> core::Result<std::int64_t> {
            BB_ASSIGN(auto rows, c.query(sql));
            return rows.first().int64(0);
        });
        return r.ok() ? *r : -1;
    }

    core::ManualClock m_clock{report::testing::k_now};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<report::testing::ReportGraph> m_graph;
    ReportService* m_service = nullptr;
};

TEST_P(ReportServiceTest, The2018ReportShowsThePublishedFigures) {
    load();
    const auto m = build("2018");
    ASSERT_TRUE(m.has_data);
    EXPECT_EQ(m.municipality, "Slagelse");
    // 19 enterprises and initiatives at the end of 2018 (003 §1), 5 registered (§3).
    EXPECT_EQ(m.registration.figures.total, 19);
    EXPECT_EQ(m.registration.figures.registered, 5);
    EXPECT_EQ(m.enterprises.size(), 19u);
    // 35 jobs via the jobcentre by kind 21/7/3/4, 29 through other channels (§6.8).
    EXPECT_EQ(m.jobs.municipality, 35);
    EXPECT_EQ(m.jobs.other, 29);
    std::map<std::string, std::int64_t> by_kind;
    for (const auto& k : m.jobs.kinds) by_kind[k.kind] = k.municipality;
    EXPECT_EQ(by_kind["fleksjob"], 21);
    EXPECT_EQ(by_kind["part_time"], 7);
    EXPECT_EQ(by_kind["full_time"], 3);
    EXPECT_EQ(by_kind["wage_subsidy"], 4);
    // Four network meetings in 2018 and six planned for 2019 (§4).
    EXPECT_EQ(m.network.meetings, 4);
    EXPECT_EQ(m.network.meetings_next_year, 6);
    // The grants (§6.2).
    EXPECT_GT(m.grants.count, 0);
    EXPECT_GT(m.grants.total_oere, 0);
    // Both agreements' evaluations over 2016-08-01 – 2018-08-01 (§6.5).
    ASSERT_EQ(m.agreements.size(), 2u);
    std::map<std::string, std::string> success;
    for (const auto& a : m.agreements) success[a.enterprise] = a.success.text;
    EXPECT_EQ(success["Sumak"], "10 af 25 (40 %)");
    EXPECT_EQ(success["VeteranHaven"], "22 af 34 (64 %)");
    // The narrative: ten strategy points, their recommendations collected, 7.2 A and B.
    EXPECT_EQ(m.narrative.points.size(), 10u);
    EXPECT_EQ(m.recommendations.size(), 10u);
    ASSERT_EQ(m.narrative.holistic.size(), 2u);
    EXPECT_EQ(m.narrative.holistic[1].label, "B");
    // F5: the registry holds several municipalities, so Table 1 per municipality and the sum.
    ASSERT_GE(m.municipalities.size(), 3u);
    EXPECT_EQ(m.municipalities.back().municipality, "");
    bool slagelse = false;
    for (const auto& f : m.municipalities)
        if (f.municipality == "Slagelse") slagelse = f.total == 19;
    EXPECT_TRUE(slagelse);
    // Progression without names; each citizen read is audited.
    ASSERT_FALSE(m.progression.empty());
    EXPECT_EQ(m.progression[0].label, "Borger A");
    EXPECT_GE(m.progression[0].steps.size(), 2u);
    EXPECT_GE(
        count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'citizen' AND purpose LIKE 'Årsrapport%'"),
        static_cast<std::int64_t>(m.progression.size()));
}

TEST_P(ReportServiceTest, NoCitizenNameReachesTheDocument) {
    load();
    const auto doc = to_document(build("2018"));
    auto names = database().read([&](db::Connection& c) -> core::Result<std::vector<std::string>> {
        BB_ASSIGN(auto rows, c.query("SELECT name FROM citizens"));
        std::vector<std::string> out;
        for (const auto& r : rows.rows) out.push_back(r.text(0));
        return out;
    });
    ASSERT_TRUE(names.ok());
    ASSERT_FALSE(names->empty());
    std::string all;
    for (const auto& b : doc.blocks) {
        if (const auto* p = std::get_if<publishing::Paragraph>(&b)) all += p->text + "\n";
        if (const auto* t = std::get_if<publishing::Table>(&b))
            for (const auto& row : t->rows)
                for (const auto& c : row) all += c.text + "\n";
    }
    for (const auto& n : *names) EXPECT_EQ(all.find(n), std::string::npos) << n;
}

TEST_P(ReportServiceTest, OneMunicipalityHasNoCrossMunicipalitySection) {
    enterprises::EnterpriseService registry(database(), m_clock, m_audit);
    enterprises::EnterpriseInput in;
    in.name = "Sumak";
    in.kind = "social_enterprise";
    in.municipality = "Slagelse";
    in.status = "established";
    in.status_date = "2018-03-01";
    ASSERT_TRUE(registry.create(in, core::Actor::system("test")).ok());
    const auto m = build("2018");
    EXPECT_TRUE(m.has_data);  // a status change in the year
    EXPECT_EQ(m.registration.figures.total, 1);
    EXPECT_TRUE(m.municipalities.empty());
    EXPECT_TRUE(m.jobs.kinds.empty());
}

TEST_P(ReportServiceTest, AYearWithoutDataSaysSo) {
    load();
    const auto m = build("2031");
    EXPECT_FALSE(m.has_data);
    const auto doc = to_document(m);
    ASSERT_EQ(doc.blocks.size(), 1u);
    EXPECT_EQ(std::get<publishing::Paragraph>(doc.blocks[0]).text,
              "Der er ingen registrerede data for 2031.");
    EXPECT_FALSE(build("2005").has_data);
}

TEST_P(ReportServiceTest, RolesDecideWhichVersion) {
    load();
    for (Role r : {Role::Admin, Role::Consultant, Role::Caseworker})
        EXPECT_TRUE(m_service->build("2018", false, actor(r)).ok());
    for (Role r : {Role::Enterprise, Role::Buyer}) {
        auto full = m_service->build("2018", false, actor(r, 9, 1));
        ASSERT_FALSE(full.ok());
        EXPECT_EQ(full.error().code, core::ErrorCode::Forbidden);
        auto pub = m_service->build("2018", true, actor(r, 9, 1));
        ASSERT_TRUE(pub.ok()) << pub.error().message;
        EXPECT_TRUE(pub->public_version);
        EXPECT_TRUE(pub->progression.empty());
    }
    EXPECT_EQ(m_service->narrative(2018, actor(Role::Caseworker)).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->midyear(2018, "2018-06-30", actor(Role::Buyer)).error().code,
              core::ErrorCode::Forbidden);
    StrategyPointInput in{"6.11", "Ny", "11", "2019", ""};
    EXPECT_EQ(m_service->add_strategy_point(in, actor(Role::Consultant)).error().code,
              core::ErrorCode::Forbidden);
    EXPECT_TRUE(m_service->add_strategy_point(in, actor(Role::Admin)).ok());
}

TEST_P(ReportServiceTest, BadYearIsRefusedWithAMessage) {
    auto r = m_service->build("tyve", false, actor(Role::Admin));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    ASSERT_FALSE(r.error().fields.empty());
    EXPECT_EQ(r.error().fields[0].field, "year");
}

TEST_P(ReportServiceTest, PublicVersionSuppressesSmallCounts) {
    load();
    const auto m = build("2018", true);
    bool any_hidden = false;
    for (const auto& k : m.jobs.kinds) any_hidden = any_hidden || k.municipality_hidden || k.other_hidden;
    EXPECT_TRUE(any_hidden);  // 3 and 4 jobs of a kind
    for (const auto& k : m.jobs.kinds) {
        if (k.municipality >= 1 && k.municipality <= 4) {
            EXPECT_TRUE(k.municipality_hidden) << k.label;
        }
        if (k.other >= 1 && k.other <= 4) {
            EXPECT_TRUE(k.other_hidden) << k.label;
        }
    }
    for (const auto& a : m.agreements) {
        for (const auto& g : a.by_group) {
            if (g.count >= 1 && g.count <= 4) {
                EXPECT_TRUE(g.hidden) << g.label;
            }
        }
    }
}

TEST_P(ReportServiceTest, NarrativeIsStoredAsTypedAndValidated) {
    load();
    auto n = m_service->narrative(2019, actor(Role::Consultant));
    ASSERT_TRUE(n.ok());
    EXPECT_FALSE(n->saved);
    EXPECT_EQ(n->points.size(), 10u);  // 6.1–6.10 are valid 2017–2020
    NarrativeInput in;
    in.preface = "  <script>alert(1)</script> & co  ";
    in.points.push_back({std::to_string(n->points[0].point_id), "Intro", "Sket", "Anbefaling"});
    in.holistic.push_back({"Tekst A", "Anbefaling A"});
    in.holistic.push_back({"", ""});  // empty slots are dropped
    auto saved = m_service->save_narrative(2019, in, actor(Role::Consultant));
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_EQ(saved->preface, "<script>alert(1)</script> & co");
    EXPECT_EQ(saved->points[0].recommendation, "Anbefaling");
    EXPECT_EQ(saved->holistic.size(), 1u);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'report_texts' AND object_id = '2019'"), 1);

    NarrativeInput bad;
    bad.evaluation_from = "2019-13-01";
    bad.holistic.push_back({"", "Anbefaling uden tekst"});
    auto refused = m_service->save_narrative(2019, bad, actor(Role::Admin));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, core::ErrorCode::Validation);
    std::set<std::string> fields;
    for (const auto& f : refused.error().fields) fields.insert(f.field);
    EXPECT_TRUE(fields.contains("evaluation_from"));
    EXPECT_TRUE(fields.contains("holistic_1_text"));
    // Nothing stored: the earlier text stands.
    EXPECT_EQ(m_service->narrative(2019, actor(Role::Admin))->preface, "<script>alert(1)</script> & co");
}

TEST_P(ReportServiceTest, StrategyPointsAreValidated) {
    auto bad = m_service->add_strategy_point({"", "", "x", "1999", "1998"}, actor(Role::Admin));
    ASSERT_FALSE(bad.ok());
    std::set<std::string> fields;
    for (const auto& f : bad.error().fields) fields.insert(f.field);
    EXPECT_TRUE(fields.contains("code"));
    EXPECT_TRUE(fields.contains("title"));
    EXPECT_TRUE(fields.contains("position"));
    EXPECT_TRUE(fields.contains("valid_from"));
    auto ok = m_service->add_strategy_point({"6.1", "CSR", "1", "2017", "2020"}, actor(Role::Admin));
    ASSERT_TRUE(ok.ok());
    auto dup = m_service->add_strategy_point({"6.1", "CSR igen", "2", "2017", ""}, actor(Role::Admin));
    ASSERT_FALSE(dup.ok());
    EXPECT_EQ(dup.error().fields.at(0).field, "code");
    auto upd = m_service->update_strategy_point(ok->id, {"6.1", "CSR og socialøkonomi", "1", "2017", "2021"},
                                                actor(Role::Admin));
    ASSERT_TRUE(upd.ok());
    EXPECT_EQ(upd->valid_to, 2021);
}

TEST_P(ReportServiceTest, MidYearCountsJobsUpToTheDate) {
    load();
    auto all = m_service->midyear(2018, "2018-12-31", actor(Role::Consultant));
    ASSERT_TRUE(all.ok()) << all.error().message;
    EXPECT_EQ(all->jobs.municipality, 35);
    EXPECT_EQ(all->jobs.other, 29);
    auto half = m_service->midyear(2018, "2018-06-30", actor(Role::Caseworker));
    ASSERT_TRUE(half.ok());
    EXPECT_LE(half->jobs.municipality, 35);
    auto bad = m_service->midyear(2018, "2019-01-01", actor(Role::Admin));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.at(0).field, "date");
}

BB_INSTANTIATE_BACKENDS(ReportServiceTest);

}  // namespace
}  // namespace report
