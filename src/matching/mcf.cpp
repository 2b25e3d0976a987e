#include "matching/mcf.hpp"

#include <algorithm>
#include <limits>
#include <queue>
#include <utility>

namespace matching {
namespace {

constexpr std::int64_t general_limit = std::int64_t{1} << 60;

enum class Role : std::uint8_t { other, source, sink, citizen, opening };

bool fits_int64(__int128 v) {
    return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

McfSolution too_large(std::string message) {
    McfSolution s;
    s.status = McfStatus::too_large;
    s.message = std::move(message);
    return s;
}

}  // namespace

const char* method_name(McfMethod method) {
    switch (method) {
        case McfMethod::none:
            return "none";
        case McfMethod::allocation_auction:
            return "allocation auction";
        case McfMethod::successive_shortest_paths:
            return "successive shortest paths";
    }
    return "none";
}

std::optional<BipartiteForm> recognise_allocation(const DimacsProblem& problem) {
    const auto nodes = static_cast<std::size_t>(problem.node_count);
    std::int32_t source = -1;
    std::int32_t sink = -1;
    std::int64_t flow = 0;
    for (const NodeSupply& s : problem.supplies) {
        if (s.supply > 0) {
            if (source >= 0) return std::nullopt;
            source = s.node;
            flow = s.supply;
        } else if (s.supply < 0) {
            if (sink >= 0) return std::nullopt;
            sink = s.node;
        }
    }
    if (source < 0 || sink < 0 || source == sink) return std::nullopt;

    std::vector<Role> role(nodes, Role::other);
    role[static_cast<std::size_t>(source)] = Role::source;
    role[static_cast<std::size_t>(sink)] = Role::sink;
    const std::size_t arcs = problem.arc_count();
    // Citizens: heads of source arcs, each reached by exactly one unit arc.
    std::vector<std::int32_t> citizen_index(nodes, -1);
    std::int32_t citizens = 0;
    bool have_bypass_arc = false;
    std::int64_t bypass_capacity = 0;
    std::int64_t bypass_cost = 0;
    std::vector<std::int64_t> source_cost;  // per citizen
    for (std::size_t a = 0; a < arcs; ++a) {
        if (problem.capacity[a] == 0) continue;
        const auto u = static_cast<std::size_t>(problem.tail[a]);
        const auto v = static_cast<std::size_t>(problem.head[a]);
        if (role[v] == Role::source) return std::nullopt;  // nothing may flow back into the source
        if (role[u] != Role::source) continue;
        if (role[v] == Role::sink) {
            if (have_bypass_arc && problem.cost[a] != bypass_cost) return std::nullopt;
            have_bypass_arc = true;
            bypass_cost = problem.cost[a];
            bypass_capacity += problem.capacity[a];
            continue;
        }
        if (role[v] != Role::other || problem.capacity[a] != 1) return std::nullopt;
        role[v] = Role::citizen;
        citizen_index[v] = citizens++;
        source_cost.push_back(problem.cost[a]);
    }
    // Openings: heads of citizen arcs other than the sink. Citizen bypasses: citizen -> sink.
    std::vector<std::int32_t> opening_index(nodes, -1);
    std::int32_t openings = 0;
    constexpr std::int64_t no_bypass = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> citizen_bypass(static_cast<std::size_t>(citizens), no_bypass);
    std::size_t pair_count = 0;
    for (std::size_t a = 0; a < arcs; ++a) {
        if (problem.capacity[a] == 0) continue;
        const auto u = static_cast<std::size_t>(problem.tail[a]);
        const auto v = static_cast<std::size_t>(problem.head[a]);
        if (role[u] != Role::citizen) continue;
        if (role[v] == Role::sink) {
            auto& b = citizen_bypass[static_cast<std::size_t>(citizen_index[u])];
            b = std::min(b, problem.cost[a]);
            continue;
        }
        if (role[v] == Role::other) {
            role[v] = Role::opening;
            opening_index[v] = openings++;
        } else if (role[v] != Role::opening) {
            return std::nullopt;
        }
        ++pair_count;
    }
    // Every other arc must be opening -> sink, one cost per opening. Arcs out of nodes that
    // nothing flows into (e.g. an opening nobody can take) cannot carry flow: ignored.
    std::vector<std::uint8_t> has_inflow(nodes, 0);
    for (std::size_t a = 0; a < arcs; ++a) {
        if (problem.capacity[a] != 0) has_inflow[static_cast<std::size_t>(problem.head[a])] = 1;
    }
    std::vector<std::int64_t> capacity(static_cast<std::size_t>(openings), 0);
    std::vector<std::int64_t> sink_cost(static_cast<std::size_t>(openings), 0);
    std::vector<std::uint8_t> has_sink_arc(static_cast<std::size_t>(openings), 0);
    for (std::size_t a = 0; a < arcs; ++a) {
        if (problem.capacity[a] == 0) continue;
        const auto u = static_cast<std::size_t>(problem.tail[a]);
        const auto v = static_cast<std::size_t>(problem.head[a]);
        if (role[u] == Role::source || role[u] == Role::citizen) continue;
        if (role[u] == Role::other && !has_inflow[u]) continue;
        if (role[u] != Role::opening || role[v] != Role::sink) return std::nullopt;
        const auto j = static_cast<std::size_t>(opening_index[u]);
        if (has_sink_arc[j] && sink_cost[j] != problem.cost[a]) return std::nullopt;
        has_sink_arc[j] = 1;
        sink_cost[j] = problem.cost[a];
        capacity[j] += problem.capacity[a];
    }

    // Whether each citizen may stay unplaced and what that costs.
    BipartiteForm form;
    std::vector<std::int64_t> reference(static_cast<std::size_t>(citizens), 0);  // cost of "unplaced"
    if (have_bypass_arc && bypass_capacity >= flow) {
        if (citizens > flow) return std::nullopt;  // at most `flow` citizens could be placed
        form.base_cost = static_cast<__int128>(flow) * bypass_cost;
        for (std::size_t c = 0; c < static_cast<std::size_t>(citizens); ++c) {
            reference[c] = bypass_cost;
            if (citizen_bypass[c] != no_bypass) {
                const __int128 own = static_cast<__int128>(source_cost[c]) + citizen_bypass[c];
                if (own < bypass_cost) {
                    reference[c] = static_cast<std::int64_t>(own);
                    form.base_cost -= bypass_cost - own;
                }
            }
        }
    } else if (!have_bypass_arc && flow == citizens) {
        for (std::size_t c = 0; c < static_cast<std::size_t>(citizens); ++c) {
            if (citizen_bypass[c] == no_bypass) return std::nullopt;  // this citizen must be placed
            reference[c] = source_cost[c] + citizen_bypass[c];
            form.base_cost += reference[c];
        }
    } else {
        return std::nullopt;
    }

    form.instance.citizen_count = citizens;
    form.instance.capacity = std::move(capacity);
    form.instance.pairs.reserve(pair_count);
    for (std::size_t a = 0; a < arcs; ++a) {
        if (problem.capacity[a] == 0) continue;
        const auto u = static_cast<std::size_t>(problem.tail[a]);
        const auto v = static_cast<std::size_t>(problem.head[a]);
        if (role[u] != Role::citizen || role[v] != Role::opening) continue;
        const auto c = static_cast<std::size_t>(citizen_index[u]);
        const auto j = static_cast<std::size_t>(opening_index[v]);
        // Gain over staying unplaced; |costs| <= 10^15, so this cannot overflow.
        const std::int64_t score = reference[c] - source_cost[c] - problem.cost[a] - sink_cost[j];
        if (score <= 0) continue;  // never better than leaving the citizen unplaced
        form.instance.pairs.push_back({static_cast<std::int32_t>(c), static_cast<std::int32_t>(j), score});
    }
    return form;
}

McfSolution solve_min_cost_flow_general(const DimacsProblem& problem) {
    const std::size_t arcs = problem.arc_count();
    const std::int32_t n = problem.node_count;
    const std::int32_t super_source = n;
    const std::int32_t super_sink = n + 1;
    const auto nodes = static_cast<std::size_t>(n) + 2;

    __int128 cost_sum = 0;
    __int128 capacity_sum = 0;
    for (std::size_t a = 0; a < arcs; ++a) {
        cost_sum += problem.cost[a] < 0 ? -static_cast<__int128>(problem.cost[a]) : problem.cost[a];
        capacity_sum += problem.capacity[a];
    }
    for (const NodeSupply& s : problem.supplies) capacity_sum += s.supply < 0 ? -s.supply : s.supply;
    if (cost_sum > general_limit || capacity_sum > general_limit) {
        return too_large("the sum of |costs| or of capacities and supplies exceeds 2^60");
    }

    // Residual graph in CSR form; arc k and its partner are linked through m_partner.
    std::vector<std::int64_t> excess(nodes, 0);
    for (const NodeSupply& s : problem.supplies) excess[static_cast<std::size_t>(s.node)] += s.supply;
    __int128 total = 0;
    struct Edge {
        std::int32_t from;
        std::int32_t to;
        std::int64_t capacity;
        std::int64_t cost;
    };
    std::vector<Edge> edges;
    edges.reserve(arcs + nodes);
    for (std::size_t a = 0; a < arcs; ++a) {
        const std::int64_t cap = problem.capacity[a];
        if (cap == 0) continue;
        const std::int32_t u = problem.tail[a];
        const std::int32_t v = problem.head[a];
        const std::int64_t c = problem.cost[a];
        if (c < 0) {
            // Saturate negative arcs so that every residual arc has a non-negative cost.
            total += static_cast<__int128>(cap) * c;
            excess[static_cast<std::size_t>(u)] -= cap;
            excess[static_cast<std::size_t>(v)] += cap;
            edges.push_back({v, u, cap, -c});
        } else if (u != v) {
            edges.push_back({u, v, cap, c});
        }
    }
    std::int64_t required = 0;
    for (std::int32_t v = 0; v < n; ++v) {
        const std::int64_t e = excess[static_cast<std::size_t>(v)];
        if (e > 0) {
            edges.push_back({super_source, v, e, 0});
            required += e;
        } else if (e < 0) {
            edges.push_back({v, super_sink, -e, 0});
        }
    }
    const std::size_t m = edges.size();
    std::vector<std::int64_t> begin(nodes + 1, 0);
    for (const Edge& e : edges) {
        ++begin[static_cast<std::size_t>(e.from) + 1];
        ++begin[static_cast<std::size_t>(e.to) + 1];
    }
    for (std::size_t v = 0; v < nodes; ++v) begin[v + 1] += begin[v];
    std::vector<std::int32_t> to(2 * m);
    std::vector<std::int64_t> residual(2 * m);
    std::vector<std::int64_t> cost(2 * m);
    std::vector<std::int64_t> partner(2 * m);
    {
        std::vector<std::int64_t> next(begin.begin(), begin.end() - 1);
        for (const Edge& e : edges) {
            const auto f = static_cast<std::size_t>(next[static_cast<std::size_t>(e.from)]++);
            const auto r = static_cast<std::size_t>(next[static_cast<std::size_t>(e.to)]++);
            to[f] = e.to;
            residual[f] = e.capacity;
            cost[f] = e.cost;
            partner[f] = static_cast<std::int64_t>(r);
            to[r] = e.from;
            residual[r] = 0;
            cost[r] = -e.cost;
            partner[r] = static_cast<std::int64_t>(f);
        }
    }
    edges.clear();
    edges.shrink_to_fit();

    constexpr std::int64_t infinity = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> potential(nodes, 0);
    std::vector<std::int64_t> distance(nodes);
    std::vector<std::int64_t> parent_arc(nodes);
    std::vector<std::uint8_t> done(nodes);
    using Item = std::pair<std::int64_t, std::int32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    while (required > 0) {
        std::fill(distance.begin(), distance.end(), infinity);
        std::fill(done.begin(), done.end(), 0);
        distance[static_cast<std::size_t>(super_source)] = 0;
        heap = {};
        heap.push({0, super_source});
        while (!heap.empty()) {
            const auto [d, u] = heap.top();
            heap.pop();
            const auto uu = static_cast<std::size_t>(u);
            if (done[uu]) continue;
            done[uu] = 1;
            if (u == super_sink) break;
            for (auto k = static_cast<std::size_t>(begin[uu]); k < static_cast<std::size_t>(begin[uu + 1]);
                 ++k) {
                if (residual[k] == 0) continue;
                const auto v = static_cast<std::size_t>(to[k]);
                if (done[v]) continue;
                const std::int64_t nd = d + cost[k] + potential[uu] - potential[v];
                if (nd < distance[v]) {
                    distance[v] = nd;
                    parent_arc[v] = static_cast<std::int64_t>(k);
                    heap.push({nd, to[k]});
                }
            }
        }
        const std::int64_t reach = distance[static_cast<std::size_t>(super_sink)];
        if (reach == infinity) {
            McfSolution s;
            s.status = McfStatus::infeasible;
            s.method = McfMethod::successive_shortest_paths;
            s.message = "infeasible: " + std::to_string(required) +
                        " units of supply cannot reach any demand within the capacities";
            return s;
        }
        for (std::size_t v = 0; v < nodes; ++v) {
            potential[v] += done[v] ? distance[v] : reach;
        }
        std::int64_t amount = required;
        for (auto v = static_cast<std::size_t>(super_sink); v != static_cast<std::size_t>(super_source);) {
            const auto k = static_cast<std::size_t>(parent_arc[v]);
            amount = std::min(amount, residual[k]);
            v = static_cast<std::size_t>(to[static_cast<std::size_t>(partner[k])]);
        }
        for (auto v = static_cast<std::size_t>(super_sink); v != static_cast<std::size_t>(super_source);) {
            const auto k = static_cast<std::size_t>(parent_arc[v]);
            residual[k] -= amount;
            residual[static_cast<std::size_t>(partner[k])] += amount;
            total += static_cast<__int128>(amount) * cost[k];
            v = static_cast<std::size_t>(to[static_cast<std::size_t>(partner[k])]);
        }
        required -= amount;
    }
    if (!fits_int64(total)) return too_large("the minimum cost does not fit in 64 bits");
    McfSolution s;
    s.status = McfStatus::optimal;
    s.min_cost = static_cast<std::int64_t>(total);
    s.method = McfMethod::successive_shortest_paths;
    return s;
}

namespace {

bool allocate_fits(const AllocationInstance& instance) {
    const std::int64_t limit =
        allocation_max_scaled_score / (static_cast<std::int64_t>(instance.citizen_count) + 1);
    for (const Pair& p : instance.pairs) {
        if (p.score > limit || p.score < -limit) return false;
    }
    return true;
}

McfSolution solve_recognised(BipartiteForm& form, const AuctionOptions& options, bool release) {
    auto allocation =
        release ? allocate(std::move(form.instance), options) : allocate(form.instance, options);
    if (!allocation.ok()) return too_large("scores too large for the exact allocation solver");
    const __int128 total = form.base_cost - allocation->total_fit;
    if (!fits_int64(total)) return too_large("the minimum cost does not fit in 64 bits");
    McfSolution s;
    s.status = McfStatus::optimal;
    s.min_cost = static_cast<std::int64_t>(total);
    s.method = McfMethod::allocation_auction;
    return s;
}

}  // namespace

McfSolution solve_min_cost_flow(DimacsProblem&& problem, McfStrategy strategy,
                                const AuctionOptions& options) {
    if (strategy == McfStrategy::automatic) {
        if (auto form = recognise_allocation(problem)) {
            // Scores too large for exact scaling are left to the general solver.
            if (allocate_fits(form->instance)) {
                problem = DimacsProblem{};
                return solve_recognised(*form, options, true);
            }
        }
    }
    return solve_min_cost_flow_general(problem);
}

McfSolution solve_min_cost_flow(const DimacsProblem& problem, McfStrategy strategy,
                                const AuctionOptions& options) {
    if (strategy == McfStrategy::automatic) {
        if (auto form = recognise_allocation(problem)) {
            if (allocate_fits(form->instance)) return solve_recognised(*form, options, false);
        }
    }
    return solve_min_cost_flow_general(problem);
}

}  // namespace matching
