#pragma once
/// Plain data for the shared product and service catalogue (B1): items offered by social
/// enterprises and initiatives of the registry, the public search and the public profile.
/// No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace catalogue {

/// Length caps (characters).
inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_description = 5000;
inline constexpr std::size_t k_max_unit = 40;
inline constexpr std::size_t k_max_delivery_area = 300;
/// Longest search text accepted (characters); longer is a field error on "q".
inline constexpr std::size_t k_max_query = 200;
/// Highest price: 100.000.000 kr.
inline constexpr std::int64_t k_max_price_oere = 10'000'000'000;
/// Public result pages hold this many items.
inline constexpr int k_public_page_size = 20;

enum class ItemStatus { Draft, Published };
std::string_view item_status_code(ItemStatus s);   ///< "draft", "published"
std::string_view item_status_label(ItemStatus s);  ///< "Kladde", "Offentliggjort"
std::optional<ItemStatus> parse_item_status(std::string_view code);

/// Sort orders of the public search.
enum class Sort { Relevance, Title, Price, Newest };
std::string_view sort_code(Sort s);   ///< "relevance", "title", "price", "newest"
std::string_view sort_label(Sort s);  ///< "Bedste match", …
std::optional<Sort> parse_sort(std::string_view code);
inline constexpr Sort k_all_sorts[] = {Sort::Relevance, Sort::Title, Sort::Price, Sort::Newest};

/// Parses a price in kroner as typed: "125", "89,50", "1.234,5", "1234.50" (a point followed
/// by one or two digits is read as decimals, as JSON clients send), optionally with "kr." or
/// ",-". Empty → nullopt ("pris efter aftale"). Validation on `field` otherwise.
core::Result<std::optional<std::int64_t>> parse_price(std::string_view text,
                                                      std::string_view field = "price");
/// Øre as Danish kroner: 12500 → "125,00", 123450 → "1.234,50".
std::string format_price(std::int64_t oere);
/// Øre as kroner for a form field: 12500 → "125", 8950 → "89,50".
std::string price_input_text(std::int64_t oere);

/// What a form or JSON body says about an item, as typed.
struct ItemInput {
    std::string enterprise_id;  ///< as typed; ignored for enterprise users (always their own)
    std::string title;
    std::string description;
    std::string category;  ///< vocabulary code (kind catalogue_category)
    std::string price;     ///< kroner as typed, "" = pris efter aftale
    std::string unit;
    std::string delivery_area;
};

struct Item {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string municipality;  ///< the enterprise's
    std::string title;
    std::string description;
    std::string category;
    std::string category_label;
    std::optional<std::int64_t> price_oere;  ///< nullopt = pris efter aftale
    std::string unit;
    std::string delivery_area;
    ItemStatus status = ItemStatus::Draft;
    std::optional<core::UnixSeconds> published_at;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
};

/// Public search, as typed. Empty members do not filter.
struct SearchQuery {
    std::string q;         ///< words; at most k_max_query characters
    std::string category;  ///< vocabulary code
    std::string municipality;
    std::string target_group;  ///< the enterprise's target group (vocabulary code)
    std::string rsv;           ///< "yes" (enterprise registered RSV), "no", or ""
    std::string sort;          ///< sort code; "" = relevance with words, title without
    int page = 1;
    int page_size = k_public_page_size;  ///< clamped to 1…100
};

struct ItemPage {
    std::vector<Item> items;
    std::int64_t total = 0;
    int page = 1;
    int page_size = k_public_page_size;
    Sort sort = Sort::Title;  ///< the order used
};

/// Management list filters.
struct ManageFilter {
    std::string status;  ///< "draft", "published" or ""
    int page = 1;
    int page_size = 50;  ///< clamped to 1…200
};

using Choice = core::Choice;

/// Option lists of the public search form.
struct FilterOptions {
    std::vector<Choice> categories;           ///< active catalogue categories
    std::vector<Choice> target_groups;        ///< active target groups
    std::vector<std::string> municipalities;  ///< those with public items
};

/// The public profile of an enterprise: only fields meant for the public (docs/catalogue.md).
struct PublicProfile {
    std::int64_t id = 0;
    std::string name;
    std::string kind_label;
    std::string municipality;
    std::string purpose;
    std::string description;
    std::string website;
    bool registered_rsv = false;
    std::vector<std::string> target_groups;  ///< labels
    std::vector<Item> items;                 ///< published items by title
};

}  // namespace catalogue
