#pragma once
/// CVR numbers: 8 digits, weights 2,7,6,5,4,3,2,1, weighted sum divisible by 11.
#include <optional>
#include <string>
#include <string_view>

namespace core {

/// nullopt when valid; otherwise the Danish message to show next to the field.
std::optional<std::string> cvr_problem(std::string_view cvr);
inline bool is_valid_cvr(std::string_view cvr) {
    return !cvr_problem(cvr).has_value();
}

}  // namespace core
