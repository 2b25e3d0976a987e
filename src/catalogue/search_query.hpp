#pragma once
/// Turning what a visitor types into a safe full-text expression. The user's text is never
/// passed on as query syntax: it is split into words by the tokenizer's own rule
/// (db::search_word_spans, so quotes, "*", "-", parentheses, "NEAR" and "OR" are plain words
/// or separators), lower-cased, and every word is quoted. All words must match (AND); the
/// last word also matches as a prefix, so "æbl" finds "æbler" while it is being typed.
#include <string>
#include <string_view>
#include <vector>

namespace catalogue {

/// At most this many words are used; further words are ignored.
inline constexpr std::size_t k_max_query_words = 12;

/// The lower-cased words of `text` (core::to_lower_danish; æøå kept), each at most
/// db::k_max_search_word_bytes long, at most k_max_query_words of them. Invalid UTF-8 bytes
/// separate words.
std::vector<std::string> search_words(std::string_view text);

/// An FTS5 MATCH expression: `"w1" AND "w2" AND ("w3" OR "w3"*)`; "" when there are no words.
std::string fts5_match_expression(const std::vector<std::string>& words);

/// A PostgreSQL to_tsquery text: `'w1' & 'w2' & ('w3' | 'w3':*)`; "" when there are no words.
std::string tsquery_expression(const std::vector<std::string>& words);

}  // namespace catalogue
