// Goals model: the metric catalogue and the validation table of a goal.
#include "goals/model.hpp"

#include <gtest/gtest.h>

namespace goals {
namespace {

const std::vector<std::string> k_kinds = {"fleksjob", "ordinary"};

GoalInput valid() {
    return {"jobs_municipality",
            "",
            "30 job om året via jobcentret",
            "30",
            "2017-01-01",
            "2020-12-31",
            "per_year",
            "",
            "",
            "6.8"};
}

std::string message(const core::Result<ValidGoal>& r, const std::string& field) {
    if (r.ok()) return "";
    for (const auto& f : r.error().fields)
        if (f.field == field) return f.message;
    return "";
}

TEST(GoalsModel, CatalogueHasTheContractMetrics) {
    for (const char* code : {"enterprises", "registered_rsv", "on_the_way", "jobs", "jobs_municipality",
                             "jobs_by_kind", "placements_started", "network_meetings", "spend", "grants"})
        EXPECT_TRUE(find_metric(code).has_value()) << code;
    EXPECT_FALSE(find_metric("happiness").has_value());
    EXPECT_TRUE(find_metric("jobs_by_kind")->needs_parameter);
    EXPECT_TRUE(find_metric("spend")->money);
    EXPECT_TRUE(find_metric("enterprises")->stock);
}

TEST(GoalsModel, AcceptsAValidGoal) {
    auto r = validate_goal(valid(), k_kinds);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->target, 30);
    EXPECT_EQ(r->period_from.iso(), "2017-01-01");
    EXPECT_EQ(r->strategy_point, "6.8");
    GoalInput same_day = valid();
    same_day.period_to = "2017-01-01";
    EXPECT_TRUE(validate_goal(same_day, k_kinds).ok());
    GoalInput money = valid();
    money.metric = "spend";
    money.target = "1.250.000";
    EXPECT_EQ(validate_goal(money, k_kinds)->target, 1'250'000);
}

struct Case {
    const char* what;
    void (*change)(GoalInput&);
    const char* field;
    const char* expected;  // part of the message
};

TEST(GoalsModel, RefusesBadInputNamingTheField) {
    const Case cases[] = {
        {"unknown metric", [](GoalInput& in) { in.metric = "happiness"; }, "metric", "Nøgletal"},
        {"no metric", [](GoalInput& in) { in.metric = ""; }, "metric", "nøgletal"},
        {"kind missing", [](GoalInput& in) { in.metric = "jobs_by_kind"; }, "parameter", "jobtypen"},
        {"kind unknown",
         [](GoalInput& in) {
             in.metric = "jobs_by_kind";
             in.parameter = "astronaut";
         },
         "parameter", "listen"},
        {"no title", [](GoalInput& in) { in.title = " "; }, "title", "titel"},
        {"no target", [](GoalInput& in) { in.target = ""; }, "target", "helt tal"},
        {"zero target", [](GoalInput& in) { in.target = "0"; }, "target", "større end 0"},
        {"negative target", [](GoalInput& in) { in.target = "-3"; }, "target", "større end 0"},
        {"text target", [](GoalInput& in) { in.target = "mange"; }, "target", "helt tal"},
        {"no start", [](GoalInput& in) { in.period_from = ""; }, "period_from", "startdato"},
        {"no end", [](GoalInput& in) { in.period_to = ""; }, "period_to", "slutdato"},
        {"bad date", [](GoalInput& in) { in.period_to = "2020-02-30"; }, "period_to", ""},
        {"empty period", [](GoalInput& in) { in.period_to = "2016-12-31"; }, "period_to", "Perioden er tom"},
        {"bad cadence", [](GoalInput& in) { in.cadence = "weekly"; }, "cadence", "hvert år"},
        {"bad baseline", [](GoalInput& in) { in.baseline = "x"; }, "baseline", "helt tal"},
        {"baseline year alone", [](GoalInput& in) { in.baseline_year = "2016"; }, "baseline",
         "udgangspunktet"},
        {"bad baseline year",
         [](GoalInput& in) {
             in.baseline = "12";
             in.baseline_year = "16";
         },
         "baseline_year", "fire cifre"},
        {"long strategy point", [](GoalInput& in) { in.strategy_point = std::string(41, 'x'); },
         "strategy_point", "40 tegn"},
    };
    for (const auto& c : cases) {
        GoalInput in = valid();
        c.change(in);
        auto r = validate_goal(in, k_kinds);
        ASSERT_FALSE(r.ok()) << c.what;
        EXPECT_EQ(r.error().code, core::ErrorCode::Validation) << c.what;
        const std::string m = message(r, c.field);
        EXPECT_FALSE(m.empty()) << c.what << ": no message for " << c.field;
        EXPECT_NE(m.find(c.expected), std::string::npos) << c.what << ": " << m;
    }
}

TEST(GoalsModel, PercentIsFloorAndZeroForNoTarget) {
    EXPECT_EQ(percent_of(19, 25), 76);
    EXPECT_EQ(percent_of(35, 30), 116);
    EXPECT_EQ(percent_of(1, 3), 33);
    EXPECT_EQ(percent_of(5, 0), 0);
    EXPECT_EQ(percent_of(0, 30), 0);
}

TEST(GoalsModel, AttainmentNeverCallsMissingDataOrARunningPeriodNotReached) {
    EXPECT_EQ(attainment_of(false, 0, 30, true), Attainment::NoData);
    EXPECT_EQ(attainment_of(false, 0, 30, false), Attainment::NoData);
    EXPECT_EQ(attainment_of(true, 35, 30, true), Attainment::Reached);
    EXPECT_EQ(attainment_of(true, 30, 30, false), Attainment::Reached);  // reached before the end
    EXPECT_EQ(attainment_of(true, 19, 25, false), Attainment::OnTheWay);
    EXPECT_EQ(attainment_of(true, 19, 25, true), Attainment::NotReached);
    EXPECT_EQ(attainment_of(true, 0, 25, true), Attainment::NotReached);  // recorded zero is a fact

    EXPECT_EQ(attainment_code(Attainment::Reached), "reached");
    EXPECT_EQ(attainment_code(Attainment::NotReached), "not_reached");
    EXPECT_EQ(attainment_code(Attainment::OnTheWay), "on_the_way");
    EXPECT_EQ(attainment_code(Attainment::NoData), "no_data");
    EXPECT_EQ(attainment_label(Attainment::Reached, 116), "Nået");
    EXPECT_EQ(attainment_label(Attainment::NotReached, 76), "Ikke nået (76 % af målet)");
    EXPECT_EQ(attainment_label(Attainment::OnTheWay, 76), "På vej (76 % af målet)");
    EXPECT_EQ(attainment_label(Attainment::NoData, 0), "Ingen data");
}

}  // namespace
}  // namespace goals
