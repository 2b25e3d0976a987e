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

/// The years a year field accepts, both ends included.
struct YearRange {
    int first = 2000;
    int last = 9999;
    [[nodiscard]] constexpr bool contains(int year) const { return year >= first && year <= last; }
};

/// The named year ranges; every year field uses one of them.
namespace years {
/// Records kept by year (grants, stories, purchases, the spend report): from 2000 on.
inline constexpr YearRange records{2000, 9999};
/// The registry's figures by year (enterprises founded since 1800).
inline constexpr YearRange registry{1800, 9999};
/// Jobs and hires, which the municipality has kept since 1990.
inline constexpr YearRange jobs{1990, 9999};
/// The annual report and its strategy points (report::k_min_year … k_max_year).
inline constexpr YearRange reporting{2000, 2100};
/// Plans for the years ahead (goals, events): from 2000 to ten years after `this_year`.
constexpr YearRange planning(int this_year) {
    return {2000, this_year + 10};
}
/// Money already received (grants): from 2000 to the year after `this_year`.
constexpr YearRange received(int this_year) {
    return {2000, this_year + 1};
}
}  // namespace years

/// "Skriv et årstal med fire cifre fra <first> til <last>." — the one wording for a bad year.
std::string year_message(YearRange range);

/// A year typed with four digits (surrounding spaces ignored) within `range`. Empty: adds
/// `missing` (unless it is empty: the year is optional) and returns nullopt. Otherwise a year
/// that is malformed or out of range adds year_message(range) and returns nullopt.
std::optional<int> check_year(Validator& v, std::string_view field, std::string_view text, YearRange range,
                              std::string_view missing = {});

/// A year filter: empty text gives `fallback`; otherwise check_year, failing with a Validation
/// error on `field`.
Result<int> year_or(std::string_view field, std::string_view text, YearRange range, int fallback);

/// A year already given as a number (a path segment, an argument): a Validation error on
/// `field` with year_message(range) when it lies outside `range`.
Result<void> check_year(std::string_view field, int year, YearRange range);

}  // namespace core
