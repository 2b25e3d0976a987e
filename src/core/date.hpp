#pragma once
/// Civil dates (proleptic Gregorian) and UTC timestamps as ISO-8601 text,
/// which is also how storage keeps them (lexicographic order = time order).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace core {

struct Date {
    int year = 1970;
    int month = 1;  ///< 1..12
    int day = 1;    ///< 1..31

    /// Parses exactly "YYYY-MM-DD" with a real calendar day; nullopt otherwise.
    static std::optional<Date> parse(std::string_view text);
    /// Days since 1970-01-01.
    [[nodiscard]] std::int64_t days_since_epoch() const;
    static Date from_days(std::int64_t days);
    [[nodiscard]] Date add_days(std::int64_t days) const { return from_days(days_since_epoch() + days); }
    /// Adds months, clamping the day to the month's length (31 Jan + 1 month = 28/29 Feb).
    [[nodiscard]] Date add_months(int months) const;
    [[nodiscard]] std::string iso() const;     ///< "YYYY-MM-DD"
    [[nodiscard]] std::string danish() const;  ///< "24.11.2026"
    auto operator<=>(const Date&) const = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);

/// "2026-11-24T20:44:12Z"
std::string iso_timestamp(UnixSeconds t);
/// Parses "YYYY-MM-DDTHH:MM:SSZ"; nullopt otherwise.
std::optional<UnixSeconds> parse_iso_timestamp(std::string_view text);
Date utc_date(UnixSeconds t);
/// Offset of Europe/Copenhagen from UTC at instant t (3600 or 7200), EU DST rules.
int copenhagen_offset(UnixSeconds t);
/// Local Danish time "24.11.2026 21:44".
std::string danish_local_time(UnixSeconds t);
/// Today's date in Europe/Copenhagen by `clock` (form defaults, "this year", latest allowed dates).
Date today(const Clock& clock);

}  // namespace core
