// Grant amounts as typed in Danish.
#include <gtest/gtest.h>

#include "grants/grant_service.hpp"

namespace grants {
namespace {

TEST(GrantAmount, ParsesDanishKroner) {
    EXPECT_EQ(*parse_amount("150.000"), 15'000'000);
    EXPECT_EQ(*parse_amount("150000,50"), 15'000'050);
    EXPECT_EQ(*parse_amount("150.000 kr."), 15'000'000);
    EXPECT_EQ(*parse_amount(" 412000 "), 41'200'000);
}

TEST(GrantAmount, RefusesEmptyMalformedZeroNegativeAndAbsurd) {
    for (const char* bad : {"", "abc", "12,345", "0", "0,00", "-5.000", "100.000.001", "999999999999"}) {
        auto r = parse_amount(bad);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "amount");
        EXPECT_FALSE(r.error().fields[0].message.empty());
    }
    EXPECT_TRUE(parse_amount("100.000.000").ok());
}

TEST(GrantAmount, FormatsKroner) {
    EXPECT_EQ(format_kroner(15'000'000), "150.000");
    EXPECT_EQ(format_kroner(15'000'050), "150.000,50");
}

}  // namespace
}  // namespace grants
