#pragma once
/// Danish full-text search on SQLite: an FTS5 tokenizer named "danish" that splits text into
/// words (db::search_word_spans), lower-cases them with core::to_lower_danish (æ, ø and å are
/// kept, no diacritic folding) and reduces them with the Snowball Danish stemmer
/// (libstemmer), so "Æblerne", "æbler" and "æble" all become "æbl". Prefix query terms
/// ("æbl"*) are lower-cased but not stemmed, so a word being typed still matches.
///
/// sqlite_database.cpp registers it on every connection it opens; a table uses it with
/// `CREATE VIRTUAL TABLE … USING fts5(…, tokenize = 'danish')`. Only src/db/sqlite/*.cpp
/// include sqlite3.h, so the handle is forward-declared here.
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;

namespace db {

/// Byte ranges [begin, end) of the words of UTF-8 `text`: runs of letters and digits (ASCII,
/// Latin-1 and other alphabetic code points); everything else (spaces, punctuation, symbols,
/// quotes, "*", "-", control characters, invalid bytes) separates words. The same rule is used
/// by the tokenizer and by the query builders, so a query word is always one indexed word.
std::vector<std::pair<std::size_t, std::size_t>> search_word_spans(std::string_view text);

/// Longest word (in bytes) that is stemmed; longer words are cut at a character boundary.
inline constexpr std::size_t k_max_search_word_bytes = 64;

namespace sqlite {

/// Registers the "danish" FTS5 tokenizer on `handle`. Returns an SQLite result code
/// (SQLITE_OK on success).
int register_danish_tokenizer(sqlite3* handle);

}  // namespace sqlite
}  // namespace db
