// DIMACS reader: valid files, every kind of bad input (with its line number), and a
// random-mutation fuzz run.
#include "matching/dimacs.hpp"

#include <gtest/gtest.h>

#include <random>
#include <sstream>
#include <variant>

#include "matching/mcf.hpp"

namespace matching {
namespace {

const char* const valid_text =
    "c a comment\n"
    "p min 4 5\n"
    "n 1 2\n"
    "n 4 -2\n"
    "a 1 2 0 1 0\n"
    "a 1 3 0 1 0\n"
    "a 2 4 0 1 -7\n"
    "a 3 4 0 1 -3\n"
    "a 1 4 0 2 0\n";

TEST(Dimacs, ReadsAValidFile) {
    auto r = read_dimacs(valid_text);
    ASSERT_TRUE(std::holds_alternative<DimacsProblem>(r)) << std::get<DimacsError>(r).to_string();
    const auto& p = std::get<DimacsProblem>(r);
    EXPECT_EQ(p.node_count, 4);
    ASSERT_EQ(p.arc_count(), 5u);
    EXPECT_EQ(p.tail[2], 1);
    EXPECT_EQ(p.head[2], 3);
    EXPECT_EQ(p.cost[2], -7);
    ASSERT_EQ(p.supplies.size(), 2u);
    EXPECT_EQ(p.supplies[1].node, 3);
    EXPECT_EQ(p.supplies[1].supply, -2);
    const auto s = solve_min_cost_flow(p);
    ASSERT_EQ(s.status, McfStatus::optimal);
    EXPECT_EQ(s.min_cost, -10);
}

TEST(Dimacs, StreamAndStringAgreeAndToleratesCrlfTabsAndNoFinalNewline) {
    const std::string text = "c x\r\np\tmin 3 2\r\nn 1 1\r\n\r\nn 3 -1\r\na 1 2 0 1 5\r\na 2 3 0 1 -1";
    std::istringstream in(text);
    auto a = read_dimacs(in);
    auto b = read_dimacs(text);
    ASSERT_TRUE(std::holds_alternative<DimacsProblem>(a)) << std::get<DimacsError>(a).to_string();
    ASSERT_TRUE(std::holds_alternative<DimacsProblem>(b));
    EXPECT_EQ(std::get<DimacsProblem>(a).cost, std::get<DimacsProblem>(b).cost);
    EXPECT_EQ(std::get<DimacsProblem>(a).arc_count(), 2u);
}

TEST(Dimacs, LongLinesAcrossStreamChunks) {
    std::string text = "c " + std::string(9'000'000, 'x') + "\np min 2 1\nn 1 1\nn 2 -1\na 1 2 0 1 3\n";
    std::istringstream in(text);
    auto r = read_dimacs(in);
    ASSERT_TRUE(std::holds_alternative<DimacsProblem>(r)) << std::get<DimacsError>(r).to_string();
}

struct BadCase {
    const char* text;
    std::int64_t line;
    const char* message_part;
    bool infeasible = false;
};

TEST(Dimacs, RejectsBadInputWithTheLineNumber) {
    const BadCase cases[] = {
        {"", 1, "missing problem line"},
        {"c only comments\n", 2, "missing problem line"},
        {"a 1 2 0 1 0\n", 1, "'a' line before the 'p min' line"},
        {"n 1 1\np min 2 0\n", 1, "'n' line before"},
        {"p max 2 1\n", 1, "unsupported problem type 'max'"},
        {"p min\n", 1, "missing node count"},
        {"p min x 1\n", 1, "node count 'x' is not an integer"},
        {"p min 2\n", 1, "missing arc count"},
        {"p min -1 0\n", 1, "node count -1 is out of range"},
        {"p min 2 1 7\n", 1, "unexpected '7' after the 'p' line"},
        {"p min 2 0\np min 2 0\n", 2, "second 'p' line"},
        {"p min 2 1\na 1 3 0 1 0\n", 2, "arc head 3 is not a node (nodes are 1..2)"},
        {"p min 2 1\na 0 2 0 1 0\n", 2, "arc tail 0 is not a node"},
        {"p min 2 1\nn 5 1\n", 2, "node 5 is not a node"},
        {"p min 2 1\na 1 2 0 -1 0\n", 2, "negative capacity -1"},
        {"p min 2 1\na 1 2 1 2 0\n", 2, "lower bound 1 is not supported"},
        {"p min 2 1\na 1 2 0 1\n", 2, "missing cost"},
        {"p min 2 1\na 1 2 0 1 3x\n", 2, "cost '3x' is not an integer"},
        {"p min 2 1\na 1 2 0 1 - 3\n", 2, "cost '-' is not an integer"},
        {"p min 2 1\na 1 2 0 1 99999999999999999999999\n", 2, "is too large"},
        {"p min 2 1\na 1 2 0 1 2000000000000000\n", 2, "cost 2000000000000000 is out of range"},
        {"p min 2 1\na 1 2 0 1 0 9\n", 2, "unexpected '9' after the 'a' line"},
        {"p min 2 2\nn 1 1\nn 2 -1\na 1 2 0 1 0\n", 5, "file ends after 1 of the 2 arcs"},
        {"p min 2 1\na 1 2 0 1 0\na 1 2 0 1 0\n", 3, "more arcs than the 1 declared"},
        {"p min 2 0\nn 1 1\nn 1 -1\n", 3, "second 'n' line for node 1"},
        {"p min 2 0\nn 1 3\nn 2 -1\n", 4, "sum to 2, not 0", true},
        {"p min 2 0\nx what\n", 2, "unknown line type 'x'"},
        {"p min 2 0\nabc\n", 2, "unknown line type 'abc'"},
        {"p min 3000000000 0\n", 1, "node count 3000000000 is out of range"},
    };
    for (const auto& c : cases) {
        auto r = read_dimacs(c.text);
        ASSERT_TRUE(std::holds_alternative<DimacsError>(r)) << "accepted: " << c.text;
        const auto& e = std::get<DimacsError>(r);
        EXPECT_EQ(e.line, c.line) << c.text << " -> " << e.to_string();
        EXPECT_NE(e.message.find(c.message_part), std::string::npos) << c.text << " -> " << e.to_string();
        EXPECT_EQ(e.infeasible, c.infeasible) << c.text;
        EXPECT_EQ(e.to_string().rfind("line " + std::to_string(c.line) + ": ", 0), 0u);
        // The stream reader reports the same.
        std::istringstream in(c.text);
        auto s = read_dimacs(in);
        ASSERT_TRUE(std::holds_alternative<DimacsError>(s));
        EXPECT_EQ(std::get<DimacsError>(s).line, c.line);
    }
}

TEST(Dimacs, InfeasibleButWellFormedIsReportedBySolver) {
    auto r = read_dimacs("p min 3 1\nn 1 2\nn 3 -2\na 1 3 0 1 0\n");
    ASSERT_TRUE(std::holds_alternative<DimacsProblem>(r));
    EXPECT_EQ(solve_min_cost_flow(std::get<DimacsProblem>(r)).status, McfStatus::infeasible);
}

/// Random mutations of valid files: the reader must return an error or a problem, never
/// crash, and the solver must handle whatever parses.
TEST(Dimacs, RandomMutationsNeverCrash) {
    const std::string seeds[] = {
        valid_text,
        "p min 6 9\nn 1 3\nn 6 -3\na 1 2 0 1 0\na 1 3 0 1 0\na 1 4 0 1 0\na 2 5 0 1 -9\n"
        "a 3 5 0 1 -4\na 4 5 0 1 -6\na 2 6 0 1 0\na 5 6 0 2 0\na 1 6 0 3 0\n",
    };
    const std::string alphabet = "0123456789 -\n\tapnc+x\r9999999999999999999";
    std::mt19937_64 rng(5);
    int parsed = 0;
    int rejected = 0;
    for (int k = 0; k < 6000; ++k) {
        std::string text = seeds[static_cast<std::size_t>(k) % 2];
        const int edits = std::uniform_int_distribution<int>(1, 4)(rng);
        for (int e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng);
            switch (std::uniform_int_distribution<int>(0, 5)(rng)) {
                case 0:
                    text.erase(at, 1);
                    break;
                case 1:
                    text.insert(at, 1, alphabet[at % alphabet.size()]);
                    break;
                case 2:
                    text[at] =
                        alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
                    break;
                case 3:
                    text.resize(at);
                    break;  // truncation
                case 4:
                    text.insert(at, text.substr(at, 12));
                    break;
                case 5:
                    text[at] = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
                    break;
            }
        }
        auto r = read_dimacs(text);
        if (auto* p = std::get_if<DimacsProblem>(&r)) {
            ++parsed;
            if (p->arc_count() <= 64) {
                const auto s = solve_min_cost_flow(*p);
                EXPECT_TRUE(s.status == McfStatus::optimal || s.status == McfStatus::infeasible ||
                            s.status == McfStatus::too_large);
            }
        } else {
            ++rejected;
            EXPECT_GE(std::get<DimacsError>(r).line, 1);
            EXPECT_FALSE(std::get<DimacsError>(r).message.empty());
        }
    }
    EXPECT_GT(parsed, 100);
    EXPECT_GT(rejected, 1000);
}

}  // namespace
}  // namespace matching
