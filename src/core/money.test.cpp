#include "core/money.hpp"

#include <gtest/gtest.h>

#include <climits>

using core::ParsedKroner;
using Status = ParsedKroner::Status;

namespace {
constexpr std::int64_t k_max = 100'000'000'00;  // 100 mio. kr.
}

TEST(Money, ParsesDanishAmounts) {
    struct Case {
        const char* text;
        Status status;
        std::int64_t oere;
    };
    const Case cases[] = {
        {"125", Status::Ok, 12500},         {"89,50", Status::Ok, 8950},
        {"1.234,5", Status::Ok, 123450},    {"1234.50", Status::Ok, 123450},
        {"1.250", Status::Ok, 125000},      {"1 234 567,89", Status::Ok, 123456789},
        {"125 kr.", Status::Ok, 12500},     {"100,-", Status::Ok, 10000},
        {"-12.500", Status::Ok, -1250000},  {"", Status::Empty, 0},
        {" kr. ", Status::Empty, 0},        {"-", Status::Malformed, 0},
        {"12,345", Status::Malformed, 0},   {"1.23.4", Status::Malformed, 0},
        {"12a", Status::Malformed, 0},      {"1,", Status::Malformed, 0},
        {"100000001", Status::TooLarge, 0}, {"999999999999999999999", Status::TooLarge, 0},
    };
    for (const auto& c : cases) {
        ParsedKroner p = core::parse_kroner(c.text, k_max);
        EXPECT_EQ(p.status, c.status) << c.text;
        if (c.status == Status::Ok) {
            EXPECT_EQ(p.oere, c.oere) << c.text;
        }
    }
}

TEST(Money, FormatsDanishKroner) {
    EXPECT_EQ(core::format_kroner(0), "0,00");
    EXPECT_EQ(core::format_kroner(123450), "1.234,50");
    EXPECT_EQ(core::format_kroner(123456789), "1.234.567,89");
    EXPECT_EQ(core::format_kroner(-500), "-5,00");
    EXPECT_EQ(core::format_kroner(INT64_MIN), "-92.233.720.368.547.758,08");
}
