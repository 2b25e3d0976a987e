// Accessible inline SVG bar charts for the HTML report: role="img" labelled by <title> and
// described by <desc>, a fixed viewBox so the chart scales with its container, every text
// escaped. One row per bar: the label on its own line, the bar below with its value text and,
// when the bar has a target, a marker at the target. Colours meet WCAG AA on white (the bar
// #1f4e8c 8.4:1, the text #1a1a1a, the target marker #b8002e 6.6:1).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "core/text.hpp"
#include "publishing/render.hpp"

namespace publishing {
namespace {

constexpr double k_width = 640;
constexpr double k_left = 16;
constexpr double k_bar_area = 470;  // the longest bar; value texts go to its right
constexpr double k_top = 48;
constexpr double k_row = 46;

std::string number(double v) {
    if (!std::isfinite(v)) v = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

std::string value_text(const Bar& bar) {
    if (!bar.value_text.empty()) return bar.value_text;
    return number(bar.value);
}

}  // namespace

std::string xml_escape(const std::string& input) {
    // Invalid UTF-8 would make the whole page invalid: its non-ASCII bytes become '?'.
    std::string text = input;
    if (!core::is_valid_utf8(text))
        for (char& ch : text)
            if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
    std::string out;
    out.reserve(text.size() + 16);
    for (char ch : text) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                // Control characters other than tab/newline are not allowed in XML 1.0.
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n')
                    out += ' ';
                else
                    out += ch;
        }
    }
    return out;
}

std::string render_svg(const BarChart& chart, const std::string& id_prefix) {
    std::string id = id_prefix;
    if (id.empty()) {
        // Deterministic (golden tests of pages): FNV-1a of the title and description.
        std::uint64_t h = 1469598103934665603ull;
        for (char ch : chart.title + "\n" + chart.description)
            h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
        char buf[32];
        std::snprintf(buf, sizeof buf, "bb-chart-%08llx", static_cast<unsigned long long>(h & 0xffffffffull));
        id = buf;
    }
    double max = 0;
    bool any_target = false;
    auto finite = [](double v) { return std::isfinite(v) ? v : 0.0; };
    for (const Bar& b : chart.bars) {
        max = std::max(max, finite(b.value));
        if (b.target) {
            max = std::max(max, finite(*b.target));
            any_target = true;
        }
    }
    if (max <= 0) max = 1;
    double height = k_top + k_row * static_cast<double>(chart.bars.size()) + (any_target ? 34 : 12);
    auto x_of = [&](double v) { return k_left + k_bar_area * std::clamp(finite(v), 0.0, max) / max; };

    std::string s;
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bb-chart\" role=\"img\" viewBox=\"0 0 " +
         number(k_width) + " " + number(height) +
         "\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"" + id + "-title " + id + "-desc\">";
    s += "<title id=\"" + id + "-title\">" + xml_escape(chart.title) + "</title>";
    s += "<desc id=\"" + id + "-desc\">" + xml_escape(chart.description) + "</desc>";
    s += "<rect x=\"0\" y=\"0\" width=\"" + number(k_width) + "\" height=\"" + number(height) +
         "\" fill=\"#ffffff\"/>";
    s += "<text x=\"" + number(k_left) +
         "\" y=\"24\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" "
         "fill=\"#1a1a1a\">" +
         xml_escape(chart.title) + "</text>";
    if (!chart.unit.empty())
        s += "<text x=\"" + number(k_left + k_bar_area) +
             "\" y=\"24\" text-anchor=\"end\" font-family=\"sans-serif\" "
             "font-size=\"12\" fill=\"#4d4d4d\">" +
             xml_escape("Enhed: " + chart.unit) + "</text>";
    s += "<g aria-hidden=\"true\">";
    double y = k_top;
    for (const Bar& b : chart.bars) {
        s += "<g class=\"bb-bar\">";
        s += "<text x=\"" + number(k_left) + "\" y=\"" + number(y + 12) +
             "\" font-family=\"sans-serif\" font-size=\"13\" fill=\"#1a1a1a\">" + xml_escape(b.label) +
             "</text>";
        double bar_y = y + 18;
        s += "<line x1=\"" + number(k_left) + "\" y1=\"" + number(bar_y - 3) + "\" x2=\"" + number(k_left) +
             "\" y2=\"" + number(bar_y + 21) + "\" stroke=\"#4d4d4d\" stroke-width=\"1\"/>";
        double w = x_of(b.value) - k_left;
        s += "<rect x=\"" + number(k_left) + "\" y=\"" + number(bar_y) + "\" width=\"" + number(w) +
             "\" height=\"18\" fill=\"#1f4e8c\"/>";
        double text_x = x_of(b.value) + 6;
        if (b.target) {
            double tx = x_of(*b.target);
            s += "<line class=\"bb-target\" x1=\"" + number(tx) + "\" y1=\"" + number(bar_y - 4) +
                 "\" x2=\"" + number(tx) + "\" y2=\"" + number(bar_y + 22) +
                 "\" stroke=\"#b8002e\" stroke-width=\"3\"/>";
            text_x = std::max(text_x, tx + 6);
        }
        s += "<text x=\"" + number(text_x) + "\" y=\"" + number(bar_y + 14) +
             "\" font-family=\"sans-serif\" font-size=\"13\" font-weight=\"bold\" fill=\"#1a1a1a\">" +
             xml_escape(value_text(b)) + "</text>";
        s += "</g>";
        y += k_row;
    }
    if (any_target) {
        double ly = y + 14;
        s += "<line x1=\"" + number(k_left) + "\" y1=\"" + number(ly - 9) + "\" x2=\"" + number(k_left) +
             "\" y2=\"" + number(ly + 5) + "\" stroke=\"#b8002e\" stroke-width=\"3\"/>";
        s += "<text x=\"" + number(k_left + 8) + "\" y=\"" + number(ly + 2) +
             "\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#1a1a1a\">Mål</text>";
    }
    s += "</g></svg>";
    return s;
}

}  // namespace publishing
