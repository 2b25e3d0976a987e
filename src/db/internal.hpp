#pragma once
/// Internal to the db library: the connection pool and helpers shared by both engines.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace db::detail {

/// The one user-facing message for unique/foreign-key/check violations (details go to the log).
inline core::Error conflict_error() {
    return core::Error::conflict("Posten findes allerede eller er i brug.");
}

/// Text parameters must not contain NUL: PostgreSQL cannot store it and C APIs would silently
/// truncate. Both engines reject it the same way. Returns the 1-based index of the offending
/// parameter, or 0 when all are fine.
inline std::size_t find_nul_parameter(const std::vector<Value>& params) {
    for (std::size_t i = 0; i < params.size(); ++i)
        if (const auto* s = std::get_if<std::string>(&params[i]); s && s->find('\0') != std::string::npos)
            return i + 1;
    return 0;
}
/// SQL text for the operational log: whitespace runs collapsed, at most 300 characters.
/// (SQL is allowed in the log; parameter values never are.)
inline std::string sql_for_log(std::string_view sql) {
    std::string out;
    bool space = false;
    for (char c : sql) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
        if (out.size() >= 300) {
            out += "...";
            break;
        }
    }
    return out;
}

/// The highest `$N` placeholder in `sql`, skipping string literals, quoted identifiers,
/// comments and dollar-quoted bodies. Used to hold PostgreSQL to the same rule SQLite
/// enforces: the number of parameters equals the highest placeholder.
inline std::size_t highest_placeholder(std::string_view sql) {
    std::size_t highest = 0;
    const std::size_t n = sql.size();
    std::size_t i = 0;
    auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
    auto is_tag_char = [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || is_digit(c) ||
               static_cast<unsigned char>(c) >= 0x80;
    };
    while (i < n) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {  // '...' ('' escapes) or "..." ("" escapes)
            for (++i; i < n; ++i) {
                if (sql[i] == c) {
                    if (i + 1 < n && sql[i + 1] == c) {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            ++i;
        } else if (c == '-' && i + 1 < n && sql[i + 1] == '-') {
            while (i < n && sql[i] != '\n') ++i;
        } else if (c == '/' && i + 1 < n && sql[i + 1] == '*') {
            const std::size_t end = sql.find("*/", i + 2);
            i = end == std::string_view::npos ? n : end + 2;
        } else if (c == '$' && i + 1 < n && is_digit(sql[i + 1])) {
            std::size_t v = 0;
            for (++i; i < n && is_digit(sql[i]); ++i) v = v * 10 + static_cast<std::size_t>(sql[i] - '0');
            highest = std::max(highest, v);
        } else if (c == '$') {  // $tag$ ... $tag$ (or $$ ... $$)
            std::size_t j = i + 1;
            while (j < n && is_tag_char(sql[j])) ++j;  // a tag cannot start with a digit: handled above
            if (j < n && sql[j] == '$') {
                const std::string_view tag = sql.substr(i, j - i + 1);
                const std::size_t end = sql.find(tag, j + 1);
                i = end == std::string_view::npos ? n : end + tag.size();
            } else {
                ++i;
            }
        } else {
            ++i;
        }
    }
    return highest;
}

inline core::Error nul_parameter_error() {
    return core::Error{core::ErrorCode::Validation, "Teksten indeholder et ugyldigt tegn.", {}};
}

/// Hands out at most `max_size` connections at a time. Connections are opened lazily by the
/// factory and reused (most recently returned first); broken ones are closed, not reused.
/// Thread-safe. Every connection taken must be given back (put) before the pool is destroyed.
class ConnectionPool {
public:
    using Factory = std::function<core::Result<std::unique_ptr<Connection>>()>;

    /// `label` names the database in log lines (never contains secrets).
    ConnectionPool(std::string label, std::size_t max_size, std::chrono::milliseconds wait_timeout,
                   Factory factory);
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    /// An idle connection, a newly opened one when below the limit, or — when all are leased —
    /// the next one returned within the wait timeout. Unavailable on timeout; the factory's
    /// error when opening fails.
    core::Result<std::unique_ptr<Connection>> take();
    /// Returns a connection taken earlier; a broken one is closed and frees its slot.
    void put(std::unique_ptr<Connection> conn);
    /// Adds an already opened connection (counted as open) to the idle list.
    void adopt(std::unique_ptr<Connection> conn);

    [[nodiscard]] std::size_t open_count() const;
    [[nodiscard]] std::size_t idle_count() const;

private:
    std::string m_label;
    std::size_t m_max_size;
    std::chrono::milliseconds m_wait_timeout;
    Factory m_factory;
    mutable std::mutex m_mutex;
    std::condition_variable m_available;
    std::vector<std::unique_ptr<Connection>> m_idle;
    std::size_t m_open = 0;  ///< idle + leased + being opened
};

}  // namespace db::detail
