#pragma once
/// Optimal cohort allocation (D2): a bipartite b-matching that maximises the total fit.
///
/// Each citizen gets at most one opening, each opening at most its capacity, and a citizen
/// stays unplaced when no opening improves the total (being unplaced is worth 0, so pairs
/// with a score <= 0 are never chosen). The solver is exact: the returned total fit is the
/// optimum of the linear program, which is integral for this problem.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace matching {

/// One feasible citizen-opening pair and its integer fit score.
struct Pair {
    std::int32_t citizen = 0;  ///< 0-based index into the cohort
    std::int32_t opening = 0;  ///< 0-based index into AllocationInstance::capacity
    std::int64_t score = 0;    ///< fit; higher is better; <= 0 means "never worth it"
};

/// An allocation problem: citizens 0..citizen_count-1, openings 0..capacity.size()-1.
struct AllocationInstance {
    std::int32_t citizen_count = 0;
    std::vector<std::int64_t> capacity;  ///< per opening, >= 0
    std::vector<Pair> pairs;             ///< any order; duplicates allowed (the best counts)
};

/// The optimal allocation.
struct Allocation {
    static constexpr std::int32_t unplaced = -1;
    std::vector<std::int32_t> opening_of;  ///< per citizen: opening index or `unplaced`
    std::int64_t total_fit = 0;            ///< sum of the chosen pairs' scores (the optimum)
    std::int32_t placed = 0;               ///< citizens with an opening
};

/// Tuning knobs and counters of the auction solver; the defaults are measured ones.
struct AuctionOptions {
    std::int64_t scaling_factor = 6;  ///< epsilon is divided by this between phases (>= 2)
};

/// Work done by the solver (for benchmarks and tests).
struct AuctionStats {
    std::int64_t phases = 0;
    std::int64_t forward_bids = 0;
    std::int64_t reverse_bids = 0;
};

/// Largest |score| * (citizen_count + 1) the exact solver can handle without overflow.
inline constexpr std::int64_t allocation_max_scaled_score = std::int64_t{1} << 60;

/// Solves the instance exactly. Fails (Validation) on ids out of range, negative
/// capacities, or scores so large that |score| * (citizens + 1) exceeds
/// `allocation_max_scaled_score`.
[[nodiscard]] core::Result<Allocation> allocate(const AllocationInstance& instance,
                                                const AuctionOptions& options = {},
                                                AuctionStats* stats = nullptr);
/// Same, but releases the instance's pair list once the solver has its own copy
/// (lower peak memory for national-scale cohorts).
[[nodiscard]] core::Result<Allocation> allocate(AllocationInstance&& instance,
                                                const AuctionOptions& options = {},
                                                AuctionStats* stats = nullptr);

}  // namespace matching
