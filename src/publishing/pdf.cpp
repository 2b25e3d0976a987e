// The PDF renderer (cairo + pango; the only file of the project with pango headers). A4
// portrait, DejaVu Sans. Two passes over the same layout code: the first only measures and
// counts the pages, the second draws, so every page can say "Side n af m". All text goes
// through pango_layout_set_text (never markup). Charts are cairo paths, not images.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "core/log.hpp"
#include "publishing/pdf_layout.hpp"
#include "publishing/render.hpp"

namespace publishing {
namespace {

constexpr double k_page_w = 595.2756;  // A4 in points
constexpr double k_page_h = 841.8898;
constexpr double k_left = 62;
constexpr double k_top = 62;
constexpr double k_bottom = k_page_h - 72;  // the text area ends here; the footer is below
constexpr double k_width = k_page_w - 2 * k_left;
constexpr double k_pad_x = 4;
constexpr double k_pad_y = 3;

struct Rgb {
    double r, g, b;
};
constexpr Rgb k_text{0.10, 0.10, 0.10};
constexpr Rgb k_muted{0.30, 0.30, 0.30};
constexpr Rgb k_bar{0.122, 0.306, 0.549};   // #1f4e8c
constexpr Rgb k_target{0.722, 0.0, 0.180};  // #b8002e
constexpr Rgb k_rule{0.75, 0.75, 0.75};
constexpr Rgb k_header_bg{0.90, 0.92, 0.95};

std::string safe(const std::string& text) {
    return valid_utf8_or_ascii(text);
}

struct LayoutUnref {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutUnref>;
struct FontFree {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontFree>;

enum class Style { Body, Bold, Small, SmallBold, Caption, Footer, H1, H2, H3, Title, Subtitle };

class Renderer {
public:
    Renderer(cairo_surface_t* surface, const Document& doc, bool draw, int total_pages)
        : m_surface(surface), m_doc(doc), m_draw(draw), m_total(total_pages) {
        m_cr = cairo_create(surface);
        m_ctx = pango_cairo_create_context(m_cr);
        const char* fonts[] = {"DejaVu Sans 10",      "DejaVu Sans Bold 10", "DejaVu Sans 9",
                               "DejaVu Sans Bold 9",  "DejaVu Sans Bold 10", "DejaVu Sans 8",
                               "DejaVu Sans Bold 16", "DejaVu Sans Bold 13", "DejaVu Sans Bold 11",
                               "DejaVu Sans Bold 26", "DejaVu Sans 15"};
        for (const char* f : fonts) m_fonts.emplace_back(pango_font_description_from_string(f));
        // No ligatures ("ff", "fi"): the text is extracted and read aloud letter by letter.
        m_no_ligatures = pango_attr_list_new();
        pango_attr_list_insert(m_no_ligatures, pango_attr_font_features_new("liga 0, clig 0"));
    }
    ~Renderer() {
        pango_attr_list_unref(m_no_ligatures);
        g_object_unref(m_ctx);
        cairo_destroy(m_cr);
    }
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;

    /// Lays out (and, in the drawing pass, draws) the whole document; returns the page count.
    int run() {
        tag("Document");
        title_page();
        for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
            m_keep = std::holds_alternative<Heading>(m_doc.blocks[i]) ? start_height(i + 1) : 0;
            std::visit([this](const auto& b) { render(b); }, m_doc.blocks[i]);
        }
        end("Document");
        finish_page();
        return m_page;
    }

    cairo_status_t status() const { return cairo_status(m_cr); }

private:
    LayoutPtr layout(const std::string& text, Style style, double width,
                     PangoAlignment align = PANGO_ALIGN_LEFT) {
        LayoutPtr l(pango_layout_new(m_ctx));
        pango_layout_set_font_description(l.get(), m_fonts[static_cast<int>(style)].get());
        std::string s = safe(text);
        pango_layout_set_text(l.get(), s.c_str(), static_cast<int>(s.size()));
        if (width > 0) {
            pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
            pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(l.get(), align);
        pango_layout_set_attributes(l.get(), m_no_ligatures);
        pango_layout_set_spacing(l.get(), static_cast<int>(1.5 * PANGO_SCALE));
        return l;
    }
    /// The layout's logical size in points: {width, height}.
    static std::pair<double, double> size_of(PangoLayout* l) {
        int w = 0, h = 0;
        pango_layout_get_size(l, &w, &h);
        return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
    }
    static double height_of(PangoLayout* l) { return size_of(l).second; }
    static double width_of(PangoLayout* l) { return size_of(l).first; }

    void colour(Rgb c) { cairo_set_source_rgb(m_cr, c.r, c.g, c.b); }

    // Structure tags for screen readers (drawing pass only). Tags below "Document" close before
    // a footer (cairo 1.16 has no "Artifact") and reopen on the next page; "Document" stays open
    // (cairo marks the PDF as tagged only then).
    void tag(const char* name) {
        m_tags.push_back(name);
        if (m_draw) cairo_tag_begin(m_cr, name, "");
    }
    void end(const char* name) {
        if (!m_tags.empty()) m_tags.pop_back();
        if (m_draw) cairo_tag_end(m_cr, name);
    }

    void show(PangoLayout* l, double x, double y, Rgb c = k_text) {
        if (!m_draw) return;
        colour(c);
        cairo_move_to(m_cr, x, y);
        pango_cairo_show_layout(m_cr, l);
    }

    void rect(double x, double y, double w, double h, Rgb c) {
        if (!m_draw) return;
        colour(c);
        cairo_rectangle(m_cr, x, y, w, h);
        cairo_fill(m_cr);
    }

    void line(double x1, double y1, double x2, double y2, double width, Rgb c) {
        if (!m_draw) return;
        colour(c);
        cairo_set_line_width(m_cr, width);
        cairo_move_to(m_cr, x1, y1);
        cairo_line_to(m_cr, x2, y2);
        cairo_stroke(m_cr);
    }

    // ---- pages ----

    void footer() {
        auto left = layout(m_doc.footer, Style::Footer, k_width - 72);  // room for "Side 999 af 999"
        show(left.get(), k_left, k_bottom + 28, k_muted);
        std::string number =
            "Side " + std::to_string(m_page) + (m_total > 0 ? " af " + std::to_string(m_total) : "");
        auto right = layout(number, Style::Footer, k_width, PANGO_ALIGN_RIGHT);
        show(right.get(), k_left, k_bottom + 28, k_muted);
        line(k_left, k_bottom + 22, k_left + k_width, k_bottom + 22, 0.5, k_rule);
    }

    void finish_page() {
        if (m_page == 0) return;
        if (m_draw)
            for (auto i = m_tags.size(); i > 1; --i) cairo_tag_end(m_cr, m_tags[i - 1]);
        footer();
        if (m_draw) cairo_show_page(m_cr);
        m_open = false;
    }

    void new_page() {
        if (m_open) finish_page();
        ++m_page;
        m_open = true;
        m_y = k_top;
        if (m_draw)
            for (std::size_t i = 1; i < m_tags.size(); ++i) cairo_tag_begin(m_cr, m_tags[i], "");
    }

    /// Starts a new page unless `height` still fits below the current position (or the page
    /// is empty anyway).
    void ensure(double height) {
        if (!m_open) new_page();
        if (m_y + height > k_bottom && m_y > k_top + 0.5) new_page();
    }

    /// Draws the iterator's current line with its top at `top` (and returns the line's height).
    double draw_line(PangoLayoutIter* it, double x, double top, Rgb c = k_text) {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        if (m_draw) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(it, nullptr, &logical);
            colour(c);
            cairo_move_to(m_cr, x + static_cast<double>(logical.x) / PANGO_SCALE,
                          top + static_cast<double>(pango_layout_iter_get_baseline(it) - y0) / PANGO_SCALE);
            pango_cairo_show_layout_line(m_cr, pango_layout_iter_get_line_readonly(it));
        }
        return static_cast<double>(y1 - y0) / PANGO_SCALE;
    }
    static double line_height(PangoLayoutIter* it) {
        int y0 = 0, y1 = 0;
        pango_layout_iter_get_line_yrange(it, &y0, &y1);
        return static_cast<double>(y1 - y0) / PANGO_SCALE;
    }

    /// Draws a layout line by line at `x`, breaking pages between lines. With `bar`, an accent
    /// bar runs beside the lines (emphasis).
    void flow(PangoLayout* l, double x, bool bar = false, Rgb c = k_text) {
        PangoLayoutIter* it = pango_layout_get_iter(l);
        do {
            ensure(line_height(it));
            double h = draw_line(it, x, m_y, c);
            if (bar) rect(x - 10, m_y, 3, h, k_bar);
            m_y += h;
        } while (pango_layout_iter_next_line(it));
        pango_layout_iter_free(it);
    }

    void title_page() {
        new_page();
        m_y = 250;
        auto title = layout(m_doc.title, Style::Title, k_width);
        tag("P");
        flow(title.get(), k_left);
        end("P");
        m_y += 14;
        if (!m_doc.subtitle.empty()) {
            auto sub = layout(m_doc.subtitle, Style::Subtitle, k_width);
            tag("P");
            flow(sub.get(), k_left, false, k_muted);
            end("P");
        }
        line(k_left, 230, k_left + 120, 230, 4, k_bar);
        if (!m_doc.blocks.empty()) new_page();
    }

    // ---- blocks ----

    /// The height the block at `i` needs at the bottom of a page before a heading may stay
    /// there (keep with next): following headings in full, then the start of the next block.
    double start_height(std::size_t i) {
        if (i >= m_doc.blocks.size()) return 0;
        const Block& b = m_doc.blocks[i];
        if (const auto* h = std::get_if<Heading>(&b)) {
            int level = std::clamp(h->level, 1, 3);
            auto l = layout(h->text, level == 1 ? Style::H1 : level == 2 ? Style::H2 : Style::H3, k_width);
            return heading_before(level) + height_of(l.get()) + 6 + start_height(i + 1);
        }
        if (std::holds_alternative<Table>(b)) return 75;  // caption, header row, first row
        if (const auto* c = std::get_if<BarChart>(&b))
            return std::min(chart_height(*c), k_bottom - k_top - 60);
        return 45;  // three lines of text
    }

    static double heading_before(int level) { return level == 1 ? 18 : level == 2 ? 12 : 9; }

    void render(const Heading& h) {
        int level = std::clamp(h.level, 1, 3);
        Style style = level == 1 ? Style::H1 : level == 2 ? Style::H2 : Style::H3;
        double before = heading_before(level);
        auto l = layout(h.text, style, k_width);
        // Keep the heading with the start of what follows (m_keep, set by run()).
        ensure(before + height_of(l.get()) + std::max(m_keep, 30.0));
        if (m_y > k_top + 0.5) m_y += before;
        if (m_draw) outline(h.text, level);
        const char* name = level == 1 ? "H1" : level == 2 ? "H2" : "H3";
        tag(name);
        flow(l.get(), k_left);
        end(name);
        m_y += level == 1 ? 6 : 4;
    }

    void outline(const std::string& text, int level) {
        std::string attrs =
            "page=" + std::to_string(m_page) + " pos=[62 " + std::to_string(static_cast<int>(m_y)) + "]";
        int parent = CAIRO_PDF_OUTLINE_ROOT;
        if (level >= 2 && m_outline[0]) parent = m_outline[0];
        if (level == 3 && m_outline[1]) parent = m_outline[1];
        std::string name = safe(text);
        m_outline[level - 1] = cairo_pdf_surface_add_outline(m_surface, parent, name.c_str(), attrs.c_str(),
                                                             static_cast<cairo_pdf_outline_flags_t>(0));
        for (int i = level; i < 3; ++i) m_outline[i] = 0;
    }

    void render(const Paragraph& p) {
        double indent = p.emphasis ? 12 : 0;
        auto l = layout(p.text, p.emphasis ? Style::Bold : Style::Body, k_width - indent);
        tag("P");
        flow(l.get(), k_left + indent, p.emphasis);
        end("P");
        m_y += 7;
    }

    void render(const List& list) {
        tag("L");
        for (const std::string& item : list.items) {
            auto l = layout(item, Style::Body, k_width - 16);
            PangoLayoutIter* first = pango_layout_get_iter(l.get());
            ensure(line_height(first));
            pango_layout_iter_free(first);
            auto bullet = layout("•", Style::Body, 0);
            tag("LI");
            tag("Lbl");
            show(bullet.get(), k_left + 3, m_y);
            end("Lbl");
            tag("LBody");
            flow(l.get(), k_left + 16);
            end("LBody");
            end("LI");
            m_y += 2;
        }
        end("L");
        m_y += 6;
    }

    /// Column widths from each column's widest unwrapped text and longest word.
    std::vector<double> column_widths(const Table& t, std::size_t cols) {
        std::vector<double> most(cols, 24), least(cols, 24);
        // Numbers ("412.000 kr.", "<5") never wrap: their whole text is their minimum.
        auto widen = [&](std::size_t c, const std::string& text, Style s, bool number = false) {
            if (c >= cols || text.empty()) return;
            auto width = [&](const std::string& s_text) {
                return width_of(layout(s_text, s, 0).get()) + 2 * k_pad_x + 1;
            };
            double whole = width(text);
            most[c] = std::max(most[c], whole);
            least[c] = std::max(least[c], number ? whole : width(std::string(longest_word(text))));
        };
        auto cells = [&](const std::vector<Cell>& row, Style s) {
            for (std::size_t c = 0; c < row.size(); ++c)
                widen(c, row[c].text, s, row[c].number || row[c].suppressed);
        };
        for (std::size_t c = 0; c < t.header.size(); ++c) widen(c, t.header[c], Style::SmallBold);
        for (const auto& row : t.rows) cells(row, Style::Small);
        if (t.total) cells(*t.total, Style::SmallBold);
        return distribute_widths(most, least, k_width);
    }

    struct RowLayout {
        std::vector<LayoutPtr> cells;
        double height = 0;
    };

    RowLayout row_layout(const std::vector<std::string>& texts, const std::vector<bool>& right,
                         const std::vector<double>& widths, Style style) {
        RowLayout r;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            std::string text = c < texts.size() ? texts[c] : "";
            bool align_right = c < right.size() && right[c];
            auto l = layout(text, style, widths[c] - 2 * k_pad_x,
                            align_right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
            r.height = std::max(r.height, height_of(l.get()) + 2 * k_pad_y);
            r.cells.push_back(std::move(l));
        }
        return r;
    }

    void draw_row(const RowLayout& r, const std::vector<double>& widths, bool header, bool total,
                  bool first_column_is_header = false) {
        if (header) rect(k_left, m_y, k_width, r.height, k_header_bg);
        if (total) line(k_left, m_y, k_left + k_width, m_y, 1.2, k_text);
        double x = k_left;
        tag("TR");
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
            const char* cell = header || (c == 0 && first_column_is_header) ? "TH" : "TD";
            tag(cell);
            show(r.cells[c].get(), x + k_pad_x, m_y + k_pad_y);
            end(cell);
            x += widths[c];
        }
        end("TR");
        m_y += r.height;
        line(k_left, m_y, k_left + k_width, m_y, header ? 1.0 : 0.4, header ? k_text : k_rule);
    }

    /// A row taller than a page: its cells go on line by line over as many pages as needed,
    /// with the header row repeated on each.
    void split_row(const RowLayout& r, const std::vector<double>& widths, const RowLayout& header, bool total,
                   bool first_column_is_header) {
        std::vector<PangoLayoutIter*> its;
        std::vector<bool> more;
        for (const auto& l : r.cells) {
            its.push_back(pango_layout_get_iter(l.get()));
            more.push_back(true);
        }
        if (total) line(k_left, m_y, k_left + k_width, m_y, 1.2, k_text);
        tag("TR");
        for (bool first = true;; first = false) {
            if (!first || m_y + 40 > k_bottom) {
                new_page();
                draw_row(header, widths, true, false);
            }
            double slice = 0;
            double x = k_left;
            for (std::size_t c = 0; c < its.size(); ++c) {
                const char* cell = c == 0 && first_column_is_header ? "TH" : "TD";
                tag(cell);
                double used = 0;
                while (more[c] && m_y + k_pad_y + used + line_height(its[c]) <= k_bottom - k_pad_y) {
                    used += draw_line(its[c], x + k_pad_x, m_y + k_pad_y + used);
                    more[c] = pango_layout_iter_next_line(its[c]);
                }
                end(cell);
                slice = std::max(slice, used);
                x += widths[c];
            }
            m_y += slice + 2 * k_pad_y;
            if (std::none_of(more.begin(), more.end(), [](bool b) { return b; }) || (slice == 0 && !first))
                break;
        }
        end("TR");
        line(k_left, m_y, k_left + k_width, m_y, 0.4, k_rule);
        for (auto* it : its) pango_layout_iter_free(it);
    }

    void render(const Table& t) {
        std::size_t cols = t.header.size();
        for (const auto& row : t.rows) cols = std::max(cols, row.size());
        if (t.total) cols = std::max(cols, t.total->size());
        if (cols == 0) return;
        std::vector<double> widths = column_widths(t, cols);
        auto texts = [](const std::vector<Cell>& cells) {
            std::vector<std::string> out;
            for (const Cell& c : cells) out.push_back(c.text);
            return out;
        };
        auto numeric = [](const std::vector<Cell>& cells) {
            std::vector<bool> out;
            for (const Cell& c : cells) out.push_back(c.number.has_value() || c.suppressed);
            return out;
        };
        // Header cells of number columns (judged by the first row) are right-aligned like the numbers.
        RowLayout header = row_layout(t.header, t.rows.empty() ? std::vector<bool>{} : numeric(t.rows[0]),
                                      widths, Style::SmallBold);
        auto caption = layout(t.caption, Style::Caption, k_width);
        double caption_h = t.caption.empty() ? 0 : height_of(caption.get()) + 4;
        double first_row = 0;
        if (!t.rows.empty()) first_row = row_layout(texts(t.rows[0]), {}, widths, Style::Small).height;
        ensure(caption_h + header.height + first_row + 4);
        m_y += 4;
        tag("Table");
        if (!t.caption.empty()) {
            tag("Caption");
            flow(caption.get(), k_left);
            end("Caption");
            m_y += 4;
        }
        draw_row(header, widths, true, false);
        auto body_row = [&](const std::vector<Cell>& cells, bool total) {
            RowLayout r =
                row_layout(texts(cells), numeric(cells), widths, total ? Style::SmallBold : Style::Small);
            if (m_y + r.height > k_bottom) {
                if (r.height > (k_bottom - k_top) / 4) {  // a tall row is split rather than leave a gap
                    split_row(r, widths, header, total, t.first_column_is_header);
                    return;
                }
                new_page();
                draw_row(header, widths, true, false);  // the header row again (the table goes on)
            }
            draw_row(r, widths, false, total, t.first_column_is_header);
        };
        for (const auto& row : t.rows) body_row(row, false);
        if (t.total) body_row(*t.total, true);
        end("Table");
        m_y += 10;
    }

    static constexpr double k_label_w = k_width * 0.34;

    /// The chart's height: title, one row per bar (its label may wrap), the legend.
    double chart_height(const BarChart& chart) {
        double h = height_of(layout(chart.title, Style::Caption, k_width).get()) + 20;
        bool any_target = false;
        for (const Bar& b : chart.bars) {
            h +=
                std::max(height_of(layout(b.label, Style::Small, k_label_w, PANGO_ALIGN_RIGHT).get()), 14.0) +
                6;
            any_target = any_target || b.target.has_value();
        }
        return h + (any_target ? 18 : 0);
    }

    void render(const BarChart& chart) {
        double label_w = k_label_w;
        double bar_x = k_left + label_w + 8;
        double bar_w = k_width - label_w - 8 - 56;
        double max = 0;
        bool any_target = false;
        auto finite = [](double v) { return std::isfinite(v) ? v : 0.0; };
        for (const Bar& b : chart.bars) {
            max = std::max(max, finite(b.value));
            if (b.target) max = std::max(max, finite(*b.target)), any_target = true;
        }
        if (max <= 0) max = 1;
        auto x_of = [&](double v) { return bar_x + bar_w * std::clamp(finite(v), 0.0, max) / max; };
        std::vector<LayoutPtr> labels;
        double total_h = 0;
        for (const Bar& b : chart.bars) {
            labels.push_back(layout(b.label, Style::Small, label_w, PANGO_ALIGN_RIGHT));
            total_h += std::max(height_of(labels.back().get()), 14.0) + 6;
        }
        auto title = layout(chart.title, Style::Caption, k_width);
        std::string unit_text = chart.unit.empty() ? "" : "Enhed: " + chart.unit;
        auto unit = layout(unit_text, Style::Footer, k_width, PANGO_ALIGN_RIGHT);
        double head_h = height_of(title.get()) + 6;
        double legend_h = any_target ? 18 : 0;
        // The whole chart on one page when it fits on one.
        ensure(std::min(head_h + total_h + legend_h + 8, k_bottom - k_top));
        m_y += 4;
        // Tagged as text a screen reader can read: the title, the unit, each label with its value.
        tag("Div");
        tag("P");
        flow(title.get(), k_left);
        end("P");
        if (!unit_text.empty()) {
            tag("P");
            show(unit.get(), k_left, m_y - height_of(title.get()) + 2, k_muted);
            end("P");
        }
        m_y += 6;
        for (std::size_t i = 0; i < chart.bars.size(); ++i) {
            const Bar& b = chart.bars[i];
            double row_h = std::max(height_of(labels[i].get()), 14.0);
            ensure(row_h + 6);
            tag("P");
            show(labels[i].get(), k_left, m_y);
            double bar_y = m_y + 1;
            double bar_h = std::min(row_h - 2, 12.0);
            rect(bar_x, bar_y, x_of(b.value) - bar_x, bar_h, k_bar);
            double text_x = x_of(b.value) + 4;
            if (b.target) {
                double tx = x_of(*b.target);
                line(tx, bar_y - 3, tx, bar_y + bar_h + 3, 2, k_target);
                text_x = std::max(text_x, tx + 4);
            }
            auto value = layout(
                b.value_text.empty() ? std::to_string(static_cast<long long>(finite(b.value))) : b.value_text,
                Style::SmallBold, 0);
            show(value.get(), text_x, bar_y - 1);
            end("P");
            line(bar_x, m_y - 3, bar_x, m_y + row_h + 3, 0.8, k_muted);
            m_y += row_h + 6;
        }
        if (any_target) {
            ensure(legend_h);
            line(bar_x + 2, m_y + 1, bar_x + 2, m_y + 12, 2, k_target);
            auto legend = layout("Mål", Style::Footer, 0);
            show(legend.get(), bar_x + 8, m_y + 1, k_text);
            m_y += legend_h;
        }
        end("Div");
        m_y += 10;
    }

    cairo_surface_t* m_surface;
    const Document& m_doc;
    bool m_draw;
    int m_total;
    cairo_t* m_cr = nullptr;
    PangoContext* m_ctx = nullptr;
    PangoAttrList* m_no_ligatures = nullptr;
    std::vector<FontPtr> m_fonts;
    int m_page = 0;
    bool m_open = false;
    double m_y = k_top;
    int m_outline[3] = {0, 0, 0};
    double m_keep = 0;                ///< for a heading: what the next blocks need below it
    std::vector<const char*> m_tags;  ///< open structure tags, outermost first
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) {
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

core::Result<std::string> render_pdf(const Document& doc) {
    int pages = 0;
    {
        cairo_surface_t* measure = cairo_pdf_surface_create_for_stream(discard, nullptr, k_page_w, k_page_h);
        {
            Renderer r(measure, doc, false, 0);
            pages = r.run();
        }
        cairo_surface_destroy(measure);
    }
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &bytes, k_page_w, k_page_h);
    std::string title = safe(doc.title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Brobygger");
    cairo_status_t status = CAIRO_STATUS_SUCCESS;
    {
        Renderer r(surface, doc, true, pages);
        r.run();
        status = r.status();
    }
    cairo_surface_finish(surface);
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        core::log::error(std::string("pdf: cairo failed to render the document: ") +
                         cairo_status_to_string(status));
        return core::Error::internal();
    }
    return bytes;
}

}  // namespace publishing
