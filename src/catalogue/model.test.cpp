// Prices in øre and the status/sort codes.
#include "catalogue/model.hpp"

#include <gtest/gtest.h>

namespace catalogue {
namespace {

std::optional<std::int64_t> price(std::string_view text) {
    auto r = parse_price(text);
    EXPECT_TRUE(r.ok()) << text;
    return r.ok() ? *r : std::nullopt;
}

TEST(CataloguePrice, ParsesDanishAndPointDecimals) {
    EXPECT_EQ(price("125"), 12500);
    EXPECT_EQ(price("89,50"), 8950);
    EXPECT_EQ(price("89,5"), 8950);
    EXPECT_EQ(price("1.234,50"), 123450);
    EXPECT_EQ(price("1.234"), 123400);
    EXPECT_EQ(price("1234.50"), 123450);
    EXPECT_EQ(price("125 kr."), 12500);
    EXPECT_EQ(price("125,-"), 12500);
    EXPECT_EQ(price("0"), 0);
    EXPECT_EQ(price(""), std::nullopt);
    EXPECT_EQ(price("  "), std::nullopt);
}

TEST(CataloguePrice, RefusesWithFieldMessage) {
    for (std::string_view bad : {"abc", "-5", "12,345", "1.23.4", "1,2,3", "100000001", "9999999999999"}) {
        auto r = parse_price(bad);
        ASSERT_FALSE(r.ok()) << bad;
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "price");
        EXPECT_FALSE(r.error().fields[0].message.empty());
    }
}

TEST(CataloguePrice, Formats) {
    EXPECT_EQ(format_price(12500), "125,00");
    EXPECT_EQ(format_price(123450), "1.234,50");
    EXPECT_EQ(format_price(5), "0,05");
    EXPECT_EQ(price_input_text(12500), "125");
    EXPECT_EQ(price_input_text(8950), "89,50");
}

TEST(CatalogueCodes, RoundTrip) {
    for (Sort s : k_all_sorts) EXPECT_EQ(parse_sort(sort_code(s)), s);
    EXPECT_EQ(parse_item_status("published"), ItemStatus::Published);
    EXPECT_EQ(parse_item_status("draft"), ItemStatus::Draft);
    EXPECT_FALSE(parse_item_status("x"));
    EXPECT_FALSE(parse_sort("random"));
}

}  // namespace
}  // namespace catalogue
