// Enterprise import/export on every storage backend: all or nothing, line numbers, messages.
#include "enterprises/import.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "enterprises/demo.hpp"
#include "enterprises/import_cli.hpp"
#include "support/test_db.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_read.hpp"
#include "tabular/xlsx_write.hpp"

namespace enterprises {
namespace {

core::Actor actor_with(core::Role role, std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.username = std::string(core::role_code(role));
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

const std::string k_header =
    "navn;cvr;juridisk_form;type;kommune;maalgrupper;ansatte;aarsvaerk;status;status_dato\n";

std::string row(const std::string& name, const std::string& cvr = "",
                const std::string& extra_status = "Etableret") {
    return name + ";" + cvr + ";ApS;Socialøkonomisk virksomhed;Slagelse;Fleksjobbere|unge;12;1,5;" +
           extra_status + ";2018-01-01\n";
}

class ImportTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_service = std::make_unique<EnterpriseService>(database(), m_clock, m_audit);
    }
    void TearDown() override {
        m_service.reset();
        BackendTest::TearDown();
    }
    ImportReport run(const std::string& bytes, const core::Actor* who = nullptr) {
        auto r = import_enterprises(*m_service, bytes, who ? *who : m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : ImportReport{};
    }
    std::int64_t stored() {
        auto n = m_service->count_all();
        EXPECT_TRUE(n.ok());
        return n.ok() ? *n : -1;
    }
    static std::string dump(const ImportReport& r) {
        std::string out;
        for (const auto& e : r.errors)
            out += std::to_string(e.line) + " " + e.column + ": " + e.message + "\n";
        return out;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<EnterpriseService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant);
};

TEST_P(ImportTest, ValidFileCreatesAllRows) {
    std::string csv = "\xEF\xBB\xBF" + k_header + row("Æblehaven", demo_cvr(1000001)) +
                      "\"Kaffe; og kage\";;forening;initiative;Sorø;;;;on_the_way;2020-05-01\r\n" +
                      ";;;;;;;;;\n";
    auto r = run(csv);
    EXPECT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.rows, 2u);
    EXPECT_EQ(r.created, 2u);
    EXPECT_EQ(stored(), 2);
    auto page = m_service->list({}, m_consultant);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->items.size(), 2u);
    auto e = m_service->get(page->items[1].id, m_consultant);  // by name: Æblehaven last
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e->name, "Æblehaven");
    EXPECT_EQ(e->legal_form, "aps");
    EXPECT_EQ(e->fte_tenths, 15);
    ASSERT_EQ(e->target_groups.size(), 2u);
    EXPECT_EQ(e->status, Status::Established);
}

TEST_P(ImportTest, BadRowAtLine500StoresNothing) {
    std::string csv = k_header;
    for (int line = 2; line <= 600; ++line)
        csv += row("Virksomhed " + std::to_string(line), "", line == 500 ? "ukendt_status" : "Etableret");
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 500u);
    EXPECT_EQ(r.errors[0].column, "status");
    EXPECT_NE(r.errors[0].message.find("Ukendt status 'ukendt_status'"), std::string::npos);
    EXPECT_EQ(r.rows, 599u);
    EXPECT_EQ(r.created, 0u);
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, ServiceValidationErrorsNameLineAndColumn) {
    std::string csv = k_header + row("God") + row("", "") + row("Dårlig CVR", "12345678");
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].column, "navn");
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].column, "cvr");
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, DuplicateCvrInFileAndAgainstTheRegistry) {
    EnterpriseInput existing;
    existing.name = "Findes";
    existing.cvr = demo_cvr(2000002);
    existing.kind = "social_enterprise";
    existing.municipality = "Slagelse";
    existing.status = "idea";
    existing.status_date = "2020-01-01";
    ASSERT_TRUE(m_service->create(existing, m_consultant).ok());

    std::string csv =
        k_header + row("A", demo_cvr(3000003)) + row("B", demo_cvr(2000002)) + row("C", demo_cvr(3000003));
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 2u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].message, "Der findes allerede en virksomhed med dette CVR-nummer.");
    EXPECT_EQ(r.errors[1].line, 4u);
    EXPECT_EQ(r.errors[1].message,
              "CVR-nummeret " + demo_cvr(3000003) + " står flere gange i filen (linje 2 og 4).");
    EXPECT_EQ(stored(), 1);
}

TEST_P(ImportTest, UnknownVocabularyValues) {
    std::string csv =
        "navn;juridisk_form;type;kommune;maalgrupper;status;status_dato\n"
        "A;Aktieselskab X;social_enterprise;Slagelse;Unge|Ukendte;idea;2020-01-01\n"
        "B;;ukendt type;Slagelse;;idea;2020-01-01\n";
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 3u) << dump(r);
    EXPECT_EQ(r.errors[0].column, "juridisk_form");
    EXPECT_NE(r.errors[0].message.find("Ukendt juridisk form 'Aktieselskab X'. Brug en af: ApS"),
              std::string::npos);
    EXPECT_EQ(r.errors[1].column, "maalgrupper");
    EXPECT_NE(r.errors[1].message.find("Ukendt målgruppe 'Ukendte'"), std::string::npos);
    EXPECT_EQ(r.errors[2].line, 3u);
    EXPECT_EQ(r.errors[2].column, "type");
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, OverLongText) {
    std::string csv = k_header + row(std::string(201, 'x'));
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].column, "navn");
    EXPECT_EQ(r.errors[0].message, "Navnet må højst være 200 tegn.");
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, Latin1FileGetsTheUtf8Message) {
    std::string csv = k_header + row("A") +
                      "K\xF8"
                      "kken;;;social_enterprise;K\xF8ge;;;;idea;2020-01-01\n";
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 3u);
    EXPECT_EQ(r.errors[0].message, "Filen er ikke UTF-8 (linje 3). Gem den som 'CSV UTF-8' i Excel.");
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, FormulaCellsAreRefused) {
    std::string csv = k_header + row("=HYPERLINK(\"http://x\")") + row("- punkt er fint");
    auto r = run(csv);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 2u);
    EXPECT_EQ(r.errors[0].column, "navn");
    EXPECT_NE(r.errors[0].message.find("formel"), std::string::npos);
    EXPECT_EQ(stored(), 0);
}

TEST_P(ImportTest, HeaderProblems) {
    auto r = run("navn;farve\nA;rød\n");
    ASSERT_FALSE(r.ok());
    EXPECT_NE(dump(r).find("Ukendt kolonne 'farve'"), std::string::npos) << dump(r);
    EXPECT_NE(dump(r).find("Kolonnen 'kommune' mangler"), std::string::npos);
    auto empty = run("");
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.errors[0].message.find("tom"), std::string::npos);
}

TEST_P(ImportTest, OnlyStaffMayImport) {
    auto caseworker = actor_with(core::Role::Caseworker);
    auto r = import_enterprises(*m_service, k_header + row("A"), caseworker);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Forbidden);
}

TEST_P(ImportTest, XlsxImportWithSerialDatesAndHeaderVariants) {
    auto bytes = tabular::write_xlsx(
        "Ark1", {"Navn", "Type", "Kommune", "Målgrupper", "Status", "Status dato"},
        {{"Fra Excel", "Socialøkonomisk initiativ", "Slagelse", "Unge", "Idé", "2021-06-01"}});
    ASSERT_TRUE(bytes.ok());
    auto r = run(*bytes);
    EXPECT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.created, 1u);
    EXPECT_EQ(stored(), 1);
}

TEST_P(ImportTest, ExportNeutralisesAndRespectsVisibility) {
    EnterpriseInput in;
    in.name = "=HYPERLINK(\"http://x\")";
    in.kind = "social_enterprise";
    in.municipality = "Slagelse";
    in.status = "established";
    in.status_date = "2018-01-01";
    auto a = m_service->create(in, m_consultant);
    ASSERT_TRUE(a.ok());
    in.name = "Anden; virksomhed";
    in.municipality = "Sorø";
    auto b = m_service->create(in, m_consultant);
    ASSERT_TRUE(b.ok());

    auto csv = export_csv(*m_service, {}, m_consultant);
    ASSERT_TRUE(csv.ok());
    auto parsed = tabular::read_csv(*csv);
    ASSERT_FALSE(parsed.error);
    ASSERT_EQ(parsed.table.rows.size(), 3u);
    EXPECT_EQ(parsed.table.rows[0].cells[0], "navn");
    EXPECT_EQ(parsed.table.rows[1].cells[0], "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(parsed.table.rows[2].cells[0], "Anden; virksomhed");
    EXPECT_EQ(parsed.table.rows[1].cells[13], "Etableret");

    EnterpriseFilter only_soroe;
    only_soroe.municipality = "Sorø";
    auto filtered = export_table(*m_service, only_soroe, m_consultant);
    ASSERT_TRUE(filtered.ok());
    EXPECT_EQ(filtered->rows.size(), 1u);

    auto own = actor_with(core::Role::Enterprise, a->id);
    auto mine = export_table(*m_service, {}, own);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->rows.size(), 1u);
    EXPECT_EQ(mine->rows[0][0], "=HYPERLINK(\"http://x\")");
    auto buyer = actor_with(core::Role::Buyer);
    EXPECT_FALSE(export_table(*m_service, {}, buyer).ok());

    auto xlsx = export_xlsx(*m_service, {}, m_consultant);
    ASSERT_TRUE(xlsx.ok());
    auto sheet = tabular::read_xlsx(*xlsx);
    ASSERT_FALSE(sheet.error);
    ASSERT_EQ(sheet.table.rows.size(), 3u);
    EXPECT_EQ(sheet.table.rows[1].cells[0], "'=HYPERLINK(\"http://x\")");
}

TEST_P(ImportTest, CliReportsErrorsAndProgress) {
    std::string path = ::testing::TempDir() + "/import-cli-" + GetParam() + ".csv";
    {
        std::ofstream f(path, std::ios::binary);
        f << k_header << row("A") << row("B", "12345678");
    }
    std::ostringstream out, err;
    int code = import_command({"enterprises", path}, *m_service, core::Actor::system("cli"), out, err, true);
    EXPECT_EQ(code, 2);
    EXPECT_NE(err.str().find("\r2/2 rækker kontrolleret"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("linje 3, cvr: "), std::string::npos) << err.str();
    EXPECT_EQ(stored(), 0);
    {
        std::ofstream f(path, std::ios::binary);
        f << k_header << row("A") << row("B");
    }
    std::ostringstream out2, err2;
    EXPECT_EQ(
        import_command({"enterprises", path}, *m_service, core::Actor::system("cli"), out2, err2, false), 0);
    EXPECT_EQ(out2.str(), "2 virksomheder er importeret.\n");
    EXPECT_EQ(stored(), 2);
    std::remove(path.c_str());
}

TEST_P(ImportTest, ExampleFilesOfTheDocumentationImport) {
    auto read = [](const std::string& name) {
        std::ifstream f(std::string(BB_SOURCE_DIR) + "/docs/examples/" + name, std::ios::binary);
        std::ostringstream s;
        s << f.rdbuf();
        return s.str();
    };
    std::string csv = read("virksomheder.csv");
    EXPECT_EQ(csv, import_example_csv());
    auto r = run(csv);
    EXPECT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.created, 2u);
    // The same rows from the .xlsx conflict with nothing (no CVR) and import too.
    auto x = run(read("virksomheder.xlsx"));
    EXPECT_TRUE(x.ok()) << dump(x);
    EXPECT_EQ(x.created, 2u);
    EXPECT_EQ(stored(), 4);
}

BB_INSTANTIATE_BACKENDS(ImportTest);

}  // namespace
}  // namespace enterprises
