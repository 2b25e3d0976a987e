#pragma once
/// The disclosure check behind suppress() (and its property test): which suppressed values can
/// be recomputed from the shown ones by adding and subtracting the table's equations.
#include <cstddef>
#include <vector>

namespace publishing {

/// `equations`: each lists members whose sum equals its LAST member (e.g. a row's cells then
/// the row total). `hidden[m]`: member m is suppressed. Returns the suppressed members whose
/// value is determined by the shown members through any linear combination of the equations
/// (row reduction over a large prime field), in increasing order.
std::vector<std::size_t> derivable_members(const std::vector<std::vector<std::size_t>>& equations,
                                           const std::vector<bool>& hidden);

}  // namespace publishing
