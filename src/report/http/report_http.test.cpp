// The annual report's pages through the real web::Dispatcher over the 2018 fixture, on every
// storage backend: golden JSON and HTML, downloads, roles, the public version, the editor.
//
// Golden files: src/report/testdata/report_2018.json and report_2018.html. Regenerate them
// after an intended change with BROBYGGER_UPDATE_GOLDEN=1 ./build/…/report_http_test and
// review the diff (docs/reports.md).
#include "report/http/report_http.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "report/test_fixture.hpp"
#include "support/page_harness.hpp"
#include "support/test_db.hpp"
#include "tabular/xlsx_read.hpp"
#include "web/templates.hpp"

namespace report_http {
namespace {

using core::Role;

bool contains(const web::Response& r, std::string_view s) {
    return r.body.find(s) != std::string::npos;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Compares `actual` with the golden file `name`, or rewrites it when BROBYGGER_UPDATE_GOLDEN=1.
void expect_golden(const std::string& name, const std::string& actual) {
    const std::string path = std::string(BB_REPORT_TESTDATA_DIR) + "/" + name;
    const char* update = std::getenv("BROBYGGER_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        return;
    }
    const std::string expected = read_file(path);
    ASSERT_FALSE(expected.empty()) << "missing golden file " << path
                                   << " (BROBYGGER_UPDATE_GOLDEN=1 writes it)";
    EXPECT_EQ(actual, expected) << "differs from " << path << "; BROBYGGER_UPDATE_GOLDEN=1 rewrites it";
}

std::string article(const std::string& body) {
    const auto from = body.find("<article class=\"report\">");
    const auto to = body.find("</article>");
    if (from == std::string::npos || to == std::string::npos) return {};
    return body.substr(from, to + 10 - from) + "\n";
}

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string temp_path(const std::string& suffix) {
    const char* t = std::getenv("TMPDIR");
    return std::string(t && *t ? t : "/tmp") + "/bb-report-" + std::to_string(getpid()) + "-" + suffix;
}

/// Every sheet of a workbook as text: "## name" and one line per row, cells joined by tabs.
std::string workbook_text(const std::string& bytes) {
    const auto first = tabular::read_xlsx(bytes);
    std::string out;
    for (const auto& name : first.sheet_names) {
        const auto sheet = tabular::read_xlsx_sheet(bytes, name);
        out += "## " + name + "\n";
        for (const auto& r : sheet.table.rows) {
            std::string line;
            for (std::size_t i = 0; i < r.cells.size(); ++i) line += (i ? "\t" : "") + r.cells[i];
            out += line + "\n";
        }
    }
    return out;
}

class ReportHttpTest : public test_support::BackendTest, protected test_support::PageHarness {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        report::testing::load_2018_fixture(database(), m_clock, m_audit);
        m_graph = std::make_unique<report::testing::ReportGraph>(database(), m_clock, m_audit, "Slagelse");
        m_service = &m_graph->service;
        m_templates.add("report", templates());
        make_site();
        register_routes(m_router, *m_site, *m_service);
        start_dispatcher();
        session("consultant", Role::Consultant, 1, std::nullopt);
        session("case", Role::Caseworker, 2, std::nullopt);
        session("admin", Role::Admin, 3, std::nullopt);
        session("sumak", Role::Enterprise, 4, 1);
        session("buyer", Role::Buyer, 5, std::nullopt);
    }
    void TearDown() override {
        m_dispatcher.reset();
        m_service = nullptr;
        m_graph.reset();
        BackendTest::TearDown();
    }
    std::vector<std::string> citizen_names() {
        std::vector<std::string> out;
        auto r = database().read([&](db::Connection& c) -> core::Result<void> {
            BB_ASSIGN(auto rows, c.query("SELECT name, case_ref FROM citizens"));
            for (const auto& row : rows.rows) {
                out.push_back(row.text(0));
                out.push_back(row.text(1));
            }
            return {};
        });
        EXPECT_TRUE(r.ok());
        return out;
    }

    core::ManualClock m_clock{report::testing::k_now};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<report::testing::ReportGraph> m_graph;
    report::ReportService* m_service = nullptr;
};

TEST_P(ReportHttpTest, GoldenJsonOf2018) {
    auto json = get("/report/2018.json", "consultant");
    ASSERT_EQ(json.status, 200) << json.body.substr(0, 500);
    EXPECT_TRUE(contains(json, "\"text\":\"10 af 25 (40 %)\""));
    EXPECT_TRUE(contains(json, "\"text\":\"22 af 34 (64 %)\""));
    EXPECT_TRUE(contains(json, "\"meetings\":4,\"meetings_next_year\":6"));
    EXPECT_TRUE(contains(json, "\"municipality\":35,\"other\":29,\"total\":64"));
    expect_golden("report_2018.json", json.body + "\n");
    EXPECT_EQ(get("/api/v1/report/2018", "consultant").body, json.body);
}

TEST_P(ReportHttpTest, GoldenHtmlOf2018) {
    auto page = get("/report/2018", "consultant");
    ASSERT_EQ(page.status, 200) << page.body.substr(0, 500);
    EXPECT_TRUE(contains(page, "<h1>Socialøkonomisk årsrapport 2018</h1>"));
    EXPECT_TRUE(contains(page, "er der 19 socialøkonomiske virksomheder og initiativer i Slagelse Kommune"));
    EXPECT_TRUE(
        contains(page, "I 2018 er der holdt 4 netværksmøder. For 2019 er der planlagt 6 netværksmøder."));
    EXPECT_TRUE(contains(page, "Job via jobcentret: 35. Job via andre kanaler: 29. I alt: 64."));
    EXPECT_TRUE(contains(page, "<th scope=\"col\">Via jobcentret</th>"));
    EXPECT_TRUE(contains(page, "<caption>Bevillinger og fondsmidler 2018</caption>"));
    EXPECT_TRUE(contains(page, "role=\"img\""));
    EXPECT_TRUE(contains(page, "<h2 id=\"recommendations\" class=\"report-chapter\">7. Anbefalinger</h2>"));
    EXPECT_TRUE(contains(page, "/static/css/report.css"));
    expect_golden("report_2018.html", article(page.body));
}

TEST_P(ReportHttpTest, GoldenXlsxSheetsOf2018) {
    auto xlsx = get("/report/2018.xlsx", "consultant");
    ASSERT_EQ(xlsx.status, 200);
    const std::string text = workbook_text(xlsx.body);
    EXPECT_NE(text.find("## Oversigt"), std::string::npos);
    EXPECT_NE(text.find("## Job"), std::string::npos);
    EXPECT_NE(text.find("## Bevillinger"), std::string::npos);
    EXPECT_NE(text.find("I alt\t35\t29\t64"), std::string::npos) << text.substr(0, 3000);
    expect_golden("report_2018_xlsx.txt", text);
}

TEST_P(ReportHttpTest, GoldenPdfTextOf2018AndAPageRenders) {
    if (!have("pdftotext") || !have("pdftoppm")) GTEST_SKIP() << "poppler-utils not installed";
    auto pdf = get("/report/2018.pdf", "consultant");
    ASSERT_EQ(pdf.status, 200);
    const std::string file = temp_path("report.pdf");
    const std::string out = temp_path("report.txt");
    std::ofstream(file, std::ios::binary) << pdf.body;
    ASSERT_EQ(std::system(("pdftotext -enc UTF-8 " + file + " " + out).c_str()), 0);
    const std::string text = read_file(out);
    std::remove(out.c_str());
    EXPECT_NE(text.find("Socialøkonomisk årsrapport 2018"), std::string::npos);
    EXPECT_NE(text.find("10 af 25 (40 %)"), std::string::npos);
    EXPECT_NE(text.find("22 af 34 (64 %)"), std::string::npos);
    EXPECT_NE(text.find("7. Anbefalinger"), std::string::npos);
    expect_golden("report_2018_pdf.txt", text);
    const std::string png = temp_path("page");
    ASSERT_EQ(std::system(("pdftoppm -png -r 40 -f 2 -l 2 " + file + " " + png).c_str()), 0);
    std::string rendered;
    for (const char* suffix : {"-2.png", "-02.png", "-002.png"}) {
        rendered = read_file(png + suffix);
        std::remove((png + suffix).c_str());
        if (!rendered.empty()) break;
    }
    std::remove(file.c_str());
    EXPECT_GT(rendered.size(), 1000u);
    EXPECT_EQ(rendered.substr(1, 3), "PNG");
}

TEST_P(ReportHttpTest, GoalTableSaysOnTheWayBeforeThePeriodEndsAndIngenDataWithoutData) {
    // A yearly goal whose metric has nothing recorded in 2018 (no purchases in the fixture).
    goals::GoalInput spend{
        "spend", "", "Køb for 100.000 kr. om året", "100000", "2017-01-01", "2020-12-31", "per_year", "",
        "",      ""};
    ASSERT_TRUE(m_graph->goals.service.create(spend, report::testing::actor(Role::Consultant)).ok());
    const std::string page = article(get("/report/2018", "consultant").body);
    // "25 … ved udgangen af 2020" has not ended in 2018: on the way, not "Nej (76 %)".
    EXPECT_NE(page.find("<td class=\"numeric\">19</td><td class=\"numeric\">25</td><td>På vej (76 % af "
                        "målet)</td>"),
              std::string::npos)
        << page.substr(0, 6000);
    EXPECT_NE(page.find("<td>Nået</td>"), std::string::npos);  // 35 of 30 jobs in 2018
    EXPECT_NE(page.find("<td>Ingen data</td><td class=\"numeric\">100.000 kr.</td><td>Ingen data</td>"),
              std::string::npos);
    EXPECT_EQ(page.find("Nej ("), std::string::npos);
    EXPECT_EQ(page.find("Ikke nået"), std::string::npos);
    const std::string text = workbook_text(get("/report/2018.xlsx", "consultant").body);
    EXPECT_NE(text.find("\t19\t25\tPå vej (76 % af målet)"), std::string::npos);
    auto json = get("/report/2018.json", "consultant");
    EXPECT_TRUE(contains(json, "\"status\":\"on_the_way\",\"status_label\":\"På vej (76 % af målet)\""));
    EXPECT_TRUE(contains(json, "\"status\":\"no_data\""));
}

TEST_P(ReportHttpTest, DownloadsHaveTheRightContentType) {
    auto pdf = get("/report/2018.pdf", "consultant");
    ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
    EXPECT_EQ(pdf.header("Content-Type").value_or(""), "application/pdf");
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    auto xlsx = get("/report/2018.xlsx", "case");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_EQ(xlsx.header("Content-Type").value_or(""),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    auto pub = get("/report/2018/public.pdf", "buyer");
    ASSERT_EQ(pub.status, 200);
    EXPECT_EQ(pub.body.substr(0, 5), "%PDF-");
    EXPECT_EQ(get("/report/2018/public.xlsx", "sumak").status, 200);
}

TEST_P(ReportHttpTest, RolesSeeTheirVersion) {
    for (const char* s : {"consultant", "case", "admin"}) EXPECT_EQ(get("/report/2018", s).status, 200) << s;
    for (const char* s : {"sumak", "buyer"}) {
        EXPECT_EQ(get("/report/2018", s).status, 403) << s;
        EXPECT_EQ(get("/report/2018.json", s).status, 403) << s;
        EXPECT_EQ(get("/report/2018/public", s).status, 200) << s;
        auto index = get("/report?year=2018", s);
        ASSERT_EQ(index.status, 200);
        EXPECT_FALSE(contains(index, "href=\"/report/2018.pdf\""));
        EXPECT_TRUE(contains(index, "href=\"/report/2018/public.pdf\""));
    }
    EXPECT_EQ(get("/report/2018").status, 303);  // anonymous: to the login page
    EXPECT_EQ(get("/report/2018/texts", "case").status, 403);
    EXPECT_EQ(get("/report/points", "consultant").status, 403);
}

TEST_P(ReportHttpTest, NoCitizenNamesInAnyVersion) {
    const auto ids = citizen_names();
    ASSERT_FALSE(ids.empty());
    for (const char* path : {"/report/2018", "/report/2018.json", "/report/2018/public",
                             "/report/2018/public.json", "/report/2018/midyear?date=2018-06-30"}) {
        const auto body = get(path, "consultant").body;
        EXPECT_EQ(body.find("DEMO-"), std::string::npos) << path;
        for (const auto& id : ids) EXPECT_EQ(body.find(id), std::string::npos) << path << ": " << id;
    }
}

TEST_P(ReportHttpTest, PublicVersionShowsSmallCountsAsLessThanFive) {
    auto page = get("/report/2018/public", "buyer");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page, "offentlig udgave"));
    EXPECT_TRUE(contains(page, "&lt;5"));
    EXPECT_FALSE(contains(page, "Borger A"));
    auto json = get("/report/2018/public.json", "sumak");
    ASSERT_EQ(json.status, 200);
    EXPECT_TRUE(contains(json, "\"public_version\":true"));
    EXPECT_TRUE(contains(json, "\"<5\""));
    EXPECT_TRUE(contains(json, "\"progression\":[]"));
}

TEST_P(ReportHttpTest, AYearWithoutDataSaysSoPlainly) {
    auto page = get("/report/2031", "consultant");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page, "Der er ingen registrerede data for 2031."));
    EXPECT_FALSE(contains(page, "<table"));
    auto json = get("/report/2031.json", "consultant");
    EXPECT_TRUE(contains(json, "\"has_data\":false"));
    EXPECT_TRUE(contains(json, "\"message\":\"Der er ingen registrerede data for 2031.\""));
    EXPECT_EQ(get("/report/20x1", "consultant").status, 404);
    EXPECT_EQ(get("/report/2018.doc", "consultant").status, 404);
    auto bad = get("/report?year=tyve", "consultant");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv et årstal med fire cifre fra 2000 til 2100."));
}

TEST_P(ReportHttpTest, NarrativeMarkupIsEscaped) {
    auto saved =
        post("/report/2018/texts", "consultant",
             "preface=" + enc("<script>alert('x')</script> & <b>fed</b>") + "&introduction=Indledning");
    ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
    auto page = get("/report/2018", "consultant");
    EXPECT_FALSE(contains(page, "<script>alert"));
    EXPECT_FALSE(contains(page, "<b>fed</b>"));
    EXPECT_TRUE(
        contains(page, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;") ||
        contains(page, "&lt;script&gt;alert("))
        << article(page.body).substr(0, 600);
    auto editor = get("/report/2018/texts", "consultant");
    EXPECT_FALSE(contains(editor, "<script>alert"));
}

TEST_P(ReportHttpTest, EditorKeepsValuesAndNamesTheFieldOnError) {
    auto editor = get("/report/2018/texts", "admin");
    ASSERT_EQ(editor.status, 200);
    EXPECT_TRUE(contains(editor, "6.10 Tilføjelse D"));
    auto bad = post("/report/2018/texts", "admin",
                    "preface=Mit+forord&evaluation_from=2018-02-30&evaluation_to=2018-12-31");
    ASSERT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Mit forord"));
    EXPECT_TRUE(contains(bad, "href=\"#evaluation_from\""));
    auto after = m_service->narrative(2018, report::testing::actor(Role::Admin));
    ASSERT_TRUE(after.ok());
    EXPECT_NE(after->preface, "Mit forord");  // nothing stored
}

TEST_P(ReportHttpTest, MidYearStatusAgainstTheGoal) {
    auto page = get("/report/2018/midyear?date=2018-12-31", "case");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page, "Job via jobcentret: 35."));
    auto bad = get("/report/2018/midyear?date=2018-02-31", "consultant");
    EXPECT_EQ(bad.status, 422);
    auto json = get("/report/2018/midyear?date=2018-12-31&format=json", "consultant");
    EXPECT_TRUE(contains(json, "\"to\":\"2018-12-31\""));
    EXPECT_EQ(get("/report/2018/midyear", "buyer").status, 403);
}

TEST_P(ReportHttpTest, AdminEditsStrategyPoints) {
    auto page = get("/report/points", "admin");
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(contains(page, "6.1 CSR og socialøkonomi"));
    auto bad = post("/report/points", "admin", "code=&title=Ny&valid_from=20");
    EXPECT_EQ(bad.status, 422);
    EXPECT_TRUE(contains(bad, "Skriv punktets nummer"));
    EXPECT_TRUE(contains(bad, "value=\"Ny\""));
    auto ok = post("/report/points", "admin", "code=8.1&title=Nyt+punkt&position=20&valid_from=2019");
    EXPECT_EQ(ok.status, 303);
    EXPECT_TRUE(contains(get("/report/2019/texts", "admin"), "8.1 Nyt punkt"));
}

BB_INSTANTIATE_BACKENDS(ReportHttpTest);

}  // namespace
}  // namespace report_http
