#pragma once
/// `brobygger match solve FILE [--threads N]`: solves a DIMACS minimum-cost-flow file.
///
/// This lives in the `matching_cli` library, not in the pure `matching` library, because it
/// opens files and reads the clock.
#include <ostream>
#include <string>
#include <vector>

namespace matching {

/// Exit codes of solve_command.
enum SolveExit : int {
    solve_ok = 0,
    solve_usage = 1,       ///< bad command line
    solve_bad_input = 2,   ///< unreadable, malformed or unsupported file (message has the line)
    solve_infeasible = 3,  ///< well-formed, but no feasible flow exists
};

/// Runs `match solve`. `args` are the words after "match solve" (a leading "match" and
/// "solve" are skipped if present): FILE, optionally `--threads N` (accepted for
/// compatibility with other solvers; the solver is single-threaded) or `--help`.
/// On success prints, one per line, `method: ...`, `objective: <min cost>`,
/// `solve_s: <seconds without parsing>` and `read_s: <seconds parsing>` to `out` and
/// returns 0; otherwise prints "FILE:LINE: message" (or a usage text) to `err` and returns
/// one of SolveExit. Never throws.
int solve_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace matching
