// Story text helpers.
#include "core/text.hpp"
#include "stories/story_service.hpp"

namespace stories {

std::vector<std::string> paragraphs(const std::string& body) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    auto flush = [&] {
        std::string p(core::trim(current));
        if (!p.empty()) out.push_back(std::move(p));
        current.clear();
    };
    while (start <= body.size()) {
        std::size_t end = body.find('\n', start);
        if (end == std::string::npos) end = body.size();
        const std::string_view line = core::trim(std::string_view(body).substr(start, end - start));
        if (line.empty()) {
            flush();
        } else {
            if (!current.empty()) current += ' ';
            current += line;
        }
        start = end + 1;
    }
    flush();
    return out;
}

}  // namespace stories
