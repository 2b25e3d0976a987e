// Small-count suppression: the classic cases as tables, and a property test on many random
// grids with an independent check that no suppressed value can be recomputed.
#include "publishing/suppression.hpp"

#include <gtest/gtest.h>

#include <random>

#include "publishing/suppression_check.hpp"

namespace publishing {
namespace {

using Grid = std::vector<std::vector<std::int64_t>>;
using Mask = std::vector<std::vector<bool>>;

SuppressionResult run(Grid cells, bool rows, bool cols) {
    return suppress({std::move(cells), rows, cols});
}

TEST(Suppression, WithoutTotalsOnlyCountsOfOneToFourAreHidden) {
    auto r = run({{3, 10, 0}, {0, 7, 4}, {1, 5, 100}}, false, false);
    EXPECT_EQ(r.cells, (Mask{{true, false, false}, {false, false, true}, {true, false, false}}));
    EXPECT_EQ(r.row_totals, (std::vector<bool>{false, false, false}));
    EXPECT_FALSE(r.grand_total);
}

TEST(Suppression, OneSmallCountInARowWithATotalTakesTheSmallestOtherNonZeroCell) {
    auto r = run({{3, 12, 0, 10, 40}}, true, false);
    EXPECT_EQ(r.cells, (Mask{{true, false, false, true, false}}));  // 10, not 0 and not 12
    EXPECT_EQ(r.row_totals, (std::vector<bool>{false}));            // 65 is shown
}

TEST(Suppression, TwoSmallCountsInARowNeedNoSecondarySuppression) {
    auto r = run({{2, 3, 50}}, true, false);
    EXPECT_EQ(r.cells, (Mask{{true, true, false}}));
}

TEST(Suppression, ATotalOfOneToFourIsItselfHidden) {
    auto r = run({{1, 2, 0}, {0, 0, 0}}, true, false);
    EXPECT_EQ(r.cells, (Mask{{true, true, false}, {false, false, false}}));
    EXPECT_EQ(r.row_totals, (std::vector<bool>{true, false}));  // 3 hidden, 0 shown
    auto single = run({{3}, {0}, {9}}, false, true);            // one column, total 12
    EXPECT_EQ(single.cells, (Mask{{true}, {false}, {true}}));
    EXPECT_EQ(single.column_totals, (std::vector<bool>{false}));
}

TEST(Suppression, ACountAloneInItsColumnHidesTheColumnTotal) {
    auto r = run({{3}, {0}}, false, true);
    EXPECT_EQ(r.cells, (Mask{{true}, {false}}));
    EXPECT_EQ(r.column_totals, (std::vector<bool>{true}));
}

TEST(Suppression, ClassicRectangleWithRowAndColumnTotals) {
    auto r = run({{3, 20, 30}, {15, 25, 40}, {50, 60, 70}}, true, true);
    EXPECT_EQ(r.cells, (Mask{{true, true, false}, {true, true, false}, {false, false, false}}));
    EXPECT_EQ(r.row_totals, (std::vector<bool>{false, false, false}));
    EXPECT_EQ(r.column_totals, (std::vector<bool>{false, false, false}));
    EXPECT_FALSE(r.grand_total);
}

TEST(Suppression, LargeCountsAndZerosAreNeverHiddenOnTheirOwn) {
    auto r = run({{0, 5, 6}, {7, 0, 8}}, true, true);
    EXPECT_EQ(r.cells, (Mask{{false, false, false}, {false, false, false}}));
}

TEST(Suppression, ABridgeBetweenTwoBlocksIsFoundByTheLinearCheck) {
    // Rows 0–1 × columns 0–1 and rows 2–3 × columns 2–3 are blocks of small counts; the cell
    // (1,2) bridges them. Every row and column then has two hidden cells, but the row totals
    // of rows 0–1 minus the column totals of columns 0–1 would give the bridge away.
    Grid g = {{2, 2, 0, 0, 9}, {2, 2, 3, 0, 0}, {0, 0, 2, 2, 9}, {0, 0, 2, 2, 9}, {9, 9, 9, 9, 9}};
    auto r = run(g, true, true);
    // Collect the model's equations the way the check expects them and verify nothing leaks.
    std::vector<std::vector<std::size_t>> eqs;
    std::vector<bool> hidden;
    const std::size_t n = 5;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) hidden.push_back(r.cells[i][j]);
    for (std::size_t i = 0; i < n; ++i) hidden.push_back(r.row_totals[i]);
    for (std::size_t j = 0; j < n; ++j) hidden.push_back(r.column_totals[j]);
    hidden.push_back(r.grand_total);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::size_t> eq;
        for (std::size_t j = 0; j < n; ++j) eq.push_back(i * n + j);
        eq.push_back(n * n + i);
        eqs.push_back(eq);
    }
    for (std::size_t j = 0; j < n; ++j) {
        std::vector<std::size_t> eq;
        for (std::size_t i = 0; i < n; ++i) eq.push_back(i * n + j);
        eq.push_back(n * n + n + j);
        eqs.push_back(eq);
    }
    EXPECT_TRUE(derivable_members(eqs, hidden).empty());
    // Without the repair, the bridge would be derivable: check the check.
    std::vector<bool> naive(hidden.size(), false);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) naive[i * n + j] = g[i][j] >= 1 && g[i][j] <= 4;
    EXPECT_EQ(derivable_members(eqs, naive), (std::vector<std::size_t>{1 * n + 2}));
}

/// An independent check: members of the table's equations, solved one unknown at a time
/// (what a reader can do by subtraction) until nothing more follows.
struct Check {
    std::vector<std::int64_t> value;
    std::vector<bool> hidden;
    std::vector<std::vector<std::size_t>> eqs;  ///< sum of all but last == last
};

Check model(const Grid& g, bool rows, bool cols, const SuppressionResult& r) {
    Check c;
    std::size_t R = g.size(), C = g.empty() ? 0 : g[0].size();
    for (std::size_t i = 0; i < R; ++i)
        for (std::size_t j = 0; j < C; ++j) c.value.push_back(g[i][j]), c.hidden.push_back(r.cells[i][j]);
    std::int64_t grand = 0;
    std::vector<std::size_t> row_ids, col_ids;
    if (rows)
        for (std::size_t i = 0; i < R; ++i) {
            std::int64_t t = 0;
            std::vector<std::size_t> eq;
            for (std::size_t j = 0; j < C; ++j) t += g[i][j], eq.push_back(i * C + j);
            row_ids.push_back(c.value.size());
            eq.push_back(c.value.size());
            c.value.push_back(t), c.hidden.push_back(r.row_totals[i]);
            c.eqs.push_back(eq);
        }
    if (cols)
        for (std::size_t j = 0; j < C; ++j) {
            std::int64_t t = 0;
            std::vector<std::size_t> eq;
            for (std::size_t i = 0; i < R; ++i) t += g[i][j], eq.push_back(i * C + j);
            col_ids.push_back(c.value.size());
            eq.push_back(c.value.size());
            c.value.push_back(t), c.hidden.push_back(r.column_totals[j]);
            c.eqs.push_back(eq);
        }
    for (auto v : g)
        for (auto x : v) grand += x;
    if (rows && cols) {
        std::size_t id = c.value.size();
        c.value.push_back(grand), c.hidden.push_back(r.grand_total);
        row_ids.push_back(id), col_ids.push_back(id);
        c.eqs.push_back(row_ids), c.eqs.push_back(col_ids);
    }
    return c;
}

TEST(Suppression, PropertyNoSuppressedValueCanBeRecomputed) {
    std::mt19937 rng(20181231);
    std::uniform_int_distribution<int> size(1, 6), kind(0, 9), small(1, 4), large(5, 80);
    int grids_with_secondary = 0;
    for (int n = 0; n < 3000; ++n) {
        std::size_t R = static_cast<std::size_t>(size(rng)), C = static_cast<std::size_t>(size(rng));
        Grid g(R, std::vector<std::int64_t>(C));
        for (auto& row : g)
            for (auto& x : row) {
                int k = kind(rng);
                x = k < 3 ? 0 : k < 6 ? small(rng) : large(rng);
            }
        bool rows = rng() % 2, cols = rng() % 2;
        auto r = run(g, rows, cols);
        Check c = model(g, rows, cols, r);
        SCOPED_TRACE("grid " + std::to_string(n));
        for (std::size_t m = 0; m < c.value.size(); ++m) {
            if (is_small_count(c.value[m])) {
                ASSERT_TRUE(c.hidden[m]) << "a count of 1–4 is shown";
            }
            if (c.value[m] == 0 && m < R * C) {
                ASSERT_FALSE(c.hidden[m]) << "a zero cell is hidden";
            }
        }
        for (std::size_t i = 0; i < R; ++i)
            for (std::size_t j = 0; j < C; ++j) grids_with_secondary += r.cells[i][j] && g[i][j] >= 5;
        // Every row/column with a shown total: 0 or at least 2 hidden cells.
        for (const auto& eq : c.eqs) {
            if (c.hidden[eq.back()]) continue;
            int hidden = 0;
            for (std::size_t k = 0; k + 1 < eq.size(); ++k) hidden += c.hidden[eq[k]];
            ASSERT_NE(hidden, 1);
        }
        // Subtraction, repeated: solve any equation with exactly one unknown.
        std::vector<bool> known(c.value.size());
        for (std::size_t m = 0; m < known.size(); ++m) known[m] = !c.hidden[m];
        for (bool progress = true; progress;) {
            progress = false;
            for (const auto& eq : c.eqs) {
                int unknown = 0;
                for (auto m : eq) unknown += !known[m];
                if (unknown == 1)
                    for (auto m : eq)
                        if (!known[m]) known[m] = true, progress = true;
            }
        }
        for (std::size_t m = 0; m < known.size(); ++m)
            ASSERT_FALSE(c.hidden[m] && known[m]) << "member " << m;
        // Any combination of the equations (linear algebra).
        auto leaks = derivable_members(c.eqs, c.hidden);
        if (!leaks.empty()) {
            std::string dump = std::string(rows ? "rows " : "") + (cols ? "cols" : "") + "\n";
            for (std::size_t i = 0; i < R; ++i) {
                for (std::size_t j = 0; j < C; ++j)
                    dump += std::to_string(g[i][j]) + (r.cells[i][j] ? "* " : " ");
                dump += "\n";
            }
            for (std::size_t m = R * C; m < c.value.size(); ++m)
                dump += std::to_string(c.value[m]) + (c.hidden[m] ? "* " : " ");
            FAIL() << dump << "\nleak member " << leaks[0];
        }
    }
    EXPECT_GT(grids_with_secondary, 100);
}

}  // namespace
}  // namespace publishing
