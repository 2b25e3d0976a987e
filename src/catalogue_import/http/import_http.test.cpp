// The catalogue import and export routes through the real web::Dispatcher (sessions faked by
// hooks) on every storage backend: upload + result page, error page at line 500, examples,
// 403 for buyer and caseworker, an enterprise user's rows for another enterprise, the JSON API
// and the neutralised export.
#include "catalogue_import/http/import_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "employment_import/http/import_http.hpp"
#include "enterprises/demo.hpp"
#include "support/test_db.hpp"
#include "tabular/xlsx_read.hpp"

namespace catalogue_import_http {
namespace {

const std::string k_csrf(40, 'c');
const std::string k_boundary = "----bbTestBoundary";
const std::string k_header = "virksomhed;titel;beskrivelse;kategori;pris;enhed;leveringsomraade;status\r\n";

class CatalogueImportHttpTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_registry = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        ASSERT_TRUE(enterprises::load_demo(*m_registry, core::Actor::system("test")).ok());
        m_catalogue = std::make_unique<catalogue::CatalogueService>(database(), m_clock, m_audit);
        m_importer = std::make_unique<catalogue_import::Importer>(database(), *m_registry, *m_catalogue);
        m_templates.add("web", web::layout_templates());
        m_templates.add("employment_import", employment_import_http::templates());
        m_templates.add("catalogue_import", templates());
        m_site = std::make_unique<web::Site>(
            m_templates, web::SiteSettings{},
            [](const std::optional<core::Actor>&, std::string_view) { return web::View::List{}; });
        register_routes(m_router, *m_site, *m_importer, *m_catalogue);
        auto sumak = database().read(
            [](db::Connection& c) { return c.query("SELECT id FROM enterprises WHERE name = 'Sumak'"); });
        ASSERT_TRUE(sumak.ok());
        const std::int64_t sumak_id = sumak->first().int64(0);
        web::AuthHooks hooks;
        hooks.resolve_session = [sumak_id](std::string_view token,
                                           const web::Request&) -> std::optional<web::Principal> {
            auto role = core::parse_role(token);
            if (!role) return std::nullopt;
            web::Principal p;
            p.actor.username = std::string(token);
            p.actor.user_id = 3;
            p.actor.role = *role;
            if (*role == core::Role::Enterprise) p.actor.enterprise_id = sumak_id;
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
        m_catalogue.reset();
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
    web::Response upload(const std::string& role, const std::string& data,
                         const std::string& filename = "katalog.csv") {
        std::string body =
            "--" + k_boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + k_csrf +
            "\r\n--" + k_boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            filename + "\"\r\nContent-Type: text/csv\r\n\r\n" + data + "\r\n--" + k_boundary + "--\r\n";
        return call(web::Method::Post, "/import/catalogue", role,
                    "multipart/form-data; boundary=" + k_boundary, std::move(body));
    }
    std::int64_t items() {
        auto r = database().read(
            [&](db::Connection& c) { return c.query("SELECT COUNT(*) FROM catalogue_items"); });
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2026-11-24T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_registry;
    std::unique_ptr<catalogue::CatalogueService> m_catalogue;
    std::unique_ptr<catalogue_import::Importer> m_importer;
    web::Templates m_templates;
    std::unique_ptr<web::Site> m_site;
    web::Router m_router;
    std::unique_ptr<web::Dispatcher> m_dispatcher;
};

TEST_P(CatalogueImportHttpTest, FormAndExamplesForManagersOnly) {
    for (const char* role : {"admin", "consultant", "enterprise"}) {
        auto page = call(web::Method::Get, "/import/catalogue", role);
        EXPECT_EQ(page.status, 200) << role;
        EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
        EXPECT_NE(page.body.find("<code>leveringsomraade</code>"), std::string::npos);
    }
    for (const char* role : {"buyer", "caseworker"}) {
        EXPECT_EQ(call(web::Method::Get, "/import/catalogue", role).status, 403) << role;
        EXPECT_EQ(upload(role, std::string(catalogue_import::example_csv())).status, 403) << role;
        EXPECT_EQ(call(web::Method::Get, "/catalogue/items/export.csv", role).status, 403) << role;
    }
    EXPECT_EQ(items(), 0);
    auto csv = call(web::Method::Get, "/import/catalogue/eksempel.csv", "consultant");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.body, "\xEF\xBB\xBF" + std::string(catalogue_import::example_csv()));
    auto xlsx = call(web::Method::Get, "/import/catalogue/eksempel.xlsx", "admin");
    EXPECT_EQ(xlsx.status, 200);
    auto sheet = tabular::read_xlsx(xlsx.body);
    ASSERT_FALSE(sheet.error);
    EXPECT_EQ(sheet.table.rows.at(0).cells.at(2), "titel");
}

TEST_P(CatalogueImportHttpTest, UploadExampleAndErrorAtLine500) {
    auto ok = upload("consultant", std::string(catalogue_import::example_csv()));
    EXPECT_EQ(ok.status, 200) << ok.body;
    EXPECT_NE(ok.body.find("3 varer er importeret."), std::string::npos);
    EXPECT_EQ(items(), 3);
    std::string csv = k_header;
    for (int line = 2; line <= 600; ++line)
        csv += "Sumak;Vare " + std::to_string(line) + ";;" + (line == 500 ? "<b>x</b>" : "mad_catering") +
               ";;;;\r\n";
    auto bad = upload("admin", csv);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("<td class=\"numeric\">500</td><td>kategori</td>"), std::string::npos)
        << bad.body;
    EXPECT_EQ(bad.body.find("<b>x</b>"), std::string::npos);
    EXPECT_EQ(items(), 3);
}

TEST_P(CatalogueImportHttpTest, EnterpriseUserOnlyOwnRowsAndOwnExport) {
    auto other = upload("enterprise", k_header + "VeteranHaven;Have;;groenne_omraader;;;;\r\n");
    EXPECT_EQ(other.status, 422);
    EXPECT_NE(other.body.find("Du kan kun importere varer for din egen virksomhed."), std::string::npos);
    EXPECT_EQ(items(), 0);
    EXPECT_EQ(upload("admin", k_header + "VeteranHaven;=2+2 have;;groenne_omraader;;;;\r\n").status, 200);
    EXPECT_EQ(upload("enterprise", k_header + "Sumak;Suppe;;mad_catering;;;;\r\n").status, 200);
    auto all = call(web::Method::Get, "/catalogue/items/export.csv", "consultant");
    EXPECT_EQ(all.status, 200);
    EXPECT_EQ(all.header("Content-Disposition"), "attachment; filename=\"katalog.csv\"");
    EXPECT_NE(all.body.find(";'=2+2 have;"), std::string::npos) << all.body;
    auto own = call(web::Method::Get, "/catalogue/items/export.xlsx", "enterprise");
    EXPECT_EQ(own.status, 200);
    auto sheet = tabular::read_xlsx(own.body);
    ASSERT_FALSE(sheet.error);
    ASSERT_EQ(sheet.table.rows.size(), 2u);
    EXPECT_EQ(sheet.table.rows[1].cells.at(1), "Suppe");
}

TEST_P(CatalogueImportHttpTest, JsonApi) {
    const std::string good = k_header + "Sumak;Suppe;;mad_catering;;;;\r\n";
    EXPECT_EQ(call(web::Method::Post, "/api/v1/import/catalogue", "admin", "text/csv", good).status,
              403);  // no CSRF
    auto dry = call(web::Method::Post, "/api/v1/import/catalogue?dry_run=1", "admin", "text/csv", good, true);
    EXPECT_EQ(dry.status, 200) << dry.body;
    EXPECT_NE(dry.body.find("\"dry_run\":true"), std::string::npos);
    EXPECT_EQ(items(), 0);
    auto bad = call(web::Method::Post, "/api/v1/import/catalogue", "admin", "text/csv",
                    k_header + "Sumak;Suppe;;Rumfart;;;;\r\n", true);
    EXPECT_EQ(bad.status, 422);
    EXPECT_NE(bad.body.find("\"column\":\"kategori\""), std::string::npos) << bad.body;
    auto ok = call(web::Method::Post, "/api/v1/import/catalogue", "admin", "text/csv", good, true);
    EXPECT_EQ(ok.status, 200) << ok.body;
    EXPECT_EQ(items(), 1);
    EXPECT_EQ(call(web::Method::Post, "/api/v1/import/catalogue", "buyer", "text/csv", good, true).status,
              403);
    EXPECT_EQ(call(web::Method::Post, "/api/v1/import/catalogue", "admin", "text/plain", good, true).status,
              415);
}

BB_INSTANTIATE_BACKENDS(CatalogueImportHttpTest);

}  // namespace
}  // namespace catalogue_import_http
