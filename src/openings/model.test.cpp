// Pure parts of openings: attributes, weights validation, explanation text.
#include "openings/model.hpp"

#include <gtest/gtest.h>

namespace openings {
namespace {

std::string message_for(const core::Error& e, std::string_view field) {
    for (const auto& f : e.fields)
        if (f.field == field) return f.message;
    return "";
}

TEST(OpeningsModel, ParsesAttributes) {
    core::Validator v;
    AttributesInput in;
    in.tasks = "Lager, rengøring , lager";
    in.hours_min = "7,5";
    in.hours_max = "15";
    in.min_intensity = "80 %";
    in.postcode = "4200";
    in.start_date = "2026-12-01";
    Attributes a = parse_attributes(v, in);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(a.tasks, (std::vector<std::string>{"lager", "rengøring"}));
    EXPECT_EQ(a.hours_min, 750);
    EXPECT_EQ(a.hours_max, 1500);
    EXPECT_EQ(a.min_intensity, 80);
    EXPECT_EQ(a.start_date->iso(), "2026-12-01");
    EXPECT_EQ(attributes_input(a).hours_min, "7,5");
}

TEST(OpeningsModel, RejectsBadAttributesNamingTheField) {
    core::Validator v;
    AttributesInput in;
    in.hours_min = "20";
    in.hours_max = "10";
    in.min_intensity = "120";
    in.postcode = "42";
    in.start_date = "1.2.2026x";
    (void)parse_attributes(v, in);
    const core::Error e = v.error();
    EXPECT_NE(message_for(e, "hours_max"), "");
    EXPECT_NE(message_for(e, "min_intensity").find("intensitet"), std::string::npos);
    EXPECT_EQ(message_for(e, "postcode"), "Postnummeret skal være fire cifre, fx 4200.");
    EXPECT_NE(message_for(e, "start_date"), "");
}

TEST(OpeningsModel, MatchingOpeningRoundsHoursOutwardsAndClosedHasNoCapacity) {
    Opening o;
    o.attributes.hours_min = 750;
    o.attributes.hours_max = 1250;
    o.capacity = 2;
    o.capacity_left = 2;
    auto m = to_matching(o);
    EXPECT_EQ(m.hours_min, 7);
    EXPECT_EQ(m.hours_max, 13);
    EXPECT_EQ(m.capacity_left, 2);
    o.open = false;
    EXPECT_EQ(to_matching(o).capacity_left, 0);
}

TEST(OpeningsModel, WeightsRoundTripAndValidate) {
    const matching::Weights d;
    auto ok = parse_weights(weights_input(d));
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->competences, 35);
    WeightsInput in = weights_input(d);
    in.distance = "-1";
    auto neg = parse_weights(in);
    ASSERT_FALSE(neg.ok());
    EXPECT_EQ(message_for(neg.error(), "distance"), "Vægten for afstand kan ikke være negativ.");
    in = weights_input(d);
    in.max_km_bike = "0";
    auto zero = parse_weights(in);
    ASSERT_FALSE(zero.ok());
    EXPECT_EQ(message_for(zero.error(), "max_km_bike"),
              "Største afstand på cykel skal være større end 0 km.");
    in = weights_input(d);
    in.competences = in.interests = in.hours = in.distance = in.preferences = "0";
    auto all_zero = parse_weights(in);
    ASSERT_FALSE(all_zero.ok());
    EXPECT_NE(message_for(all_zero.error(), "competences"), "");
    in = weights_input(d);
    in.hours = "abc";
    auto text = parse_weights(in);
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(message_for(text.error(), "hours"), "Vægten for timer skal være et tal, fx 25 eller 7,5.");
    in = weights_input(d);
    in.interests = "12,5";
    auto comma = parse_weights(in);
    ASSERT_TRUE(comma.ok());
    EXPECT_DOUBLE_EQ(comma->interests, 12.5);
}

TEST(OpeningsModel, ExplanationHasOneLinePerFactor) {
    matching::Suggestion s;
    auto add = [&](matching::Factor f, int points, int max, std::string_view text) {
        matching::Contribution c;
        c.factor = f;
        c.points = points;
        c.max_points = max;
        c.explanation.append(text.data(), text.size());
        s.contributions.push_back(std::move(c));
    };
    add(matching::Factor::hours, 150, 150, "Ønsker 10–15 timer, stillingen er 12 timer");
    add(matching::Factor::distance, 125, 250, "12 km fra bopæl (cykel)");
    EXPECT_EQ(explanation_text(s),
              "Timer (150 af 150 point): Ønsker 10–15 timer, stillingen er 12 timer\n"
              "Afstand (125 af 250 point): 12 km fra bopæl (cykel)");
}

TEST(OpeningsModel, Sources) {
    EXPECT_EQ(parse_source("need"), Source::Need);
    EXPECT_FALSE(parse_source("x"));
    EXPECT_EQ(source_code(Source::Posted), "posted");
}

}  // namespace
}  // namespace openings
