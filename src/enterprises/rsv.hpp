#pragma once
/// RSV readiness and the yearly statement (capability A3): plain data and pure rules for
/// Act 711/2014 on registered social enterprises (lov om registrerede socialøkonomiske
/// virksomheder). §5 has five criteria for registration; §8 asks a registered enterprise for a
/// yearly statement (management remuneration, related-party agreements, distributions and a
/// statement on purpose, independence and inclusive governance); the dividend to owners may be
/// at most 35 % of the profit after tax. No web or storage types here.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace enterprises {

// ---- §5: the five criteria -------------------------------------------------------------------

/// The five criteria of Act 711/2014 §5, in the order of the act.
enum class RsvCriterion { SocialPurpose, Trade, Independence, Governance, ProfitHandling };
inline constexpr std::size_t k_rsv_criterion_count = 5;
inline constexpr RsvCriterion k_all_rsv_criteria[k_rsv_criterion_count] = {
    RsvCriterion::SocialPurpose, RsvCriterion::Trade, RsvCriterion::Independence, RsvCriterion::Governance,
    RsvCriterion::ProfitHandling};
/// "social_purpose", "trade", "independence", "governance", "profit_handling" (storage, form ids, JSON).
std::string_view rsv_criterion_code(RsvCriterion c);
/// "Samfundsgavnligt formål", … (Danish).
std::string_view rsv_criterion_label(RsvCriterion c);
/// One Danish sentence on what the criterion asks for.
std::string_view rsv_criterion_hint(RsvCriterion c);
std::optional<RsvCriterion> parse_rsv_criterion(std::string_view code);

/// How far a criterion is met. Unanswered = not assessed yet.
enum class RsvMet { Unanswered, Yes, Partly, No };
inline constexpr RsvMet k_all_rsv_met[] = {RsvMet::Yes, RsvMet::Partly, RsvMet::No, RsvMet::Unanswered};
std::string_view rsv_met_code(RsvMet m);   ///< "", "yes", "partly", "no"
std::string_view rsv_met_label(RsvMet m);  ///< "Ikke vurderet", "Ja", "Delvist", "Nej"
std::optional<RsvMet> parse_rsv_met(std::string_view code);

inline constexpr std::size_t k_max_rsv_evidence = 2000;        ///< evidence note, characters
inline constexpr std::size_t k_max_rsv_statement_text = 5000;  ///< each §8 text, characters
/// Largest amount accepted, in øre either way (100 mia. kr.): keeps all arithmetic exact.
inline constexpr std::int64_t k_max_rsv_amount_oere = 10'000'000'000'000;
/// The act took effect in 2014; earlier statement years are refused.
inline constexpr int k_first_rsv_year = 2014;

struct RsvCriterionAnswer {
    RsvCriterion criterion = RsvCriterion::SocialPurpose;
    RsvMet met = RsvMet::Unanswered;
    std::string evidence;  ///< what documents the assessment (≤ 2.000 characters)
};

/// The checklist of one enterprise. Always five entries, in act order.
struct RsvReadiness {
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::array<RsvCriterionAnswer, k_rsv_criterion_count> criteria{};
    core::UnixSeconds updated_at = 0;  ///< 0 = never saved
    std::string updated_by;            ///< user name

    [[nodiscard]] int met_count() const;
    /// True when all five criteria are met ("Ja").
    [[nodiscard]] bool ready() const { return met_count() == static_cast<int>(k_rsv_criterion_count); }
};

/// What the form says about one criterion, as typed.
struct RsvCriterionInput {
    std::string met;  ///< "yes", "partly", "no" or "" (not assessed)
    std::string evidence;
};
/// Indexed like k_all_rsv_criteria.
using RsvReadinessInput = std::array<RsvCriterionInput, k_rsv_criterion_count>;

// ---- the dividend rule ---------------------------------------------------------------------

/// The dividend check: the dividend may be at most 35 % of the profit after tax, computed
/// exactly in øre (ok ⇔ dividend × 100 ≤ 35 × profit). A dividend of 0 is always fine; any
/// dividend > 0 fails when the profit after tax is 0 or negative.
struct DividendCheck {
    bool ok = true;
    /// Dividend as a share of the profit in tenths of a percent, rounded half up (350 = 35,0 %);
    /// nullopt when the profit is 0 or negative.
    std::optional<std::int64_t> share_tenths;
    std::int64_t max_dividend_oere = 0;  ///< the largest allowed dividend (0 when no profit)
    std::string message;                 ///< Danish, with the amounts
};
inline constexpr std::int64_t k_max_dividend_percent = 35;
DividendCheck check_dividend(std::int64_t profit_after_tax_oere, std::int64_t dividend_oere);

/// Øre as Danish kroner: 123456789 → "1.234.567,89 kr.", -500 → "-5,00 kr.".
std::string format_kroner(std::int64_t oere);
/// Tenths of a percent with one decimal: 350 → "35,0 %", 1234 → "123,4 %".
std::string format_percent_tenths(std::int64_t tenths);
/// Parses kroner typed the Danish way: "1.234.567,89", "250000", "-12.500", "1234.5", "89,50 kr."
/// or "100,-". Empty → nullopt. Validation error on `field` otherwise (also beyond
/// ±k_max_rsv_amount_oere, and for a negative amount unless `allow_negative`).
core::Result<std::optional<std::int64_t>> parse_kroner(std::string_view text, std::string_view field,
                                                       bool allow_negative);
/// The text to put back into a form: 12345600 → "123.456", 12345 → "123,45".
std::string kroner_input_text(std::int64_t oere);

// ---- §8: the yearly statement --------------------------------------------------------------

struct RsvStatement {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    int year = 0;                            ///< the financial year
    std::int64_t profit_after_tax_oere = 0;  ///< may be negative
    std::int64_t dividend_oere = 0;          ///< distributions to owners (udbytte)
    std::string management_remuneration;     ///< text
    std::optional<std::int64_t> management_remuneration_oere;
    std::string related_party_agreements;
    std::string purpose_statement;
    std::string independence;
    std::string inclusive_governance;
    std::optional<core::Date> submitted_on;  ///< date sent to the Danish Business Authority
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    std::string updated_by;  ///< user name

    [[nodiscard]] DividendCheck dividend_check() const {
        return check_dividend(profit_after_tax_oere, dividend_oere);
    }
};

/// The statement form as typed; amounts in kroner as text so the service can name the field.
struct RsvStatementInput {
    std::string year;
    std::string profit_after_tax;
    std::string dividend;  ///< "" = 0
    std::string management_remuneration;
    std::string management_remuneration_amount;  ///< "" = not stated
    std::string related_party_agreements;
    std::string purpose_statement;
    std::string independence;
    std::string inclusive_governance;
    std::string submitted_on;  ///< "YYYY-MM-DD" or ""
};

}  // namespace enterprises
