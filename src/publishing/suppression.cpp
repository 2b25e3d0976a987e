// Small-count suppression (docs/publishing.md): primary 1–4, then secondary suppression until
// no equation of the table (a row or column with its total, the totals with the grand total)
// has exactly one suppressed member, and no suppressed value follows from any combination of
// the equations (checked by linear algebra, repaired by suppressing one more cell).
#include "publishing/suppression.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "publishing/suppression_check.hpp"

namespace publishing {
namespace {

/// The grid as a flat list of members (cells, row totals, column totals, grand total) and the
/// equations between them. Members are numbered: cells row-major, then row totals, then
/// column totals, then the grand total.
struct Model {
    std::size_t rows = 0, cols = 0;
    std::vector<std::int64_t> value;
    std::vector<bool> is_cell;
    std::vector<std::vector<std::size_t>> equations;  ///< members whose signed sum is 0

    std::size_t cell(std::size_t r, std::size_t c) const { return r * cols + c; }
};

Model build(const SuppressionGrid& grid) {
    Model m;
    m.rows = grid.cells.size();
    for (const auto& row : grid.cells) m.cols = std::max(m.cols, row.size());
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) {
            m.value.push_back(c < grid.cells[r].size() ? grid.cells[r][c] : 0);
            m.is_cell.push_back(true);
        }
    std::size_t first_row_total = m.value.size();
    std::int64_t grand = 0;
    for (std::size_t r = 0; r < m.rows; ++r) {
        std::int64_t t = 0;
        for (std::size_t c = 0; c < m.cols; ++c) t += m.value[m.cell(r, c)];
        grand += t;
        if (grid.row_totals) {
            m.value.push_back(t);
            m.is_cell.push_back(false);
            std::vector<std::size_t> eq;
            for (std::size_t c = 0; c < m.cols; ++c) eq.push_back(m.cell(r, c));
            eq.push_back(m.value.size() - 1);
            m.equations.push_back(std::move(eq));
        }
    }
    std::size_t first_col_total = m.value.size();
    if (grid.column_totals) {
        for (std::size_t c = 0; c < m.cols; ++c) {
            std::int64_t t = 0;
            std::vector<std::size_t> eq;
            for (std::size_t r = 0; r < m.rows; ++r) {
                t += m.value[m.cell(r, c)];
                eq.push_back(m.cell(r, c));
            }
            m.value.push_back(t);
            m.is_cell.push_back(false);
            eq.push_back(m.value.size() - 1);
            m.equations.push_back(std::move(eq));
        }
    }
    if (grid.row_totals && grid.column_totals) {
        m.value.push_back(grand);
        m.is_cell.push_back(false);
        std::size_t g = m.value.size() - 1;
        std::vector<std::size_t> by_rows, by_cols;
        for (std::size_t r = 0; r < m.rows; ++r) by_rows.push_back(first_row_total + r);
        for (std::size_t c = 0; c < m.cols; ++c) by_cols.push_back(first_col_total + c);
        by_rows.push_back(g);
        by_cols.push_back(g);
        m.equations.push_back(std::move(by_rows));
        m.equations.push_back(std::move(by_cols));
    }
    return m;
}

/// The smallest shown non-zero member of `eq` other than `except` — cells before totals,
/// ties: the first. npos when there is none.
std::size_t smallest_other(const Model& m, const std::vector<bool>& hidden,
                           const std::vector<std::size_t>& eq, std::size_t except) {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    for (int pass = 0; pass < 2 && best == std::numeric_limits<std::size_t>::max(); ++pass) {
        for (std::size_t member : eq) {
            if (member == except || hidden[member] || m.value[member] == 0) continue;
            if (m.is_cell[member] != (pass == 0)) continue;
            if (best == std::numeric_limits<std::size_t>::max() || m.value[member] < m.value[best])
                best = member;
        }
    }
    return best;
}

}  // namespace

SuppressionResult suppress(const SuppressionGrid& grid) {
    Model m = build(grid);
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<bool> hidden(m.value.size(), false);
    for (std::size_t i = 0; i < m.value.size(); ++i) hidden[i] = is_small_count(m.value[i]);

    for (bool changed = true; changed;) {
        changed = false;
        // The rule: an equation with exactly one suppressed member gets a second one.
        for (const auto& eq : m.equations) {
            std::size_t count = 0, only = none;
            for (std::size_t member : eq)
                if (hidden[member]) ++count, only = member;
            if (count != 1) continue;
            std::size_t pick = smallest_other(m, hidden, eq, only);
            if (pick != none) {
                hidden[pick] = true;
                changed = true;
            }
        }
        if (changed) continue;
        // The check: a suppressed value that follows from a combination of equations (e.g. a
        // cell that bridges two blocks of suppressed cells) gets a partner in one of its lines.
        // When its own lines have nothing left to suppress, the smallest shown non-zero member
        // of any line with a suppressed member is taken (and the loop checks again).
        std::vector<std::size_t> leaks = derivable_members(m.equations, hidden);
        for (std::size_t member : leaks) {
            for (const auto& eq : m.equations) {
                if (std::find(eq.begin(), eq.end(), member) == eq.end()) continue;
                std::size_t pick = smallest_other(m, hidden, eq, member);
                if (pick != none) {
                    hidden[pick] = true;
                    changed = true;
                    break;
                }
            }
            if (changed) break;
        }
        if (!changed && !leaks.empty()) {
            std::vector<std::size_t> involved;
            for (const auto& eq : m.equations)
                if (std::any_of(eq.begin(), eq.end(), [&](std::size_t x) { return hidden[x]; }))
                    involved.insert(involved.end(), eq.begin(), eq.end());
            std::size_t pick = smallest_other(m, hidden, involved, none);
            if (pick != none) {
                hidden[pick] = true;
                changed = true;
            }
        }
    }

    SuppressionResult out;
    out.cells.assign(m.rows, std::vector<bool>(m.cols, false));
    for (std::size_t r = 0; r < m.rows; ++r)
        for (std::size_t c = 0; c < m.cols; ++c) out.cells[r][c] = hidden[m.cell(r, c)];
    for (std::size_t r = 0; r < grid.cells.size(); ++r) out.cells[r].resize(grid.cells[r].size());
    std::size_t next = m.rows * m.cols;
    out.row_totals.assign(m.rows, false);
    if (grid.row_totals)
        for (std::size_t r = 0; r < m.rows; ++r) out.row_totals[r] = hidden[next++];
    out.column_totals.assign(m.cols, false);
    if (grid.column_totals)
        for (std::size_t c = 0; c < m.cols; ++c) out.column_totals[c] = hidden[next++];
    if (grid.row_totals && grid.column_totals) out.grand_total = hidden[next];
    return out;
}

}  // namespace publishing
