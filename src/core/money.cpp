#include "core/money.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace core {
namespace {

/// "1.234.567" / "1 234" / "1234" → 1234567; false for bad grouping or non-digits.
bool parse_grouped(std::string_view s, std::int64_t& out) {
    if (s.empty()) return false;
    const bool grouped = s.find_first_of(". ") != std::string_view::npos;
    std::string digits;
    std::size_t group = 0;
    bool first = true;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            digits += c;
            ++group;
        } else if (grouped && (c == '.' || c == ' ')) {
            if (group == 0 || (first && group > 3) || (!first && group != 3)) return false;
            first = false;
            group = 0;
        } else {
            return false;
        }
    }
    if (grouped && group != 3) return false;
    if (digits.size() > 15) {  // beyond any limit we use; refuse before it can overflow
        out = INT64_MAX;
        return true;
    }
    long long v = 0;
    if (!parse_int64(digits, v)) return false;
    out = v;
    return true;
}

}  // namespace

ParsedKroner parse_kroner(std::string_view text, std::int64_t max_abs_oere) {
    using Status = ParsedKroner::Status;
    std::string t(trim(text));
    auto strip_suffix = [&](std::string_view suffix) {
        if (t.size() >= suffix.size() && to_lower_ascii(t.substr(t.size() - suffix.size())) == suffix) {
            t.resize(t.size() - suffix.size());
            t = std::string(trim(t));
        }
    };
    strip_suffix(",-");
    strip_suffix("kr.");
    strip_suffix("kr");
    if (t.empty()) return {Status::Empty, 0};
    bool negative = false;
    if (t.front() == '-') {
        negative = true;
        t = std::string(trim(std::string_view(t).substr(1)));
        if (t.empty()) return {Status::Malformed, 0};
    }
    std::string_view whole = t;
    std::string_view decimals;
    if (auto comma = t.find(','); comma != std::string::npos) {
        whole = std::string_view(t).substr(0, comma);
        decimals = std::string_view(t).substr(comma + 1);
        if (decimals.empty()) return {Status::Malformed, 0};
    } else if (auto point = t.rfind('.');
               point != std::string::npos && t.size() - point - 1 >= 1 && t.size() - point - 1 <= 2) {
        whole = std::string_view(t).substr(0, point);
        decimals = std::string_view(t).substr(point + 1);
    }
    if (decimals.size() > 2) return {Status::Malformed, 0};
    for (char c : decimals)
        if (c < '0' || c > '9') return {Status::Malformed, 0};
    std::int64_t units = 0;
    if (!parse_grouped(whole, units)) return {Status::Malformed, 0};
    if (units > max_abs_oere / 100) return {Status::TooLarge, 0};
    std::int64_t cents = 0;
    if (!decimals.empty()) cents = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
    const std::int64_t oere = units * 100 + cents;
    if (oere > max_abs_oere) return {Status::TooLarge, 0};
    return {Status::Ok, negative ? -oere : oere};
}

std::string format_kroner(std::int64_t oere) {
    // Work on the magnitude as unsigned so even INT64_MIN formats.
    const bool negative = oere < 0;
    const std::uint64_t magnitude =
        negative ? static_cast<std::uint64_t>(-(oere + 1)) + 1 : static_cast<std::uint64_t>(oere);
    const std::string digits = std::to_string(magnitude / 100);
    std::string out(negative ? "-" : "");
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    char cents[4];
    std::snprintf(cents, sizeof cents, "%02u", static_cast<unsigned>(magnitude % 100));
    out += ',';
    out += cents;
    return out;
}

}  // namespace core
