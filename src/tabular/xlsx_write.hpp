#pragma once
/// Writes a one-sheet .xlsx (libxlsxwriter, behind xlsx_write.cpp only): a bold header row,
/// every cell written as a string and neutralised like CSV (FU-04).
#include <string>
#include <vector>

#include "core/result.hpp"

namespace tabular {

/// The bytes of an .xlsx with one sheet named `sheet_name` (≤ 31 characters), the header row
/// in bold and the rows below. Internal error when the library or the temp file fails.
core::Result<std::string> write_xlsx(const std::string& sheet_name, const std::vector<std::string>& header,
                                     const std::vector<std::vector<std::string>>& rows);

}  // namespace tabular
