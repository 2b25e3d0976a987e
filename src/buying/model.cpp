// Buying model helpers: request statuses and amounts in øre.
#include "buying/model.hpp"

#include "catalogue/model.hpp"
#include "core/money.hpp"
#include "core/text.hpp"

namespace buying {

std::string_view request_status_code(RequestStatus s) {
    switch (s) {
        case RequestStatus::Sent:
            return "sent";
        case RequestStatus::Answered:
            return "answered";
        case RequestStatus::Declined:
            return "declined";
    }
    return "sent";
}

std::string_view request_status_label(RequestStatus s) {
    switch (s) {
        case RequestStatus::Sent:
            return "Afventer svar";
        case RequestStatus::Answered:
            return "Besvaret";
        case RequestStatus::Declined:
            return "Afvist";
    }
    return "";
}

std::optional<RequestStatus> parse_request_status(std::string_view code) {
    if (code == "sent") return RequestStatus::Sent;
    if (code == "answered") return RequestStatus::Answered;
    if (code == "declined") return RequestStatus::Declined;
    return std::nullopt;
}

core::Result<std::int64_t> parse_amount(std::string_view text, std::string_view field) {
    const std::string f(field);
    const core::ParsedKroner p = core::parse_kroner(text, k_max_amount_oere);
    switch (p.status) {
        case core::ParsedKroner::Status::TooLarge:
            return core::Error::validation(f, "Beløbet må højst være 10.000.000 kr.");
        case core::ParsedKroner::Status::Empty:
        case core::ParsedKroner::Status::Malformed:
            if (!core::trim(text).empty() && core::trim(text).front() == '-')
                return core::Error::validation(f, "Beløbet skal være større end 0 kr.");
            return core::Error::validation(f, "Skriv beløbet i kroner, fx 1.250 eller 89,50.");
        case core::ParsedKroner::Status::Ok:
            break;
    }
    if (p.oere <= 0) return core::Error::validation(f, "Beløbet skal være større end 0 kr.");
    return p.oere;
}

std::string format_amount(std::int64_t oere) {
    return core::format_kroner(oere);
}
std::string amount_input_text(std::int64_t oere) {
    return catalogue::price_input_text(oere);
}

}  // namespace buying
