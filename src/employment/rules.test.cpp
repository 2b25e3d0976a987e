#include "employment/rules.hpp"

#include <gtest/gtest.h>

namespace {

using employment::ParsedHours;
using employment::ParsedIntensity;

core::Date d(const char* iso) {
    return *core::Date::parse(iso);
}

TEST(Hours, ParsesTheWaysDanesTypeThem) {
    struct Case {
        const char* text;
        ParsedHours::Status status;
        std::int64_t value;
    };
    const Case cases[] = {
        {"4,5", ParsedHours::Status::Ok, 450},
        {"4.5", ParsedHours::Status::Ok, 450},
        {"15", ParsedHours::Status::Ok, 1500},
        {" 7,25 timer ", ParsedHours::Status::Ok, 725},
        {"0", ParsedHours::Status::Ok, 0},
        {"37", ParsedHours::Status::Ok, 3700},
        {"37,01", ParsedHours::Status::OutOfRange, 0},
        {"40", ParsedHours::Status::OutOfRange, 0},
        {"-1", ParsedHours::Status::Malformed, 0},
        {"4,555", ParsedHours::Status::Malformed, 0},
        {"4,", ParsedHours::Status::Malformed, 0},
        {"fire", ParsedHours::Status::Malformed, 0},
        {"", ParsedHours::Status::Empty, 0},
        {"   ", ParsedHours::Status::Empty, 0},
        {"99999999999", ParsedHours::Status::OutOfRange, 0},
    };
    for (const auto& c : cases) {
        const auto parsed = employment::parse_hours(c.text);
        EXPECT_EQ(parsed.status, c.status) << c.text;
        if (c.status == ParsedHours::Status::Ok) {
            EXPECT_EQ(parsed.hundredths, c.value) << c.text;
        }
    }
}

TEST(Hours, FormatsWithoutTrailingZeros) {
    EXPECT_EQ(employment::format_hours(450), "4,5");
    EXPECT_EQ(employment::format_hours(1500), "15");
    EXPECT_EQ(employment::format_hours(360), "3,6");
    EXPECT_EQ(employment::format_hours(725), "7,25");
    EXPECT_EQ(employment::format_hours(5), "0,05");
}

TEST(Intensity, AcceptsOneToHundredPercent) {
    EXPECT_EQ(employment::parse_intensity("80").percent, 80);
    EXPECT_EQ(employment::parse_intensity("80 %").status, ParsedIntensity::Status::Ok);
    EXPECT_EQ(employment::parse_intensity("100%").percent, 100);
    EXPECT_EQ(employment::parse_intensity("0").status, ParsedIntensity::Status::OutOfRange);
    EXPECT_EQ(employment::parse_intensity("101").status, ParsedIntensity::Status::OutOfRange);
    EXPECT_EQ(employment::parse_intensity("80,5").status, ParsedIntensity::Status::Malformed);
    EXPECT_EQ(employment::parse_intensity("").status, ParsedIntensity::Status::Empty);
}

TEST(Hours, OneMessagePerProblem) {
    using HS = ParsedHours::Status;
    EXPECT_EQ(employment::hours_problem(HS::OutOfRange), "Timer om ugen skal være mellem 0 og 37.");
    EXPECT_EQ(employment::hours_problem(HS::Ok), "");
    EXPECT_EQ(employment::intensity_problem(ParsedIntensity::Status::OutOfRange),
              "Intensiteten skal være mellem 1 og 100 %.");
    EXPECT_EQ(employment::with_typed_value(employment::hours_problem(HS::OutOfRange), "40"),
              "Timer om ugen skal være mellem 0 og 37 (ikke '40').");
}

TEST(EffectiveHours, IsHoursTimesIntensity) {
    EXPECT_EQ(employment::effective_hours(450, 80), 360);     // Victor 2016: 4,5 h at 80 % = 3,6 h
    EXPECT_EQ(employment::effective_hours(1500, 100), 1500);  // Victor 2019: 15 h at 100 %
    EXPECT_EQ(employment::effective_hours(725, 50), 363);     // 3,625 rounds half up
}

TEST(PlacementCapacity, OnePerFiveUpToFiftyThenOnePerTen) {
    EXPECT_EQ(employment::placement_capacity(0), 1);
    EXPECT_EQ(employment::placement_capacity(4), 1);
    EXPECT_EQ(employment::placement_capacity(5), 1);
    EXPECT_EQ(employment::placement_capacity(9), 1);
    EXPECT_EQ(employment::placement_capacity(10), 2);
    EXPECT_EQ(employment::placement_capacity(50), 10);
    EXPECT_EQ(employment::placement_capacity(59), 10);
    EXPECT_EQ(employment::placement_capacity(60), 11);
    EXPECT_EQ(employment::placement_capacity(125), 17);
}

TEST(FleksjobFollowUp, DueEveryTwoAndAHalfYears) {
    const auto dues = employment::fleksjob_due_dates(d("2016-09-08"), false, d("2026-11-24"));
    ASSERT_EQ(dues.size(), 4u);
    EXPECT_EQ(dues[0].due.iso(), "2019-03-08");
    EXPECT_EQ(dues[1].due.iso(), "2021-09-08");
    EXPECT_EQ(dues[2].due.iso(), "2024-03-08");
    EXPECT_EQ(dues[3].due.iso(), "2026-09-08");
}

TEST(FleksjobFollowUp, TemporaryFleksjobGetsStatusAtFourAndAHalfYears) {
    const auto dues = employment::fleksjob_due_dates(d("2020-08-31"), true, d("2025-12-31"));
    ASSERT_EQ(dues.size(), 3u);
    EXPECT_EQ(dues[0].due.iso(), "2023-02-28");  // day clamped to February
    EXPECT_EQ(dues[1].due.iso(), "2025-02-28");
    EXPECT_EQ(dues[1].kind, employment::FleksjobDue::Kind::TemporaryStatus);
    EXPECT_EQ(dues[2].due.iso(), "2025-08-31");
}

TEST(Share, CarriesNumeratorAndDenominatorAndRoundsDown) {
    EXPECT_EQ((employment::Share{10, 25}.danish()), "10 af 25 (40 %)");  // 003 §6.5 agreement 1
    EXPECT_EQ((employment::Share{22, 34}.danish()), "22 af 34 (64 %)");  // agreement 2
    EXPECT_EQ((employment::Share{0, 0}.danish()), "0 af 0");
    EXPECT_FALSE((employment::Share{0, 0}.percent()).has_value());
}

TEST(OutcomeGroups, RoundTripTheirCodes) {
    for (auto g : employment::k_outcome_groups) {
        EXPECT_EQ(employment::parse_outcome_group(employment::outcome_group_code(g)), g);
    }
    EXPECT_FALSE(employment::parse_outcome_group("job").has_value());
}

TEST(PlanDeadline, CountsDaysFromTheStart) {
    EXPECT_TRUE(employment::plan_in_time(d("2018-01-01"), 28, d("2018-01-29")));
    EXPECT_FALSE(employment::plan_in_time(d("2018-01-01"), 28, d("2018-01-30")));
    EXPECT_EQ(employment::frame_end(d("2018-01-01"), 13).iso(), "2018-04-01");
}

}  // namespace
