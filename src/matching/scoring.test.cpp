// Scoring (D1): table-driven hard-rule and factor cases, explanations in Danish.
#include "matching/scoring.hpp"

#include <gtest/gtest.h>

#include <functional>

#include "core/date.hpp"

namespace matching {
namespace {

const CentroidTable centroids = {
    {"8000", {56.1567, 10.2108}},  // Aarhus C
    {"8200", {56.1780, 10.1890}},  // Aarhus N
    {"8600", {56.1693, 9.5518}},   // Silkeborg
    {"9000", {57.0480, 9.9187}},   // Aalborg
};

Citizen base_citizen() {
    Citizen c;
    c.target_group = "Ressourceforløb";
    c.accommodations_needed = {"stille rum"};
    c.competences = {"Lager", "rengøring", "kundeservice"};
    c.interests = {"lager"};
    c.wished_hours_min = 10;
    c.wished_hours_max = 15;
    c.intensity_percent = 80;
    c.postcode = "8000";
    c.transport = TransportMode::bike;
    c.preferences = {"udendørs", "dyr"};
    c.available_from_days = core::Date{2027, 1, 1}.days_since_epoch();
    return c;
}

Opening base_opening() {
    Opening o;
    o.tasks = {"lager", "rengøring", "kundeservice", "kasse"};
    o.hours_min = 12;
    o.hours_max = 12;
    o.min_intensity_percent = 60;
    o.accommodations_offered = {"Stille rum", "hæve-sænkebord"};
    o.target_groups = {"ressourceforløb", "fleksjob"};
    o.postcode = "8200";
    o.start_days = core::Date{2027, 1, 1}.days_since_epoch();
    o.capacity_left = 2;
    o.tags = {"udendørs"};
    return o;
}

const Contribution& factor(const Suggestion& s, Factor f) {
    for (const auto& c : s.contributions) {
        if (c.factor == f) return c;
    }
    throw std::logic_error("factor missing");
}

TEST(Scoring, ExplainsEveryFactor) {
    const auto s = evaluate(base_citizen(), base_opening(), Weights{}, centroids);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(factor(*s, Factor::competences).explanation,
              "Har kompetencer i 3 af 4 opgaver: lager, rengøring, kundeservice");
    EXPECT_EQ(factor(*s, Factor::interests).explanation, "Interesseret i 1 af 4 opgaver: lager");
    EXPECT_EQ(factor(*s, Factor::hours).explanation, "Ønsker 10\u201315 timer, stillingen er 12 timer");
    EXPECT_EQ(factor(*s, Factor::distance).explanation, "3 km fra bopæl (cykel)");
    EXPECT_EQ(factor(*s, Factor::preferences).explanation, "Opfylder 1 af 2 ønsker: udendørs");
    int sum = 0;
    for (const auto& c : s->contributions) {
        sum += c.points;
        EXPECT_LE(c.points, c.max_points);
    }
    EXPECT_EQ(s->score, sum);
    EXPECT_GT(s->score, 0);
    EXPECT_LE(s->score, 1000);
}

struct RuleCase {
    const char* name;
    std::function<void(Citizen&, Opening&)> change;
    HardRule rule;
    const char* reason;
};

TEST(Scoring, HardRulesRejectWithReasons) {
    const RuleCase cases[] = {
        {"target group", [](Citizen& c, Opening&) { c.target_group = "ledighedsydelse"; },
         HardRule::target_group,
         "Målgruppen »ledighedsydelse« er ikke blandt stillingens målgrupper (ressourceforløb, fleksjob)"},
        {"accommodation",
         [](Citizen& c, Opening&) {
             c.accommodations_needed = {"stille rum", "Skånejob", "fri parkering"};
         },
         HardRule::accommodations, "Stillingen tilbyder ikke: Skånejob, fri parkering"},
        {"hours",
         [](Citizen&, Opening& o) {
             o.hours_min = 20;
             o.hours_max = 30;
         },
         HardRule::hours, "Ønsker 10\u201315 timer, stillingen er 20\u201330 timer"},
        {"intensity",
         [](Citizen& c, Opening& o) {
             c.intensity_percent = 60;
             o.min_intensity_percent = 80;
         },
         HardRule::intensity, "Stillingen kræver mindst 80 % intensitet; borgeren kan 60 %"},
        {"capacity", [](Citizen&, Opening& o) { o.capacity_left = 0; }, HardRule::capacity,
         "Ingen ledige pladser"},
        {"start date",
         [](Citizen& c, Opening&) {
             c.available_from_days = core::Date{2027, 3, 1}.days_since_epoch();
         },
         HardRule::start_date, "Kan først starte 01.03.2027; stillingen starter 01.01.2027"},
        {"distance", [](Citizen&, Opening& o) { o.postcode = "9000"; }, HardRule::distance,
         "101 km fra bopæl er for langt med cykel (højst 15 km)"},
    };
    for (const auto& c : cases) {
        Citizen citizen = base_citizen();
        Opening opening = base_opening();
        c.change(citizen, opening);
        const auto a = assess(citizen, opening, Weights{}, centroids);
        EXPECT_FALSE(a.suggestion.has_value()) << c.name;
        ASSERT_EQ(a.rejections.size(), 1u) << c.name;
        EXPECT_EQ(a.rejections[0].rule, c.rule) << c.name;
        EXPECT_EQ(a.rejections[0].reason, c.reason) << c.name;
    }
}

TEST(Scoring, CollectsAllBrokenRules) {
    Citizen c = base_citizen();
    Opening o = base_opening();
    o.capacity_left = 0;
    o.min_intensity_percent = 100;
    const auto a = assess(c, o, Weights{}, centroids);
    ASSERT_EQ(a.rejections.size(), 2u);
    EXPECT_EQ(a.rejections[0].rule, HardRule::intensity);
    EXPECT_EQ(a.rejections[1].rule, HardRule::capacity);
}

struct FactorCase {
    const char* name;
    std::function<void(Citizen&, Opening&, Weights&)> change;
    Factor factor;
    double fraction;
    const char* explanation;
};

TEST(Scoring, FactorCases) {
    const FactorCase cases[] = {
        {"no competences", [](Citizen& c, Opening&, Weights&) { c.competences.clear(); }, Factor::competences,
         0.0, "Har ingen kompetencer i stillingens opgaver (lager, rengøring, kundeservice, kasse)"},
        {"no tasks", [](Citizen&, Opening& o, Weights&) { o.tasks.clear(); }, Factor::competences, 1.0,
         "Stillingen har ingen opgaver angivet"},
        {"hours range half inside",
         [](Citizen&, Opening& o, Weights&) {
             o.hours_min = 10;
             o.hours_max = 20;
         },
         Factor::hours, 0.5, "Ønsker 10\u201315 timer, stillingen er 10\u201320 timer"},
        {"same postcode", [](Citizen&, Opening& o, Weights&) { o.postcode = "8000"; }, Factor::distance, 1.0,
         "under 1 km fra bopæl (cykel)"},
        {"unknown postcode", [](Citizen&, Opening& o, Weights&) { o.postcode = "0555"; }, Factor::distance,
         0.0, "Afstand ukendt: postnummer 0555 findes ikke i tabellen"},
        {"car to Silkeborg",
         [](Citizen& c, Opening& o, Weights&) {
             c.transport = TransportMode::car;
             o.postcode = "8600";
         },
         Factor::distance, 1.0 - distance_km(centroids.at("8000"), centroids.at("8600")) / 60.0,
         "41 km fra bopæl (bil)"},
        {"no preferences", [](Citizen& c, Opening&, Weights&) { c.preferences.clear(); }, Factor::preferences,
         1.0, "Ingen særlige ønsker"},
        {"unmet preferences", [](Citizen&, Opening& o, Weights&) { o.tags = {"kontor"}; },
         Factor::preferences, 0.0, "Opfylder ingen af borgerens ønsker (udendørs, dyr)"},
    };
    for (const auto& c : cases) {
        Citizen citizen = base_citizen();
        Opening opening = base_opening();
        Weights weights;
        c.change(citizen, opening, weights);
        const auto s = evaluate(citizen, opening, weights, centroids);
        ASSERT_TRUE(s.has_value()) << c.name;
        const auto& f = factor(*s, c.factor);
        EXPECT_NEAR(f.fraction, c.fraction, 1e-9) << c.name;
        EXPECT_EQ(f.explanation, c.explanation) << c.name;
    }
}

TEST(Scoring, WeightsAreDataAndChangeTheRanking) {
    Citizen c = base_citizen();
    Opening near = base_opening();
    near.tasks = {"kasse"};  // close but no competences
    near.postcode = "8000";
    Opening skilled = base_opening();  // competences, a bit farther
    skilled.postcode = "8200";
    const std::vector<Opening> openings = {near, skilled};
    Weights distance_first;
    distance_first.competences = 1;
    distance_first.distance = 100;
    auto ranked = rank(c, openings, distance_first, centroids);
    ASSERT_EQ(ranked.size(), 2u);
    EXPECT_EQ(ranked[0].opening, 0);
    Weights skills_first;
    skills_first.competences = 100;
    skills_first.distance = 1;
    ranked = rank(c, openings, skills_first, centroids);
    EXPECT_EQ(ranked[0].opening, 1);
    Weights zero;
    zero.competences = zero.interests = zero.hours = zero.distance = zero.preferences = 0;
    EXPECT_FALSE(validate(zero).ok());
    EXPECT_TRUE(validate(Weights{}).ok());
    Weights negative;
    negative.hours = -1;
    EXPECT_FALSE(validate(negative).ok());
}

TEST(Scoring, AllocationInstanceFromCohort) {
    std::vector<Citizen> citizens = {base_citizen(), base_citizen(), base_citizen()};
    citizens[2].target_group = "andet";  // fits nowhere
    std::vector<Opening> openings = {base_opening(), base_opening()};
    openings[0].capacity_left = 1;
    openings[1].capacity_left = 0;  // full: no pairs
    const auto inst = allocation_instance(citizens, openings, Weights{}, centroids);
    EXPECT_EQ(inst.citizen_count, 3);
    EXPECT_EQ(inst.capacity, (std::vector<std::int64_t>{1, 0}));
    ASSERT_EQ(inst.pairs.size(), 2u);
    auto result = allocate(inst);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result->placed, 1);
    EXPECT_EQ(result->total_fit, inst.pairs[0].score);
}

TEST(Scoring, Haversine) {
    EXPECT_NEAR(distance_km({55.6761, 12.5683}, {56.1629, 10.2039}), 156.0, 2.0);  // Copenhagen-Aarhus
    EXPECT_DOUBLE_EQ(distance_km({55, 10}, {55, 10}), 0.0);
}

}  // namespace
}  // namespace matching
