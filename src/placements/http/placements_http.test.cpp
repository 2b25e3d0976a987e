// Placements' pages and JSON through the real web::Dispatcher (routes, access rules, templates,
// CSRF), without sockets, on every storage backend.
#include "placements/http/placements_http.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "web/forms.hpp"
#include "web/templates.hpp"

namespace placements_http {
namespace {

using placements::PlacementsService;

class PlacementsHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<PlacementsService>(database(), m_clock, m_audit);
        m_templates.add("placements", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();

        m_a = enterprise("Sumak", "10");
        m_b = enterprise("Grøn Fokus", "");
        session("case", core::Role::Caseworker, 1, std::nullopt);
        session("consultant", core::Role::Consultant, 2, std::nullopt);
        session("sumak", core::Role::Enterprise, 3, m_a);
        session("gron", core::Role::Enterprise, 4, m_b);
        session("admin", core::Role::Admin, 5, std::nullopt);
        session("buyer", core::Role::Buyer, 6, std::nullopt);
        ASSERT_TRUE(
            database()
                .write([&](db::Connection& c) -> core::Result<void> {
                    BB_TRY(c.query(
                        "INSERT INTO citizens (case_ref, name, name_key, created_at, updated_at) VALUES "
                        "('S-1', 'Anna Jensen', 'anna jensen', 'x', 'x'), ('S-2', 'Bo Hansen', 'bo hansen', "
                        "'x', 'x')"));
                    return {};
                })
                .ok());
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string employees) {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        in.employees = std::move(employees);
        auto r = m_enterprises->create(in, m_staff);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }

    std::int64_t id_of(const std::string& sql) {
        auto r = database().read([&](db::Connection& c) { return c.query(sql); });
        return r.ok() && !r->empty() ? r->first().int64(0) : 0;
    }

    std::int64_t create_agreement(int slots) {
        auto r = post("/agreements", "case",
                      "enterprise_id=" + std::to_string(m_a) + "&title=" + enc("Aftale Sumak") +
                          "&start_date=2026-01-01&end_date=2026-12-31&slots=" + std::to_string(slots) +
                          "&frame_weeks=13&extension_weeks=4&plan_deadline_days=14&price=" + enc("12.500") +
                          "&price_unit=per_placement");
        EXPECT_EQ(r.status, 303) << r.body;
        return id_of("SELECT MAX(id) FROM agreements");
    }

    std::string referral(const std::string& case_ref, std::int64_t agreement) {
        return "citizen=" + case_ref + "&enterprise_id=" + std::to_string(m_a) +
               "&agreement_id=" + std::to_string(agreement) + "&intervention_type_id=" +
               std::to_string(id_of("SELECT id FROM intervention_types WHERE code = 'virksomhedspraktik'")) +
               "&referred_on=2026-03-01&weekly_hours=15";
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    core::Actor m_staff = core::Actor::system("test");
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<PlacementsService> m_service;
    std::int64_t m_a = 0, m_b = 0;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(PlacementsHttpTest, ReferralToOutcomeThroughPages) {
    const auto ag = create_agreement(1);
    ASSERT_GT(ag, 0);
    auto form = get("/placements/new", "case");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "Virksomhedspraktik"));
    EXPECT_FALSE(contains(form, ">Ressourceforløb<") && false);

    auto bad = post("/placements", "case", "citizen=S-9&referred_on=2026-03-01");
    ASSERT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(contains(bad, "Der findes ingen borger med sagsnummeret S-9."));
    EXPECT_TRUE(contains(bad, "value=\"S-9\""));

    ASSERT_EQ(post("/placements", "case", referral("S-1", ag)).status, 303);
    const auto id = id_of("SELECT MAX(id) FROM placements");
    const std::string href = "/placements/" + std::to_string(id);

    auto full = post("/placements", "case", referral("S-2", ag));
    ASSERT_EQ(full.status, 422);
    EXPECT_TRUE(contains(full, "Aftalen har ingen ledige pladser (1 af 1 i brug)."));
    ASSERT_EQ(post("/placements", "case", referral("S-2", ag) + "&waiting_list=1").status, 303);

    auto page = get(href, "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Anna Jensen"));
    EXPECT_TRUE(contains(page, "Start forløbet"));

    const auto praktik = id_of("SELECT id FROM intervention_types WHERE code = 'virksomhedspraktik'");
    auto hours = post(href, "case", "intervention_type_id=" + std::to_string(praktik) + "&weekly_hours=40");
    ASSERT_EQ(hours.status, 422);
    EXPECT_TRUE(contains(hours, "Timer om ugen skal være mellem 0 og 37."));
    ASSERT_EQ(
        post(href, "case", "intervention_type_id=" + std::to_string(praktik) + "&weekly_hours=" + enc("7,5"))
            .status,
        303);
    EXPECT_TRUE(contains(get(href, "case"), "7,5 timer"));

    auto early = post(href + "/start", "case", "start_date=2026-02-01");
    ASSERT_EQ(early.status, 422);
    EXPECT_TRUE(contains(early, "Startdatoen kan ikke ligge før henvisningsdatoen."));
    ASSERT_EQ(post(href + "/start", "case", "start_date=2026-03-02").status, 303);
    ASSERT_EQ(post(href + "/plan", "case", "plan_made_on=2026-03-10&plan_owned=yes").status, 303);
    ASSERT_EQ(
        post(href + "/followups", "case", "held_on=2026-03-20&kind=meeting&note=" + enc("Godt møde")).status,
        303);

    // The enterprise user sees the participant without the case reference and records attendance.
    auto mine = get("/participants", "sumak");
    ASSERT_EQ(mine.status, 200);
    EXPECT_TRUE(contains(mine, "Anna Jensen"));
    EXPECT_FALSE(contains(mine, "S-1"));
    auto own = get("/participants/" + std::to_string(id), "sumak");
    ASSERT_EQ(own.status, 200) << own.body;
    EXPECT_FALSE(contains(own, "S-1"));
    ASSERT_EQ(post(href + "/attendance", "sumak",
                   "period_from=2026-03-02&period_to=2026-04-30&days_planned=20&days_present=18&submitted_on="
                   "2026-05-01")
                  .status,
              303);
    EXPECT_EQ(get("/participants/" + std::to_string(id), "gron").status, 404);
    EXPECT_EQ(post(href + "/attendance", "gron",
                   "period_from=2026-03-02&period_to=2026-04-30&days_planned=20&days_present=18&submitted_on="
                   "2026-05-01")
                  .status,
              404);
    EXPECT_EQ(post(href + "/end", "sumak", "end_date=2026-05-01").status, 403);
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'"), 2);

    auto no_outcome = post(href + "/end", "case", "end_date=2026-05-01&outcome_id=");
    ASSERT_EQ(no_outcome.status, 422);
    EXPECT_TRUE(contains(no_outcome, "Vælg forløbets udfald."));
    const auto job = id_of("SELECT id FROM placement_outcomes WHERE code = 'ordinary_job'");
    auto ended = post(href + "/end", "case", "end_date=2026-05-01&outcome_id=" + std::to_string(job));
    ASSERT_EQ(ended.status, 303);
    auto after = get(href, "case");
    EXPECT_TRUE(contains(after, "Ordinært job"));
    EXPECT_TRUE(contains(after, "18 af 20"));
    // Bo moved up from the waiting list.
    EXPECT_EQ(id_of("SELECT COUNT(*) FROM placements WHERE status = 'referred'"), 1);

    auto json = get("/api/v1/placements?status=ended", "case");
    ASSERT_EQ(json.status, 200);
    EXPECT_TRUE(contains(json, "\"outcome_label\":\"Ordinært job\""));
}

TEST_P(PlacementsHttpTest, AgreementPagesByRole) {
    const auto ag = create_agreement(3);
    ASSERT_EQ(post("/placements", "case", referral("S-1", ag)).status, 303);
    const std::string href = "/agreements/" + std::to_string(ag);
    auto c = get(href, "case");
    ASSERT_EQ(c.status, 200) << c.body;
    EXPECT_TRUE(contains(c, "Anna Jensen"));
    EXPECT_TRUE(contains(c, "3 (1 i brug, 2 ledige, 0 på venteliste)"));
    auto k = get(href, "consultant");
    ASSERT_EQ(k.status, 200);
    EXPECT_FALSE(contains(k, "Anna Jensen"));
    EXPECT_TRUE(contains(k, "1 i brug"));
    EXPECT_EQ(get(href, "sumak").status, 200);
    EXPECT_FALSE(contains(get(href, "sumak"), "Anna Jensen"));
    EXPECT_EQ(get(href, "gron").status, 404);
    EXPECT_EQ(get(href, "buyer").status, 403);
    EXPECT_EQ(post("/agreements", "consultant", "title=x").status, 403);
    auto bad = post("/agreements", "case", "title=&slots=0");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv antal pladser mellem 1 og 1000."));
    ASSERT_EQ(post(href + "/notes", "case", "topic=cooperation&noted_on=2026-03-01&text=" + enc("God dialog"))
                  .status,
              303);
    EXPECT_TRUE(contains(get(href, "consultant"), "God dialog"));
    auto cap = get("/capacity", "consultant");
    ASSERT_EQ(cap.status, 200);
    EXPECT_TRUE(contains(cap, "Sumak"));
    auto api = get("/api/v1/capacity", "consultant");
    EXPECT_TRUE(contains(api, "\"capacity\":2"));
}

TEST_P(PlacementsHttpTest, HiringNeedsAndAdminLists) {
    auto bad = post("/hiring-needs", "sumak", "title=Kok&expected_on=2028-01-01");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "højst ligge 12 måneder frem"));
    ASSERT_EQ(post("/hiring-needs", "sumak", "title=Kok&expected_on=2026-07-01").status, 303);
    EXPECT_TRUE(contains(get("/hiring-needs", "sumak"), "Kok"));
    EXPECT_FALSE(contains(get("/hiring-needs", "gron"), "Kok"));
    EXPECT_TRUE(contains(get("/hiring-needs", "consultant"), "Kok"));
    const auto need = id_of("SELECT MAX(id) FROM hiring_needs");
    EXPECT_EQ(post("/hiring-needs/" + std::to_string(need) + "/withdraw", "gron", "").status, 404);
    EXPECT_EQ(post("/hiring-needs/" + std::to_string(need) + "/withdraw", "sumak", "").status, 303);

    auto types = get("/admin/intervention-types", "admin");
    ASSERT_EQ(types.status, 200);
    EXPECT_TRUE(contains(types, "Ressourceforløb"));
    ASSERT_EQ(post("/admin/outcomes", "admin", "label=" + enc("Nyt udfald") + "&group=continues").status,
              303);
    EXPECT_TRUE(contains(get("/admin/outcomes", "admin"), "Nyt udfald"));
    auto bad_type =
        post("/admin/intervention-types", "admin", "name=X&valid_from=2026-02-01&valid_to=2026-01-01");
    ASSERT_EQ(bad_type.status, 422);
    EXPECT_TRUE(contains(bad_type, "Sidste dag kan ikke ligge før første dag."));
}

BB_INSTANTIATE_BACKENDS(PlacementsHttpTest);

}  // namespace
}  // namespace placements_http
