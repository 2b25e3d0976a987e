#pragma once
/// Field checks every feature's validation uses, with one wording for the whole UI: free text
/// (valid UTF-8, at most N characters), dates typed "YYYY-MM-DD", and whole numbers shown with
/// Danish thousands points.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"

namespace core {

/// A whole number with Danish thousands points: 1234 → "1.234", -5000 → "-5.000".
std::string format_whole_number(std::int64_t value);

/// Adds "Teksten indeholder ugyldige tegn." when `value` is not UTF-8, or
/// "<what> må højst være <max> tegn." when it is longer than `max` characters.
void check_text(Validator& v, std::string_view field, std::string_view value, std::size_t max,
                std::string_view what);

/// The earliest date any form accepts unless a feature says otherwise.
inline constexpr std::string_view k_default_earliest_date = "2000-01-01";

/// A date typed "YYYY-MM-DD" (surrounding spaces ignored) on or after `earliest`
/// ("YYYY-MM-DD"). Empty: adds `missing` (unless it is empty: the date is optional) and
/// returns nullopt. Malformed or too early: adds a message and returns nullopt.
std::optional<Date> check_date(Validator& v, std::string_view field, std::string_view text,
                               std::string_view missing, std::string_view earliest = k_default_earliest_date);

}  // namespace core
