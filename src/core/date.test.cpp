#include "core/date.hpp"

#include <gtest/gtest.h>

using core::Date;

TEST(Date, ParsesOnlyRealCalendarDays) {
    EXPECT_TRUE(Date::parse("2024-02-29"));
    EXPECT_FALSE(Date::parse("2023-02-29"));
    EXPECT_FALSE(Date::parse("2023-13-01"));
    EXPECT_FALSE(Date::parse("2023-1-01"));
    EXPECT_FALSE(Date::parse("2023-01-01x"));
    EXPECT_FALSE(Date::parse(""));
}

TEST(Date, DayArithmeticRoundTrips) {
    auto d = *Date::parse("2018-12-31");
    EXPECT_EQ(d.add_days(1).iso(), "2019-01-01");
    EXPECT_EQ(Date::from_days(0).iso(), "1970-01-01");
    EXPECT_EQ(Date::from_days(d.days_since_epoch()), d);
    EXPECT_EQ(Date::parse("2020-01-31")->add_months(1).iso(), "2020-02-29");
    EXPECT_EQ(Date::parse("2016-03-01")->add_months(30).iso(), "2018-09-01");
}

TEST(Date, TimestampsAreUtcIso) {
    EXPECT_EQ(core::iso_timestamp(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(*core::parse_iso_timestamp("2026-11-24T20:44:12Z"), 1795553052);
    EXPECT_EQ(core::iso_timestamp(1795553052), "2026-11-24T20:44:12Z");
    EXPECT_FALSE(core::parse_iso_timestamp("2026-11-24 20:44:12"));
}

TEST(Date, CopenhagenOffsetFollowsEuDstRules) {
    // 2025-03-30 01:00:00Z is the switch to summer time.
    auto before = *core::parse_iso_timestamp("2025-03-30T00:59:59Z");
    EXPECT_EQ(core::copenhagen_offset(before), 3600);
    EXPECT_EQ(core::copenhagen_offset(before + 1), 7200);
    // 2025-10-26 01:00:00Z back to winter time.
    auto autumn = *core::parse_iso_timestamp("2025-10-26T00:59:59Z");
    EXPECT_EQ(core::copenhagen_offset(autumn), 7200);
    EXPECT_EQ(core::copenhagen_offset(autumn + 1), 3600);
    // Year end: 31 Dec 23:30Z is already 1 Jan in Copenhagen.
    EXPECT_EQ(core::danish_local_time(*core::parse_iso_timestamp("2025-12-31T23:30:00Z")),
              "01.01.2026 00:30");
}

TEST(Date, TodayIsTheCopenhagenDate) {
    core::ManualClock clock(*core::parse_iso_timestamp("2025-12-31T22:59:59Z"));
    EXPECT_EQ(core::today(clock), (core::Date{2025, 12, 31}));
    clock.advance(1);  // 23:00Z is midnight in Copenhagen (winter time)
    EXPECT_EQ(core::today(clock), (core::Date{2026, 1, 1}));
    clock.set(*core::parse_iso_timestamp("2025-06-30T21:59:59Z"));
    EXPECT_EQ(core::today(clock), (core::Date{2025, 6, 30}));
    clock.advance(1);  // 22:00Z is midnight in summer time
    EXPECT_EQ(core::today(clock), (core::Date{2025, 7, 1}));
}
