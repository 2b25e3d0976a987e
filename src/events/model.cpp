// Event kinds: codes and Danish labels.
#include "events/event_service.hpp"

namespace events {

std::vector<Choice> kind_choices() {
    return {
        {"network_meeting", "Netværksmøde"}, {"market_day", "Markedsdag"}, {"other", "Andet arrangement"}};
}

std::string kind_label(std::string_view code) {
    for (const auto& c : kind_choices())
        if (c.value == code) return c.label;
    return {};
}

}  // namespace events
