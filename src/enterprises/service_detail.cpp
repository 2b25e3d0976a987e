// Helpers shared by the EnterpriseService's source files (service_detail.hpp).
#include "enterprises/service_detail.hpp"

#include <cstdio>
#include <cstdlib>
#include <span>

#include "core/log.hpp"

namespace enterprises {

namespace detail {

/// Danish message for a date field; nullopt when `text` is a valid date not after `latest`.
std::optional<std::string> date_problem(std::string_view text, const core::Date& latest, core::Date* out) {
    if (text.empty()) return std::string("Skriv datoen, fx 2018-12-31.");
    auto d = core::Date::parse(text);
    if (!d) return std::string("Skriv en gyldig dato som ÅÅÅÅ-MM-DD, fx 2018-12-31.");
    if (d->year < 1800) return std::string("Datoen ligger for langt tilbage.");
    if (*d > latest) return std::string("Datoen kan ikke ligge i fremtiden.");
    if (out) *out = *d;
    return std::nullopt;
}

VocabularyEntry vocabulary_from_row(const db::Row& r) {
    VocabularyEntry e;
    e.id = r.int64(0);
    e.kind = parse_vocabulary_kind(r.text(1)).value_or(VocabularyKind::LegalForm);
    e.code = r.text(2);
    e.label = r.text(3);
    e.active = r.int64(4) != 0;
    e.sort = r.int64(5);
    return e;
}

}  // namespace detail
}  // namespace enterprises
