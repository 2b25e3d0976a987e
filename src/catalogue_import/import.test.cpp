// Catalogue item import and export on SQLite and PostgreSQL: the example file, a bad row at
// line 500 of a generated file, unknown category, an enterprise user's rows for another
// enterprise, Latin-1, Danish search over imported items, formula neutralisation on export.
#include "catalogue_import/import.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>

#include "employment_import/test_fixture.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_read.hpp"
#include "tabular/xlsx_write.hpp"

namespace catalogue_import {
namespace {

using employment_import::testing::actor_with;

class CatalogueImportTest : public employment_import::testing::ImportFixture {
protected:
    void SetUp() override {
        ImportFixture::SetUp();
        m_catalogue = std::make_unique<catalogue::CatalogueService>(database(), m_clock, m_audit);
        m_items = std::make_unique<Importer>(database(), *m_registry, *m_catalogue);
    }
    void TearDown() override {
        m_items.reset();
        m_catalogue.reset();
        ImportFixture::TearDown();
    }
    Report import(const std::string& bytes, const core::Actor& who, bool dry_run = false) {
        Options o;
        o.dry_run = dry_run;
        auto r = m_items->run(bytes, who, o);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Report{};
    }
    std::int64_t items() { return count("SELECT COUNT(*) FROM catalogue_items"); }
    std::int64_t id_of(const std::string& name) {
        return count("SELECT id FROM enterprises WHERE name = '" + name + "'");
    }

    std::unique_ptr<catalogue::CatalogueService> m_catalogue;
    std::unique_ptr<Importer> m_items;
    core::Actor m_admin = actor_with(core::Role::Admin);
    core::Actor m_consultant = actor_with(core::Role::Consultant);
};

const std::string k_header = "virksomhed;titel;beskrivelse;kategori;pris;enhed;leveringsomraade;status\r\n";

TEST_P(CatalogueImportTest, ExampleFileImportsWithStatusAndTheDocsCopyMatches) {
    EXPECT_EQ(employment_import::testing::read_example("katalog.csv"), std::string(example_csv()));
    auto r = import(std::string(example_csv()), m_consultant);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.created, 3u);
    EXPECT_EQ(items(), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM catalogue_items WHERE status = 'published'"), 2);
    EXPECT_EQ(count("SELECT price_oere FROM catalogue_items WHERE unit = 'person'"), 4550);
    EXPECT_EQ(text("SELECT category FROM catalogue_items WHERE unit = 'kuvert'"), "mad_catering");
}

TEST_P(CatalogueImportTest, ExampleXlsxMatchesTheCsvAndImports) {
    auto csv = tabular::read_csv(example_csv());
    ASSERT_FALSE(csv.error);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 1; i < csv.table.rows.size(); ++i) rows.push_back(csv.table.rows[i].cells);
    if (std::getenv("BB_WRITE_EXAMPLES")) {  // regenerate docs/examples/katalog.xlsx
        auto bytes = tabular::write_xlsx("katalog", csv.table.rows[0].cells, rows);
        ASSERT_TRUE(bytes.ok());
        std::ofstream(std::string(BB_SOURCE_DIR) + "/docs/examples/katalog.xlsx", std::ios::binary) << *bytes;
    }
    const std::string file = employment_import::testing::read_example("katalog.xlsx");
    auto sheet = tabular::read_xlsx(file);
    ASSERT_FALSE(sheet.error);
    ASSERT_EQ(sheet.table.rows.size(), csv.table.rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        auto cells = sheet.table.rows[i + 1].cells;
        cells.resize(rows[i].size());
        EXPECT_EQ(cells, rows[i]) << "row " << i + 2;
    }
    auto r = import(file, m_admin);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(items(), 3);
}

TEST_P(CatalogueImportTest, DryRunStoresNothing) {
    auto r = import(std::string(example_csv()), m_admin, true);
    ASSERT_TRUE(r.ok()) << dump(r);
    EXPECT_EQ(r.created, 3u);
    EXPECT_EQ(items(), 0);
}

TEST_P(CatalogueImportTest, BadRowAtLine500IsTheOnlyErrorAndNothingIsStored) {
    std::string csv = k_header;
    for (int line = 2; line <= 700; ++line) {
        if (line == 500)
            csv += "Sumak;;Mangler titel;mad_catering;10;stk.;;\r\n";
        else
            csv += "Sumak;Vare " + std::to_string(line) + ";;mad_catering;10;stk.;;\r\n";
    }
    auto r = import(csv, m_admin);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 500u);
    EXPECT_EQ(r.errors[0].column, "titel");
    EXPECT_EQ(r.errors[0].message, "Skriv en titel på varen eller ydelsen.");
    EXPECT_EQ(r.created, 0u);
    EXPECT_EQ(items(), 0);
}

TEST_P(CatalogueImportTest, UnknownCategoryUnknownEnterpriseAndPriceWithoutUnitAreReported) {
    auto r = import(k_header +
                        "Sumak;Suppe;;Rumfart;;;;\r\nFindes Ikke;Suppe;;mad_catering;;;;\r\n"
                        "Sumak;Suppe;;mad_catering;12,5;;;udgivet\r\n",
                    m_admin);
    ASSERT_EQ(r.errors.size(), 4u) << dump(r);
    EXPECT_EQ(r.errors[0].line, 2u);
    EXPECT_EQ(r.errors[0].column, "kategori");
    EXPECT_NE(r.errors[0].message.find("Ukendt kategori 'Rumfart'"), std::string::npos);
    EXPECT_EQ(r.errors[1].line, 3u);
    EXPECT_EQ(r.errors[1].column, "virksomhed");
    EXPECT_EQ(r.errors[2].line, 4u);
    EXPECT_EQ(r.errors[2].column, "status");
    EXPECT_EQ(r.errors[3].line, 4u);  // the same row's other field is reported too
    EXPECT_EQ(r.errors[3].column, "enhed");
    EXPECT_EQ(items(), 0);
    auto unit = import(k_header + "Sumak;Suppe;;mad_catering;12,5;;;\r\n", m_admin);
    ASSERT_EQ(unit.errors.size(), 1u) << dump(unit);
    EXPECT_EQ(unit.errors[0].column, "enhed");
    EXPECT_EQ(items(), 0);
}

TEST_P(CatalogueImportTest, EnterpriseUserImportsOnlyItsOwnItems) {
    core::Actor sumak = actor_with(core::Role::Enterprise);
    sumak.enterprise_id = id_of("Sumak");
    auto bad = import(
        k_header + "Sumak;Suppe;;mad_catering;;;;\r\nVeteranHaven;Have;;groenne_omraader;;;;\r\n", sumak);
    ASSERT_EQ(bad.errors.size(), 1u) << dump(bad);
    EXPECT_EQ(bad.errors[0].line, 3u);
    EXPECT_EQ(bad.errors[0].message, "Du kan kun importere varer for din egen virksomhed.");
    EXPECT_EQ(items(), 0);
    auto good = import(k_header + "Sumak;Suppe;;mad_catering;;;;\r\n", sumak);
    ASSERT_TRUE(good.ok()) << dump(good);
    EXPECT_EQ(items(), 1);
}

TEST_P(CatalogueImportTest, BuyerAndCaseworkerMayNotImport) {
    for (auto role : {core::Role::Buyer, core::Role::Caseworker}) {
        auto r = m_items->run(std::string(example_csv()), actor_with(role), {});
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, core::ErrorCode::Forbidden);
    }
    EXPECT_EQ(items(), 0);
}

TEST_P(CatalogueImportTest, Latin1FileIsRefused) {
    auto r = import(k_header +
                        "Sumak;Frokost med \xe6"
                        "bler;;mad_catering;;;;\r\n",
                    m_admin);
    ASSERT_EQ(r.errors.size(), 1u) << dump(r);
    EXPECT_NE(r.errors[0].message.find("UTF-8"), std::string::npos) << r.errors[0].message;
    EXPECT_EQ(items(), 0);
}

TEST_P(CatalogueImportTest, ImportedItemsAreFoundByDanishSearch) {
    auto r =
        import(k_header + "Sumak;Æblerne fra haven;Søde danske æbler;mad_catering;20;kg;;offentliggjort\r\n",
               m_admin);
    ASSERT_TRUE(r.ok()) << dump(r);
    catalogue::SearchQuery q;
    q.q = "æbler";
    auto page = m_catalogue->search(q);
    ASSERT_TRUE(page.ok());
    ASSERT_EQ(page->total, 1);
    EXPECT_EQ(page->items[0].title, "Æblerne fra haven");
}

TEST_P(CatalogueImportTest, ExportNeutralisesFormulasAndReimports) {
    auto r = import(k_header + "Sumak;=1+2 kager;;mad_catering;20;kg;;\r\n", m_admin);
    ASSERT_TRUE(r.ok()) << dump(r);
    auto csv = export_csv(*m_catalogue, {}, m_admin);
    ASSERT_TRUE(csv.ok());
    EXPECT_NE(csv->find("'=1+2 kager"), std::string::npos) << *csv;
    EXPECT_EQ(csv->find(";=1+2"), std::string::npos);
    auto xlsx = export_xlsx(*m_catalogue, {}, m_admin);
    ASSERT_TRUE(xlsx.ok());
    auto table = tabular::read_xlsx(*xlsx);
    ASSERT_FALSE(table.error);
    ASSERT_EQ(table.table.rows.size(), 2u);
    EXPECT_EQ(table.table.rows[1].cells[1], "'=1+2 kager");
    // Buyers get no export; an enterprise user only its own items.
    EXPECT_FALSE(export_csv(*m_catalogue, {}, actor_with(core::Role::Buyer)).ok());
    core::Actor veteran = actor_with(core::Role::Enterprise);
    veteran.enterprise_id = id_of("VeteranHaven");
    auto own = export_csv(*m_catalogue, {}, veteran);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->find("kager"), std::string::npos);
}

BB_INSTANTIATE_BACKENDS(CatalogueImportTest);

}  // namespace
}  // namespace catalogue_import
