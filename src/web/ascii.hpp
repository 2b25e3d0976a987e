#pragma once
/// ASCII-only text helpers for HTTP syntax (locale-independent, no allocation).
#include <string_view>

namespace web::ascii {

/// 'A'..'Z' to 'a'..'z'; every other byte unchanged.
inline char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Case-insensitive equality for ASCII letters; other bytes must match exactly.
inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

/// `s` without leading and trailing SP and HTAB (optional whitespace, RFC 9110 5.6.3).
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

/// True when `s` is non-empty and only ASCII digits.
inline bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace web::ascii
