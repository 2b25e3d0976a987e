// Allocation and min-cost-flow solvers compared with LEMON on random instances.
#include "matching/allocation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <sstream>
#include <variant>

#include "matching/lemon_reference.hpp"
#include "matching/mcf.hpp"

namespace matching {
namespace {

/// Checks every property of an allocation against its instance.
void expect_valid(const AllocationInstance& instance, const Allocation& a) {
    ASSERT_EQ(a.opening_of.size(), static_cast<std::size_t>(instance.citizen_count));
    std::map<std::pair<std::int32_t, std::int32_t>, std::int64_t> best;
    for (const Pair& p : instance.pairs) {
        auto [it, inserted] = best.try_emplace({p.citizen, p.opening}, p.score);
        if (!inserted) it->second = std::max(it->second, p.score);
    }
    std::vector<std::int64_t> used(instance.capacity.size(), 0);
    std::int64_t total = 0;
    std::int32_t placed = 0;
    for (std::int32_t i = 0; i < instance.citizen_count; ++i) {
        const std::int32_t j = a.opening_of[static_cast<std::size_t>(i)];
        if (j == Allocation::unplaced) continue;
        ASSERT_GE(j, 0);
        ASSERT_LT(static_cast<std::size_t>(j), instance.capacity.size());
        const auto pair = best.find({i, j});
        ASSERT_NE(pair, best.end()) << "citizen " << i << " placed at " << j << " without a pair";
        EXPECT_GT(pair->second, 0) << "a pair worth <= 0 was chosen";
        total += pair->second;
        ++used[static_cast<std::size_t>(j)];
        ++placed;
    }
    for (std::size_t j = 0; j < used.size(); ++j) EXPECT_LE(used[j], instance.capacity[j]) << "opening " << j;
    EXPECT_EQ(total, a.total_fit);
    EXPECT_EQ(placed, a.placed);
}

struct RandomShape {
    int max_citizens;
    int max_openings;
    double density;
    int max_capacity;
    int min_score;
    int max_score;
};

AllocationInstance random_instance(std::mt19937_64& rng, const RandomShape& shape) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    AllocationInstance inst;
    inst.citizen_count = uniform(0, shape.max_citizens);
    const int openings = uniform(0, shape.max_openings);
    for (int j = 0; j < openings; ++j) inst.capacity.push_back(uniform(0, shape.max_capacity));
    std::bernoulli_distribution has_pair(shape.density);
    for (int i = 0; i < inst.citizen_count; ++i) {
        for (int j = 0; j < openings; ++j) {
            if (has_pair(rng)) inst.pairs.push_back({i, j, uniform(shape.min_score, shape.max_score)});
        }
    }
    std::shuffle(inst.pairs.begin(), inst.pairs.end(), rng);
    return inst;
}

void check_against_lemon(const AllocationInstance& inst, const std::string& label) {
    auto result = allocate(inst);
    ASSERT_TRUE(result.ok()) << label;
    expect_valid(inst, *result);
    EXPECT_EQ(result->total_fit, testing::lemon_total_fit(inst)) << label;
}

TEST(Allocation, RandomSmallInstancesMatchLemon) {
    std::mt19937_64 rng(20261124);
    const RandomShape shapes[] = {
        {8, 4, 0.5, 3, 1, 10},       // small, general
        {12, 3, 0.8, 2, 5, 5},       // all scores equal: ties everywhere
        {10, 6, 0.6, 20, 1, 3},      // capacities larger than demand, few distinct scores
        {15, 1, 0.9, 4, 1, 100},     // one opening
        {10, 5, 0.4, 2, -5, 5},      // zero and negative scores (never chosen)
        {6, 6, 0.0, 3, 1, 10},       // no feasible pairs
        {20, 10, 0.15, 1, 1, 1000},  // sparse, unit capacities
    };
    int n = 0;
    for (int round = 0; round < 60; ++round) {
        for (const auto& shape : shapes) {
            check_against_lemon(random_instance(rng, shape), "small instance " + std::to_string(n++));
        }
    }
}

TEST(Allocation, RandomMediumInstancesMatchLemon) {
    std::mt19937_64 rng(7);
    const RandomShape shapes[] = {
        {400, 60, 0.08, 6, 1, 1000},
        {300, 30, 0.2, 3, 1, 5},
        {500, 100, 0.03, 10, 1, 1000},
        {200, 200, 0.05, 1, 900, 1000},
    };
    int n = 0;
    for (int round = 0; round < 20; ++round) {
        for (const auto& shape : shapes) {
            check_against_lemon(random_instance(rng, shape), "medium instance " + std::to_string(n++));
        }
    }
}

TEST(Allocation, DegenerateCases) {
    AllocationInstance empty;
    auto r = allocate(empty);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total_fit, 0);
    EXPECT_TRUE(r->opening_of.empty());

    AllocationInstance nobody_fits{3, {2, 2}, {}};
    r = allocate(nobody_fits);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->placed, 0);
    EXPECT_EQ(r->opening_of, (std::vector<std::int32_t>{-1, -1, -1}));

    // Capacity 1, two citizens: the better pair wins; the other stays unplaced.
    AllocationInstance one_slot{2, {1}, {{0, 0, 5}, {1, 0, 7}}};
    r = allocate(one_slot);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total_fit, 7);
    EXPECT_EQ(r->opening_of, (std::vector<std::int32_t>{-1, 0}));

    // Not greedy: citizen 0's best opening must go to citizen 1.
    AllocationInstance swap{2, {1, 1}, {{0, 0, 10}, {0, 1, 9}, {1, 0, 8}}};
    r = allocate(swap);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total_fit, 17);
    EXPECT_EQ(r->opening_of, (std::vector<std::int32_t>{1, 0}));

    // Duplicate pairs: the better one counts.
    AllocationInstance duplicates{1, {1}, {{0, 0, 3}, {0, 0, 9}, {0, 0, 4}}};
    r = allocate(duplicates);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->total_fit, 9);
}

TEST(Allocation, RejectsBadInstances) {
    EXPECT_FALSE(allocate(AllocationInstance{1, {-1}, {}}).ok());
    EXPECT_FALSE(allocate(AllocationInstance{1, {1}, {{1, 0, 3}}}).ok());
    EXPECT_FALSE(allocate(AllocationInstance{1, {1}, {{0, 1, 3}}}).ok());
    EXPECT_FALSE(allocate(AllocationInstance{1, {1}, {{0, 0, std::int64_t{1} << 62}}}).ok());
}

TEST(Allocation, ScalingFactorDoesNotChangeTheOptimum) {
    std::mt19937_64 rng(99);
    for (int k = 0; k < 20; ++k) {
        const auto inst = random_instance(rng, {200, 40, 0.1, 5, 1, 1000});
        const std::int64_t expected = testing::lemon_total_fit(inst);
        for (std::int64_t factor : {2, 4, 10, 50}) {
            AuctionOptions options;
            options.scaling_factor = factor;
            auto r = allocate(inst, options);
            ASSERT_TRUE(r.ok());
            EXPECT_EQ(r->total_fit, expected) << "factor " << factor;
        }
    }
}

// ---- DIMACS min-cost-flow files

/// Writes an instance in the generator's DIMACS convention (gen_instance.py).
std::string to_dimacs(const AllocationInstance& inst, bool complement, bool citizen_bypass, int max_score) {
    const int c = inst.citizen_count;
    const int o = static_cast<int>(inst.capacity.size());
    const int t = c + o + 2;
    std::size_t arcs = static_cast<std::size_t>(c) + inst.pairs.size() + static_cast<std::size_t>(o) +
                       (citizen_bypass ? static_cast<std::size_t>(c) : 1);
    std::ostringstream out;
    out << "c test instance\np min " << t << " " << arcs << "\n";
    out << "n 1 " << c << "\nn " << t << " " << -c << "\n";
    for (int i = 0; i < c; ++i) out << "a 1 " << i + 2 << " 0 1 0\n";
    for (const Pair& p : inst.pairs) {
        out << "a " << p.citizen + 2 << " " << c + 2 + p.opening << " 0 1 "
            << (complement ? max_score - p.score : -p.score) << "\n";
    }
    for (int j = 0; j < o; ++j)
        out << "a " << c + 2 + j << " " << t << " 0 " << inst.capacity[static_cast<std::size_t>(j)] << " 0\n";
    const int bypass = complement ? max_score : 0;
    if (citizen_bypass) {
        for (int i = 0; i < c; ++i) out << "a " << i + 2 << " " << t << " 0 1 " << bypass << "\n";
    } else {
        out << "a 1 " << t << " 0 " << c << " " << bypass << "\n";
    }
    return out.str();
}

DimacsProblem parse(const std::string& text) {
    auto r = read_dimacs(text);
    if (const auto* e = std::get_if<DimacsError>(&r)) ADD_FAILURE() << e->to_string();
    return std::get<DimacsProblem>(std::move(r));
}

TEST(MinCostFlow, AllocationShapedFilesInAllConventionsMatchLemon) {
    std::mt19937_64 rng(4242);
    int n = 0;
    for (int round = 0; round < 40; ++round) {
        const auto inst = random_instance(rng, {60, 12, 0.3, 6, 1, 1000});
        for (bool complement : {false, true}) {
            for (bool citizen_bypass : {false, true}) {
                const auto problem = parse(to_dimacs(inst, complement, citizen_bypass, 1000));
                // With no citizens there is no source, hence no allocation shape.
                const bool shaped = inst.citizen_count > 0;
                EXPECT_EQ(recognise_allocation(problem).has_value(), shaped) << "instance " << n;
                const auto ours = solve_min_cost_flow(problem);
                ASSERT_EQ(ours.status, McfStatus::optimal);
                if (shaped) {
                    EXPECT_EQ(ours.method, McfMethod::allocation_auction);
                }
                const auto lemon = testing::lemon_min_cost(problem);
                ASSERT_TRUE(lemon.has_value());
                EXPECT_EQ(ours.min_cost, *lemon) << "instance " << n << " complement " << complement
                                                 << " citizen bypass " << citizen_bypass;
                const auto general = solve_min_cost_flow(problem, McfStrategy::general_only);
                EXPECT_EQ(general.min_cost, *lemon);
                ++n;
            }
        }
    }
}

/// A random general network (cycles, negative costs, several sources and sinks).
DimacsProblem random_network(std::mt19937_64& rng) {
    auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    DimacsProblem p;
    p.node_count = uniform(1, 12);
    const int arcs = uniform(0, 40);
    for (int a = 0; a < arcs; ++a) {
        p.tail.push_back(uniform(0, p.node_count - 1));
        p.head.push_back(uniform(0, p.node_count - 1));
        p.capacity.push_back(uniform(0, 8));
        p.cost.push_back(uniform(-10, 20));
    }
    std::vector<std::int64_t> supply(static_cast<std::size_t>(p.node_count), 0);
    for (int k = uniform(0, 4); k > 0; --k) {
        const int amount = uniform(1, 6);
        supply[static_cast<std::size_t>(uniform(0, p.node_count - 1))] += amount;
        supply[static_cast<std::size_t>(uniform(0, p.node_count - 1))] -= amount;
    }
    for (std::int32_t v = 0; v < p.node_count; ++v) {
        if (supply[static_cast<std::size_t>(v)] != 0)
            p.supplies.push_back({v, supply[static_cast<std::size_t>(v)]});
    }
    return p;
}

TEST(MinCostFlow, GeneralNetworksMatchLemonIncludingInfeasible) {
    std::mt19937_64 rng(1234);
    int infeasible = 0;
    for (int k = 0; k < 400; ++k) {
        const auto problem = random_network(rng);
        const auto ours = solve_min_cost_flow(problem);
        const auto lemon = testing::lemon_min_cost(problem);
        if (!lemon) {
            EXPECT_EQ(ours.status, McfStatus::infeasible) << "network " << k;
            ++infeasible;
        } else {
            ASSERT_EQ(ours.status, McfStatus::optimal) << "network " << k << ": " << ours.message;
            EXPECT_EQ(ours.min_cost, *lemon) << "network " << k;
        }
    }
    EXPECT_GT(infeasible, 10);  // the generator does produce infeasible networks
}

TEST(MinCostFlow, ShapesThatAreNotAllocationsGoToTheGeneralSolver) {
    // Two sources: not the allocation shape.
    const auto problem = parse("p min 4 3\nn 1 1\nn 2 1\nn 4 -2\na 1 3 0 1 -5\na 2 3 0 1 -2\na 3 4 0 2 0\n");
    EXPECT_FALSE(recognise_allocation(problem).has_value());
    const auto s = solve_min_cost_flow(problem);
    EXPECT_EQ(s.method, McfMethod::successive_shortest_paths);
    ASSERT_EQ(s.status, McfStatus::optimal);
    EXPECT_EQ(s.min_cost, -7);
    // Without a bypass every citizen must be placed, which here is impossible.
    const auto forced =
        parse("p min 5 4\nn 1 2\nn 5 -2\na 1 2 0 1 0\na 1 3 0 1 0\na 2 4 0 1 -3\na 4 5 0 2 0\n");
    const auto f = solve_min_cost_flow(forced);
    EXPECT_EQ(f.status, McfStatus::infeasible);
}

}  // namespace
}  // namespace matching
