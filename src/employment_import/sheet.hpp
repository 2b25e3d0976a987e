#pragma once
/// Internal: reading an import file into rows keyed by column, and parsing cells with Danish
/// messages that name the field. Shared by the agreement, placement and job imports.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "employment_import/import.hpp"

namespace employment_import::detail {

/// One data row: its line and the trimmed cell of every column ("" when absent).
struct Row {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

/// Reads the file (CSV or XLSX), maps the header line to `cols` and returns the non-blank data
/// rows. Problems with the file or the header go to `report`; then the result is empty.
std::optional<std::vector<Row>> read_rows(std::string_view bytes, std::span<const Column> cols,
                                          const tabular::Limits& limits, Report& report, bool& xlsx);

/// Lower-cased, trimmed value for comparisons ("Sumak " → "sumak").
std::string fold(std::string_view text);

/// Parses the cells of one row; every problem is added to the report with the row's line and
/// the column's header, and `failed` is set.
class Cells {
public:
    Cells(const Row& row, std::span<const Column> cols, bool xlsx, Report& report)
        : m_row(row), m_cols(cols), m_xlsx(xlsx), m_report(report) {}

    [[nodiscard]] std::string_view text(std::size_t c) const { return m_row.cells[c]; }
    [[nodiscard]] bool empty(std::size_t c) const { return m_row.cells[c].empty(); }
    [[nodiscard]] std::size_t line() const { return m_row.line; }
    [[nodiscard]] bool failed() const { return m_failed; }
    void error(std::size_t c, std::string message);
    /// Error for the row as a whole (column "").
    void row_error(std::string message);

    /// Text, required or not, at most `max_chars` characters. Formula-like cells are kept as
    /// text (every export neutralises them).
    std::string str(std::size_t c, bool required, std::size_t max_chars, std::string_view what);
    /// A date as ÅÅÅÅ-MM-DD or DD.MM.ÅÅÅÅ (or an Excel date cell in .xlsx).
    std::optional<core::Date> date(std::size_t c, bool required, std::string_view what);
    /// A whole number in [lo, hi]; `fallback` when empty and not required.
    std::optional<std::int64_t> integer(std::size_t c, bool required, std::int64_t lo, std::int64_t hi,
                                        std::int64_t fallback, std::string_view what);
    /// ja/nej (also yes/no, 1/0, x); nullopt when empty.
    std::optional<bool> yes_no(std::size_t c, std::string_view what);

private:
    const Row& m_row;
    std::span<const Column> m_cols;
    bool m_xlsx;
    Report& m_report;
    bool m_failed = false;
};

/// Sorts the errors by line (stable), caps them at k_max_reported_errors, zeroes the counts
/// when there are errors.
void finish(Report& report);

/// Progress every 1 000 rows and at the end.
void tick(const Options& options, std::size_t done, std::size_t total);

}  // namespace employment_import::detail
