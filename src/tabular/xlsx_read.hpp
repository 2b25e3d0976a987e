#pragma once
/// Reads the first worksheet (or a named one) of an .xlsx file (libzip + expat, behind xlsx_read.cpp only):
/// shared strings, inline strings, numbers (as written in the file), booleans ("1"/"0"),
/// formulas' cached values; cells are placed by their column letters, gaps are empty cells.
/// Guards: the file must be a zip with the xlsx parts, a cap on the number of entries and on
/// the uncompressed size of every part read (zip bombs), no DTDs in the XML.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tabular/csv.hpp"

namespace tabular {

struct XlsxLimits {
    std::size_t max_entries = 1'000;
    std::uint64_t max_part_bytes = 50ull * 1024 * 1024;   ///< uncompressed, one part
    std::uint64_t max_total_bytes = 50ull * 1024 * 1024;  ///< uncompressed, all parts read
    Limits table;                                         ///< rows, columns, field length
};

struct XlsxResult {
    Table table;  ///< line = the spreadsheet row number
    std::optional<ParseError> error;
    std::vector<std::string> sheet_names;  ///< every sheet of the workbook, in order
};

/// True when the data starts like a zip file ("PK\3\4").
bool looks_like_zip(std::string_view data);

XlsxResult read_xlsx(std::string_view data, const XlsxLimits& limits = {});

/// Reads the sheet named `sheet_name` (exact match); an error when the workbook has none.
XlsxResult read_xlsx_sheet(std::string_view data, std::string_view sheet_name, const XlsxLimits& limits = {});

/// "A" → 0, "Z" → 25, "AA" → 26 from a cell reference like "AB12"; nullopt when malformed.
std::optional<std::size_t> column_index(std::string_view cell_ref);

/// An Excel date serial (1900 date system) as "YYYY-MM-DD"; nullopt when not a plausible one.
std::optional<std::string> excel_serial_to_iso(std::string_view text);

}  // namespace tabular
