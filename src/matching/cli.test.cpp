// `match solve`: output format, exit codes and line-numbered messages.
#include "matching/cli.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace matching {
namespace {

struct TempFile {
    explicit TempFile(const std::string& text) {
        char name[] = "/tmp/bb_match_cli_XXXXXX";
        const int fd = mkstemp(name);
        if (fd >= 0) close(fd);
        path = name;
        std::ofstream(path, std::ios::binary) << text;
    }
    ~TempFile() { std::remove(path.c_str()); }
    std::string path;
};

int run(const std::vector<std::string>& args, std::string& out, std::string& err) {
    std::ostringstream o, e;
    const int rc = solve_command(args, o, e);
    out = o.str();
    err = e.str();
    return rc;
}

TEST(SolveCommand, PrintsObjectiveAndTimes) {
    TempFile f(
        "p min 4 5\nn 1 2\nn 4 -2\na 1 2 0 1 0\na 1 3 0 1 0\na 2 4 0 1 -7\na 3 4 0 1 -3\na 1 4 0 2 0\n");
    std::string out, err;
    EXPECT_EQ(run({"match", "solve", f.path, "--threads", "2"}, out, err), 0) << err;
    EXPECT_NE(out.find("objective: -10\n"), std::string::npos) << out;
    EXPECT_NE(out.find("solve_s: "), std::string::npos);
    EXPECT_NE(out.find("read_s: "), std::string::npos);
}

TEST(SolveCommand, ExitCodes) {
    std::string out, err;
    EXPECT_EQ(run({}, out, err), solve_usage);
    EXPECT_EQ(run({"--help"}, out, err), solve_ok);
    EXPECT_NE(out.find("usage"), std::string::npos);
    EXPECT_EQ(run({"a", "b"}, out, err), solve_usage);
    EXPECT_EQ(run({"x.min", "--threads", "0"}, out, err), solve_usage);
    EXPECT_EQ(run({"/nonexistent/file.min"}, out, err), solve_bad_input);

    TempFile truncated("p min 2 2\nn 1 1\nn 2 -1\na 1 2 0 1 0\n");
    EXPECT_EQ(run({truncated.path}, out, err), solve_bad_input);
    EXPECT_NE(err.find(truncated.path + ":5: file ends after 1 of the 2 arcs"), std::string::npos) << err;

    TempFile unbalanced("p min 2 0\nn 1 1\n");
    EXPECT_EQ(run({unbalanced.path}, out, err), solve_infeasible);

    TempFile infeasible("p min 3 1\nn 1 2\nn 3 -2\na 1 3 0 1 0\n");
    EXPECT_EQ(run({infeasible.path}, out, err), solve_infeasible);
    EXPECT_NE(err.find("infeasible"), std::string::npos);
}

}  // namespace
}  // namespace matching
