// Codes and labels of placements' plain data.
#include "placements/model.hpp"

namespace placements {

std::string_view status_code(Status s) {
    switch (s) {
        case Status::Waiting:
            return "waiting";
        case Status::Referred:
            return "referred";
        case Status::Active:
            return "active";
        case Status::Ended:
            return "ended";
        case Status::Cancelled:
            return "cancelled";
    }
    return "referred";
}

std::string_view status_label(Status s) {
    switch (s) {
        case Status::Waiting:
            return "På venteliste";
        case Status::Referred:
            return "Henvist";
        case Status::Active:
            return "I gang";
        case Status::Ended:
            return "Afsluttet";
        case Status::Cancelled:
            return "Annulleret";
    }
    return "Henvist";
}

std::optional<Status> parse_status(std::string_view code) {
    for (Status s : {Status::Waiting, Status::Referred, Status::Active, Status::Ended, Status::Cancelled})
        if (status_code(s) == code) return s;
    return std::nullopt;
}

std::string_view price_unit_label(std::string_view code) {
    if (code == "per_placement") return "pr. forløb";
    if (code == "per_slot_month") return "pr. plads pr. måned";
    if (code == "total") return "samlet for aftalen";
    return "";
}

bool is_price_unit(std::string_view code) {
    return !price_unit_label(code).empty();
}

std::string_view note_topic_label(std::string_view code) {
    if (code == "cooperation") return "Samarbejdet";
    if (code == "effects") return "Effekter for deltagerne";
    if (code == "deliverables") return "Leverancer";
    if (code == "general") return "Generelt";
    return "";
}

bool is_note_topic(std::string_view code) {
    return !note_topic_label(code).empty();
}

}  // namespace placements
