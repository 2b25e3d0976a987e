// The "danish" FTS5 tokenizer: word splitting, Danish lower-casing and Snowball stemming.
#include "db/sqlite/danish_tokenizer.hpp"

#include <libstemmer.h>
#include <sqlite3.h>

#include <cstdint>
#include <new>
#include <string>

#include "core/log.hpp"
#include "core/text.hpp"

namespace db {
namespace {

/// Decodes one UTF-8 code point at `i`; returns its length in bytes (1 for an invalid byte,
/// which then yields U+FFFD and separates words).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) -> int {
        if (i + k >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[i + k]);
        return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
    };
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        int c1 = cont(1);
        if (c1 >= 0) {
            cp = static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
            return 2;
        }
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1;
        if (c2 >= 0) {
            cp = static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
            if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return 3;
        }
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        int c1 = cont(1), c2 = c1 >= 0 ? cont(2) : -1, c3 = c2 >= 0 ? cont(3) : -1;
        if (c3 >= 0) {
            cp = static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3);
            if (cp >= 0x10000 && cp <= 0x10FFFF) return 4;
        }
    }
    cp = 0xFFFD;
    return 1;
}

/// Letters and digits. Outside ASCII: Latin-1 letters, then everything alphabetic enough for
/// a catalogue (Latin Extended, Greek, Cyrillic, …) except the punctuation and symbol blocks.
bool is_word_char(char32_t c) {
    if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // ª µ º; the rest is punctuation/symbols
    if (c == 0xD7 || c == 0xF7) return false;                  // × ÷
    if (c == 0xFFFD) return false;
    if (c >= 0x2000 && c <= 0x2BFF) return false;  // general punctuation, symbols, arrows, dingbats
    if (c >= 0x3000 && c <= 0x303F) return false;  // CJK punctuation
    if (c >= 0xFE00 && c <= 0xFE0F) return false;  // variation selectors
    if (c >= 0xFF00 && c <= 0xFF0F) return false;  // full-width punctuation
    if (c >= 0x1F000) return false;                // emoji and pictographs
    return true;
}

/// `word` cut to at most k_max_search_word_bytes on a character boundary.
std::string_view capped(std::string_view word) {
    if (word.size() <= k_max_search_word_bytes) return word;
    std::size_t n = k_max_search_word_bytes;
    while (n > 0 && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) --n;
    return word.substr(0, n);
}

// ---- the FTS5 tokenizer ---------------------------------------------------------------------

struct DanishTokenizer {
    sb_stemmer* stemmer = nullptr;
};

int tokenizer_create(void*, const char**, int n_args, Fts5Tokenizer** out) {
    if (n_args != 0) return SQLITE_ERROR;
    auto* t = new (std::nothrow) DanishTokenizer;
    if (!t) return SQLITE_NOMEM;
    t->stemmer = sb_stemmer_new("danish", "UTF_8");
    if (!t->stemmer) {
        delete t;
        core::log::error("sqlite: the Snowball Danish stemmer is not available");
        return SQLITE_ERROR;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
}

void tokenizer_delete(Fts5Tokenizer* p) {
    auto* t = reinterpret_cast<DanishTokenizer*>(p);
    if (!t) return;
    sb_stemmer_delete(t->stemmer);
    delete t;
}

int tokenizer_tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int n_text,
                       int (*emit)(void*, int, const char*, int, int, int)) {
    auto* t = reinterpret_cast<DanishTokenizer*>(p);
    if (!text || n_text <= 0) return SQLITE_OK;
    const std::string_view all(text, static_cast<std::size_t>(n_text));
    // A prefix term ("æbl"*) is a word being typed: stemming it would cut it differently from
    // the whole word, so it is only lower-cased.
    const bool prefix = (flags & FTS5_TOKENIZE_PREFIX) != 0;
    for (const auto& [begin, end] : search_word_spans(all)) {
        const std::string lower = core::to_lower_danish(capped(all.substr(begin, end - begin)));
        const char* token = lower.data();
        int length = static_cast<int>(lower.size());
        if (!prefix) {
            const sb_symbol* stem =
                sb_stemmer_stem(t->stemmer, reinterpret_cast<const sb_symbol*>(lower.data()), length);
            if (!stem) return SQLITE_NOMEM;
            token = reinterpret_cast<const char*>(stem);
            length = sb_stemmer_length(t->stemmer);
        }
        if (length <= 0) continue;
        const int rc = emit(ctx, 0, token, length, static_cast<int>(begin), static_cast<int>(end));
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}

fts5_api* fts5_api_of(sqlite3* handle) {
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
    (void)sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> search_word_spans(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    std::size_t start = 0;
    bool in_word = false;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t n = decode(text, i, cp);
        if (is_word_char(cp)) {
            if (!in_word) {
                start = i;
                in_word = true;
            }
        } else if (in_word) {
            out.emplace_back(start, i);
            in_word = false;
        }
        i += n;
    }
    if (in_word) out.emplace_back(start, text.size());
    return out;
}

namespace sqlite {

int register_danish_tokenizer(sqlite3* handle) {
    fts5_api* api = fts5_api_of(handle);
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    fts5_tokenizer tokenizer{tokenizer_create, tokenizer_delete, tokenizer_tokenize};
    return api->xCreateTokenizer(api, "danish", nullptr, &tokenizer, nullptr);
}

}  // namespace sqlite
}  // namespace db
