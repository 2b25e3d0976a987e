// Citizens' pages, export and JSON through the real web::Dispatcher (routes, access rules,
// templates, CSRF), without sockets, on every storage backend.
#include "citizens/http/citizens_http.hpp"

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "web/forms.hpp"
#include "web/json.hpp"
#include "web/templates.hpp"

namespace citizens_http {
namespace {

using citizens::CitizenService;

class CitizensHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<CitizenService>(database(), m_clock, m_audit, *m_registry);
        m_templates.add("citizens", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        session("case", core::Role::Caseworker, 1, std::nullopt);
        session("admin", core::Role::Admin, 2, std::nullopt);
        session("consultant", core::Role::Consultant, 3, std::nullopt);
        session("sumak", core::Role::Enterprise, 4, 1);
        session("buyer", core::Role::Buyer, 5, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        m_registry.reset();
        BackendTest::TearDown();
    }

    std::int64_t count(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto r = database().read([&](db::Connection& c) { return c.query(text, params); });
        EXPECT_TRUE(r.ok());
        return r.ok() && !r->empty() ? r->first().int64(0) : -1;
    }

    std::int64_t create(const std::string& ref, const std::string& name) {
        auto r = post("/citizens", "case",
                      "case_ref=" + enc(ref) + "&name=" + enc(name) +
                          "&target_group=fleksjobbere&competences=" + enc("Truck, Lager") +
                          "&wished_hours_min=" + enc("7,5") + "&wished_hours_max=15");
        EXPECT_EQ(r.status, 303) << r.body;
        return count("SELECT id FROM citizens WHERE case_ref = $1", {ref});
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
    std::unique_ptr<CitizenService> m_service;
};

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

TEST_P(CitizensHttpTest, CreateViewListAndEditThroughPages) {
    auto form = get("/citizens/new", "case");
    ASSERT_EQ(form.status, 200) << form.body;
    EXPECT_TRUE(contains(form, "name=\"csrf_token\""));
    EXPECT_TRUE(contains(form, "Fleksjobbere"));
    const std::int64_t id = create("SAG-2018-017", "Mette Hansen");
    ASSERT_GT(id, 0);
    const std::string href = "/citizens/" + std::to_string(id);
    auto page = get(href, "case");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "Mette Hansen"));
    EXPECT_TRUE(contains(page, "SAG-2018-017"));
    EXPECT_TRUE(contains(page, "truck"));
    EXPECT_TRUE(contains(page, "7,5–15 timer om ugen"));
    EXPECT_TRUE(contains(page, "/placements?citizen=" + std::to_string(id)));
    EXPECT_TRUE(contains(page, "/jobs?citizen=" + std::to_string(id)));
    EXPECT_TRUE(contains(page, href + "/export.json"));
    EXPECT_TRUE(contains(page, href + "/log"));

    auto list = get("/citizens?q=" + enc("mette"), "case");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "Mette Hansen"));
    EXPECT_FALSE(contains(get("/citizens?q=" + enc("zzz"), "case"), "Mette Hansen"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'search' AND criteria = $1",
                    {std::string("søgning=mette")}),
              1);

    auto edit = get(href + "/edit", "case");
    ASSERT_EQ(edit.status, 200);
    EXPECT_TRUE(contains(edit, "value=\"lager, truck\""));
    auto saved = post(href, "case", "case_ref=SAG-2018-017&name=" + enc("Mette Jensen"));
    EXPECT_EQ(saved.status, 303) << saved.body;
    EXPECT_TRUE(contains(get(href, "admin"), "Mette Jensen"));

    auto log = get(href + "/log", "case");
    ASSERT_EQ(log.status, 200);
    EXPECT_TRUE(contains(log, "sagsbehandling"));
    EXPECT_TRUE(contains(log, "Sagsbehandler"));
    EXPECT_FALSE(contains(log, "<td>case</td>"));  // roles, never staff names
}

TEST_P(CitizensHttpTest, FormErrorsAreDanishAndStoreNothing) {
    auto r = post("/citizens", "case",
                  "case_ref=" + enc("010190-1234") + "&name=" + enc("Ole") +
                      "&wished_hours_max=40&postcode=42" + "&target_group=pirater&legal_hold=1");
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_TRUE(contains(r, "CPR-numre må ikke gemmes"));
    EXPECT_TRUE(contains(r, "mellem 0 og 37 timer"));
    EXPECT_TRUE(contains(r, "Postnummeret skal være fire cifre"));
    EXPECT_TRUE(contains(r, "Målgruppen findes ikke i ordlisten"));
    EXPECT_TRUE(contains(r, "retligt krav"));
    EXPECT_TRUE(contains(r, "value=\"Ole\""));  // values kept
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 0);
    create("SAG-1", "A");
    auto dup = post("/citizens", "case", "case_ref=SAG-1&name=B");
    ASSERT_EQ(dup.status, 422);
    EXPECT_TRUE(contains(dup, "Der findes allerede en borger med dette sagsnummer."));
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 1);
}

TEST_P(CitizensHttpTest, ExportIsAJsonAttachment) {
    const std::int64_t id = create("SAG-X", "Eksport Person");
    auto x = get("/citizens/" + std::to_string(id) + "/export.json", "case");
    ASSERT_EQ(x.status, 200) << x.body;
    EXPECT_NE(std::string(x.header("Content-Type").value_or("")).find("application/json"), std::string::npos);
    EXPECT_EQ(x.header("Content-Disposition"),
              "attachment; filename=\"borger-" + std::to_string(id) + "-indsigt.json\"");
    EXPECT_TRUE(web::is_valid_json(x.body));
    EXPECT_TRUE(contains(x, "\"case_ref\":\"SAG-X\""));
    EXPECT_TRUE(contains(x, "\"placements\":[]"));
    EXPECT_TRUE(contains(x, "\"access_report\""));
    EXPECT_TRUE(contains(x, "\"action\":\"export\""));
    EXPECT_FALSE(contains(x, "\"username\""));
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object_id = $1",
                    {std::to_string(id)}),
              1);
}

TEST_P(CitizensHttpTest, OtherRolesAreRefused) {
    const std::int64_t id = create("SAG-1", "A");
    const std::string href = "/citizens/" + std::to_string(id);
    for (const char* who : {"consultant", "sumak", "buyer"}) {
        EXPECT_EQ(get("/citizens", who).status, 403) << who;
        EXPECT_EQ(get(href, who).status, 403) << who;
        EXPECT_EQ(get(href + "/export.json", who).status, 403) << who;
        EXPECT_EQ(get(href + "/log", who).status, 403) << who;
        EXPECT_EQ(get("/api/v1/citizens/" + std::to_string(id), who).status, 403) << who;
        EXPECT_EQ(post("/citizens", who, "case_ref=SAG-2&name=B").status, 403) << who;
        EXPECT_EQ(get("/admin/retention", who).status, 403) << who;
    }
    EXPECT_EQ(get("/admin/retention", "case").status, 403);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 1);
    EXPECT_EQ(get("/citizens/999999", "case").status, 404);
}

TEST_P(CitizensHttpTest, ApiUsesTheSameViews) {
    const std::int64_t id = create("SAG-API", "Api Person");
    auto one = get("/api/v1/citizens/" + std::to_string(id), "case");
    ASSERT_EQ(one.status, 200);
    EXPECT_TRUE(contains(one, "\"name\":\"Api Person\""));
    EXPECT_TRUE(contains(one, "\"wished_hours_min\":750"));
    auto list = get("/api/v1/citizens?q=api", "admin");
    ASSERT_EQ(list.status, 200);
    EXPECT_TRUE(contains(list, "\"total\":1"));
    auto bad = post("/api/v1/citizens", "case", "case_ref=0101901234&name=X");
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_TRUE(contains(bad, "CPR-numre må ikke gemmes"));
    auto made =
        post("/api/v1/citizens", "case", "case_ref=SAG-API-2&name=Y&legal_hold=true&legal_hold_reason=Klage");
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_TRUE(contains(made, "\"legal_hold\":true"));
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 2);
}

TEST_P(CitizensHttpTest, RetentionPageShowsPreviewAndRuns) {
    // Created years ago, nothing since: due under 24 months.
    m_clock.set(*core::parse_iso_timestamp("2020-01-01T10:00:00Z"));
    create("SAG-GAMMEL", "Gammel");
    m_clock.set(*core::parse_iso_timestamp("2025-03-01T10:00:00Z"));
    create("SAG-NY", "Ny");
    auto page = get("/admin/retention", "admin");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_TRUE(contains(page, "SAG-GAMMEL"));
    EXPECT_FALSE(contains(page, "SAG-NY"));
    auto bad = post("/admin/retention", "admin", "months=3&mode=delete");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "mellem 6 og 120"));
    EXPECT_EQ(post("/admin/retention", "admin", "months=24&mode=delete").status, 303);
    EXPECT_EQ(post("/admin/retention/run", "admin", "").status, 303);
    EXPECT_EQ(count("SELECT COUNT(*) FROM citizens"), 1);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM audit_log WHERE action = 'delete' AND purpose = 'opbevaringsregel'"), 1);
}

BB_INSTANTIATE_BACKENDS(CitizensHttpTest);

}  // namespace
}  // namespace citizens_http
