#include "core/validate.hpp"

#include "core/text.hpp"

namespace core {

std::string format_whole_number(std::int64_t value) {
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? std::uint64_t{0} - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    const std::string digits = std::to_string(magnitude);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

void check_text(Validator& v, std::string_view field, std::string_view value, std::size_t max,
                std::string_view what) {
    if (!is_valid_utf8(value)) {
        v.add(std::string(field), "Teksten indeholder ugyldige tegn.");
        return;
    }
    if (utf8_length(value) > max) {
        v.add(std::string(field), std::string(what) + " må højst være " +
                                      format_whole_number(static_cast<std::int64_t>(max)) + " tegn.");
    }
}

std::optional<Date> check_date(Validator& v, std::string_view field, std::string_view text,
                               std::string_view missing, std::string_view earliest) {
    const std::string_view t = trim(text);
    if (t.empty()) {
        if (!missing.empty()) v.add(std::string(field), std::string(missing));
        return std::nullopt;
    }
    const auto d = Date::parse(t);
    if (!d) {
        v.add(std::string(field), "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-14.");
        return std::nullopt;
    }
    const auto first = Date::parse(earliest);
    if (first && *d < *first) {
        v.add(std::string(field), "Datoen kan ikke ligge før " + first->danish() + ".");
        return std::nullopt;
    }
    return d;
}

std::string year_message(YearRange range) {
    return "Skriv et årstal med fire cifre fra " + std::to_string(range.first) + " til " +
           std::to_string(range.last) + ".";
}

std::optional<int> check_year(Validator& v, std::string_view field, std::string_view text, YearRange range,
                              std::string_view missing) {
    const std::string_view t = trim(text);
    if (t.empty()) {
        if (!missing.empty()) v.add(std::string(field), std::string(missing));
        return std::nullopt;
    }
    long long year = 0;
    const bool digits = t.size() == 4 && t.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits || !parse_int64(t, year) || !range.contains(static_cast<int>(year))) {
        v.add(std::string(field), year_message(range));
        return std::nullopt;
    }
    return static_cast<int>(year);
}

Result<int> year_or(std::string_view field, std::string_view text, YearRange range, int fallback) {
    if (trim(text).empty()) return fallback;
    Validator v;
    const auto year = check_year(v, field, text, range);
    if (!year) return v.error();
    return *year;
}

Result<void> check_year(std::string_view field, int year, YearRange range) {
    if (!range.contains(year)) return Error::validation(std::string(field), year_message(range));
    return {};
}

}  // namespace core
