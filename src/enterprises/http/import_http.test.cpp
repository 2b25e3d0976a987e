// The import/export routes through the real web::Dispatcher (sessions faked by hooks) on every
// storage backend: multipart upload with CSRF, all-or-nothing with escaped errors (FU-03),
// downloads with attachment headers and neutralised cells (FU-04), the JSON import.
#include "enterprises/http/import_http.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/http/enterprises_http.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "tabular/xlsx_read.hpp"

namespace enterprises_http {
namespace {

const std::string k_boundary = "----bbTestBoundary";

std::string header_row() {
    return "navn;cvr;type;kommune;status;status_dato\r\n";
}
std::string good_row(int i) {
    return "Virksomhed " + std::to_string(i) + ";;social_enterprise;Slagelse;idea;2020-01-01\r\n";
}

class ImportHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_service = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_templates.add("enterprises", templates());
        make_site();
        // The registry's /enterprises/{id:int} first: it does not swallow /enterprises/export.csv.
        register_routes(m_router, *m_site, *m_service);
        register_import_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        role_sessions(0, 1);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service.reset();
        BackendTest::TearDown();
    }

    web::Response upload(const std::string& role, const std::string& filename, const std::string& data,
                         std::optional<std::string> csrf = std::nullopt) {
        return post_multipart("/import/enterprises", role, {{"file", data, filename, "text/csv"}},
                              std::move(csrf));
    }
    std::int64_t stored() { return m_service->count_all().value(); }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_service;
};

TEST_P(ImportHttpTest, FormPageForStaffOnly) {
    auto page = request(web::Method::Get, "/import/enterprises", "consultant");
    EXPECT_EQ(page.status, 200);
    EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
    EXPECT_NE(page.body.find(csrf_of("consultant")), std::string::npos);
    EXPECT_NE(page.body.find("/import/enterprises/eksempel.csv"), std::string::npos);
    EXPECT_EQ(request(web::Method::Get, "/import/enterprises", "caseworker").status, 403);
    auto example = request(web::Method::Get, "/import/enterprises/eksempel.xlsx", "admin");
    EXPECT_EQ(example.status, 200);
    EXPECT_TRUE(tabular::looks_like_zip(example.body));
}

TEST_P(ImportHttpTest, UploadCreatesAll) {
    std::string csv = header_row();
    for (int i = 0; i < 5; ++i) csv += good_row(i);
    auto r = upload("consultant", "virksomheder.csv", csv);
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("5 virksomheder er importeret."), std::string::npos);
    EXPECT_EQ(stored(), 5);
}

TEST_P(ImportHttpTest, BadRowAtLine500StoresNothingAndEscapes) {
    std::string csv = header_row();
    for (int line = 2; line <= 600; ++line)
        csv += line == 500 ? "<script>alert(1)</script>;;social_enterprise;Slagelse;<b>bad</b>;2020-01-01\r\n"
                           : good_row(line);
    auto r = upload("consultant", "virksomheder.csv", csv);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("<td class=\"numeric\">500</td>"), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("<b>bad</b>"), std::string::npos);
    EXPECT_NE(r.body.find("&lt;b&gt;bad&lt;/b&gt;"), std::string::npos);
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportHttpTest, UploadNeedsCsrfAndAFileThatMatchesItsName) {
    EXPECT_EQ(upload("consultant", "v.csv", header_row() + good_row(1), std::string(40, 'x')).status, 403);
    EXPECT_EQ(upload("caseworker", "v.csv", header_row() + good_row(1)).status, 403);
    auto wrong = upload("consultant", "v.xlsx", header_row() + good_row(1));
    EXPECT_EQ(wrong.status, 422);
    EXPECT_NE(wrong.body.find("ikke en Excel-fil"), std::string::npos);
    auto php = upload("consultant", "x.php", "<?php echo 1; ?>");
    EXPECT_EQ(php.status, 422);
    auto latin1 = upload("consultant", "v.csv",
                         header_row() + "K\xF8ge;;social_enterprise;K\xF8ge;idea;2020-01-01\r\n");
    EXPECT_EQ(latin1.status, 422);
    EXPECT_NE(latin1.body.find("Filen er ikke UTF-8 (linje 2)."), std::string::npos);
    EXPECT_EQ(request(web::Method::Post, "/import/enterprises", "consultant",
                      "multipart/form-data; boundary=" + k_boundary, "junk")
                  .status,
              400);
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportHttpTest, ExportDownloads) {
    enterprises::EnterpriseInput in;
    in.name = "=HYPERLINK(\"http://x\")";
    in.kind = "social_enterprise";
    in.municipality = "Slagelse";
    in.status = "idea";
    in.status_date = "2020-01-01";
    ASSERT_TRUE(m_service->create(in, core::Actor::system("t")).ok());
    auto csv = request(web::Method::Get, "/enterprises/export.csv?municipality=Slagelse", "caseworker");
    EXPECT_EQ(csv.status, 200);
    EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"virksomheder.csv\"");
    EXPECT_EQ(csv.header("X-Content-Type-Options"), "nosniff");
    EXPECT_NE(csv.body.find("\r\n\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv.body;
    auto none = request(web::Method::Get, "/enterprises/export.csv?municipality=Sor%C3%B8", "admin");
    EXPECT_EQ(none.body.find("HYPERLINK"), std::string::npos);
    auto xlsx = request(web::Method::Get, "/enterprises/export.xlsx", "consultant");
    EXPECT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.header("Content-Disposition"), "attachment; filename=\"virksomheder.xlsx\"");
    auto sheet = tabular::read_xlsx(xlsx.body);
    ASSERT_FALSE(sheet.error);
    EXPECT_EQ(sheet.table.rows.at(1).cells.at(0), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(request(web::Method::Get, "/enterprises/export.csv", "buyer").status, 403);
    auto own =
        request(web::Method::Get, "/enterprises/export.csv", "enterprise");  // enterprise id 1 = this one
    EXPECT_EQ(own.status, 200);
}

TEST_P(ImportHttpTest, JsonImport) {
    std::string csv =
        header_row() + good_row(1) + "X;12345678;social_enterprise;Slagelse;idea;2020-01-01\r\n";
    auto bad = request(web::Method::Post, "/api/v1/import/enterprises", "consultant", "text/csv", csv);
    // A session-cookie call to the API still needs the CSRF header.
    EXPECT_EQ(bad.status, 403);
    const auto json_import = [&](std::string content_type, std::string body) {
        return request(web::Method::Post, "/api/v1/import/enterprises", "consultant", std::move(content_type),
                       std::move(body), {{"x-csrf-token", csrf_of("consultant")}});
    };
    auto r = json_import("text/csv; charset=utf-8", csv);
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_NE(r.body.find("\"line\":3"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("\"column\":\"cvr\""), std::string::npos);
    EXPECT_EQ(stored(), 0);
    auto ok = json_import("text/csv; charset=utf-8", header_row() + good_row(1));
    EXPECT_EQ(ok.status, 200) << ok.body;
    EXPECT_NE(ok.body.find("\"created\":1"), std::string::npos);
    EXPECT_EQ(json_import("text/plain", header_row() + good_row(1)).status, 415);
}

BB_INSTANTIATE_BACKENDS(ImportHttpTest);

}  // namespace
}  // namespace enterprises_http
