// RSV readiness and yearly statement: codes, labels, the dividend rule and kroner text.
#include "enterprises/rsv.hpp"

#include "core/money.hpp"
#include "core/text.hpp"
#include "enterprises/model.hpp"

namespace enterprises {

std::string_view rsv_criterion_code(RsvCriterion c) {
    switch (c) {
        case RsvCriterion::SocialPurpose:
            return "social_purpose";
        case RsvCriterion::Trade:
            return "trade";
        case RsvCriterion::Independence:
            return "independence";
        case RsvCriterion::Governance:
            return "governance";
        case RsvCriterion::ProfitHandling:
            return "profit_handling";
    }
    return "social_purpose";
}

std::string_view rsv_criterion_label(RsvCriterion c) {
    switch (c) {
        case RsvCriterion::SocialPurpose:
            return "Samfundsgavnligt formål";
        case RsvCriterion::Trade:
            return "Væsentlig erhvervsmæssig aktivitet";
        case RsvCriterion::Independence:
            return "Uafhængighed af det offentlige";
        case RsvCriterion::Governance:
            return "Inddragende og ansvarlig ledelse";
        case RsvCriterion::ProfitHandling:
            return "Social håndtering af overskud";
    }
    return "";
}

std::string_view rsv_criterion_hint(RsvCriterion c) {
    switch (c) {
        case RsvCriterion::SocialPurpose:
            return "Virksomhedens hovedformål er samfundsgavnligt, fx socialt, beskæftigelsesmæssigt, "
                   "sundhedsmæssigt, miljømæssigt eller kulturelt.";
        case RsvCriterion::Trade:
            return "Virksomheden har en væsentlig erhvervsmæssig aktivitet: en væsentlig del af indtægterne "
                   "kommer "
                   "fra salg af varer eller tjenesteydelser.";
        case RsvCriterion::Independence:
            return "Virksomheden er uafhængig af det offentlige: offentlige myndigheder har ikke bestemmende "
                   "indflydelse på virksomheden.";
        case RsvCriterion::Governance:
            return "Virksomheden ledes inddragende og ansvarligt, så medarbejdere, samarbejdspartnere og "
                   "andre "
                   "interessenter inddrages i forhold til formålet.";
        case RsvCriterion::ProfitHandling:
            return "Overskuddet bruges socialt: det geninvesteres eller går til formålet, og udbytte er "
                   "højst 35 % "
                   "af overskuddet efter skat.";
    }
    return "";
}

std::optional<RsvCriterion> parse_rsv_criterion(std::string_view code) {
    for (auto c : k_all_rsv_criteria)
        if (rsv_criterion_code(c) == code) return c;
    return std::nullopt;
}

std::string_view rsv_met_code(RsvMet m) {
    switch (m) {
        case RsvMet::Unanswered:
            return "";
        case RsvMet::Yes:
            return "yes";
        case RsvMet::Partly:
            return "partly";
        case RsvMet::No:
            return "no";
    }
    return "";
}

std::string_view rsv_met_label(RsvMet m) {
    switch (m) {
        case RsvMet::Unanswered:
            return "Ikke vurderet";
        case RsvMet::Yes:
            return "Ja";
        case RsvMet::Partly:
            return "Delvist";
        case RsvMet::No:
            return "Nej";
    }
    return "";
}

std::optional<RsvMet> parse_rsv_met(std::string_view code) {
    for (auto m : k_all_rsv_met)
        if (rsv_met_code(m) == code) return m;
    return std::nullopt;
}

int RsvReadiness::met_count() const {
    int n = 0;
    for (const auto& c : criteria)
        if (c.met == RsvMet::Yes) ++n;
    return n;
}

// ---- amounts -------------------------------------------------------------------------------

namespace {

std::string two_digits(std::int64_t v) {
    std::string s = std::to_string(v);
    return s.size() < 2 ? "0" + s : s;
}

/// Whole digits with optional Danish group separators ('.' or ' ') in groups of three.

}  // namespace

std::string format_kroner(std::int64_t oere) {
    return core::format_kroner(oere) + " kr.";
}

std::string format_percent_tenths(std::int64_t tenths) {
    const bool negative = tenths < 0;
    const std::int64_t m = negative ? -tenths : tenths;
    std::string out(negative ? "-" : "");
    out += format_int(m / 10);
    out += ',';
    out += std::to_string(m % 10);
    out += " %";
    return out;
}

std::string kroner_input_text(std::int64_t oere) {
    const bool negative = oere < 0;
    const std::int64_t m = negative ? -oere : oere;
    std::string out(negative ? "-" : "");
    out += format_int(m / 100);
    if (m % 100 != 0) {
        out += ',';
        out += two_digits(m % 100);
    }
    return out;
}

core::Result<std::optional<std::int64_t>> parse_kroner(std::string_view text, std::string_view field,
                                                       bool allow_negative) {
    const core::ParsedKroner p = core::parse_kroner(text, k_max_rsv_amount_oere);
    switch (p.status) {
        case core::ParsedKroner::Status::Empty:
            return std::optional<std::int64_t>{};
        case core::ParsedKroner::Status::TooLarge:
            return core::Error::validation(std::string(field), "Beløbet er for stort.");
        case core::ParsedKroner::Status::Malformed:
            return core::Error::validation(
                std::string(field), allow_negative ? "Skriv beløbet i kroner, fx 250.000 eller 1.234,50 (et "
                                                     "underskud med minus, fx -12.500)."
                                                   : "Skriv beløbet i kroner, fx 250.000 eller 1.234,50.");
        case core::ParsedKroner::Status::Ok:
            break;
    }
    if (p.oere < 0 && !allow_negative)
        return core::Error::validation(std::string(field), "Beløbet kan ikke være negativt.");
    return std::optional<std::int64_t>{p.oere};
}

// ---- the dividend rule ---------------------------------------------------------------------

DividendCheck check_dividend(std::int64_t profit_after_tax_oere, std::int64_t dividend_oere) {
    // 128-bit intermediates: exact for every int64 input, not only the capped ones.
    using Wide = __int128;
    const Wide profit = profit_after_tax_oere;
    const Wide dividend = dividend_oere;
    DividendCheck c;
    c.max_dividend_oere = profit > 0 ? static_cast<std::int64_t>(profit * k_max_dividend_percent / 100) : 0;
    if (profit > 0 && dividend >= 0) {
        // Half up: (2 × 1000 × d + p) / (2 p).
        c.share_tenths = static_cast<std::int64_t>((dividend * 2000 + profit) / (profit * 2));
    }
    if (dividend <= 0) {
        c.ok = true;
        c.message = "Der er ikke udloddet udbytte for året.";
        return c;
    }
    if (profit <= 0) {
        c.ok = false;
        c.message = "Der er udloddet " + format_kroner(dividend_oere) +
                    " i udbytte, men der er intet overskud efter skat (" +
                    format_kroner(profit_after_tax_oere) +
                    "). Udbytte må højst være 35 % af overskuddet efter skat.";
        return c;
    }
    c.ok = dividend * 100 <= profit * k_max_dividend_percent;
    std::string share = format_percent_tenths(*c.share_tenths);
    if (c.ok) {
        c.message = "Udbyttet på " + format_kroner(dividend_oere) + " er " + share +
                    " af overskuddet efter skat på " + format_kroner(profit_after_tax_oere) +
                    " og ligger inden for grænsen på 35 % (højst " + format_kroner(c.max_dividend_oere) +
                    ").";
    } else {
        // 35,04 % rounds to "35,0 %"; say "mere end" so the text never looks like it passes.
        if (*c.share_tenths <= k_max_dividend_percent * 10) share = "mere end 35,0 %";
        c.message = "Udbyttet på " + format_kroner(dividend_oere) + " er " + share +
                    " af overskuddet efter skat på " + format_kroner(profit_after_tax_oere) +
                    " og overstiger grænsen på 35 % (højst " + format_kroner(c.max_dividend_oere) + ").";
    }
    return c;
}

}  // namespace enterprises
