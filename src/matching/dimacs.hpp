#pragma once
/// Reader for DIMACS minimum-cost-flow files ("p min"), with line-numbered errors.
///
/// Accepted grammar (one item per line, tokens separated by spaces or tabs, LF or CRLF):
///   c <anything>              comment (also: empty lines)
///   p min <nodes> <arcs>      exactly once, before any n or a line
///   n <id> <supply>           at most once per node; positive = supply, negative = demand
///   a <tail> <head> <low> <cap> <cost>
/// Node ids are 1..nodes. Lower bounds must be 0, capacities >= 0, every number at most
/// 10^15 in magnitude, supplies must sum to 0 and the file must hold exactly <arcs> arcs.
/// Anything else is rejected with the number of the offending line; the reader never
/// throws on bad input (only std::bad_alloc can escape when memory runs out).
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace matching {

/// Largest magnitude accepted for costs, capacities and supplies.
inline constexpr std::int64_t dimacs_max_value = 1'000'000'000'000'000;  // 10^15
/// Largest node count accepted in a "p" line (node ids are 32-bit).
inline constexpr std::int64_t dimacs_max_nodes = 200'000'000;

/// One "n" line: a node with a non-zero supply (negative: demand).
struct NodeSupply {
    std::int32_t node = 0;  ///< 0-based node index (DIMACS id - 1)
    std::int64_t supply = 0;
};

/// A parsed "p min" problem. Arrays are parallel, one entry per arc, in file order;
/// nodes are 0-based (DIMACS id - 1). Lower bounds are always 0.
struct DimacsProblem {
    std::int32_t node_count = 0;
    std::vector<NodeSupply> supplies;  ///< in file order, node ids unique
    std::vector<std::int32_t> tail;
    std::vector<std::int32_t> head;
    std::vector<std::int64_t> capacity;
    std::vector<std::int64_t> cost;

    [[nodiscard]] std::size_t arc_count() const { return tail.size(); }
};

/// Why a file was rejected: 1-based line number (the line after the last one for
/// problems found at the end of the file) and an English message.
struct DimacsError {
    std::int64_t line = 0;
    std::string message;
    bool infeasible = false;  ///< the file is well-formed but cannot have a feasible flow

    /// "line 12: arc head 9 is not a node (nodes are 1..8)"
    [[nodiscard]] std::string to_string() const;
};

/// Either a problem or the first error found.
using DimacsResult = std::variant<DimacsProblem, DimacsError>;

/// Parses a whole DIMACS text held in memory.
[[nodiscard]] DimacsResult read_dimacs(std::string_view text);
/// Parses a DIMACS stream, reading it in large chunks (the text is never held in full).
/// `size_hint` (bytes, 0 if unknown) only bounds how much memory is reserved up front.
[[nodiscard]] DimacsResult read_dimacs(std::istream& in, std::uint64_t size_hint = 0);

}  // namespace matching
