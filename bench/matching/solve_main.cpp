// Standalone `match solve` for benchmarking: bb_match_solve FILE [--threads N].
#include <iostream>
#include <string>
#include <vector>

#include "matching/cli.hpp"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    return matching::solve_command(args, std::cout, std::cerr);
}
