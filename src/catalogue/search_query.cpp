// Safe full-text expressions from user text (see search_query.hpp).
#include "catalogue/search_query.hpp"

#include "core/text.hpp"
#include "db/sqlite/danish_tokenizer.hpp"

namespace catalogue {
namespace {

/// `word` cut to at most n bytes on a UTF-8 character boundary.
std::string cut(std::string word, std::size_t n) {
    if (word.size() <= n) return word;
    while (n > 0 && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) --n;
    word.resize(n);
    return word;
}

/// Doubles `quote` inside `word` (words never contain quotes, but the rule stays local).
std::string quoted(const std::string& word, char quote) {
    std::string out(1, quote);
    for (char c : word) {
        if (c == quote) out += quote;
        out += c;
    }
    out += quote;
    return out;
}

}  // namespace

std::vector<std::string> search_words(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& [begin, end] : db::search_word_spans(text)) {
        if (out.size() == k_max_query_words) break;
        out.push_back(
            cut(core::to_lower_danish(text.substr(begin, end - begin)), db::k_max_search_word_bytes));
    }
    return out;
}

std::string fts5_match_expression(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!out.empty()) out += " AND ";
        const std::string w = quoted(words[i], '"');
        if (i + 1 == words.size())
            out += "(" + w + " OR " + w + "*)";
        else
            out += w;
    }
    return out;
}

std::string tsquery_expression(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (!out.empty()) out += " & ";
        const std::string w = quoted(words[i], '\'');
        if (i + 1 == words.size())
            out += "(" + w + " | " + w + ":*)";
        else
            out += w;
    }
    return out;
}

}  // namespace catalogue
