// The XLSX appendix of a Document: "Oversigt" (title, subtitle, the list of sheets) and one
// sheet per Table that names a sheet, written by tabular::write_workbook.
#include <set>

#include "core/text.hpp"
#include "publishing/render.hpp"
#include "tabular/xlsx_write.hpp"

namespace publishing {
namespace {

/// A valid, unique sheet name: no []:*?/\, at most 31 characters, not blank.
std::string sheet_name(const std::string& wanted, std::set<std::string>& used) {
    std::string base;
    for (char ch : wanted) {
        if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos ||
            static_cast<unsigned char>(ch) < 0x20)
            base += ' ';
        else
            base += ch;
    }
    if (!core::is_valid_utf8(base)) base = "Ark";
    auto cut = [](std::string s, std::size_t chars) {
        std::size_t count = 0, i = 0;
        for (; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == chars) break;
        }
        s.resize(i);
        return s;
    };
    base = std::string(core::trim(cut(base, 31)));
    if (base.empty() || base.front() == '\'' || base.back() == '\'') base = "Ark";
    std::string name = base;
    for (int n = 2; used.count(core::to_lower_danish(name)); ++n) {
        std::string suffix = " (" + std::to_string(n) + ")";
        name = cut(base, 31 - suffix.size()) + suffix;
    }
    used.insert(core::to_lower_danish(name));
    return name;
}

tabular::SheetRow to_row(const std::vector<Cell>& cells, bool bold) {
    tabular::SheetRow row;
    row.bold = bold;
    for (const Cell& c : cells) {
        tabular::SheetCell out{c.text, {}};
        if (!c.suppressed) out.number = c.number;
        row.cells.push_back(std::move(out));
    }
    return row;
}

}  // namespace

core::Result<std::string> render_xlsx(const Document& doc) {
    std::set<std::string> used;
    tabular::Sheet overview;
    overview.name = sheet_name("Oversigt", used);
    overview.title = doc.title;
    overview.subtitle = doc.subtitle;
    overview.header = {"Ark", "Indhold"};
    std::vector<tabular::Sheet> sheets(1);
    for (const Block& block : doc.blocks) {
        const auto* table = std::get_if<Table>(&block);
        if (!table || table->sheet.empty()) continue;
        tabular::Sheet s;
        s.name = sheet_name(table->sheet, used);
        s.title = table->caption;
        s.header = table->header;
        for (const auto& row : table->rows) s.rows.push_back(to_row(row, false));
        if (table->total) s.rows.push_back(to_row(*table->total, true));
        overview.rows.push_back({{{s.name, {}}, {table->caption, {}}}, false});
        sheets.push_back(std::move(s));
    }
    if (sheets.size() == 1)
        overview.rows.push_back({{{"", {}}, {"Rapporten har ingen tabeller.", {}}}, false});
    sheets[0] = std::move(overview);
    return tabular::write_workbook(sheets);
}

}  // namespace publishing
