// Grant amounts: kroner as typed → øre, and back.
#include "core/money.hpp"
#include "core/validate.hpp"
#include "grants/grant_service.hpp"

namespace grants {

core::Result<std::int64_t> parse_amount(std::string_view text, std::string_view field) {
    const std::string f(field);
    const core::ParsedKroner p = core::parse_kroner(text, k_max_amount_oere);
    switch (p.status) {
        case core::ParsedKroner::Status::Empty:
            return core::Error::validation(f, "Skriv beløbet i kroner, fx 150.000.");
        case core::ParsedKroner::Status::Malformed:
            return core::Error::validation(f,
                                           "Skriv beløbet som et tal i kroner, fx 150.000 eller 150000,50.");
        case core::ParsedKroner::Status::TooLarge:
            return core::Error::validation(f, "Beløbet er urealistisk stort. Det højeste beløb er " +
                                                  format_kroner(k_max_amount_oere) + " kr.");
        case core::ParsedKroner::Status::Ok:
            break;
    }
    if (p.oere <= 0) return core::Error::validation(f, "Beløbet skal være større end 0 kr.");
    if (p.oere > k_max_amount_oere)
        return core::Error::validation(f, "Beløbet er urealistisk stort. Det højeste beløb er " +
                                              format_kroner(k_max_amount_oere) + " kr.");
    return p.oere;
}

std::string format_kroner(std::int64_t oere) {
    if (oere % 100 == 0) return core::format_whole_number(oere / 100);
    return core::format_kroner(oere);
}

}  // namespace grants
