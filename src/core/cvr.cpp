#include "core/cvr.hpp"

namespace core {

std::optional<std::string> cvr_problem(std::string_view cvr) {
    if (cvr.size() != 8) return std::string("CVR-nummeret skal være præcis 8 cifre.");
    static constexpr int k_weights[8] = {2, 7, 6, 5, 4, 3, 2, 1};
    int sum = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        if (cvr[i] < '0' || cvr[i] > '9') return std::string("CVR-nummeret må kun indeholde cifre.");
        sum += (cvr[i] - '0') * k_weights[i];
    }
    if (cvr[0] == '0') return std::string("CVR-nummeret kan ikke begynde med 0.");
    if (sum % 11 != 0) return std::string("CVR-nummeret er ikke gyldigt (kontrolcifferet passer ikke).");
    return std::nullopt;
}

}  // namespace core
