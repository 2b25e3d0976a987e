#pragma once
/// Writes .xlsx files (libxlsxwriter, behind xlsx_write.cpp only): a one-sheet export with a
/// bold header row, every cell written as a string and neutralised like CSV (FU-04); and a
/// multi-sheet workbook (report appendices) with a bold title row, a bold header row, numbers
/// as numbers and column widths.
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tabular {

/// The bytes of an .xlsx with one sheet named `sheet_name` (≤ 31 characters), the header row
/// in bold and the rows below. Internal error when the library or the temp file fails.
core::Result<std::string> write_xlsx(const std::string& sheet_name, const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows);

/// One cell of a workbook sheet: written as a number when `number` is set (the text is then
/// ignored), otherwise as neutralised text; empty text leaves the cell empty.
struct SheetCell {
    std::string text;
    std::optional<double> number;
};

struct SheetRow {
    std::vector<SheetCell> cells;
    bool bold = false;  ///< e.g. a total row
};

/// One sheet: row 1 the title (bold), row 2 the subtitle when not empty, then the header row
/// (bold, frozen) and the rows. Column widths in characters; empty = from the content.
struct Sheet {
    std::string name;  ///< ≤ 31 characters, unique, none of []:*?/\ (Internal error otherwise)
    std::string title;
    std::string subtitle;
    std::vector<std::string> header;
    std::vector<SheetRow> rows;
    std::vector<double> column_widths;
};

/// The bytes of an .xlsx with the sheets in order. Whole numbers get the format "#,##0",
/// others "#,##0.0#". Internal error when the library or the temp file fails.
core::Result<std::string> write_workbook(const std::vector<Sheet>& sheets);

}  // namespace tabular
