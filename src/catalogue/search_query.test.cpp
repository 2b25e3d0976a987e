// The query builder: user text → words → quoted FTS5 / tsquery expressions.
#include "catalogue/search_query.hpp"

#include <gtest/gtest.h>

#include "db/sqlite/danish_tokenizer.hpp"

namespace catalogue {
namespace {

using Words = std::vector<std::string>;

TEST(SearchWords, LowerCasesDanishAndKeepsLetters) {
    EXPECT_EQ(search_words("Æblerne fra HAVEN"), (Words{"æblerne", "fra", "haven"}));
    EXPECT_EQ(search_words("Ørred og ål"), (Words{"ørred", "og", "ål"}));
    EXPECT_EQ(search_words("  "), Words{});
    EXPECT_EQ(search_words("café 2019"), (Words{"café", "2019"}));
}

TEST(SearchWords, SyntaxCharactersAreSeparators) {
    EXPECT_EQ(search_words("\"kage\" OR *brød* -NEAR(a b)"), (Words{"kage", "or", "brød", "near", "a", "b"}));
    EXPECT_EQ(search_words("a'b;c--d"), (Words{"a", "b", "c", "d"}));
    EXPECT_EQ(search_words("kage – brød…"), (Words{"kage", "brød"}));
    EXPECT_EQ(search_words("\xff\xfekage\xc3"), (Words{"kage"}));
}

TEST(SearchWords, CapsCountAndLength) {
    std::string many;
    for (int i = 0; i < 50; ++i) many += "ord" + std::to_string(i) + " ";
    EXPECT_EQ(search_words(many).size(), k_max_query_words);
    std::string long_word(500, 'a');
    EXPECT_EQ(search_words(long_word).front().size(), db::k_max_search_word_bytes);
    std::string long_danish;
    for (int i = 0; i < 100; ++i) long_danish += "æ";
    const std::string cut = search_words(long_danish).front();
    EXPECT_LE(cut.size(), db::k_max_search_word_bytes);
    EXPECT_EQ(cut.size() % 2, 0u);  // never half a character
}

TEST(MatchExpression, QuotesEveryWordAndPrefixesTheLast) {
    EXPECT_EQ(fts5_match_expression({}), "");
    EXPECT_EQ(fts5_match_expression({"kage"}), "(\"kage\" OR \"kage\"*)");
    EXPECT_EQ(fts5_match_expression({"or", "near", "kage"}),
              "\"or\" AND \"near\" AND (\"kage\" OR \"kage\"*)");
    EXPECT_EQ(tsquery_expression({}), "");
    EXPECT_EQ(tsquery_expression({"æbler"}), "('æbler' | 'æbler':*)");
    EXPECT_EQ(tsquery_expression({"rød", "kage"}), "'rød' & ('kage' | 'kage':*)");
}

TEST(MatchExpression, QuotesInsideWordsWouldBeDoubled) {
    EXPECT_EQ(fts5_match_expression({"a\"b"}), "(\"a\"\"b\" OR \"a\"\"b\"*)");
    EXPECT_EQ(tsquery_expression({"a'b"}), "('a''b' | 'a''b':*)");
}

}  // namespace
}  // namespace catalogue
