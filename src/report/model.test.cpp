// Pure parts of the report: texts, the public version's suppression, the document's sections.
#include "report/model.hpp"

#include <gtest/gtest.h>

#include "report/document.hpp"

namespace report {
namespace {

TEST(ReportModel, HoursAreWrittenTheDanishWay) {
    EXPECT_EQ(hours_text(450), "4,5");
    EXPECT_EQ(hours_text(1500), "15");
    EXPECT_EQ(hours_text(360), "3,6");
    EXPECT_EQ(hours_text(1234), "12,34");
    EXPECT_EQ(hours_text(5), "0,05");
}

TEST(ReportModel, KronerAreWholeUnlessThereAreOere) {
    EXPECT_EQ(kroner_text(15000000), "150.000 kr.");
    EXPECT_EQ(kroner_text(65000000, true), "ca. 650.000 kr.");
}

TEST(ReportModel, CitizensAreLabelledWithoutNames) {
    EXPECT_EQ(citizen_label(0), "Borger A");
    EXPECT_EQ(citizen_label(25), "Borger Z");
    EXPECT_EQ(citizen_label(26), "Borger AA");
}

TEST(ReportModel, ParagraphsSplitAtBlankLines) {
    const auto p = paragraphs("Kære læser\n\nFørste linje\nanden linje\n\n\n  \nSidst\r\n");
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0], "Kære læser");
    EXPECT_EQ(p[1], "Første linje\nanden linje");
    EXPECT_EQ(p[2], "Sidst");
}

TEST(ReportModel, PublicVersionSuppressesSmallJobCountsSoTheyCannotBeRecomputed) {
    ReportModel m;
    m.has_data = true;
    m.jobs.kinds = {{.kind = "flex", .label = "Fleksjob", .municipality = 21, .other = 10},
                    {.kind = "part", .label = "Deltid", .municipality = 7, .other = 10},
                    {.kind = "ord", .label = "Ordinært", .municipality = 3, .other = 9},
                    {.kind = "lon", .label = "Løntilskud", .municipality = 4, .other = 0}};
    m.jobs.municipality = 35;
    m.jobs.other = 29;
    m.progression.push_back(ProgressionExample{"Borger A", "Fleksjob", {}, {}});
    make_public(m);
    EXPECT_TRUE(m.progression.empty());
    EXPECT_TRUE(m.jobs.kinds[2].municipality_hidden);  // 3
    EXPECT_TRUE(m.jobs.kinds[3].municipality_hidden);  // 4
    EXPECT_FALSE(m.jobs.municipality_hidden);
    // Row "Løntilskud": 4 + 0 = 4 is itself small.
    EXPECT_TRUE(m.jobs.kinds[3].total_hidden);
    // The column of jobcentre jobs has two suppressed cells: 3 and 4 cannot be recomputed from 35.
    int hidden_in_column = 0;
    for (const auto& k : m.jobs.kinds) hidden_in_column += k.municipality_hidden ? 1 : 0;
    EXPECT_GE(hidden_in_column, 2);
}

TEST(ReportModel, PublicVersionHidesThePercentOfASuppressedShare) {
    ReportModel m;
    AgreementLine a;
    a.completed = 25;
    a.by_group = {{"job_education", "Job", 3}, {"continues", "Fortsætter", 12}, {"stopped", "Stoppet", 10}};
    a.success = ShareValue{3, 25, 12, "3 af 25 (12 %)"};
    a.stopped = ShareValue{10, 25, 40, "10 af 25 (40 %)"};
    m.agreements.push_back(a);
    make_public(m);
    EXPECT_FALSE(m.agreements[0].success.percent.has_value());
    EXPECT_EQ(m.agreements[0].success.text, "<5 af 25");
    EXPECT_TRUE(m.agreements[0].by_group[0].hidden);
    // Secondary suppression: another group is hidden too, so 3 cannot be recomputed from 25.
    EXPECT_TRUE(m.agreements[0].by_group[1].hidden || m.agreements[0].by_group[2].hidden);
}

TEST(ReportDocument, AYearWithoutDataSaysSoPlainly) {
    ReportModel m;
    m.year = 2031;
    m.municipality = "Slagelse";
    const auto d = to_document(m);
    ASSERT_EQ(d.blocks.size(), 1u);
    const auto* p = std::get_if<publishing::Paragraph>(&d.blocks[0]);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->text, "Der er ingen registrerede data for 2031.");
}

TEST(ReportDocument, SectionsFollowTheModelReportAndCollectRecommendations) {
    ReportModel m;
    m.year = 2018;
    m.municipality = "Slagelse";
    m.has_data = true;
    m.narrative.introduction = "Indledning";
    m.narrative.points = {{1, "6.1", "CSR og socialøkonomi", "Intro", "Sket", "Gør mere"},
                          {2, "6.8", "Tilføjelse B", "", "Job", "Mindst 30 job"}};
    m.recommendations = {{"6.1", "CSR og socialøkonomi", "Gør mere"},
                         {"6.8", "Tilføjelse B", "Mindst 30 job"}};
    m.jobs.kinds = {{.kind = "flex", .label = "Fleksjob", .municipality = 21, .other = 0}};
    m.jobs.municipality = 21;
    const auto d = to_document(m);
    std::vector<std::string> chapters;
    for (const auto& b : d.blocks)
        if (const auto* h = std::get_if<publishing::Heading>(&b); h && h->level == 1)
            chapters.push_back(h->text);
    ASSERT_GE(chapters.size(), 7u);
    EXPECT_EQ(chapters[0], "1. Indledning");
    EXPECT_EQ(chapters[1].substr(0, 3), "2. ");
    EXPECT_EQ(chapters[2].substr(0, 3), "3. ");
    EXPECT_EQ(chapters[3].substr(0, 3), "4. ");
    EXPECT_EQ(chapters[4].substr(0, 3), "5. ");
    EXPECT_EQ(chapters[5].substr(0, 3), "6. ");
    EXPECT_EQ(chapters[6], "7. Anbefalinger");
    int emphasised = 0;
    for (const auto& b : d.blocks)
        if (const auto* p = std::get_if<publishing::Paragraph>(&b); p && p->emphasis) ++emphasised;
    EXPECT_EQ(emphasised, 4);  // each recommendation under its point and again in 7.1
}

}  // namespace
}  // namespace report
