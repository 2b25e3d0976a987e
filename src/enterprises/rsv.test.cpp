// The pure RSV rules: the 35 % dividend check in exact øre, Danish amounts and percentages.
#include "enterprises/rsv.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace enterprises {
namespace {

struct DividendCase {
    std::int64_t profit;
    std::int64_t dividend;
    bool ok;
    std::optional<std::int64_t> share_tenths;
};

TEST(RsvDividend, Table) {
    const DividendCase cases[] = {
        {100'000'000, 35'000'000, true, 350},   // exactly 35,00 %
        {100'000'000, 35'010'000, false, 350},  // 35,01 % fails (shows as 35,0 % rounded)
        {100'000'000, 35'000'001, false, 350},  // one øre over
        {100'000'000, 34'999'999, true, 350},
        {100'000'000, 0, true, 0},
        {100'000'000, 35'050'000, false, 351},  // 35,05 % rounds half up
        {100'000'000, 35'049'999, false, 350},
        {100'000'000, 100'000'000, false, 1000},
        {100'000'000, 150'000'000, false, 1500},
        {3, 1, true, 333},  // 1 øre of 3 øre is 33,3 %: fine
        {2, 1, false, 500},
        {20, 7, true, 350},  // 7 × 100 = 700 = 35 × 20
        {20, 8, false, 400},
        {0, 0, true, std::nullopt},
        {0, 1, false, std::nullopt},  // no profit: any dividend fails
        {-500'000, 0, true, std::nullopt},
        {-500'000, 100, false, std::nullopt},
        {1, 0, true, 0},
        {1, 1, false, 1000},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.profit) + " / " + std::to_string(c.dividend));
        DividendCheck r = check_dividend(c.profit, c.dividend);
        EXPECT_EQ(r.ok, c.ok);
        EXPECT_EQ(r.share_tenths, c.share_tenths);
        EXPECT_FALSE(r.message.empty());
        // The rule itself, as integers: ok ⇔ dividend × 100 ≤ 35 × profit (and profit > 0 or no dividend).
        bool expected = c.dividend == 0 || (c.profit > 0 && c.dividend * 100 <= 35 * c.profit);
        EXPECT_EQ(r.ok, expected);
    }
}

TEST(RsvDividend, MaximumIsTheLargestAllowedDividend) {
    for (std::int64_t profit : {1LL, 2LL, 3LL, 99LL, 100LL, 101LL, 12'345'678LL, 999'999'999'999LL}) {
        DividendCheck c = check_dividend(profit, 0);
        EXPECT_TRUE(check_dividend(profit, c.max_dividend_oere).ok) << profit;
        EXPECT_FALSE(check_dividend(profit, c.max_dividend_oere + 1).ok) << profit;
    }
    EXPECT_EQ(check_dividend(100'000'000, 0).max_dividend_oere, 35'000'000);
    EXPECT_EQ(check_dividend(-1, 0).max_dividend_oere, 0);
}

TEST(RsvDividend, NoOverflowAtTheExtremes) {
    const auto max = std::numeric_limits<std::int64_t>::max();
    EXPECT_TRUE(check_dividend(max, max / 100 * 35).ok);
    EXPECT_FALSE(check_dividend(max, max).ok);
    EXPECT_FALSE(check_dividend(std::numeric_limits<std::int64_t>::min(), 1).ok);
}

TEST(RsvDividend, DanishMessages) {
    EXPECT_EQ(
        check_dividend(100'000'000, 35'000'000).message,
        "Udbyttet på 350.000,00 kr. er 35,0 % af overskuddet efter skat på 1.000.000,00 kr. og ligger inden "
        "for grænsen på 35 % (højst 350.000,00 kr.).");
    EXPECT_EQ(
        check_dividend(100'000'000, 40'000'000).message,
        "Udbyttet på 400.000,00 kr. er 40,0 % af overskuddet efter skat på 1.000.000,00 kr. og overstiger "
        "grænsen på 35 % (højst 350.000,00 kr.).");
    // 35,01 % rounds to 35,0 %: the failing text must not look like it passes.
    EXPECT_EQ(
        check_dividend(100'000'000, 35'010'000).message,
        "Udbyttet på 350.100,00 kr. er mere end 35,0 % af overskuddet efter skat på 1.000.000,00 kr. og "
        "overstiger grænsen på 35 % (højst 350.000,00 kr.).");
    EXPECT_EQ(
        check_dividend(-1'234'567'89, 100'000).message,
        "Der er udloddet 1.000,00 kr. i udbytte, men der er intet overskud efter skat (-1.234.567,89 kr.). "
        "Udbytte må højst være 35 % af overskuddet efter skat.");
    EXPECT_EQ(check_dividend(0, 0).message, "Der er ikke udloddet udbytte for året.");
    // 12.345,67 of 98.765,43: 12,4999… % → 12,5 % half up.
    EXPECT_EQ(*check_dividend(9'876'543, 1'234'567).share_tenths, 125);
    // 1 of 8: 12,5 % exactly; 1 of 16: 6,25 % → 6,3 %.
    EXPECT_EQ(*check_dividend(8, 1).share_tenths, 125);
    EXPECT_EQ(*check_dividend(16, 1).share_tenths, 63);
    EXPECT_EQ(*check_dividend(24, 1).share_tenths, 42);  // 4,1666… %
}

TEST(RsvAmounts, FormatsDanishKroner) {
    EXPECT_EQ(format_kroner(123'456'789), "1.234.567,89 kr.");
    EXPECT_EQ(format_kroner(123'456'700), "1.234.567,00 kr.");
    EXPECT_EQ(format_kroner(0), "0,00 kr.");
    EXPECT_EQ(format_kroner(5), "0,05 kr.");
    EXPECT_EQ(format_kroner(-500), "-5,00 kr.");
    EXPECT_EQ(format_kroner(100'000), "1.000,00 kr.");
    EXPECT_EQ(format_kroner(std::numeric_limits<std::int64_t>::min()), "-92.233.720.368.547.758,08 kr.");
    EXPECT_EQ(format_percent_tenths(350), "35,0 %");
    EXPECT_EQ(format_percent_tenths(1234), "123,4 %");
    EXPECT_EQ(format_percent_tenths(5), "0,5 %");
    EXPECT_EQ(format_percent_tenths(12345), "1.234,5 %");
}

TEST(RsvAmounts, ParsesDanishKroner) {
    auto v = [](std::string_view t, bool neg = true) {
        auto r = parse_kroner(t, "x", neg);
        EXPECT_TRUE(r.ok()) << t;
        return r.ok() ? r->value_or(-1) : -2;
    };
    EXPECT_EQ(v("1.234.567,89"), 123'456'789);
    EXPECT_EQ(v("250000"), 25'000'000);
    EXPECT_EQ(v("250 000"), 25'000'000);
    EXPECT_EQ(v("-12.500"), -1'250'000);
    EXPECT_EQ(v("1234.5"), 123'450);
    EXPECT_EQ(v("89,50 kr."), 8'950);
    EXPECT_EQ(v("100,-"), 10'000);
    EXPECT_EQ(v("0"), 0);
    EXPECT_EQ(v("0,05"), 5);
    EXPECT_FALSE(parse_kroner("", "x", true)->has_value());
    EXPECT_FALSE(parse_kroner("  kr.", "x", true)->has_value());
    for (std::string_view bad :
         {"abc", "1,234", "1.23.4", "12.34.567", "1,", "-", "1e5", "1..000", "1.0000"}) {
        auto r = parse_kroner(bad, "profit_after_tax", true);
        ASSERT_FALSE(r.ok()) << bad;
        EXPECT_EQ(r.error().fields.at(0).field, "profit_after_tax");
    }
    auto negative = parse_kroner("-5", "dividend", false);
    ASSERT_FALSE(negative.ok());
    EXPECT_EQ(negative.error().fields.at(0).message, "Beløbet kan ikke være negativt.");
    EXPECT_TRUE(parse_kroner("100.000.000.000", "x", false).ok());
    EXPECT_FALSE(parse_kroner("100.000.000.000,01", "x", false).ok());
    EXPECT_FALSE(parse_kroner("99999999999999999999", "x", false).ok());
    EXPECT_EQ(kroner_input_text(12'345'600), "123.456");
    EXPECT_EQ(kroner_input_text(12'345), "123,45");
    EXPECT_EQ(kroner_input_text(-1'250'000), "-12.500");
    EXPECT_EQ(v(kroner_input_text(123'456'789)), 123'456'789);
}

TEST(RsvCriteria, CodesAndLabels) {
    for (auto c : k_all_rsv_criteria) {
        EXPECT_EQ(parse_rsv_criterion(rsv_criterion_code(c)), c);
        EXPECT_FALSE(rsv_criterion_label(c).empty());
        EXPECT_FALSE(rsv_criterion_hint(c).empty());
    }
    EXPECT_EQ(rsv_criterion_label(RsvCriterion::Trade), "Væsentlig erhvervsmæssig aktivitet");
    for (auto m : k_all_rsv_met) EXPECT_EQ(parse_rsv_met(rsv_met_code(m)), m);
    EXPECT_EQ(parse_rsv_met("maybe"), std::nullopt);
    RsvReadiness r;
    EXPECT_FALSE(r.ready());
    for (auto& c : r.criteria) c.met = RsvMet::Yes;
    EXPECT_TRUE(r.ready());
    r.criteria[4].met = RsvMet::Partly;
    EXPECT_EQ(r.met_count(), 4);
    EXPECT_FALSE(r.ready());
}

}  // namespace
}  // namespace enterprises
