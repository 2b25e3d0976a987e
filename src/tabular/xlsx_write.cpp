// XLSX writing with libxlsxwriter (the only file with its headers). Debian's 1.1.4 has no
// memory output, so the workbook goes to a private temp file that is read back and removed.
#include "tabular/xlsx_write.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "core/log.hpp"
#include "core/text.hpp"
#include "tabular/csv.hpp"

namespace tabular {
namespace {

constexpr std::size_t k_max_cell = 32767;  // Excel's limit for one cell

std::string cell_text(const std::string& value) {
    std::string v = neutralise(value);
    if (v.size() > k_max_cell) {
        std::size_t cut = k_max_cell;
        while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
        v.resize(cut);
    }
    return v;
}

/// Creates a workbook on a private temp file, lets `fill` write it, closes it and returns the
/// file's bytes. `fill` returns the first libxlsxwriter error (or LXW_NO_ERROR).
core::Result<std::string> with_workbook(const std::function<lxw_error(lxw_workbook*)>& fill) {
    const char* tmp_env = std::getenv("TMPDIR");
    std::string dir = tmp_env && *tmp_env ? tmp_env : "/tmp";
    std::string path = dir + "/bb-xlsx-XXXXXX";
    int fd = mkstemp(path.data());
    if (fd < 0) {
        core::log::error("xlsx: cannot create a temp file in " + dir);
        return core::Error::internal();
    }
    close(fd);
    struct Remove {
        std::string p;
        ~Remove() { std::remove(p.c_str()); }
    } remove_later{path};

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = dir.data();
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    if (!wb) return core::Error::internal();
    lxw_error err = fill(wb);
    lxw_error closed = workbook_close(wb);
    if (err != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        core::log::error(std::string("xlsx: libxlsxwriter failed: ") +
                         lxw_strerror(err != LXW_NO_ERROR ? err : closed));
        return core::Error::internal();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error::internal();
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

double text_width(const std::string& text) {
    // Widest line in characters (code points) — Excel's column width unit is about one digit.
    double widest = 0;
    for (auto line : core::split(text, '\n'))
        widest = std::max(widest, static_cast<double>(core::utf8_length(line)));
    return widest;
}

}  // namespace

core::Result<std::string> write_xlsx(const std::string& sheet_name, const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows) {
    return with_workbook([&](lxw_workbook* wb) -> lxw_error {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.substr(0, 31).c_str());
        if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        lxw_error err = LXW_NO_ERROR;
        auto put_row = [&](lxw_row_t r, const std::vector<std::string>& cells, lxw_format* fmt) {
            for (std::size_t c = 0; c < cells.size() && err == LXW_NO_ERROR; ++c) {
                if (cells[c].empty()) continue;
                std::string v = cell_text(cells[c]);
                err = worksheet_write_string(ws, r, static_cast<lxw_col_t>(c), v.c_str(), fmt);
            }
        };
        put_row(0, header, bold);
        for (std::size_t i = 0; i < rows.size() && err == LXW_NO_ERROR; ++i)
            put_row(static_cast<lxw_row_t>(i + 1), rows[i], nullptr);
        if (err == LXW_NO_ERROR) worksheet_freeze_panes(ws, 1, 0);
        return err;
    });
}

core::Result<std::string> write_workbook(const std::vector<Sheet>& sheets) {
    return with_workbook([&](lxw_workbook* wb) -> lxw_error {
        lxw_format* bold = workbook_add_format(wb);
        format_set_bold(bold);
        lxw_format* title = workbook_add_format(wb);
        format_set_bold(title);
        format_set_font_size(title, 13);
        lxw_format* whole = workbook_add_format(wb);
        format_set_num_format(whole, "#,##0");
        lxw_format* whole_bold = workbook_add_format(wb);
        format_set_num_format(whole_bold, "#,##0");
        format_set_bold(whole_bold);
        lxw_format* fraction = workbook_add_format(wb);
        format_set_num_format(fraction, "#,##0.0#");
        lxw_format* fraction_bold = workbook_add_format(wb);
        format_set_num_format(fraction_bold, "#,##0.0#");
        format_set_bold(fraction_bold);
        lxw_format* wrap = workbook_add_format(wb);
        format_set_text_wrap(wrap);
        format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
        lxw_format* wrap_bold = workbook_add_format(wb);
        format_set_text_wrap(wrap_bold);
        format_set_align(wrap_bold, LXW_ALIGN_VERTICAL_TOP);
        format_set_bold(wrap_bold);

        for (const Sheet& sheet : sheets) {
            lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
            if (!ws) return LXW_ERROR_SHEETNAME_ALREADY_USED;
            lxw_error err = LXW_NO_ERROR;
            lxw_row_t r = 0;
            auto put_text = [&](lxw_row_t row, std::size_t col, const std::string& text, lxw_format* fmt) {
                if (text.empty() || err != LXW_NO_ERROR) return;
                std::string v = cell_text(text);
                err = worksheet_write_string(ws, row, static_cast<lxw_col_t>(col), v.c_str(), fmt);
            };
            std::vector<double> widths(sheet.header.size(), 0);
            auto widen = [&](std::size_t col, double w) {
                if (widths.size() <= col) widths.resize(col + 1, 0);
                widths[col] = std::max(widths[col], w);
            };
            put_text(r++, 0, sheet.title, title);
            if (!sheet.subtitle.empty()) put_text(r++, 0, sheet.subtitle, nullptr);
            lxw_row_t header_row = r;
            for (std::size_t c = 0; c < sheet.header.size(); ++c) {
                put_text(r, c, sheet.header[c], wrap_bold);
                widen(c, text_width(sheet.header[c]));
            }
            if (!sheet.header.empty()) ++r;
            for (const SheetRow& row : sheet.rows) {
                for (std::size_t c = 0; c < row.cells.size() && err == LXW_NO_ERROR; ++c) {
                    const SheetCell& cell = row.cells[c];
                    if (cell.number && std::isfinite(*cell.number)) {
                        bool integral = std::floor(*cell.number) == *cell.number;
                        lxw_format* fmt = integral ? (row.bold ? whole_bold : whole)
                                                   : (row.bold ? fraction_bold : fraction);
                        err = worksheet_write_number(ws, r, static_cast<lxw_col_t>(c), *cell.number, fmt);
                        widen(c, std::max(6.0, text_width(cell.text)));
                    } else {
                        put_text(r, c, cell.text, row.bold ? wrap_bold : wrap);
                        widen(c, text_width(cell.text));
                    }
                }
                ++r;
            }
            if (err != LXW_NO_ERROR) return err;
            for (std::size_t c = 0; c < widths.size(); ++c) {
                double w = c < sheet.column_widths.size() ? sheet.column_widths[c]
                                                          : std::clamp(widths[c] + 2, 8.0, 60.0);
                worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), w, nullptr);
            }
            if (!sheet.header.empty()) worksheet_freeze_panes(ws, header_row + 1, 0);
        }
        return LXW_NO_ERROR;
    });
}

}  // namespace tabular
