#pragma once
/// The renderers of a publishing::Document: PDF (cairo + pango, pdf.cpp only), the XLSX
/// appendix (through tabular::write_workbook) and accessible inline SVG bar charts for HTML.
/// All text in a Document is plain text; every renderer escapes it for its format.
#include <string>

#include "core/result.hpp"
#include "publishing/document.hpp"

namespace publishing {

/// A4 PDF bytes: a title page (title, subtitle), then the blocks with automatic page breaks,
/// tables whose header row is repeated after a page break, bar charts drawn as vector paths,
/// and on every page the document's footer and "Side n af m". Internal error when cairo fails.
core::Result<std::string> render_pdf(const Document& doc);

/// XLSX bytes: a sheet "Oversigt" (title, subtitle and the list of sheets) and one sheet per
/// Table with a non-empty `sheet`, in document order: the caption as a bold title row, the
/// header row in bold, numbers as numbers when a cell has `number`, the total row in bold.
core::Result<std::string> render_xlsx(const Document& doc);

/// An accessible inline SVG (role="img", aria-labelledby → <title> and <desc>) with a fixed
/// viewBox; every text is XML-escaped. Horizontal bars with labels, value texts and targets.
/// `id_prefix` names the <title>/<desc> ids ("" = derived from the title and description, so
/// the output is deterministic; pass distinct prefixes for two charts with the same title).
std::string render_svg(const BarChart& chart, const std::string& id_prefix = "");

/// `text` escaped for XML/HTML text and attribute values (& < > " ').
std::string xml_escape(const std::string& text);

}  // namespace publishing
