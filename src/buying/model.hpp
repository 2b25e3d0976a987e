#pragma once
/// Plain data for buying (B2): a buyer's request about a catalogue item and the enterprise's
/// answer, voluntary purchase agreements (frivillige indkøbsaftaler), recorded purchases and
/// the spend report. No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace buying {

/// Length caps (characters).
inline constexpr std::size_t k_max_organisation = 200;
inline constexpr std::size_t k_max_message = 2000;
inline constexpr std::size_t k_max_quantity = 100;
inline constexpr std::size_t k_max_answer = 2000;
inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_note = 2000;
inline constexpr std::size_t k_max_description = 500;
/// Highest purchase amount: 10.000.000 kr.
inline constexpr std::int64_t k_max_amount_oere = 1'000'000'000;

enum class RequestStatus { Sent, Answered, Declined };
std::string_view request_status_code(RequestStatus s);   ///< "sent", "answered", "declined"
std::string_view request_status_label(RequestStatus s);  ///< "Afventer svar", "Besvaret", "Afvist"
std::optional<RequestStatus> parse_request_status(std::string_view code);

/// Parses an amount in kroner as typed ("1.250", "89,50", "125 kr."). Validation on `field`
/// when empty, malformed, zero or negative, or above k_max_amount_oere.
core::Result<std::int64_t> parse_amount(std::string_view text, std::string_view field = "amount");
/// Øre as Danish kroner: 123450 → "1.234,50".
std::string format_amount(std::int64_t oere);
/// Øre as kroner for a form field: 12500 → "125", 8950 → "89,50".
std::string amount_input_text(std::int64_t oere);

/// A published catalogue item a request can be about.
struct ItemRef {
    std::int64_t id = 0;
    std::string title;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
};

/// What a buyer types when sending a request.
struct RequestInput {
    std::string item_id;
    std::string buyer_organisation;
    std::string message;
    std::string quantity;      ///< optional free text, e.g. "40 kuverter"
    std::string desired_date;  ///< optional "YYYY-MM-DD", not before today
};

/// The enterprise's answer.
struct AnswerInput {
    std::string status;  ///< "answered" or "declined"
    std::string answer;
};

struct Request {
    std::int64_t id = 0;
    std::optional<std::int64_t> item_id;  ///< nullopt when the item has been deleted since
    std::string item_title;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::int64_t buyer_user_id = 0;
    std::string buyer_organisation;
    std::string message;
    std::string quantity;
    std::optional<core::Date> desired_date;
    RequestStatus status = RequestStatus::Sent;
    std::string answer;
    std::optional<core::UnixSeconds> answered_at;
    core::UnixSeconds created_at = 0;
};

struct AgreementInput {
    std::string buyer_organisation;
    std::string enterprise_id;
    std::string title;
    std::string start_date;  ///< "YYYY-MM-DD"
    std::string end_date;    ///< optional; not before start_date
    std::string note;
};

struct Agreement {
    std::int64_t id = 0;
    std::string buyer_organisation;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    core::Date start_date;
    std::optional<core::Date> end_date;
    std::string note;
    std::optional<std::int64_t> created_by;
    core::UnixSeconds created_at = 0;
};

struct PurchaseInput {
    std::string purchase_date;  ///< "YYYY-MM-DD", not in the future
    std::string amount;         ///< kroner as typed
    std::string buyer_organisation;
    std::string enterprise_id;
    std::string agreement_id;  ///< optional
    std::string description;
};

struct Purchase {
    std::int64_t id = 0;
    core::Date purchase_date;
    std::int64_t amount_oere = 0;
    std::string buyer_organisation;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::optional<std::int64_t> agreement_id;
    std::string agreement_title;
    std::string description;
    std::optional<std::int64_t> created_by;
    core::UnixSeconds created_at = 0;
};

struct PurchaseFilter {
    std::string year;  ///< "" = all years, else "YYYY" (by purchase date)
};

/// One line of the spend report.
struct SpendLine {
    std::string key;    ///< year "2025", buyer organisation or enterprise id as text
    std::string label;  ///< what is shown
    std::int64_t amount_oere = 0;
    std::int64_t purchases = 0;
};

/// Spend with social enterprises, counted by the date of purchase.
struct SpendReport {
    int year = 0;
    std::vector<SpendLine> by_buyer;       ///< in `year`, largest first
    std::vector<SpendLine> by_enterprise;  ///< in `year`, largest first
    std::int64_t total_oere = 0;           ///< in `year`
    std::int64_t total_purchases = 0;
    std::vector<SpendLine> by_year;  ///< every year with purchases, oldest first
};

/// The spend of a year as figures only (the goals' spend metric).
struct SpendTotal {
    int year = 0;
    std::int64_t total_oere = 0;
    std::int64_t purchases = 0;
};

using Choice = core::Choice;

}  // namespace buying
