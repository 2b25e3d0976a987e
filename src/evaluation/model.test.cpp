// The pure parts of evaluation: periods, attendance periods, cost in a period, shares.
#include "evaluation/model.hpp"

#include <gtest/gtest.h>

namespace evaluation {
namespace {

core::Date d(const char* iso) {
    return *core::Date::parse(iso);
}

TEST(EvaluationPeriod, DefaultsToTheCalendarYearAndChecksOrder) {
    auto p = parse_period("", "", d("2026-11-24"));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->from.iso(), "2026-01-01");
    EXPECT_EQ(p->to.iso(), "2026-12-31");
    auto bad = parse_period("2018-13-01", "2018-01-01", d("2026-11-24"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.front().field, "from");
    auto reversed = parse_period("2018-08-01", "2018-01-01", d("2026-11-24"));
    ASSERT_FALSE(reversed.ok());
    EXPECT_EQ(reversed.error().fields.front().field, "to");
    EXPECT_EQ(reversed.error().fields.front().message, "Periodens sidste dag kan ikke ligge før den første.");
}

TEST(EvaluationAttendance, OneSheetPerFinishedPeriodCutAtTheEnd) {
    // Started 1 March, every 2 months: periods end 30 April, 30 June, 31 August, …
    const Period year{d("2018-01-01"), d("2018-12-31")};
    EXPECT_EQ(expected_sheets(d("2018-03-01"), std::nullopt, 2, year), 5);  // Apr, Jun, Aug, Oct, Dec
    // Ended 15 July: April, June, and the cut period 1–15 July.
    EXPECT_EQ(expected_sheets(d("2018-03-01"), d("2018-07-15"), 2, year), 3);
    const auto periods = sheet_periods(d("2018-03-01"), d("2018-07-15"), 2, d("2018-12-31"));
    ASSERT_EQ(periods.size(), 3U);
    EXPECT_EQ(periods[2].first.iso(), "2018-07-01");
    EXPECT_EQ(periods[2].second.iso(), "2018-07-15");
    // A period not over by the last day is not expected yet.
    EXPECT_EQ(expected_sheets(d("2018-03-01"), std::nullopt, 2, Period{d("2018-01-01"), d("2018-04-29")}), 0);
    EXPECT_EQ(expected_sheets(d("2018-03-01"), std::nullopt, 2, Period{d("2018-01-01"), d("2018-04-30")}), 1);
    // Periods that ended before the evaluation period are not counted.
    EXPECT_EQ(expected_sheets(d("2018-03-01"), std::nullopt, 2, Period{d("2018-07-01"), d("2018-08-31")}), 1);
}

TEST(EvaluationCost, EachPriceUnit) {
    AgreementRow a;
    a.start_date = d("2018-01-01");
    a.slots = 8;
    a.price_ore = 950000;
    a.price_unit = "per_placement";
    const Period year{d("2018-01-01"), d("2018-12-31")};
    std::string basis;
    EXPECT_EQ(cost_in_period(a, year, 10, &basis), 9500000);
    EXPECT_EQ(basis, "9.500,00 kr. pr. forløb × 10 forløb startet i perioden");
    a.price_unit = "per_slot_month";
    a.price_ore = 300000;
    EXPECT_EQ(cost_in_period(a, year, 10), 300000LL * 8 * 12);
    a.start_date = d("2018-07-01");  // half the year
    EXPECT_EQ(cost_in_period(a, year, 10), 300000LL * 8 * 6);
    a.price_unit = "total";
    a.price_ore = 3650000;
    a.start_date = d("2018-01-01");
    a.end_date = d("2019-12-31");  // 730 days, 365 of them in 2018
    EXPECT_EQ(cost_in_period(a, year, 0), 1825000);
    a.end_date.reset();
    EXPECT_EQ(cost_in_period(a, year, 0), 3650000);
    EXPECT_EQ(whole_months(d("2018-01-01"), d("2018-12-31")), 12);
    EXPECT_EQ(whole_months(d("2018-01-15"), d("2018-02-13")), 0);
    EXPECT_EQ(whole_months(d("2018-01-15"), d("2018-02-14")), 1);
}

TEST(EvaluationCompute, EmptyPeriodHasNoDivisionByZero) {
    Inputs in;
    in.agreement.slots = 8;
    in.agreement.plan_deadline_days = 28;
    in.agreement.price_ore = 100000;
    const Period p{d("2018-01-01"), d("2018-12-31")};
    auto row = compare_row(compute(in, p, true));
    EXPECT_EQ(row.evaluation.completed, 0);
    EXPECT_EQ(row.evaluation.success.danish(), "0 af 0");
    EXPECT_FALSE(row.evaluation.success.percent().has_value());
    EXPECT_EQ(row.evaluation.free, 8);
    EXPECT_FALSE(row.price_per_placement_ore.has_value());
    EXPECT_FALSE(row.price_per_success_ore.has_value());
    EXPECT_EQ(row.followups_per_placement, "–");
}

TEST(EvaluationCompute, PlanDeadlineBoundaries) {
    Inputs in;
    in.agreement.slots = 8;
    in.agreement.plan_deadline_days = 7;
    auto placement = [](std::int64_t id, const char* start, std::optional<const char*> plan) {
        PlacementRow p;
        p.id = id;
        p.status = "active";
        p.referred_on = d(start);
        p.start_date = d(start);
        if (plan) p.plan_made_on = d(*plan);
        return p;
    };
    in.placements.push_back(placement(1, "2018-06-01", "2018-06-08"));  // on the deadline day: in time
    in.placements.push_back(placement(2, "2018-06-01", "2018-06-09"));  // a day late
    in.placements.push_back(placement(3, "2018-06-24", std::nullopt));  // due 1 July = last day: in progress
    in.placements.push_back(placement(4, "2018-06-23", std::nullopt));  // due 30 June: passed, no plan
    in.placements.push_back(placement(5, "2018-06-20", "2018-07-05"));  // plan after the period: no plan yet
    in.placements.back().no_plan_reason = "Syg";
    const auto e = compute(in, Period{d("2018-01-01"), d("2018-07-01")}, false);
    EXPECT_EQ(e.with_plan, 2);
    EXPECT_EQ(e.plan_in_time, 1);
    EXPECT_EQ(e.plan_late, 1);
    EXPECT_EQ(e.plan_in_progress, 1);
    EXPECT_EQ(e.without_plan, 2);
    EXPECT_TRUE(e.no_plan_reasons.empty());  // not shown to this reader
    EXPECT_EQ(compute(in, Period{d("2018-01-01"), d("2018-07-01")}, true).no_plan_reasons,
              std::vector<std::string>{"Syg"});
}

}  // namespace
}  // namespace evaluation
