#pragma once
/// Test-only: the same problems solved by LEMON's network simplex (liblemon-dev), an
/// independent exact min-cost-flow solver to compare against.
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <cstdint>
#include <optional>

#include "matching/allocation.hpp"
#include "matching/dimacs.hpp"

namespace matching::testing {

/// Minimum cost of a parsed DIMACS problem, or nullopt if LEMON finds it infeasible.
inline std::optional<std::int64_t> lemon_min_cost(const DimacsProblem& problem) {
    lemon::SmartDigraph g;
    std::vector<lemon::SmartDigraph::Node> nodes;
    for (std::int32_t v = 0; v < problem.node_count; ++v) nodes.push_back(g.addNode());
    lemon::SmartDigraph::ArcMap<long long> capacity(g), cost(g);
    lemon::SmartDigraph::NodeMap<long long> supply(g, 0);
    for (std::size_t a = 0; a < problem.arc_count(); ++a) {
        auto arc = g.addArc(nodes[static_cast<std::size_t>(problem.tail[a])],
                            nodes[static_cast<std::size_t>(problem.head[a])]);
        capacity[arc] = problem.capacity[a];
        cost[arc] = problem.cost[a];
    }
    for (const auto& s : problem.supplies) supply[nodes[static_cast<std::size_t>(s.node)]] = s.supply;
    lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
    ns.upperMap(capacity).costMap(cost).supplyMap(supply);
    if (ns.run() != decltype(ns)::OPTIMAL) return std::nullopt;
    return ns.totalCost<long long>();
}

/// Maximum total fit of an allocation instance (citizens optional, as in the solver).
inline std::int64_t lemon_total_fit(const AllocationInstance& instance) {
    lemon::SmartDigraph g;
    const auto source = g.addNode();
    const auto sink = g.addNode();
    std::vector<lemon::SmartDigraph::Node> citizens, openings;
    lemon::SmartDigraph::ArcMap<long long> capacity(g), cost(g);
    auto arc = [&](lemon::SmartDigraph::Node u, lemon::SmartDigraph::Node v, long long cap, long long c) {
        auto a = g.addArc(u, v);
        capacity[a] = cap;
        cost[a] = c;
    };
    for (std::int32_t i = 0; i < instance.citizen_count; ++i) {
        citizens.push_back(g.addNode());
        arc(source, citizens.back(), 1, 0);
    }
    for (std::size_t j = 0; j < instance.capacity.size(); ++j) {
        openings.push_back(g.addNode());
        arc(openings.back(), sink, instance.capacity[j], 0);
    }
    for (const Pair& p : instance.pairs) {
        if (p.score > 0)
            arc(citizens[static_cast<std::size_t>(p.citizen)], openings[static_cast<std::size_t>(p.opening)],
                1, -p.score);
    }
    arc(source, sink, instance.citizen_count, 0);
    lemon::SmartDigraph::NodeMap<long long> supply(g, 0);
    supply[source] = instance.citizen_count;
    supply[sink] = -static_cast<long long>(instance.citizen_count);
    lemon::NetworkSimplex<lemon::SmartDigraph, long long, long long> ns(g);
    ns.upperMap(capacity).costMap(cost).supplyMap(supply);
    ns.run();
    return -ns.totalCost<long long>();
}

}  // namespace matching::testing
