#pragma once
/// Demo data for buying: a few requests from a buyer to demo enterprises about their published
/// catalogue items (one answered, one declined, one waiting), two voluntary purchase agreements
/// of Slagelse Kommune (Sumak: mødeforplejning; Blindes Arbejde: jubilæumsgaver, as in 002
/// eksempel 4) and a year of purchases (the last twelve months, some under the agreements).
/// Enterprises are matched by name (enterprises::load_demo); a missing name is skipped.
#include <cstdint>
#include <optional>

#include "buying/buying_service.hpp"
#include "core/actor.hpp"
#include "core/result.hpp"

namespace buying {

/// Loads the demo data. `actor` must be an administrator, consultant or the system actor and
/// records the agreements and purchases; the enterprises answer as `actor` too. Requests are
/// sent as a buyer with `buyer_user_id` (the demo buyer's users.id) and are skipped when it is
/// not given, because a request belongs to the user who sent it. Returns how many rows were
/// created (requests + agreements + purchases).
core::Result<int> load_demo(BuyingService& service, const core::Actor& actor,
                            std::optional<std::int64_t> buyer_user_id = std::nullopt);

}  // namespace buying
