// XLSX: write → read round trip, neutralisation, corrupt and non-zip files, a zip bomb.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "tabular/xlsx_read.hpp"
#include "tabular/xlsx_write.hpp"

namespace tabular {
namespace {

using Cells = std::vector<std::string>;

/// A zip in memory with the given entries (deflated).
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
    zip_source_keep(src);
    zip_t* z = zip_open_from_source(src, ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, data] : entries) {
        char* copy = static_cast<char*>(std::malloc(data.size() + 1));
        std::memcpy(copy, data.data(), data.size());
        zip_source_t* s = zip_source_buffer(z, copy, data.size(), 1);
        zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE);
    }
    zip_close(z);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    std::string out(static_cast<std::size_t>(size), '\0');
    zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&err);
    return out;
}

const char* k_workbook =
    R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
    R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)"
    R"(<sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* k_rels =
    R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>)";

TEST(Xlsx, RoundTripKeepsTextAndNeutralises) {
    std::vector<std::vector<std::string>> rows = {
        {"Æblehaven ApS", "12345678", "=HYPERLINK(\"http://x\")"},
        {"", "tom første", ""},
        {"Linje 1\nLinje 2", "@x", "-3"},
    };
    auto bytes = write_xlsx("Virksomheder", {"navn", "cvr", "note"}, rows);
    ASSERT_TRUE(bytes.ok());
    EXPECT_TRUE(looks_like_zip(*bytes));
    auto r = read_xlsx(*bytes);
    ASSERT_FALSE(r.error) << r.error->message;
    ASSERT_EQ(r.table.rows.size(), 4u);
    EXPECT_EQ(r.table.rows[0].cells, (Cells{"navn", "cvr", "note"}));
    EXPECT_EQ(r.table.rows[1].cells, (Cells{"Æblehaven ApS", "12345678", "'=HYPERLINK(\"http://x\")"}));
    EXPECT_EQ(r.table.rows[2].cells, (Cells{"", "tom første"}));
    EXPECT_EQ(r.table.rows[2].line, 3u);
    EXPECT_EQ(r.table.rows[3].cells, (Cells{"Linje 1\nLinje 2", "'@x", "'-3"}));
}

TEST(Xlsx, ReadsInlineStringsNumbersBooleansAndGaps) {
    std::string sheet =
        R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
        R"(<row r="1"><c r="A1" t="inlineStr"><is><t>navn</t></is></c><c r="C1" t="s"><v>0</v></c></row>)"
        R"(<row r="4"><c r="A4" t="inlineStr"><is><t>x</t></is></c><c r="B4"><v>12.5</v></c><c r="C4" t="b"><v>1</v></c>)"
        R"(<c r="AA4" t="str"><f>A1</f><v>formel</v></c></row></sheetData></worksheet>)";
    std::string shared =
        R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<si><r><t>kom</t></r><r><t>mune</t></r><rPh><t>X</t></rPh></si></sst>)";
    auto zip = make_zip({{"xl/workbook.xml", k_workbook},
                         {"xl/_rels/workbook.xml.rels", k_rels},
                         {"xl/worksheets/sheet1.xml", sheet},
                         {"xl/sharedStrings.xml", shared}});
    auto r = read_xlsx(zip);
    ASSERT_FALSE(r.error) << r.error->message;
    ASSERT_EQ(r.table.rows.size(), 2u);
    EXPECT_EQ(r.table.rows[0].cells, (Cells{"navn", "", "kommune"}));
    EXPECT_EQ(r.table.rows[1].line, 4u);
    ASSERT_EQ(r.table.rows[1].cells.size(), 27u);
    EXPECT_EQ(r.table.rows[1].cells[1], "12.5");
    EXPECT_EQ(r.table.rows[1].cells[2], "1");
    EXPECT_EQ(r.table.rows[1].cells[26], "formel");
}

TEST(Xlsx, WorkbookHasSheetsByNameNumbersAndTitleRows) {
    auto row = [](std::string label, std::string text, std::optional<double> number, bool bold) {
        SheetRow r;
        r.cells.push_back(SheetCell{std::move(label), std::nullopt});
        r.cells.push_back(SheetCell{std::move(text), number});
        r.bold = bold;
        return r;
    };
    Sheet a;
    a.name = "Job";
    a.title = "Job efter art";
    a.header = {"Art", "Antal"};
    a.rows.push_back(row("Ordinære job", "35", 35.0, false));
    a.rows.push_back(row("=SUM(A1)", "<5", std::nullopt, false));
    a.rows.push_back(row("I alt", "1.250.000 kr.", 1250000.0, true));
    Sheet b;
    b.name = "Tilskud";
    b.title = "Tilskud 2018";
    b.subtitle = "Slagelse Kommune";
    b.header = {"Virksomhed", "Beløb"};
    b.column_widths = {30, 12};
    b.rows.push_back(row("Æblehaven", "0,5", 0.5, false));
    auto bytes = write_workbook({a, b});
    ASSERT_TRUE(bytes.ok());
    auto first = read_xlsx(*bytes);
    ASSERT_FALSE(first.error) << first.error->message;
    EXPECT_EQ(first.sheet_names, (Cells{"Job", "Tilskud"}));
    ASSERT_EQ(first.table.rows.size(), 5u);
    EXPECT_EQ(first.table.rows[0].cells, (Cells{"Job efter art"}));
    EXPECT_EQ(first.table.rows[1].cells, (Cells{"Art", "Antal"}));
    EXPECT_EQ(first.table.rows[2].cells, (Cells{"Ordinære job", "35"}));
    EXPECT_EQ(first.table.rows[3].cells, (Cells{"'=SUM(A1)", "<5"}));
    EXPECT_EQ(first.table.rows[4].cells, (Cells{"I alt", "1250000"}));
    auto second = read_xlsx_sheet(*bytes, "Tilskud");
    ASSERT_FALSE(second.error) << second.error->message;
    ASSERT_EQ(second.table.rows.size(), 4u);
    EXPECT_EQ(second.table.rows[1].cells, (Cells{"Slagelse Kommune"}));
    EXPECT_EQ(second.table.rows[3].cells, (Cells{"Æblehaven", "0.5"}));
    auto missing = read_xlsx_sheet(*bytes, "Findes ikke");
    ASSERT_TRUE(missing.error);
    EXPECT_NE(missing.error->message.find("intet ark"), std::string::npos);
    Sheet dup = a;
    EXPECT_FALSE(write_workbook({a, dup}).ok());
}

TEST(Xlsx, ColumnLettersAndSerialDates) {
    EXPECT_EQ(column_index("A1"), 0u);
    EXPECT_EQ(column_index("Z9"), 25u);
    EXPECT_EQ(column_index("AA10"), 26u);
    EXPECT_EQ(column_index("AB"), 27u);
    EXPECT_FALSE(column_index("1A"));
    EXPECT_FALSE(column_index("a1"));
    EXPECT_EQ(excel_serial_to_iso("43101"), "2018-01-01");
    EXPECT_EQ(excel_serial_to_iso("45717.0"), "2025-03-01");
    EXPECT_FALSE(excel_serial_to_iso("2018-01-01"));
    EXPECT_FALSE(excel_serial_to_iso("12"));
}

TEST(Xlsx, NotAZipOrCorrupt) {
    auto text = read_xlsx("navn;cvr\nA;1\n");
    ASSERT_TRUE(text.error);
    EXPECT_NE(text.error->message.find("ikke en gyldig Excel-fil"), std::string::npos);

    auto good = write_xlsx("Ark", {"a"}, {{"b"}});
    ASSERT_TRUE(good.ok());
    std::string corrupt = good->substr(0, good->size() / 2);
    auto half = read_xlsx(corrupt);
    ASSERT_TRUE(half.error);
    EXPECT_NE(half.error->message.find("ikke en gyldig Excel-fil"), std::string::npos);

    auto no_workbook = read_xlsx(make_zip({{"hello.txt", "hi"}}));
    ASSERT_TRUE(no_workbook.error);
}

TEST(Xlsx, ZipBombIsRefused) {
    std::string big = R"(<?xml version="1.0"?><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>)";
    big += std::string(60u * 1024 * 1024, 'a');
    big += "</t></is></c></row></sheetData></worksheet>";
    auto zip = make_zip({{"xl/workbook.xml", k_workbook},
                         {"xl/_rels/workbook.xml.rels", k_rels},
                         {"xl/worksheets/sheet1.xml", big}});
    big.clear();
    big.shrink_to_fit();
    EXPECT_LT(zip.size(), 1024u * 1024);
    auto r = read_xlsx(zip);
    ASSERT_TRUE(r.error);
    EXPECT_NE(r.error->message.find("fylder for meget"), std::string::npos) << r.error->message;
}

TEST(Xlsx, DoctypeIsRefused) {
    std::string sheet =
        R"(<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>)";
    auto zip = make_zip({{"xl/workbook.xml", k_workbook},
                         {"xl/_rels/workbook.xml.rels", k_rels},
                         {"xl/worksheets/sheet1.xml", sheet}});
    EXPECT_TRUE(read_xlsx(zip).error);
}

TEST(Xlsx, TooManyEntries) {
    std::vector<std::pair<std::string, std::string>> entries = {{"xl/workbook.xml", k_workbook}};
    for (int i = 0; i < 20; ++i) entries.emplace_back("f" + std::to_string(i), "x");
    XlsxLimits limits;
    limits.max_entries = 10;
    auto r = read_xlsx(make_zip(entries), limits);
    ASSERT_TRUE(r.error);
    EXPECT_NE(r.error->message.find("for mange dele"), std::string::npos);
}

}  // namespace
}  // namespace tabular
