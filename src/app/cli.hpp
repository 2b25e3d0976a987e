#pragma once
/// The `brobygger` command line: serve, migrate, user, token, demo-data, backup, import, match,
/// retention, version.
#include <string>
#include <vector>

namespace app {

/// Runs the program with its arguments (without argv[0]); returns the exit code.
int run_cli(const std::vector<std::string>& args);

}  // namespace app
