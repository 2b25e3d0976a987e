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

}  // namespace core
