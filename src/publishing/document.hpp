#pragma once
/// The document every published output is rendered from: the annual report (src/report) is
/// assembled into one `Document`, and the renderers in this package turn it into a PDF
/// (cairo + pango), an XLSX appendix (one sheet per table that names a sheet) and SVG charts
/// for the HTML page. The package knows nothing about enterprises, jobs or citizens: it
/// publishes headings, paragraphs, lists, tables and bar charts.
///
/// All text is plain text (never markup): renderers escape it for their format. In a
/// paragraph, "\n" separates lines within the paragraph.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace publishing {

struct Heading {
    int level = 1;  ///< 1 = chapter, 2 = section, 3 = subsection
    std::string text;
    std::string anchor;  ///< stable id for links ("goals", "point-6-1"); may be ""
};

struct Paragraph {
    std::string text;
    bool emphasis = false;  ///< e.g. a recommendation, rendered bold/highlighted
};

struct List {
    std::vector<std::string> items;
};

/// One table cell. `text` is what is shown ("35", "10 af 25 (40 %)", "<5", "150.000 kr.").
/// `number` is the raw value for the XLSX appendix when the cell is a plain number (a count or
/// an amount in kroner); suppressed cells have no number.
struct Cell {
    std::string text;
    std::optional<double> number;
    bool suppressed = false;  ///< shown as "<5" (or blanked) in the public version
};

struct Table {
    std::string caption;                     ///< shown above the table; also the sheet's title row
    std::vector<std::string> header;         ///< column headings
    std::vector<std::vector<Cell>> rows;     ///< each row has header.size() cells
    std::optional<std::vector<Cell>> total;  ///< a total row shown last in bold, if any
    std::string sheet;  ///< XLSX sheet name (≤ 31 characters, unique); "" = not in the appendix
    bool first_column_is_header = true;  ///< the first cell of each row is the row's heading
};

/// A horizontal or vertical bar chart with an optional target per bar (drawn as a marker),
/// e.g. jobs by kind, status against goals, outcomes per agreement.
struct Bar {
    std::string label;
    double value = 0;
    std::optional<double> target;
    std::string value_text;  ///< how the value is written next to the bar ("35", "<5")
};

struct BarChart {
    std::string title;
    std::string unit;  ///< axis unit in Danish, e.g. "job", "forløb", "%"
    std::vector<Bar> bars;
    std::string description;  ///< text alternative (the same figures in words)
};

using Block = std::variant<Heading, Paragraph, List, Table, BarChart>;

struct Document {
    std::string title;     ///< "Socialøkonomisk årsrapport 2018"
    std::string subtitle;  ///< e.g. "Slagelse Kommune" or "Offentlig udgave"
    std::string footer;    ///< shown at the bottom of every PDF page, e.g. "Dannet 25.11.2026"
    std::vector<Block> blocks;
};

}  // namespace publishing
