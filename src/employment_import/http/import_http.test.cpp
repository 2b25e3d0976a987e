// The employment import routes through the real web::Dispatcher (sessions faked by hooks) on
// every storage backend: upload + result page, the escaped error page, example downloads,
// 403 for roles without access, the JSON API.
#include "employment_import/http/import_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/demo.hpp"
#include "support/test_db.hpp"
#include "tabular/xlsx_read.hpp"

namespace employment_import_http {
namespace {

using employment_import::Kind;

const std::string k_csrf(40, 'c');
const std::string k_boundary = "----bbTestBoundary";
const std::string k_placement_header = "sagsnummer;navn;virksomhed;indsatstype;henvist;start;slut;udfald\r\n";

class EmploymentImportHttpTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        ASSERT_TRUE(enterprises::load_demo(*m_registry, core::Actor::system("test")).ok());
        m_importer = std::make_unique<employment_import::Importer>(database(), m_clock, m_audit, *m_registry);
        m_templates.add("web", web::layout_templates());
        m_templates.add("employment_import", templates());
        m_site = std::make_unique<web::Site>(
            m_templates, web::SiteSettings{},
            [](const std::optional<core::Actor>&, std::string_view) { return web::View::List{}; });
        register_routes(m_router, *m_site, *m_importer);
        web::AuthHooks hooks;
        hooks.resolve_session = [](std::string_view token,
                                   const web::Request&) -> std::optional<web::Principal> {
            auto role = core::parse_role(token);
            if (!role) return std::nullopt;
            web::Principal p;
            p.actor.username = std::string(token);
            p.actor.user_id = 3;
            p.actor.role = *role;
            if (*role == core::Role::Enterprise) p.actor.enterprise_id = 1;
            p.display_name = std::string(token);
            p.csrf_token = k_csrf;
            p.session_token = std::string(token);
            return p;
        };
        m_dispatcher = std::make_unique<web::Dispatcher>(m_router, *m_site, nullptr, hooks);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_importer.reset();
        m_registry.reset();
        BackendTest::TearDown();
    }

    web::Response call(web::Method method, const std::string& target, const std::string& role,
                       const std::string& content_type = {}, std::string body = {},
                       bool csrf_header = false) {
        web::Request req;
        req.method = method;
        req.target = target;
        auto q = target.find('?');
        req.path = target.substr(0, q);
        req.query = q == std::string::npos ? "" : target.substr(q + 1);
        req.headers.emplace_back("host", "localhost");
        if (!role.empty()) req.headers.emplace_back("cookie", m_site->session_cookie_name(req) + "=" + role);
        if (!content_type.empty()) req.headers.emplace_back("content-type", content_type);
        if (csrf_header) req.headers.emplace_back("x-csrf-token", k_csrf);
        req.body = std::move(body);
        return m_dispatcher->handle(req);
    }
    web::Response upload(const std::string& path, const std::string& role, const std::string& filename,
                         const std::string& data, bool dry_run = false) {
        std::string body = "--" + k_boundary +
                           "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + k_csrf +
                           "\r\n";
        if (dry_run)
            body += "--" + k_boundary + "\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\n1\r\n";
        body += "--" + k_boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
                filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + data + "\r\n--" + k_boundary + "--\r\n";
        return call(web::Method::Post, path, role, "multipart/form-data; boundary=" + k_boundary,
                    std::move(body));
    }
    std::int64_t count(const std::string& table) {
        auto r = database().read([&](db::Connection& c) { return c.query("SELECT COUNT(*) FROM " + table); });
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-24T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
    std::unique_ptr<employment_import::Importer> m_importer;
    web::Templates m_templates;
    std::unique_ptr<web::Site> m_site;
    web::Router m_router;
    std::unique_ptr<web::Dispatcher> m_dispatcher;
};

TEST_P(EmploymentImportHttpTest, FormPagesAndExamplesPerRole) {
    for (const char* path : {"/import/agreements", "/import/placements", "/import/jobs"}) {
        auto page = call(web::Method::Get, path, "caseworker");
        EXPECT_EQ(page.status, 200) << path;
        EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
        EXPECT_NE(page.body.find(k_csrf), std::string::npos);
        EXPECT_NE(page.body.find(std::string(path) + "/eksempel.csv"), std::string::npos);
        EXPECT_EQ(call(web::Method::Get, path, "admin").status, 200);
        EXPECT_EQ(call(web::Method::Get, path, "enterprise").status, 403) << path;
        EXPECT_EQ(call(web::Method::Get, path, "buyer").status, 403) << path;
    }
    EXPECT_EQ(call(web::Method::Get, "/import/agreements", "consultant").status, 200);
    EXPECT_EQ(call(web::Method::Get, "/import/placements", "consultant").status, 403);
    EXPECT_EQ(call(web::Method::Get, "/import/jobs", "consultant").status, 403);
    EXPECT_EQ(upload("/import/placements", "consultant", "f.csv",
                     std::string(employment_import::example_csv(Kind::Placements)))
                  .status,
              403);

    auto csv = call(web::Method::Get, "/import/placements/eksempel.csv", "caseworker");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"forloeb-eksempel.csv\"");
    EXPECT_EQ(csv.body, "\xEF\xBB\xBF" + std::string(employment_import::example_csv(Kind::Placements)));
    auto xlsx = call(web::Method::Get, "/import/jobs/eksempel.xlsx", "admin");
    EXPECT_EQ(xlsx.status, 200);
    auto sheet = tabular::read_xlsx(xlsx.body);
    ASSERT_FALSE(sheet.error);
    EXPECT_EQ(sheet.table.rows.at(0).cells.at(0), "sagsnummer");
}

TEST_P(EmploymentImportHttpTest, UploadExamplesInOrder) {
    auto a = upload("/import/agreements", "consultant", "aftaler.csv",
                    std::string(employment_import::example_csv(Kind::Agreements)));
    EXPECT_EQ(a.status, 200) << a.body;
    EXPECT_NE(a.body.find("2 aftaler er importeret."), std::string::npos);
    auto dry = upload("/import/placements", "caseworker", "forloeb.csv",
                      std::string(employment_import::example_csv(Kind::Placements)), true);
    EXPECT_EQ(dry.status, 200);
    EXPECT_NE(dry.body.find("4 forløb er kontrolleret uden fejl"), std::string::npos) << dry.body;
    EXPECT_EQ(count("placements"), 0);
    auto p = upload("/import/placements", "caseworker", "forloeb.csv",
                    std::string(employment_import::example_csv(Kind::Placements)));
    EXPECT_EQ(p.status, 200);
    EXPECT_NE(p.body.find("4 forløb er importeret. 4 nye borgere er oprettet."), std::string::npos) << p.body;
    auto j =
        upload("/import/jobs", "admin", "job.csv", std::string(employment_import::example_csv(Kind::Jobs)));
    EXPECT_EQ(j.status, 200);
    EXPECT_NE(j.body.find("2 job er importeret. 4 rækker med timer og intensitet. 1 ny borger er oprettet."),
              std::string::npos)
        << j.body;
    EXPECT_EQ(count("job_hours"), 4);
}

TEST_P(EmploymentImportHttpTest, ErrorPageAtLine500EscapedAndNothingStored) {
    std::string csv = k_placement_header;
    for (int line = 2; line <= 600; ++line)
        csv += "H-" + std::to_string(line) +
               ";Borger;VeteranHaven;lab_2_3;2018-02-01;2018-02-02;2018-03-01;" +
               (line == 500 ? "<b>bad</b>" : "education") + "\r\n";
    auto r = upload("/import/placements", "caseworker", "forloeb.csv", csv);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("<td class=\"numeric\">500</td><td>udfald</td>"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("<b>bad</b>"), std::string::npos);
    EXPECT_NE(r.body.find("&lt;b&gt;bad&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(count("placements"), 0);
    EXPECT_EQ(count("citizens"), 0);
    auto wrong = upload("/import/jobs", "caseworker", "job.xlsx", "sagsnummer\r\n");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("ikke en Excel-fil"), std::string::npos);
}

TEST_P(EmploymentImportHttpTest, JsonApi) {
    std::string csv = k_placement_header + "A-1;Borger;VeteranHaven;lab_2_3;2018-02-01;2018-01-01;;\r\n";
    EXPECT_EQ(call(web::Method::Post, "/api/v1/import/placements", "caseworker", "text/csv", csv).status,
              403);  // no CSRF
    auto bad = call(web::Method::Post, "/api/v1/import/placements", "caseworker", "text/csv", csv, true);
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_NE(bad.body.find("\"line\":2"), std::string::npos) << bad.body;
    EXPECT_NE(bad.body.find("\"column\":\"start\""), std::string::npos);
    std::string good = k_placement_header + "A-1;Borger;VeteranHaven;lab_2_3;2018-02-01;2018-02-01;;\r\n";
    auto dry =
        call(web::Method::Post, "/api/v1/import/placements?dry_run=1", "caseworker", "text/csv", good, true);
    EXPECT_EQ(dry.status, 200) << dry.body;
    EXPECT_NE(dry.body.find("\"dry_run\":true"), std::string::npos);
    EXPECT_EQ(count("placements"), 0);
    auto ok = call(web::Method::Post, "/api/v1/import/placements", "caseworker", "text/csv; charset=utf-8",
                   good, true);
    EXPECT_EQ(ok.status, 200) << ok.body;
    EXPECT_NE(ok.body.find("\"created\":1"), std::string::npos);
    EXPECT_EQ(count("placements"), 1);
    EXPECT_EQ(
        call(web::Method::Post, "/api/v1/import/placements", "caseworker", "text/plain", good, true).status,
        415);
    EXPECT_EQ(call(web::Method::Post, "/api/v1/import/jobs", "consultant", "text/csv", good, true).status,
              403);
}

BB_INSTANTIATE_BACKENDS(EmploymentImportHttpTest);

}  // namespace
}  // namespace employment_import_http
