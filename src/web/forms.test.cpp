#include "web/forms.hpp"

#include <gtest/gtest.h>

#include "web/json.hpp"

TEST(Form, DecodesOnceAndKeepsFirstDuplicate) {
    auto f = web::Form::parse_urlencoded("name=%C3%86bler+og+p%C3%A6rer&id=1&id=2&x=%252e");
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->text("name"), "Æbler og pærer");
    EXPECT_EQ(f->get("id"), "1");
    EXPECT_EQ(f->get_all("id").size(), 2u);
    EXPECT_EQ(f->get("x"), "%2e");  // decoded exactly once
}

TEST(Form, RejectsBadEncodingAndLatin1) {
    EXPECT_FALSE(web::Form::parse_urlencoded("a=%zz").ok());
    EXPECT_FALSE(web::Form::parse_urlencoded("a=%C6").ok());  // Latin-1 Æ is not UTF-8
}

TEST(Form, JsonObjectsBecomeFields) {
    auto f = web::Form::parse_json(R"({"name":"Æble","count":3,"ok":true,"tags":["a","b"],"skip":null})");
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f->get("name"), "Æble");
    EXPECT_EQ(f->get("count"), "3");
    EXPECT_EQ(f->get("ok"), "true");
    EXPECT_EQ(f->get_all("tags").size(), 2u);
    EXPECT_FALSE(f->has("skip"));
    EXPECT_FALSE(web::Form::parse_json("[1,2]").ok());
    EXPECT_FALSE(web::Form::parse_json(R"({"a":{"b":1}})").ok());
    EXPECT_FALSE(web::Form::parse_json("{bad").ok());
}

TEST(Path, DecodePathRejectsNulAndBadEscapes) {
    EXPECT_EQ(web::decode_path("/a%20b"), "/a b");
    EXPECT_FALSE(web::decode_path("/a%00b"));
    EXPECT_FALSE(web::decode_path("/a%zz"));
}

TEST(Json, ErrorShape) {
    core::Error e = core::Error::validation("cvr", "CVR-nummeret skal være præcis 8 cifre.");
    EXPECT_EQ(web::json_error(422, e),
              R"({"error":{"status":422,"code":"validation","message":"Formularen indeholder fejl.",)"
              R"("fields":[{"field":"cvr","message":"CVR-nummeret skal være præcis 8 cifre."}]}})");
}

TEST(Json, ViewSerialisesSortedKeysAndSkipsHtml) {
    web::View v;
    v.set("b", std::int64_t{2}).set("a", "x").set("flag", true).set_html("content", "<p>");
    EXPECT_EQ(web::to_json(v), R"({"a":"x","b":2,"flag":true})");
}
