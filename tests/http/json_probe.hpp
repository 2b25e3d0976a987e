#pragma once
/// Reading values out of JSON responses in assertions (Boost.JSON behind json_probe.cpp only).
/// Pointers are RFC 6901 JSON pointers ("/error/code", "/paths/~1api~1v1~1me").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace http_test {

/// A string value as its text, any other value serialised; nullopt when `doc` is not JSON or
/// nothing is at `pointer`.
std::optional<std::string> json_at(std::string_view doc, std::string_view pointer);
/// Keys of the object at `pointer` in document order; empty when absent or not an object.
std::vector<std::string> json_keys(std::string_view doc, std::string_view pointer);
/// Escapes a key for use in a JSON pointer ('~' → "~0", '/' → "~1").
std::string json_pointer_key(std::string_view key);

}  // namespace http_test
