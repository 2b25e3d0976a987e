#pragma once
/// Decoded form fields from a query string, an urlencoded body or a flat JSON object.
/// Decoding happens once (Boost.URL); values are checked to be valid UTF-8.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace web {

class Form {
public:
    /// Parses "a=1&b=%C3%A6". Fails (Validation) on bad percent-encoding or invalid UTF-8.
    static core::Result<Form> parse_urlencoded(std::string_view text);
    /// Parses a JSON object body: scalars become fields (numbers as text, booleans as
    /// "true"/"false", null skipped); arrays of scalars become repeated fields. Nested objects
    /// are refused. Implemented in json.cpp.
    static core::Result<Form> parse_json(std::string_view text);

    /// First value for `name` (duplicates: the first wins, documented behaviour).
    [[nodiscard]] std::optional<std::string> get(std::string_view name) const;
    /// First value trimmed, or "" when absent.
    [[nodiscard]] std::string text(std::string_view name) const;
    [[nodiscard]] std::vector<std::string> get_all(std::string_view name) const;
    [[nodiscard]] bool has(std::string_view name) const;
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }
    void add(std::string name, std::string value) {
        m_fields.emplace_back(std::move(name), std::move(value));
    }

private:
    std::vector<std::pair<std::string, std::string>> m_fields;
};

/// Percent-decodes a URL path once; nullopt on malformed escapes, NUL or invalid UTF-8.
std::optional<std::string> decode_path(std::string_view path);
/// Percent-encodes a string for use in a query parameter value.
std::string encode_query_value(std::string_view value);

}  // namespace web
