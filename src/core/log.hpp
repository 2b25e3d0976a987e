#pragma once
/// Operational log to standard error: one line per event, UTC timestamps, fields made log-safe.
#include <string_view>

namespace core::log {

enum class Level { Debug, Info, Warn, Error };

void set_level(Level level);
/// Writes "2026-11-24T20:44:12Z LEVEL message" to stderr; control characters are escaped.
void write(Level level, std::string_view message);
inline void info(std::string_view m) {
    write(Level::Info, m);
}
inline void warn(std::string_view m) {
    write(Level::Warn, m);
}
inline void error(std::string_view m) {
    write(Level::Error, m);
}

}  // namespace core::log
