#pragma once
/// Text helpers shared by every layer: UTF-8 checks, trimming, log-safe encoding.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace core {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view s);
/// Number of code points in valid UTF-8 (bytes that are not continuation bytes).
std::size_t utf8_length(std::string_view s);
/// Removes ASCII whitespace at both ends.
std::string_view trim(std::string_view s);
std::string to_lower_ascii(std::string_view s);
/// Lower-cases ASCII and the Danish letters Æ Ø Å (and É, Ü, Ö, Ä) in UTF-8.
std::string to_lower_danish(std::string_view s);
/// Escapes control characters (CR, LF, …) and backslash so a value stays on one log line.
std::string log_safe(std::string_view s);
/// True for letters/digits plus "._-@"; used for user names.
bool is_safe_identifier(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
/// Parses a base-10 integer filling the whole string; false on anything else or overflow.
bool parse_int64(std::string_view s, long long& out);

}  // namespace core
