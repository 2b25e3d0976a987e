#include "matching/cli.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <new>
#include <variant>

#include "matching/dimacs.hpp"
#include "matching/mcf.hpp"

namespace matching {
namespace {

constexpr const char* usage_text =
    "usage: brobygger match solve FILE [--threads N]\n"
    "\n"
    "Solves a DIMACS minimum-cost-flow file ('p min', 'n' and 'a' lines) exactly and prints\n"
    "  method: <solver used>\n"
    "  objective: <minimum total cost>\n"
    "  solve_s: <seconds, without parsing>\n"
    "  read_s: <seconds spent parsing>\n"
    "Allocation-shaped files (source -> citizens -> openings -> sink with a bypass) use the\n"
    "fast allocation solver; other files a general solver (see docs/matching.md).\n"
    "--threads N is accepted for compatibility; the solver runs on one thread.\n"
    "Exit status: 0 solved, 1 usage, 2 bad input (message with line number), 3 infeasible.\n";

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string format_seconds(double s) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", s);
    return buffer;
}

int run(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
    std::size_t first = 0;
    if (first < raw.size() && raw[first] == "match") ++first;
    if (first < raw.size() && raw[first] == "solve") ++first;
    std::string file;
    for (std::size_t k = first; k < raw.size(); ++k) {
        const std::string& a = raw[k];
        if (a == "--help" || a == "-h") {
            out << usage_text;
            return solve_ok;
        }
        if (a == "--threads") {
            if (k + 1 >= raw.size()) {
                err << "match solve: --threads needs a number\n" << usage_text;
                return solve_usage;
            }
            const std::string& n = raw[++k];
            if (n.empty() || n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos ||
                std::stoi(n) < 1) {
                err << "match solve: --threads wants a positive number, not '" << n << "'\n";
                return solve_usage;
            }
            continue;
        }
        if (a.size() > 1 && a[0] == '-') {
            err << "match solve: unknown option '" << a << "'\n" << usage_text;
            return solve_usage;
        }
        if (!file.empty()) {
            err << "match solve: more than one file given\n" << usage_text;
            return solve_usage;
        }
        file = a;
    }
    if (file.empty()) {
        err << "match solve: no file given\n" << usage_text;
        return solve_usage;
    }

    const auto read_start = std::chrono::steady_clock::now();
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        err << file << ": cannot open the file\n";
        return solve_bad_input;
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    DimacsResult parsed = read_dimacs(in, ec ? 0 : size);
    if (in.bad()) {
        err << file << ": read error\n";
        return solve_bad_input;
    }
    const double read_s = seconds_since(read_start);
    if (const auto* e = std::get_if<DimacsError>(&parsed)) {
        err << file << ":" << e->line << ": " << e->message << "\n";
        return e->infeasible ? solve_infeasible : solve_bad_input;
    }

    const auto solve_start = std::chrono::steady_clock::now();
    const McfSolution solution = solve_min_cost_flow(std::get<DimacsProblem>(std::move(parsed)));
    const double solve_s = seconds_since(solve_start);
    switch (solution.status) {
        case McfStatus::optimal:
            break;
        case McfStatus::infeasible:
            err << file << ": " << solution.message << "\n";
            return solve_infeasible;
        case McfStatus::too_large:
            err << file << ": " << solution.message << "\n";
            return solve_bad_input;
    }
    out << "method: " << method_name(solution.method) << "\n"
        << "objective: " << solution.min_cost << "\n"
        << "solve_s: " << format_seconds(solve_s) << "\n"
        << "read_s: " << format_seconds(read_s) << "\n";
    return solve_ok;
}

}  // namespace

int solve_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        return run(args, out, err);
    } catch (const std::bad_alloc&) {
        err << "match solve: out of memory\n";
        return solve_bad_input;
    } catch (const std::exception& e) {
        err << "match solve: " << e.what() << "\n";
        return solve_bad_input;
    }
}

}  // namespace matching
