// CSV reader and writer: quoting, BOM, delimiters, line numbers, strict UTF-8, limits, FU-04.
#include "tabular/csv.hpp"

#include <gtest/gtest.h>

namespace tabular {
namespace {

using Cells = std::vector<std::string>;

CsvResult ok_read(std::string_view text, Limits limits = {}) {
    auto r = read_csv(text, limits);
    EXPECT_FALSE(r.error) << (r.error ? r.error->message : "");
    return r;
}

TEST(Csv, QuotingEdgeCases) {
    auto r = ok_read("a,b,c\n\"x,y\",\"he said \"\"hi\"\"\",\"\"\n,,\n");
    ASSERT_EQ(r.table.rows.size(), 3u);
    EXPECT_EQ(r.table.rows[1].cells, (Cells{"x,y", "he said \"hi\"", ""}));
    EXPECT_EQ(r.table.rows[2].cells, (Cells{"", "", ""}));
}

TEST(Csv, EmbeddedNewlinesKeepLineNumbers) {
    auto r = ok_read("navn;beskrivelse\r\n\"A\";\"linje 1\r\nlinje 2\"\r\nB;x\r\n");
    ASSERT_EQ(r.table.rows.size(), 3u);
    EXPECT_EQ(r.table.rows[1].cells[1], "linje 1\r\nlinje 2");
    EXPECT_EQ(r.table.rows[1].line, 2u);
    EXPECT_EQ(r.table.rows[2].line, 4u);
    EXPECT_EQ(r.table.rows[2].cells, (Cells{"B", "x"}));
}

TEST(Csv, BomAndSemicolonDetected) {
    auto r = ok_read("\xEF\xBB\xBFnavn;cvr\nÆblehaven, Slagelse;12345678\n");
    EXPECT_EQ(r.delimiter, ';');
    ASSERT_EQ(r.table.rows.size(), 2u);
    EXPECT_EQ(r.table.rows[0].cells, (Cells{"navn", "cvr"}));
    EXPECT_EQ(r.table.rows[1].cells, (Cells{"Æblehaven, Slagelse", "12345678"}));
    EXPECT_EQ(detect_delimiter("a,b;c,d\n"), ',');
    EXPECT_EQ(detect_delimiter("\"a;b;c\",d\n"), ',');
}

TEST(Csv, NoFinalNewlineAndTrailingDelimiterAndBlankLines) {
    auto r = ok_read("a;b\n\n1;\n\r\n2;3");
    ASSERT_EQ(r.table.rows.size(), 3u);
    EXPECT_EQ(r.table.rows[1].cells, (Cells{"1", ""}));
    EXPECT_EQ(r.table.rows[2].cells, (Cells{"2", "3"}));
    EXPECT_EQ(r.table.rows[2].line, 5u);
}

TEST(Csv, Latin1IsRefusedWithTheLine) {
    std::string text =
        "navn;kommune\nA;Slagelse\nK\xF8"
        "benhavn;K\xF8ge\n";
    auto r = read_csv(text);
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 3u);
    EXPECT_EQ(r.error->message, "Filen er ikke UTF-8 (linje 3). Gem den som 'CSV UTF-8' i Excel.");
    EXPECT_TRUE(r.table.rows.empty());
}

TEST(Csv, QuoteErrors) {
    auto unterminated = read_csv("a\n\"abc\nx\n");
    ASSERT_TRUE(unterminated.error);
    EXPECT_EQ(unterminated.error->line, 2u);
    EXPECT_NE(unterminated.error->message.find("slutter ikke"), std::string::npos);
    auto junk = read_csv("a,b\n\"x\"y,1\n");
    ASSERT_TRUE(junk.error);
    EXPECT_EQ(junk.error->line, 2u);
    EXPECT_NE(junk.error->message.find("linje 2"), std::string::npos);
}

TEST(Csv, Limits) {
    Limits l;
    l.max_rows = 2;
    auto rows = read_csv("h\n1\n2\n3\n", l);
    ASSERT_TRUE(rows.error);
    EXPECT_EQ(rows.error->line, 4u);
    EXPECT_NE(rows.error->message.find("mere end 2 rækker"), std::string::npos);

    l = Limits{};
    l.max_columns = 3;
    auto cols = read_csv("a,b,c\n1,2,3,4\n", l);
    ASSERT_TRUE(cols.error);
    EXPECT_NE(cols.error->message.find("mere end 3 kolonner (linje 2)"), std::string::npos);

    l = Limits{};
    l.max_field_chars = 5;
    EXPECT_FALSE(read_csv("a\nææææ\n", l).error);  // characters, not bytes
    auto field = read_csv("a\n123456\n", l);
    ASSERT_TRUE(field.error);
    EXPECT_NE(field.error->message.find("længere end 5 tegn (linje 2)"), std::string::npos);

    l = Limits{};
    l.max_record_bytes = 10;
    auto rec = read_csv("a\n\"" + std::string(50, 'x') + "\n", l);
    ASSERT_TRUE(rec.error);
    EXPECT_NE(rec.error->message.find("for lang"), std::string::npos);
}

TEST(Csv, NulIsRefused) {
    auto r = read_csv(std::string("a\nx\0y\n", 6));
    ASSERT_TRUE(r.error);
    EXPECT_EQ(r.error->line, 2u);
}

TEST(Csv, NeutralisationTable) {
    struct Case {
        std::string in, out;
    } cases[] = {
        {"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
        {"+45 12", "'+45 12"},
        {"-1", "'-1"},
        {"@SUM(A1)", "'@SUM(A1)"},
        {"\tx", "'\tx"},
        {"\rx", "'\rx"},
        {std::string("\0x", 2), std::string("'\0x", 3)},
        {"a=b", "a=b"},
        {"", ""},
        {"'quoted", "'quoted"},
    };
    for (const auto& c : cases) EXPECT_EQ(neutralise(c.in), c.out) << c.in;
}

TEST(Csv, WriterQuotesAndRoundTrips) {
    CsvWriter w(';', true);
    w.row({"navn", "note"});
    w.row({"A;B", "sagde \"hej\"\nnæste linje"});
    w.row({"=1+1", "-"});
    EXPECT_EQ(w.str(), "\xEF\xBB\xBFnavn;note\r\n\"A;B\";\"sagde \"\"hej\"\"\nnæste linje\"\r\n'=1+1;'-\r\n");
    auto r = ok_read(w.str());
    ASSERT_EQ(r.table.rows.size(), 3u);
    EXPECT_EQ(r.table.rows[1].cells, (Cells{"A;B", "sagde \"hej\"\nnæste linje"}));
    EXPECT_EQ(r.table.rows[2].cells, (Cells{"'=1+1", "'-"}));
    EXPECT_EQ(csv_cell("x,y", ','), "\"x,y\"");
    EXPECT_EQ(csv_cell("x,y", ';'), "x,y");
}

TEST(Csv, PullReaderReportsProgress) {
    CsvReader reader("a\n1\n2\n");
    Record r;
    int n = 0;
    while (reader.next(r)) ++n;
    EXPECT_EQ(n, 3);
    EXPECT_FALSE(reader.error());
    EXPECT_DOUBLE_EQ(reader.progress(), 1.0);
}

}  // namespace
}  // namespace tabular
