#pragma once
/// One option of a choice list (a select or a radio group): the value a form sends and the
/// Danish label a user sees.
#include <string>

namespace core {

struct Choice {
    std::string value;
    std::string label;
    friend bool operator==(const Choice&, const Choice&) = default;
};

}  // namespace core
