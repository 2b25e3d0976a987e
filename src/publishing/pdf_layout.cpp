#include "publishing/pdf_layout.hpp"

#include <numeric>

#include "core/text.hpp"

namespace publishing {

std::vector<double> distribute_widths(const std::vector<double>& most, const std::vector<double>& least,
                                      double width) {
    std::vector<double> widths = most;
    double sum_most = std::accumulate(most.begin(), most.end(), 0.0);
    if (sum_most <= 0) return widths;
    if (sum_most <= width) {
        for (double& w : widths) w *= width / sum_most;
        return widths;
    }
    double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
    for (std::size_t c = 0; c < widths.size(); ++c) {
        if (sum_least >= width)
            widths[c] = least[c] * width / sum_least;
        else
            widths[c] = least[c] + (most[c] - least[c]) * (width - sum_least) / (sum_most - sum_least);
    }
    return widths;
}

std::string_view longest_word(std::string_view text) {
    std::string_view longest;
    std::size_t from = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == ' ' || text[i] == '\n') {
            if (i - from > longest.size()) longest = text.substr(from, i - from);
            from = i + 1;
        }
    }
    return longest;
}

std::string valid_utf8_or_ascii(const std::string& text) {
    if (core::is_valid_utf8(text)) return text;
    std::string out = text;
    for (char& ch : out)
        if (static_cast<unsigned char>(ch) >= 0x80) ch = '?';
    return out;
}

}  // namespace publishing
