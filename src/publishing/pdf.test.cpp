// The PDF: text extracted with pdftotext (headings, Danish letters, markup shown literally,
// the table header repeated after a page break, page numbers), page 1 rendered with pdftoppm
// and decoded with cairo (not blank), the title in the metadata, and the speed of 40 pages.
#include <cairo.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "publishing/pdf_layout.hpp"
#include "publishing/render.hpp"

namespace publishing {
namespace {

bool have(const char* tool) {
    std::string cmd = std::string("command -v ") + tool + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

std::string temp_path(const std::string& suffix) {
    const char* t = std::getenv("TMPDIR");
    std::string dir = t && *t ? t : "/tmp";
    return dir + "/bb-pdf-" + std::to_string(getpid()) + "-" + suffix;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
    return n;
}

/// Runs `tool args pdf out` and returns out's content ("" on failure).
std::string run_tool(const std::string& command, const std::string& out) {
    if (std::system(command.c_str()) != 0) return {};
    std::string text = slurp(out);
    std::remove(out.c_str());
    return text;
}

Document report(int table_rows) {
    Document d;
    d.title = "Socialøkonomisk årsrapport 2018";
    d.subtitle = "Slagelse Kommune – offentlig udgave";
    d.footer = "Dannet 25.11.2026";
    d.blocks.push_back(Heading{1, "1. Indledning", "intro"});
    d.blocks.push_back(
        Paragraph{"Æblehaven, Ørestad og Åen: æøå ÆØÅ – ½ år med socialøkonomi.\nEn ny linje.", false});
    d.blocks.push_back(Paragraph{"<b>x</b> & <i>ikke markup</i>", false});
    d.blocks.push_back(Paragraph{"Anbefaling: fortsæt netværksmøderne.", true});
    d.blocks.push_back(List{{"Første punkt",
                             "Andet punkt med en meget lang tekst, der skal ombrydes over flere linjer, "
                             "fordi den er længere end sidens bredde, og det er den nu."}});
    d.blocks.push_back(Heading{2, "1.1 Job efter art", "jobs"});
    Table t;
    t.caption = "Tabel 1. Job efter art";
    t.header = {"Kolonneoverskrift", "Antal", "Bemærkning"};
    for (int i = 0; i < table_rows; ++i)
        t.rows.push_back(
            {{"Række " + std::to_string(i + 1), {}},
             {std::to_string(i), static_cast<double>(i)},
             {"En bemærkning der er lang nok til at blive ombrudt i cellen, når kolonnen er smal", {}}});
    t.total = std::vector<Cell>{{"I alt", {}}, {"<5", {}, true}, {"", {}}};
    d.blocks.push_back(t);
    BarChart c;
    c.title = "Status mod mål";
    c.unit = "virksomheder";
    c.bars = {{"Virksomheder og initiativer", 19, 25.0, "19 af 25"},
              {"Job via jobcentret", 35, std::nullopt, "35"}};
    c.description = "19 af 25; 35 job.";
    d.blocks.push_back(c);
    d.blocks.push_back(Heading{3, "1.1.1 Slut", ""});
    return d;
}

TEST(PdfLayout, ColumnWidthsLikeAnAutomaticTableLayout) {
    // Everything fits: the natural widths, stretched to the full width.
    EXPECT_EQ(distribute_widths({100, 50}, {20, 20}, 300), (std::vector<double>{200, 100}));
    // Too wide: each column keeps its longest word, the rest goes by (natural − word).
    auto w = distribute_widths({60, 60, 1000}, {40, 40, 60}, 400);
    EXPECT_DOUBLE_EQ(w[0] + w[1] + w[2], 400);
    EXPECT_GT(w[2], 250);  // the long text gets the room
    EXPECT_GE(w[0], 40);
    // Not even the words fit: the word widths scaled down.
    EXPECT_EQ(distribute_widths({400, 400}, {300, 100}, 200), (std::vector<double>{150, 50}));
    EXPECT_EQ(longest_word("Rotary Slagelse (middelalder-legeborg)\nx"), "(middelalder-legeborg)");
    EXPECT_EQ(valid_utf8_or_ascii("Ø\xff"), "??\x3f");
}

TEST(Pdf, IsATaggedPdfWithTheTitleInItsMetadata) {
    auto pdf = render_pdf(report(3));
    ASSERT_TRUE(pdf.ok());
    EXPECT_TRUE(pdf->starts_with("%PDF-"));
    if (!have("pdfinfo")) GTEST_SKIP() << "pdfinfo not installed";
    std::string file = temp_path("meta.pdf"), out = temp_path("meta.txt");
    std::ofstream(file, std::ios::binary) << *pdf;
    std::string info = run_tool("pdfinfo " + file + " > " + out, out);
    EXPECT_NE(info.find("Socialøkonomisk årsrapport 2018"), std::string::npos) << info;
    EXPECT_NE(info.find("595.276 x 841.89 pts (A4)"), std::string::npos) << info;
    auto tagged = info.find("Tagged:");
    ASSERT_NE(tagged, std::string::npos);
    EXPECT_EQ(info.substr(tagged, info.find('\n', tagged) - tagged).find("yes") != std::string::npos, true)
        << info;
    // The structure a screen reader reads: headings, paragraphs, lists, tables with header cells.
    std::string structure = run_tool("pdfinfo -struct " + file + " > " + out, out);
    for (const char* element :
         {"H1", "H2", "P (block)", "L (block)", "LI", "Table", "TR", "TH", "TD", "Caption"})
        EXPECT_NE(structure.find(element), std::string::npos) << element;
    std::remove(file.c_str());
}

TEST(Pdf, TextHasHeadingsDanishLettersLiteralMarkupAndPageNumbers) {
    if (!have("pdftotext")) GTEST_SKIP() << "pdftotext not installed";
    auto pdf = render_pdf(report(120));
    ASSERT_TRUE(pdf.ok());
    std::string file = temp_path("text.pdf"), out = temp_path("text.txt");
    std::ofstream(file, std::ios::binary) << *pdf;
    std::string text = run_tool("pdftotext -enc UTF-8 " + file + " " + out, out);
    std::remove(file.c_str());
    ASSERT_FALSE(text.empty());
    // Lines wrap where the layout wraps them: compare with runs of spaces and newlines as one space.
    std::string flat;
    for (char ch : text) {
        bool space = ch == ' ' || ch == '\n';
        if (space && (flat.empty() || flat.back() == ' ')) continue;
        flat += space ? ' ' : ch;
    }
    for (const char* expected :
         {"Socialøkonomisk årsrapport 2018", "Slagelse Kommune – offentlig udgave", "1. Indledning",
          "1.1 Job efter art", "1.1.1 Slut", "æøå ÆØÅ – ½ år", "<b>x</b> & <i>ikke markup</i>",
          "Anbefaling: fortsæt netværksmøderne.", "Tabel 1. Job efter art", "Række 120", "I alt", "<5",
          "Status mod mål", "Virksomheder og initiativer", "19 af 25", "Mål", "Dannet 25.11.2026",
          "Side 1 af "})
        EXPECT_NE(flat.find(expected), std::string::npos) << expected;
    // 120 rows need several pages: the header row is repeated on each.
    EXPECT_GE(count(text, "Kolonneoverskrift"), 3u);
    std::size_t pages = count(text, "\f");
    EXPECT_EQ(count(flat, "Dannet 25.11.2026"), pages);
    EXPECT_GE(pages, 4u);
    EXPECT_NE(text.find("Side " + std::to_string(pages) + " af " + std::to_string(pages)), std::string::npos);
    EXPECT_EQ(count(text, "Dannet 25.11.2026"), pages);  // the footer on every page
}

TEST(Pdf, HeadingsStayWithWhatFollows) {
    if (!have("pdftotext")) GTEST_SKIP() << "pdftotext not installed";
    // Filler of growing length puts the headings at every height of the page, also at the bottom.
    Document d;
    d.title = "Sideskift";
    for (int k = 1; k <= 30; ++k) {
        std::string filler;
        for (int line = 0; line < k; ++line) filler += "Fyldtekst linje " + std::to_string(line) + "\n";
        d.blocks.push_back(Paragraph{filler, false});
        d.blocks.push_back(Heading{1, "Kapitel " + std::to_string(k), ""});
        d.blocks.push_back(Heading{2, "Afsnit " + std::to_string(k), ""});
        Table t;
        t.caption = "Tabel " + std::to_string(k);
        t.header = {"A", "B"};
        t.rows = {{{"x", {}}, {"1", 1.0}}, {{"y", {}}, {"2", 2.0}}};
        d.blocks.push_back(t);
    }
    auto pdf = render_pdf(d);
    ASSERT_TRUE(pdf.ok());
    std::string file = temp_path("keep.pdf"), out = temp_path("keep.txt");
    std::ofstream(file, std::ios::binary) << *pdf;
    std::string text = run_tool("pdftotext -enc UTF-8 " + file + " " + out, out);
    std::remove(file.c_str());
    std::vector<std::string> pages;
    std::size_t from = 0;
    for (auto ff = text.find('\f'); ff != std::string::npos; from = ff + 1, ff = text.find('\f', from))
        pages.push_back(text.substr(from, ff - from));
    auto page_of = [&](const std::string& what) {
        for (std::size_t i = 0; i < pages.size(); ++i)
            if (pages[i].find(what + "\n") != std::string::npos) return static_cast<int>(i);
        return -1;
    };
    for (int k = 1; k <= 30; ++k) {
        std::string n = std::to_string(k);
        int heading = page_of("Kapitel " + n);
        ASSERT_GE(heading, 0) << k;
        EXPECT_EQ(heading, page_of("Afsnit " + n)) << k;
        EXPECT_EQ(heading, page_of("Tabel " + n)) << k;
    }
}

TEST(Pdf, ARowTallerThanAPageGoesOnOverThePages) {
    if (!have("pdftotext")) GTEST_SKIP() << "pdftotext not installed";
    Document d;
    d.title = "Lang celle";
    Table t;
    t.header = {"Virksomhed", "Formål", "Beløb"};
    std::string purpose;
    for (int i = 1; i <= 150; ++i) purpose += "Formål nummer " + std::to_string(i) + "; ";
    purpose += "slutningen.";
    t.rows = {{{"VeteranHaven", {}}, {purpose, {}}, {"412.000 kr.", 412000.0}},
              {{"Næste", {}}, {"kort", {}}, {"1", 1.0}}};
    d.blocks.push_back(t);
    auto pdf = render_pdf(d);
    ASSERT_TRUE(pdf.ok());
    std::string file = temp_path("tall.pdf"), out = temp_path("tall.txt");
    std::ofstream(file, std::ios::binary) << *pdf;
    std::string text = run_tool("pdftotext -enc UTF-8 " + file + " " + out, out);
    std::remove(file.c_str());
    EXPECT_NE(text.find("slutningen."), std::string::npos);
    EXPECT_NE(text.find("Næste"), std::string::npos);
    for (int i : {1, 75, 150})
        EXPECT_NE(text.find("nummer " + std::to_string(i) + ";"), std::string::npos) << i;
    EXPECT_GE(count(text, "Formål\n"), 2u);  // the header on every page the row covers
    EXPECT_GE(count(text, "\f"), 3u);
}

TEST(Pdf, FirstPageRendersToANonBlankPng) {
    if (!have("pdftoppm")) GTEST_SKIP() << "pdftoppm not installed";
    auto pdf = render_pdf(report(5));
    ASSERT_TRUE(pdf.ok());
    std::string file = temp_path("png.pdf"), prefix = temp_path("page");
    std::ofstream(file, std::ios::binary) << *pdf;
    for (int page : {1, 2}) {
        std::string cmd = "pdftoppm -png -r 50 -f " + std::to_string(page) + " -l " + std::to_string(page) +
                          " -singlefile " + file + " " + prefix;
        ASSERT_EQ(std::system(cmd.c_str()), 0);
        std::string png = prefix + ".png";
        cairo_surface_t* img = cairo_image_surface_create_from_png(png.c_str());
        ASSERT_EQ(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
        int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
        EXPECT_NEAR(w, 413, 1);  // A4 at 50 dpi
        EXPECT_NEAR(h, 585, 1);
        int stride = cairo_image_surface_get_stride(img);
        const unsigned char* data = cairo_image_surface_get_data(img);
        long dark = 0;
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                std::uint32_t px = *reinterpret_cast<const std::uint32_t*>(data + y * stride + x * 4);
                if ((px & 0xffffff) != 0xffffff) ++dark;
            }
        EXPECT_GT(dark, 500) << "page " << page << " is blank";
        EXPECT_LT(dark, w * h / 2) << "page " << page << " is mostly ink";
        cairo_surface_destroy(img);
        std::remove(png.c_str());
    }
    std::remove(file.c_str());
}

TEST(Pdf, EmptyAndOddInputStillRenders) {
    Document empty;
    auto a = render_pdf(empty);
    ASSERT_TRUE(a.ok());
    EXPECT_TRUE(a->starts_with("%PDF-"));
    Document odd;
    odd.title = std::string("Ugyldig \xff\xfe UTF-8");
    odd.blocks.push_back(Table{});     // no columns
    odd.blocks.push_back(BarChart{});  // no bars
    odd.blocks.push_back(BarChart{"NaN", "", {{"a", std::nan(""), -1.0, ""}, {"b", -5, 1e300, ""}}, ""});
    odd.blocks.push_back(List{});
    odd.blocks.push_back(Heading{7, std::string(3000, 'x'), ""});
    odd.blocks.push_back(Paragraph{std::string(20000, 'y'), false});  // one long word
    auto b = render_pdf(odd);
    ASSERT_TRUE(b.ok());
    EXPECT_TRUE(b->starts_with("%PDF-"));
}

TEST(Pdf, FortyPagesRenderQuickly) {
    Document d = report(0);
    for (int chapter = 0; chapter < 40; ++chapter) {
        d.blocks.push_back(Heading{1, "Kapitel " + std::to_string(chapter), ""});
        for (int p = 0; p < 6; ++p)
            d.blocks.push_back(
                Paragraph{"Socialøkonomiske virksomheder skaber job og praktik for borgere på kanten af "
                          "arbejdsmarkedet. Kommunen samarbejder med dem om forløb, køb og netværk. ",
                          false});
        Table t;
        t.header = {"Art", "Antal"};
        for (int r = 0; r < 12; ++r) t.rows.push_back({{"Art " + std::to_string(r), {}}, {"7", 7.0}});
        d.blocks.push_back(t);
    }
    // CPU time, not wall time: the test machine is shared.
    std::clock_t start = std::clock();
    auto pdf = render_pdf(d);
    long long ms = static_cast<long long>((std::clock() - start) * 1000 / CLOCKS_PER_SEC);
    ASSERT_TRUE(pdf.ok());
    std::printf("[ bench    ] %zu bytes, %zu pages in %lld ms CPU\n", pdf->size(),
                count(*pdf, "/Type /Page "), ms);
    EXPECT_GE(count(*pdf, "/Type /Page "), 40u);
    EXPECT_LT(ms, 1000);  // "a 40-page document well under a second"
}

}  // namespace
}  // namespace publishing
