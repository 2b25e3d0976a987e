#include <sodium.h>

#include <cstdio>
#include <string>
#include <vector>

#include "app/cli.hpp"

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::fputs("brobygger: libsodium could not be initialised\n", stderr);
        return 1;
    }
    std::vector<std::string> args(argv + 1, argv + argc);
    return app::run_cli(args);
}
