#pragma once
/// The `brobygger` command line: serve, migrate, user, demo-data, backup, match, version.
#include <string>
#include <vector>

namespace app {

/// Runs the program with its arguments (without argv[0]); returns the exit code.
int run_cli(const std::vector<std::string>& args);

}  // namespace app
