#pragma once
/// Small-count suppression for the public version of the annual report (docs/publishing.md).
///
/// Primary: every count of 1–4 is suppressed (0 and ≥ 5 are shown); a row or column total of
/// 1–4 (and a grand total of 1–4) is itself suppressed. Secondary: in every row and column
/// whose total is shown, when exactly one cell is suppressed, the smallest other non-zero
/// cell is suppressed too (ties: the first), repeated until nothing changes — so no suppressed
/// value can be recomputed by subtracting the shown cells from a shown total.
#include <cstdint>
#include <vector>

namespace publishing {

struct SuppressionGrid {
    std::vector<std::vector<std::int64_t>> cells;  ///< rows × columns of counts (≥ 0)
    bool row_totals = false;                       ///< each row's total is shown (as a last column)
    bool column_totals = false;                    ///< each column's total is shown (as a last row)
};

struct SuppressionResult {
    std::vector<std::vector<bool>> cells;  ///< same shape as the grid; true = show "<5"
    std::vector<bool> row_totals;          ///< per row (all false when row totals are not shown)
    std::vector<bool> column_totals;       ///< per column (all false when column totals are not shown)
    bool grand_total = false;              ///< the corner total (shown when both kinds of totals are)
};

/// True when a count is a small count that must not be published (1–4).
inline bool is_small_count(std::int64_t n) {
    return n >= 1 && n <= 4;
}

SuppressionResult suppress(const SuppressionGrid& grid);

}  // namespace publishing
