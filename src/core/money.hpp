#pragma once
/// Money in øre (INTEGER) and kroner as Danish users type and read them.
#include <cstdint>
#include <string>
#include <string_view>

namespace core {

struct ParsedKroner {
    enum class Status {
        Empty,      ///< nothing typed (after "kr."/",-" were removed)
        Ok,         ///< `oere` holds the amount; it may be negative
        Malformed,  ///< not an amount
        TooLarge,   ///< beyond ±max_abs_oere
    };
    Status status = Status::Empty;
    std::int64_t oere = 0;
};

/// Parses kroner typed the Danish way: "1.234.567,89", "250000", "-12.500", "1 234", "89,50 kr."
/// or "100,-". ',' is the decimal mark; without a comma a '.' followed by one or two digits at
/// the end is read as decimals too (as JSON clients send "1234.5"); other points and spaces
/// must group thousands. At most two decimals. Callers decide whether negatives are allowed.
ParsedKroner parse_kroner(std::string_view text, std::int64_t max_abs_oere);

/// Øre as Danish kroner without the unit: 123450 → "1.234,50", -500 → "-5,00".
std::string format_kroner(std::int64_t oere);

}  // namespace core
