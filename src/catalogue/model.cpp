// Catalogue model helpers: status and sort codes, prices in øre.
#include "catalogue/model.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace catalogue {

std::string_view item_status_code(ItemStatus s) { return s == ItemStatus::Published ? "published" : "draft"; }
std::string_view item_status_label(ItemStatus s) { return s == ItemStatus::Published ? "Offentliggjort" : "Kladde"; }
std::optional<ItemStatus> parse_item_status(std::string_view code) {
    if (code == "draft") return ItemStatus::Draft;
    if (code == "published") return ItemStatus::Published;
    return std::nullopt;
}

std::string_view sort_code(Sort s) {
    switch (s) {
        case Sort::Relevance: return "relevance";
        case Sort::Title: return "title";
        case Sort::Price: return "price";
        case Sort::Newest: return "newest";
    }
    return "title";
}
std::string_view sort_label(Sort s) {
    switch (s) {
        case Sort::Relevance: return "Bedste match";
        case Sort::Title: return "Titel (A–Å)";
        case Sort::Price: return "Pris (laveste først)";
        case Sort::Newest: return "Nyeste først";
    }
    return "";
}
std::optional<Sort> parse_sort(std::string_view code) {
    for (Sort s : k_all_sorts)
        if (sort_code(s) == code) return s;
    return std::nullopt;
}

core::Result<std::optional<std::int64_t>> parse_price(std::string_view text, std::string_view field) {
    std::string t(core::trim(text));
    auto strip_suffix = [&](std::string_view suffix) {
        if (t.size() >= suffix.size() && core::to_lower_ascii(t.substr(t.size() - suffix.size())) == suffix) {
            t.resize(t.size() - suffix.size());
            t = std::string(core::trim(t));
        }
    };
    strip_suffix(",-");
    strip_suffix("kr.");
    strip_suffix("kr");
    if (t.empty()) return std::optional<std::int64_t>{};
    const std::string message = "Skriv prisen i kroner, fx 125 eller 89,50 – eller lad feltet stå tomt ved pris efter aftale.";
    if (t.front() == '-') return core::Error::validation(std::string(field), "Prisen kan ikke være negativ.");
    // Split into the whole part and the decimals: ',' is the decimal mark; a '.' followed by
    // exactly one or two digits at the end is read as decimals too, other points group thousands.
    std::string whole;
    std::string decimals;
    std::size_t comma = t.find(',');
    if (comma != std::string::npos) {
        whole = t.substr(0, comma);
        decimals = t.substr(comma + 1);
    } else {
        std::size_t point = t.rfind('.');
        if (point != std::string::npos && t.size() - point - 1 >= 1 && t.size() - point - 1 <= 2) {
            whole = t.substr(0, point);
            decimals = t.substr(point + 1);
        } else {
            whole = t;
        }
    }
    std::string digits;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const char c = whole[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c == '.' || c == ' ') {
            // thousands separators: groups of three digits after the first group
            std::size_t j = i + 1;
            std::size_t n = 0;
            while (j < whole.size() && whole[j] >= '0' && whole[j] <= '9') ++j, ++n;
            if (digits.empty() || n != 3) return core::Error::validation(std::string(field), message);
        } else {
            return core::Error::validation(std::string(field), message);
        }
    }
    if (digits.empty() || decimals.size() > 2) return core::Error::validation(std::string(field), message);
    for (char c : decimals)
        if (c < '0' || c > '9') return core::Error::validation(std::string(field), message);
    if (digits.size() > 12)
        return core::Error::validation(std::string(field), "Prisen må højst være 100.000.000 kr.");
    long long kroner = 0;
    if (!core::parse_int64(digits, kroner)) return core::Error::validation(std::string(field), message);
    std::int64_t oere = static_cast<std::int64_t>(kroner) * 100;
    if (decimals.size() == 1) oere += (decimals[0] - '0') * 10;
    if (decimals.size() == 2) oere += (decimals[0] - '0') * 10 + (decimals[1] - '0');
    if (oere > k_max_price_oere) return core::Error::validation(std::string(field), "Prisen må højst være 100.000.000 kr.");
    return std::optional<std::int64_t>{oere};
}

namespace {
std::string grouped(std::int64_t v) {
    std::string digits = std::to_string(v);
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}
std::string two_digits(std::int64_t v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(v));
    return buf;
}
}  // namespace

std::string format_price(std::int64_t oere) { return grouped(oere / 100) + "," + two_digits(oere % 100); }

std::string price_input_text(std::int64_t oere) {
    if (oere % 100 == 0) return std::to_string(oere / 100);
    return std::to_string(oere / 100) + "," + two_digits(oere % 100);
}

}  // namespace catalogue
