// The XLSX appendix: a golden test of the sheets read back, sheet-name clean-up.
#include <gtest/gtest.h>

#include "publishing/render.hpp"
#include "tabular/xlsx_read.hpp"

namespace publishing {
namespace {

using Cells = std::vector<std::string>;

std::vector<Cells> rows_of(const tabular::XlsxResult& r) {
    std::vector<Cells> out;
    for (const auto& row : r.table.rows) out.push_back(row.cells);
    return out;
}

Document appendix() {
    Document d;
    d.title = "Socialøkonomisk årsrapport 2018";
    d.subtitle = "Offentlig udgave";
    d.blocks.push_back(Heading{1, "Job", "jobs"});
    Table jobs;
    jobs.caption = "Job efter art 2018";
    jobs.header = {"Art", "Antal"};
    jobs.rows = {{{"Ordinære job", {}}, {"20", 20.0}},
                 {{"Fleksjob", {}}, {"<5", {}, true}},
                 {{"=1+1", {}}, {"12", 12.0}}};
    jobs.total = std::vector<Cell>{{"I alt", {}}, {"35", 35.0}};
    jobs.sheet = "Job";
    d.blocks.push_back(jobs);
    Table not_in_appendix;
    not_in_appendix.caption = "Kun i rapporten";
    not_in_appendix.header = {"x"};
    d.blocks.push_back(not_in_appendix);
    Table grants;
    grants.caption = "Tilskud";
    grants.header = {"Virksomhed", "Beløb (kr.)", "Kilde"};
    grants.rows = {{{"Æblehaven", {}}, {"150.000 kr.", 150000.0}, {"Fonden", {}}}};
    grants.sheet = "Tilskud/fonde: 2018?";
    d.blocks.push_back(grants);
    Table again = jobs;
    again.caption = "Job igen";
    d.blocks.push_back(again);  // the same sheet name twice
    return d;
}

TEST(PublishingXlsx, GoldenSheets) {
    auto bytes = render_xlsx(appendix());
    ASSERT_TRUE(bytes.ok());
    auto overview = tabular::read_xlsx(*bytes);
    ASSERT_FALSE(overview.error) << overview.error->message;
    EXPECT_EQ(overview.sheet_names, (Cells{"Oversigt", "Job", "Tilskud fonde  2018", "Job (2)"}));
    EXPECT_EQ(rows_of(overview), (std::vector<Cells>{{"Socialøkonomisk årsrapport 2018"},
                                                     {"Offentlig udgave"},
                                                     {"Ark", "Indhold"},
                                                     {"Job", "Job efter art 2018"},
                                                     {"Tilskud fonde  2018", "Tilskud"},
                                                     {"Job (2)", "Job igen"}}));
    auto jobs = tabular::read_xlsx_sheet(*bytes, "Job");
    ASSERT_FALSE(jobs.error) << jobs.error->message;
    EXPECT_EQ(rows_of(jobs), (std::vector<Cells>{{"Job efter art 2018"},
                                                 {"Art", "Antal"},
                                                 {"Ordinære job", "20"},  // a number, not the text
                                                 {"Fleksjob", "<5"},
                                                 {"'=1+1", "12"},
                                                 {"I alt", "35"}}));
    auto grants = tabular::read_xlsx_sheet(*bytes, "Tilskud fonde  2018");
    ASSERT_FALSE(grants.error);
    EXPECT_EQ(rows_of(grants),
              (std::vector<Cells>{
                  {"Tilskud"}, {"Virksomhed", "Beløb (kr.)", "Kilde"}, {"Æblehaven", "150000", "Fonden"}}));
}

TEST(PublishingXlsx, ADocumentWithoutTablesStillHasTheOverview) {
    Document d;
    d.title = "Tom";
    auto bytes = render_xlsx(d);
    ASSERT_TRUE(bytes.ok());
    auto r = tabular::read_xlsx(*bytes);
    ASSERT_FALSE(r.error);
    EXPECT_EQ(r.sheet_names, (Cells{"Oversigt"}));
    EXPECT_EQ(rows_of(r),
              (std::vector<Cells>{{"Tom"}, {"Ark", "Indhold"}, {"", "Rapporten har ingen tabeller."}}));
}

}  // namespace
}  // namespace publishing
