// Citizens' pure rules: the CPR look-alike check, tags, codes.
#include "citizens/model.hpp"

#include <gtest/gtest.h>

namespace citizens {
namespace {

TEST(CitizensModel, CprLookAlikesAreRefused) {
    EXPECT_TRUE(looks_like_cpr("0101901234"));
    EXPECT_TRUE(looks_like_cpr("010190-1234"));
    EXPECT_TRUE(looks_like_cpr("010190 1234"));
    EXPECT_TRUE(looks_like_cpr("SAG-010190-1234"));
    EXPECT_TRUE(looks_like_cpr("cpr 0101901234 x"));
    EXPECT_FALSE(looks_like_cpr("2024-0001234"));
    EXPECT_FALSE(looks_like_cpr("SAG-2018-017"));
    EXPECT_FALSE(looks_like_cpr("12345678901"));  // 11 digits
    EXPECT_FALSE(looks_like_cpr("01019-01234"));
    EXPECT_FALSE(looks_like_cpr(""));
}

TEST(CitizensModel, TagsAreNormalisedAndDeduplicated) {
    auto t = parse_tags(" Truck,  LAGER ,truck, Ældrepleje,,  kan  ikke løfte ", "competences");
    ASSERT_TRUE(t.ok());
    ASSERT_EQ(t->size(), 4u);
    EXPECT_EQ((*t)[0], "truck");
    EXPECT_EQ((*t)[1], "lager");
    EXPECT_EQ((*t)[2], "ældrepleje");
    EXPECT_EQ((*t)[3], "kan ikke løfte");
    EXPECT_EQ(join_tags(*t), "truck, lager, ældrepleje, kan ikke løfte");
    EXPECT_TRUE(parse_tags("", "interests")->empty());
}

TEST(CitizensModel, TagLimits) {
    auto long_tag = parse_tags(std::string(61, 'a'), "interests");
    ASSERT_FALSE(long_tag.ok());
    EXPECT_EQ(long_tag.error().fields.at(0).field, "interests");
    EXPECT_TRUE(parse_tags(std::string(60, 'a'), "interests").ok());
    std::string many;
    for (int i = 0; i < 31; ++i) many += "t" + std::to_string(i) + ",";
    auto too_many = parse_tags(many, "accommodations");
    ASSERT_FALSE(too_many.ok());
    EXPECT_NE(too_many.error().fields.at(0).message.find("30"), std::string::npos);
}

TEST(CitizensModel, Codes) {
    for (Transport t : k_all_transports) EXPECT_EQ(parse_transport(transport_code(t)), t);
    EXPECT_EQ(transport_label(Transport::Public), "Offentlig transport");
    EXPECT_FALSE(parse_transport("boat"));
    EXPECT_EQ(parse_retention_mode("delete"), RetentionMode::Delete);
    EXPECT_EQ(parse_retention_mode("anonymise"), RetentionMode::Anonymise);
    EXPECT_FALSE(parse_retention_mode("keep"));
}

}  // namespace
}  // namespace citizens
