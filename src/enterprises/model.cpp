#include "enterprises/model.hpp"

#include <array>
#include <utility>

namespace enterprises {
namespace {

template <class E, std::size_t N>
std::optional<E> parse_by(std::string_view code, const E (&all)[N], std::string_view (*to_code)(E)) {
    for (E e : all)
        if (to_code(e) == code) return e;
    return std::nullopt;
}

/// Digits with optional Danish thousands points ("1.234"); false when malformed.
bool parse_grouped_digits(std::string_view s, std::int64_t& out) {
    if (s.empty()) return false;
    bool grouped = s.find('.') != std::string_view::npos;
    std::int64_t v = 0;
    std::size_t digits_since_point = 0;
    bool seen_point = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '.') {
            // A group point needs 1–3 digits before the first and exactly 3 between points.
            if (i == 0 || (seen_point && digits_since_point != 3) || (!seen_point && digits_since_point > 3))
                return false;
            seen_point = true;
            digits_since_point = 0;
            continue;
        }
        if (c < '0' || c > '9') return false;
        if (v > 100'000'000'000LL) return false;
        v = v * 10 + (c - '0');
        ++digits_since_point;
    }
    if (grouped && digits_since_point != 3) return false;
    out = v;
    return true;
}

}  // namespace

std::string_view kind_code(Kind kind) {
    switch (kind) {
        case Kind::SocialEnterprise:
            return "social_enterprise";
        case Kind::Initiative:
            return "initiative";
        case Kind::CsrCompany:
            return "csr_company";
        case Kind::CivilSociety:
            return "civil_society";
        case Kind::MunicipalUnit:
            return "municipal_unit";
    }
    return "social_enterprise";
}

std::string_view kind_label(Kind kind) {
    switch (kind) {
        case Kind::SocialEnterprise:
            return "Socialøkonomisk virksomhed";
        case Kind::Initiative:
            return "Socialøkonomisk initiativ";
        case Kind::CsrCompany:
            return "Virksomhed (CSR-partner)";
        case Kind::CivilSociety:
            return "Civilsamfundsorganisation";
        case Kind::MunicipalUnit:
            return "Kommunal enhed";
    }
    return "";
}

std::optional<Kind> parse_kind(std::string_view code) {
    return parse_by(code, k_all_kinds, &kind_code);
}

std::string_view status_code(Status status) {
    switch (status) {
        case Status::Idea:
            return "idea";
        case Status::OnTheWay:
            return "on_the_way";
        case Status::Established:
            return "established";
        case Status::RegisteredRsv:
            return "registered_rsv";
        case Status::Paused:
            return "paused";
        case Status::Moved:
            return "moved";
        case Status::Closed:
            return "closed";
    }
    return "idea";
}

std::string_view status_label(Status status) {
    switch (status) {
        case Status::Idea:
            return "Idé";
        case Status::OnTheWay:
            return "På vej";
        case Status::Established:
            return "Etableret";
        case Status::RegisteredRsv:
            return "Registreret socialøkonomisk virksomhed (RSV)";
        case Status::Paused:
            return "Sat på pause";
        case Status::Moved:
            return "Flyttet fra kommunen";
        case Status::Closed:
            return "Lukket";
    }
    return "";
}

std::optional<Status> parse_status(std::string_view code) {
    return parse_by(code, k_all_statuses, &status_code);
}

std::string_view vocabulary_kind_code(VocabularyKind kind) {
    switch (kind) {
        case VocabularyKind::LegalForm:
            return "legal_form";
        case VocabularyKind::TargetGroup:
            return "target_group";
        case VocabularyKind::CatalogueCategory:
            return "catalogue_category";
    }
    return "legal_form";
}

std::string_view vocabulary_kind_label(VocabularyKind kind) {
    switch (kind) {
        case VocabularyKind::LegalForm:
            return "Juridiske former";
        case VocabularyKind::TargetGroup:
            return "Målgrupper";
        case VocabularyKind::CatalogueCategory:
            return "Kategorier i kataloget";
    }
    return "";
}

std::optional<VocabularyKind> parse_vocabulary_kind(std::string_view code) {
    return parse_by(code, k_all_vocabulary_kinds, &vocabulary_kind_code);
}

core::Result<std::optional<std::int64_t>> parse_employees(std::string_view text, std::string_view field) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::optional<std::int64_t>{};
    std::int64_t v = 0;
    if (!parse_grouped_digits(text, v) || v > k_max_employees)
        return core::Error::validation(std::string(field),
                                       "Skriv antallet af ansatte som et helt tal, fx 12.");
    return std::optional<std::int64_t>{v};
}

core::Result<std::optional<std::int64_t>> parse_fte(std::string_view text, std::string_view field) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    if (text.empty()) return std::optional<std::int64_t>{};
    const auto bad = [&] {
        return core::Error::validation(std::string(field),
                                       "Skriv årsværk som et tal med højst én decimal, fx 1,5.");
    };
    // The decimal separator is the comma; a point is also accepted as the decimal separator
    // when there is no comma and it is followed by exactly one digit ("1.5", as JSON sends it).
    std::string_view whole = text;
    std::string_view fraction;
    if (auto comma = text.find(','); comma != std::string_view::npos) {
        whole = text.substr(0, comma);
        fraction = text.substr(comma + 1);
        if (fraction.empty()) return bad();
    } else if (auto point = text.rfind('.'); point != std::string_view::npos && text.size() - point - 1 < 3) {
        whole = text.substr(0, point);
        fraction = text.substr(point + 1);
        if (fraction.empty() || whole.find('.') != std::string_view::npos) return bad();
    }
    std::int64_t units = 0;
    if (!parse_grouped_digits(whole, units)) return bad();
    std::int64_t tenths = units * 10;
    if (!fraction.empty()) {
        // "1,50" is fine; "1,55" has more precision than one decimal.
        for (char c : fraction)
            if (c < '0' || c > '9') return bad();
        for (std::size_t i = 1; i < fraction.size(); ++i)
            if (fraction[i] != '0') return bad();
        tenths += fraction[0] - '0';
    }
    if (tenths > k_max_fte_tenths) return bad();
    return std::optional<std::int64_t>{tenths};
}

std::string format_int(std::int64_t value) {
    bool negative = value < 0;
    std::string digits = std::to_string(negative ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return negative ? "-" + out : out;
}

std::string format_fte(std::int64_t tenths) {
    return format_int(tenths / 10) + "," + std::to_string(tenths % 10 < 0 ? -(tenths % 10) : tenths % 10);
}

}  // namespace enterprises
