#pragma once
/// Pure helpers of the PDF layout (no pango or cairo here; pdf.cpp measures and draws).
#include <string>
#include <string_view>
#include <vector>

namespace publishing {

/// Column widths like a browser's automatic table layout, from each column's widest unwrapped
/// text (`most`) and its longest word (`least`): all `most` widths when they fit (stretched to
/// `width`); else `least` plus a share of the rest in proportion to (most − least), so long
/// texts get the room and short columns stay unwrapped; when even the words do not fit, the
/// `least` widths scaled down (words then break).
std::vector<double> distribute_widths(const std::vector<double>& most, const std::vector<double>& least,
                                      double width);

/// The longest space- or newline-separated word of `text` (in bytes).
std::string_view longest_word(std::string_view text);

/// Text pango accepts: `text` when it is valid UTF-8, else with its non-ASCII bytes as '?'.
std::string valid_utf8_or_ascii(const std::string& text);

}  // namespace publishing
