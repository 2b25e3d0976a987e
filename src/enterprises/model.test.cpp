// Pure parts of the registry model: Danish number parsing and formatting, codes, CVR demo numbers.
#include "enterprises/model.hpp"

#include <gtest/gtest.h>

#include "core/cvr.hpp"
#include "enterprises/demo.hpp"
#include "enterprises/enterprise_service.hpp"

namespace enterprises {
namespace {

TEST(Fte, ParsesDanishDecimals) {
    struct Case {
        const char* text;
        std::optional<std::int64_t> tenths;
    };
    const Case cases[] = {{"1,5", 15},  {"12", 120},        {"0,5", 5},       {" 3,0 ", 30},     {"1.5", 15},
                          {"1,50", 15}, {"1.234,5", 12345}, {"1.234", 12340}, {"", std::nullopt}};
    for (const auto& c : cases) {
        auto r = parse_fte(c.text);
        ASSERT_TRUE(r.ok()) << c.text;
        EXPECT_EQ(*r, c.tenths) << c.text;
    }
}

TEST(Fte, RefusesMalformedWithFieldMessage) {
    for (const char* text : {"1,55", "abc", "1,", ",5", "-1", "1,5,5", "12.34.5", "1e3", "1 5", "99999999"}) {
        auto r = parse_fte(text);
        ASSERT_FALSE(r.ok()) << text;
        EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
        ASSERT_EQ(r.error().fields.size(), 1u);
        EXPECT_EQ(r.error().fields[0].field, "fte");
        EXPECT_EQ(r.error().fields[0].message, "Skriv årsværk som et tal med højst én decimal, fx 1,5.");
    }
}

TEST(Employees, ParsesWholeNumbers) {
    EXPECT_EQ(*parse_employees("12"), 12);
    EXPECT_EQ(*parse_employees("1.234"), 1234);
    EXPECT_EQ(*parse_employees(""), std::nullopt);
    for (const char* text : {"1,5", "-3", "12a", "1.23", "2000000"})
        EXPECT_FALSE(parse_employees(text).ok()) << text;
}

TEST(Format, DanishSeparators) {
    EXPECT_EQ(format_fte(15), "1,5");
    EXPECT_EQ(format_fte(120), "12,0");
    EXPECT_EQ(format_fte(12345), "1.234,5");
    EXPECT_EQ(format_int(1234567), "1.234.567");
    EXPECT_EQ(format_int(999), "999");
}

TEST(Codes, RoundTrip) {
    for (Status s : k_all_statuses) EXPECT_EQ(parse_status(status_code(s)), s);
    for (Kind k : k_all_kinds) EXPECT_EQ(parse_kind(kind_code(k)), k);
    for (VocabularyKind k : k_all_vocabulary_kinds)
        EXPECT_EQ(parse_vocabulary_kind(vocabulary_kind_code(k)), k);
    EXPECT_FALSE(parse_status("registered").has_value());
    EXPECT_EQ(status_label(Status::OnTheWay), "På vej");
}

TEST(Vocabulary, CodeFromLabel) {
    EXPECT_EQ(vocabulary_code_for("Psykisk sårbare"), "psykisk_saarbare");
    EXPECT_EQ(vocabulary_code_for("  Børn & unge  "), "boern_unge");
    EXPECT_EQ(vocabulary_code_for("S.M.B.A."), "s_m_b_a");
    EXPECT_EQ(vocabulary_code_for("!!!"), "");
}

TEST(Demo, CvrNumbersAreValid) {
    for (std::int64_t seed : {3725114, 3725130, 3725149, 3725157, 3725165, 1000000, 9999990}) {
        std::string cvr = demo_cvr(seed);
        EXPECT_EQ(cvr.size(), 8u);
        EXPECT_TRUE(core::is_valid_cvr(cvr)) << cvr;
    }
}

}  // namespace
}  // namespace enterprises
