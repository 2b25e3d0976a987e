// libFuzzer target: the DIMACS reader (and, for small parsed files, the solvers) must
// never crash, hang or read out of bounds on any input.
//   cmake -DBROBYGGER_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ ... && ninja fuzz_dimacs
//   ./fuzz_dimacs -max_len=4096 corpus/
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "matching/dimacs.hpp"
#include "matching/mcf.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto result = matching::read_dimacs(text);
    if (auto* problem = std::get_if<matching::DimacsProblem>(&result)) {
        if (problem->arc_count() <= 64 && problem->node_count <= 64) {
            (void)matching::solve_min_cost_flow(*problem);
        }
    } else {
        const auto& error = std::get<matching::DimacsError>(result);
        if (error.line < 1 || error.message.empty()) __builtin_trap();
    }
    return 0;
}
