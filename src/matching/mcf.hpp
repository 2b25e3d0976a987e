#pragma once
/// Minimum-cost flow on a parsed DIMACS problem.
///
/// Files with the allocation shape (source -> citizens -> openings -> sink, unit arcs into
/// the citizens, one sink arc per opening, and a "leave unplaced" bypass either as one
/// source -> sink arc or as one citizen -> sink arc per citizen) are turned into an
/// AllocationInstance and solved by the exact auction solver. Everything else goes to a
/// general successive-shortest-path solver (Dijkstra with potentials), which is exact but
/// meant for small and medium files.
#include <cstdint>
#include <optional>
#include <string>

#include "matching/allocation.hpp"
#include "matching/dimacs.hpp"

namespace matching {

enum class McfStatus {
    optimal,     ///< min_cost holds the optimum
    infeasible,  ///< no flow meets the supplies and capacities
    too_large,   ///< numbers too large to solve exactly in 64-bit arithmetic
};

/// Which algorithm solved the problem.
enum class McfMethod { none, allocation_auction, successive_shortest_paths };

struct McfSolution {
    McfStatus status = McfStatus::infeasible;
    std::int64_t min_cost = 0;  ///< valid when status == optimal
    McfMethod method = McfMethod::none;
    std::string message;  ///< English; why the problem is infeasible or too large
};

/// The allocation shape found in a DIMACS problem: the optimum of the min-cost flow is
/// `base_cost - (optimal total fit of instance)`.
struct BipartiteForm {
    AllocationInstance instance;
    __int128 base_cost = 0;
};

/// Recognises the allocation shape (see the file comment); nullopt if the problem has any
/// other structure (then only the general solver applies).
[[nodiscard]] std::optional<BipartiteForm> recognise_allocation(const DimacsProblem& problem);

/// Which solvers solve_min_cost_flow may use.
enum class McfStrategy { automatic, general_only };

/// Solves the problem exactly: the allocation solver when the shape allows, otherwise the
/// general one. Never throws on any parsed problem (except std::bad_alloc).
[[nodiscard]] McfSolution solve_min_cost_flow(const DimacsProblem& problem,
                                              McfStrategy strategy = McfStrategy::automatic,
                                              const AuctionOptions& options = {});
/// Same, but releases the problem's arrays as soon as they are no longer needed, which
/// keeps the peak memory of large files low.
[[nodiscard]] McfSolution solve_min_cost_flow(DimacsProblem&& problem,
                                              McfStrategy strategy = McfStrategy::automatic,
                                              const AuctionOptions& options = {});

/// The general solver alone (exposed for tests).
[[nodiscard]] McfSolution solve_min_cost_flow_general(const DimacsProblem& problem);

/// "allocation auction" / "successive shortest paths"
[[nodiscard]] const char* method_name(McfMethod method);

}  // namespace matching
