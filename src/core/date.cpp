#include "core/date.hpp"

#include <cstdio>

namespace core {
namespace {

bool parse_digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

bool is_leap_year(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && is_leap_year(y)) return 29;
    return k_days[(m - 1) % 12];
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    Date d;
    if (!parse_digits(s, 0, 4, d.year) || !parse_digits(s, 5, 2, d.month) || !parse_digits(s, 8, 2, d.day))
        return std::nullopt;
    if (d.year < 1900 || d.year > 2999 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

std::int64_t Date::days_since_epoch() const {
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

Date Date::from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

Date Date::add_months(int months) const {
    int total = year * 12 + (month - 1) + months;
    Date r{total / 12, total % 12 + 1, day};
    if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
    return r;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::danish() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d.%02d.%04d", day, month, year);
    return buf;
}

Date utc_date(UnixSeconds t) {
    std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    return Date::from_days(days);
}

std::string iso_timestamp(UnixSeconds t) {
    Date d = utc_date(t);
    std::int64_t secs = t - d.days_since_epoch() * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", d.iso().c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60));
    return buf;
}

std::optional<UnixSeconds> parse_iso_timestamp(std::string_view s) {
    if (s.size() != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
    auto d = Date::parse(s.substr(0, 10));
    int h = 0, mi = 0, se = 0;
    if (!d || !parse_digits(s, 11, 2, h) || !parse_digits(s, 14, 2, mi) || !parse_digits(s, 17, 2, se))
        return std::nullopt;
    if (h > 23 || mi > 59 || se > 59) return std::nullopt;
    return d->days_since_epoch() * 86400 + h * 3600 + mi * 60 + se;
}

int copenhagen_offset(UnixSeconds t) {
    // EU rule: summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC.
    int y = utc_date(t).year;
    auto last_sunday = [y](int month) {
        Date d{y, month, days_in_month(y, month)};
        std::int64_t days = d.days_since_epoch();
        std::int64_t weekday = ((days % 7) + 7 + 4) % 7;  // 0 = Sunday; 1970-01-01 was a Thursday
        return days - weekday;
    };
    UnixSeconds start = last_sunday(3) * 86400 + 3600;
    UnixSeconds end = last_sunday(10) * 86400 + 3600;
    return (t >= start && t < end) ? 7200 : 3600;
}

std::string danish_local_time(UnixSeconds t) {
    UnixSeconds local = t + copenhagen_offset(t);
    Date d = utc_date(local);
    std::int64_t secs = local - d.days_since_epoch() * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s %02d:%02d", d.danish().c_str(), static_cast<int>(secs / 3600),
                  static_cast<int>(secs / 60 % 60));
    return buf;
}

Date today(const Clock& clock) {
    const UnixSeconds now = clock.now();
    return utc_date(now + copenhagen_offset(now));
}

}  // namespace core
