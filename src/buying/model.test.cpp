// Buying model: amounts and status codes.
#include "buying/model.hpp"

#include <gtest/gtest.h>

namespace buying {
namespace {

TEST(BuyingModel, ParsesAmountsInKroner) {
    EXPECT_EQ(*parse_amount("125"), 12500);
    EXPECT_EQ(*parse_amount("89,50"), 8950);
    EXPECT_EQ(*parse_amount("1.234,50"), 123450);
    EXPECT_EQ(*parse_amount("1234.50"), 123450);
    EXPECT_EQ(*parse_amount("125 kr."), 12500);
    EXPECT_EQ(*parse_amount("10.000.000"), 1'000'000'000);
}

TEST(BuyingModel, RefusesBadAmountsWithDanishMessages) {
    for (const char* bad : {"", "0", "0,00", "-5", "abc", "10.000.000,01", "99999999999999"}) {
        auto r = parse_amount(bad);
        ASSERT_FALSE(r.ok()) << bad;
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "amount");
    }
    EXPECT_EQ(parse_amount("0").error().fields[0].message, "Beløbet skal være større end 0 kr.");
    EXPECT_EQ(parse_amount("-5").error().fields[0].message, "Beløbet skal være større end 0 kr.");
    EXPECT_EQ(parse_amount("10.000.001").error().fields[0].message, "Beløbet må højst være 10.000.000 kr.");
}

TEST(BuyingModel, FormatsAndStatusCodes) {
    EXPECT_EQ(format_amount(123450), "1.234,50");
    EXPECT_EQ(amount_input_text(8950), "89,50");
    for (auto s : {RequestStatus::Sent, RequestStatus::Answered, RequestStatus::Declined})
        EXPECT_EQ(parse_request_status(request_status_code(s)), s);
    EXPECT_FALSE(parse_request_status("x"));
    EXPECT_EQ(request_status_label(RequestStatus::Declined), "Afvist");
}

}  // namespace
}  // namespace buying
