// Citizens' pure rules: codes and labels, the CPR look-alike check and tag parsing.
#include "citizens/model.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace citizens {

std::string_view transport_code(Transport t) {
    switch (t) {
        case Transport::Car:
            return "car";
        case Transport::Public:
            return "public";
        case Transport::Bike:
            return "bike";
        case Transport::Walk:
            return "walk";
    }
    return "car";
}

std::string_view transport_label(Transport t) {
    switch (t) {
        case Transport::Car:
            return "Bil";
        case Transport::Public:
            return "Offentlig transport";
        case Transport::Bike:
            return "Cykel";
        case Transport::Walk:
            return "Til fods";
    }
    return "";
}

std::optional<Transport> parse_transport(std::string_view code) {
    for (Transport t : k_all_transports)
        if (transport_code(t) == code) return t;
    return std::nullopt;
}

std::string_view tag_kind_code(TagKind k) {
    switch (k) {
        case TagKind::Accommodation:
            return "accommodation";
        case TagKind::Competence:
            return "competence";
        case TagKind::Interest:
            return "interest";
    }
    return "interest";
}

std::optional<TagKind> parse_tag_kind(std::string_view code) {
    for (TagKind k : k_all_tag_kinds)
        if (tag_kind_code(k) == code) return k;
    return std::nullopt;
}

std::string_view retention_mode_code(RetentionMode m) {
    return m == RetentionMode::Delete ? "delete" : "anonymise";
}

std::string_view retention_mode_label(RetentionMode m) {
    return m == RetentionMode::Delete ? "Slet" : "Anonymisér";
}

std::optional<RetentionMode> parse_retention_mode(std::string_view code) {
    if (code == "delete") return RetentionMode::Delete;
    if (code == "anonymise") return RetentionMode::Anonymise;
    return std::nullopt;
}

namespace {
bool digit(char c) {
    return c >= '0' && c <= '9';
}
}  // namespace

bool looks_like_cpr(std::string_view s) {
    const std::size_t n = s.size();
    for (std::size_t i = 0; i + 10 <= n; ++i) {
        if (i > 0 && digit(s[i - 1])) continue;
        std::size_t j = i;
        bool ok = true;
        for (int k = 0; k < 6; ++k, ++j)
            if (j >= n || !digit(s[j])) ok = false;
        if (!ok) continue;
        if (j < n && (s[j] == '-' || s[j] == ' ')) ++j;
        for (int k = 0; k < 4; ++k, ++j)
            if (j >= n || !digit(s[j])) ok = false;
        if (!ok) continue;
        if (j < n && digit(s[j])) continue;
        return true;
    }
    return false;
}

core::Result<std::vector<std::string>> parse_tags(std::string_view text, std::string_view field) {
    if (!core::is_valid_utf8(text))
        return core::Error::validation(std::string(field), "Teksten indeholder ugyldige tegn.");
    std::vector<std::string> out;
    for (std::string_view part : core::split(text, ',')) {
        std::string tag = core::to_lower_danish(core::trim(part));
        // Inner runs of whitespace become one space.
        std::string compact;
        for (char c : tag) {
            const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (space) {
                if (!compact.empty() && compact.back() != ' ') compact.push_back(' ');
            } else {
                compact.push_back(c);
            }
        }
        if (compact.empty()) continue;
        if (core::utf8_length(compact) > k_max_tag)
            return core::Error::validation(std::string(field),
                                           "Et stikord er for langt: hvert stikord må højst være 60 tegn.");
        if (std::find(out.begin(), out.end(), compact) == out.end()) out.push_back(std::move(compact));
    }
    if (out.size() > k_max_tags)
        return core::Error::validation(std::string(field), "Der kan højst være 30 stikord.");
    return out;
}

std::string join_tags(const std::vector<std::string>& tags) {
    std::string out;
    for (const auto& t : tags) {
        if (!out.empty()) out += ", ";
        out += t;
    }
    return out;
}

std::optional<std::string> ExportRecord::get(std::string_view column) const {
    for (const auto& [k, v] : fields)
        if (k == column) return v;
    return std::nullopt;
}

}  // namespace citizens
