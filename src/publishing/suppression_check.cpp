// Row reduction of the equations restricted to the suppressed members: a suppressed member is
// determined exactly when the unit vector of its column lies in the row space, i.e. when the
// reduced row echelon form has a row whose only non-zero entry is that column's pivot.
#include "publishing/suppression_check.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

namespace publishing {
namespace {

constexpr std::uint64_t k_prime = 2147483647;  // 2^31 - 1

std::uint64_t power(std::uint64_t base, std::uint64_t exp) {
    std::uint64_t result = 1;
    base %= k_prime;
    while (exp) {
        if (exp & 1) result = result * base % k_prime;
        base = base * base % k_prime;
        exp >>= 1;
    }
    return result;
}

std::uint64_t inverse(std::uint64_t a) {
    return power(a, k_prime - 2);
}

}  // namespace

std::vector<std::size_t> derivable_members(const std::vector<std::vector<std::size_t>>& equations,
                                           const std::vector<bool>& hidden) {
    // Columns: the suppressed members only (the shown ones are known constants).
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> column_of(hidden.size(), none);
    std::vector<std::size_t> member_of;
    for (std::size_t m = 0; m < hidden.size(); ++m)
        if (hidden[m]) {
            column_of[m] = member_of.size();
            member_of.push_back(m);
        }
    const std::size_t n = member_of.size();
    std::vector<std::vector<std::uint64_t>> rows;
    for (const auto& eq : equations) {
        std::vector<std::uint64_t> row(n, 0);
        bool any = false;
        for (std::size_t i = 0; i < eq.size(); ++i) {
            std::size_t col = eq[i] < column_of.size() ? column_of[eq[i]] : none;
            if (col == none) continue;
            std::uint64_t coefficient = i + 1 == eq.size() ? k_prime - 1 : 1;
            row[col] = (row[col] + coefficient) % k_prime;
            any = true;
        }
        if (any) rows.push_back(std::move(row));
    }
    // Reduced row echelon form.
    std::vector<std::size_t> pivot_col;
    std::size_t rank = 0;
    for (std::size_t col = 0; col < n && rank < rows.size(); ++col) {
        std::size_t pivot = rank;
        while (pivot < rows.size() && rows[pivot][col] == 0) ++pivot;
        if (pivot == rows.size()) continue;
        std::swap(rows[rank], rows[pivot]);
        std::uint64_t inv = inverse(rows[rank][col]);
        for (auto& v : rows[rank]) v = v * inv % k_prime;
        for (std::size_t r = 0; r < rows.size(); ++r) {
            if (r == rank || rows[r][col] == 0) continue;
            std::uint64_t factor = rows[r][col];
            for (std::size_t c = col; c < n; ++c)
                rows[r][c] = (rows[r][c] + k_prime - factor * rows[rank][c] % k_prime) % k_prime;
        }
        pivot_col.push_back(col);
        ++rank;
    }
    std::vector<std::size_t> out;
    for (std::size_t r = 0; r < rank; ++r) {
        std::size_t nonzero = 0;
        for (std::size_t c = 0; c < n; ++c) nonzero += rows[r][c] != 0;
        if (nonzero == 1) out.push_back(member_of[pivot_col[r]]);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace publishing
