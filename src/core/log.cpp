#include "core/log.hpp"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/text.hpp"

namespace core::log {
namespace {
std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;
}  // namespace

void set_level(Level level) {
    g_level = level;
}

void write(Level level, std::string_view message) {
    if (level < g_level.load()) return;
    static constexpr const char* k_names[] = {"DEBUG", "INFO", "WARN", "ERROR"};
    std::string line = iso_timestamp(SystemClock().now());
    line += ' ';
    line += k_names[static_cast<int>(level)];
    line += ' ';
    line += log_safe(message);
    line += '\n';
    std::lock_guard lock(g_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
}

}  // namespace core::log
