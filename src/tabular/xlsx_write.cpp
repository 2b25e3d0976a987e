// XLSX writing with libxlsxwriter (the only file with its headers). Debian's 1.1.4 has no
// memory output, so the workbook goes to a private temp file that is read back and removed.
#include "tabular/xlsx_write.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "core/log.hpp"
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

}  // namespace

core::Result<std::string> write_xlsx(const std::string& sheet_name, const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows) {
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
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.substr(0, 31).c_str());
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
    if (ws) {
        put_row(0, header, bold);
        for (std::size_t i = 0; i < rows.size() && err == LXW_NO_ERROR; ++i)
            put_row(static_cast<lxw_row_t>(i + 1), rows[i], nullptr);
        if (err == LXW_NO_ERROR) worksheet_freeze_panes(ws, 1, 0);
    }
    lxw_error closed = workbook_close(wb);
    if (!ws || err != LXW_NO_ERROR || closed != LXW_NO_ERROR) {
        core::log::error(std::string("xlsx: libxlsxwriter failed: ") + lxw_strerror(err != LXW_NO_ERROR ? err : closed));
        return core::Error::internal();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error::internal();
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace tabular
