// SVG charts: structure a screen reader relies on, escaping, determinism.
#include <gtest/gtest.h>

#include <cmath>

#include "publishing/render.hpp"

namespace publishing {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
    return n;
}

BarChart jobs_chart() {
    BarChart c;
    c.title = "Job efter art 2018";
    c.unit = "job";
    c.bars = {{"Ordinære job", 20, std::nullopt, "20"},
              {"Fleksjob", 10, 12.0, "10"},
              {"Løntilskud", 3, std::nullopt, "<5"}};
    c.description = "Ordinære job: 20. Fleksjob: 10 (mål 12). Løntilskud: under 5.";
    return c;
}

TEST(Svg, HasRoleTitleDescAndAFixedViewBox) {
    std::string svg = render_svg(jobs_chart());
    EXPECT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    EXPECT_TRUE(svg.ends_with("</svg>"));
    EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
    EXPECT_NE(svg.find("viewBox=\"0 0 640 "), std::string::npos);
    auto at = svg.find("aria-labelledby=\"");
    ASSERT_NE(at, std::string::npos);
    std::string ids = svg.substr(at + 17, svg.find('"', at + 17) - at - 17);
    auto space = ids.find(' ');
    ASSERT_NE(space, std::string::npos);
    EXPECT_NE(svg.find("<title id=\"" + ids.substr(0, space) + "\">Job efter art 2018</title>"),
              std::string::npos);
    EXPECT_NE(svg.find("<desc id=\"" + ids.substr(space + 1) + "\">Ordinære job: 20."), std::string::npos);
    EXPECT_EQ(count(svg, "class=\"bb-bar\""), 3u);
    EXPECT_EQ(count(svg, "class=\"bb-target\""), 1u);
    EXPECT_NE(svg.find(">Ordinære job</text>"), std::string::npos);
    EXPECT_NE(svg.find(">&lt;5</text>"), std::string::npos);
    EXPECT_NE(svg.find(">Mål</text>"), std::string::npos);
    EXPECT_NE(svg.find("Enhed: job"), std::string::npos);
}

TEST(Svg, EscapesEveryText) {
    BarChart c;
    c.title = "<script>alert(1)</script> & \"x\"";
    c.unit = "<u>";
    c.description = "a < b & 'c'";
    c.bars = {{"<b>x</b>", 5, std::nullopt, "\"5\""}};
    std::string svg = render_svg(c);
    EXPECT_EQ(svg.find("<script>"), std::string::npos);
    EXPECT_EQ(svg.find("<b>"), std::string::npos);
    EXPECT_EQ(svg.find("<u>"), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"), std::string::npos);
    EXPECT_NE(svg.find("a &lt; b &amp; &#39;c&#39;"), std::string::npos);
    EXPECT_NE(svg.find("&lt;b&gt;x&lt;/b&gt;"), std::string::npos);
    EXPECT_NE(svg.find("&quot;5&quot;"), std::string::npos);
}

TEST(Svg, IsDeterministicAndIdsCanBeChosen) {
    EXPECT_EQ(render_svg(jobs_chart()), render_svg(jobs_chart()));
    std::string named = render_svg(jobs_chart(), "chart-jobs");
    EXPECT_NE(named.find("<title id=\"chart-jobs-title\">"), std::string::npos);
    EXPECT_NE(named.find("aria-labelledby=\"chart-jobs-title chart-jobs-desc\""), std::string::npos);
}

TEST(Svg, ScalesBarsToTheLargestValueOrTarget) {
    BarChart c;
    c.title = "Mål";
    c.bars = {{"A", 19, 25.0, "19"}, {"B", 0, std::nullopt, "0"}};
    std::string svg = render_svg(c);
    // The target 25 is the full bar area (470 wide from x=16): the marker sits at x=486.
    EXPECT_NE(svg.find("x1=\"486\""), std::string::npos);
    EXPECT_NE(svg.find("width=\"357.2\""), std::string::npos);  // 19/25 of 470
    EXPECT_NE(svg.find("width=\"0\""), std::string::npos);
    BarChart odd;
    odd.title = std::string("Ugyldig \xff");
    odd.bars = {{"a", std::nan(""), std::nan(""), ""}, {"b", -3, std::nullopt, ""}};
    std::string bad = render_svg(odd);
    EXPECT_EQ(bad.find("nan"), std::string::npos);
    EXPECT_NE(bad.find("Ugyldig ?"), std::string::npos);
    BarChart empty;
    empty.title = "Ingen data";
    EXPECT_NE(render_svg(empty).find("</svg>"), std::string::npos);
}

}  // namespace
}  // namespace publishing
