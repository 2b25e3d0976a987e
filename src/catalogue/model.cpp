// Catalogue model helpers: status and sort codes, prices in øre.
#include "catalogue/model.hpp"

#include <cstdio>

#include "core/money.hpp"
#include "core/text.hpp"

namespace catalogue {

std::string_view item_status_code(ItemStatus s) {
    return s == ItemStatus::Published ? "published" : "draft";
}
std::string_view item_status_label(ItemStatus s) {
    return s == ItemStatus::Published ? "Offentliggjort" : "Kladde";
}
std::optional<ItemStatus> parse_item_status(std::string_view code) {
    if (code == "draft") return ItemStatus::Draft;
    if (code == "published") return ItemStatus::Published;
    return std::nullopt;
}

std::string_view sort_code(Sort s) {
    switch (s) {
        case Sort::Relevance:
            return "relevance";
        case Sort::Title:
            return "title";
        case Sort::Price:
            return "price";
        case Sort::Newest:
            return "newest";
    }
    return "title";
}
std::string_view sort_label(Sort s) {
    switch (s) {
        case Sort::Relevance:
            return "Bedste match";
        case Sort::Title:
            return "Titel (A–Å)";
        case Sort::Price:
            return "Pris (laveste først)";
        case Sort::Newest:
            return "Nyeste først";
    }
    return "";
}
std::optional<Sort> parse_sort(std::string_view code) {
    for (Sort s : k_all_sorts)
        if (sort_code(s) == code) return s;
    return std::nullopt;
}

core::Result<std::optional<std::int64_t>> parse_price(std::string_view text, std::string_view field) {
    const core::ParsedKroner p = core::parse_kroner(text, k_max_price_oere);
    switch (p.status) {
        case core::ParsedKroner::Status::Empty:
            return std::optional<std::int64_t>{};
        case core::ParsedKroner::Status::TooLarge:
            return core::Error::validation(std::string(field), "Prisen må højst være 100.000.000 kr.");
        case core::ParsedKroner::Status::Malformed:
            if (!core::trim(text).empty() && core::trim(text).front() == '-')
                return core::Error::validation(std::string(field), "Prisen kan ikke være negativ.");
            return core::Error::validation(std::string(field),
                                           "Skriv prisen i kroner, fx 125 eller 89,50 – eller lad feltet stå "
                                           "tomt ved pris efter aftale.");
        case core::ParsedKroner::Status::Ok:
            break;
    }
    if (p.oere < 0) return core::Error::validation(std::string(field), "Prisen kan ikke være negativ.");
    return std::optional<std::int64_t>{p.oere};
}

namespace {
std::string two_digits(std::int64_t v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", static_cast<int>(v));
    return buf;
}
}  // namespace

std::string format_price(std::int64_t oere) {
    return core::format_kroner(oere);
}

std::string price_input_text(std::int64_t oere) {
    if (oere % 100 == 0) return std::to_string(oere / 100);
    return std::to_string(oere / 100) + "," + two_digits(oere % 100);
}

}  // namespace catalogue
