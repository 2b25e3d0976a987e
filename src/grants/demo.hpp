#pragma once
/// Demo data for grants (003 §6.2): the grants and funds enterprises received in 2018 —
/// MinaGroup, Sumak, VeteranHaven (one grant of 412.000 kr. from 13 givers; 003 gives no
/// per-giver amounts, so the givers and purposes are listed in the purpose text) and Danmarks
/// Busmuseum (ca. 650.000 kr.). Enterprises are matched by name (enterprises::load_demo); a
/// missing name is skipped.
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "grants/grant_service.hpp"

namespace grants {

/// Loads the demo as `actor`; returns how many grants were created.
core::Result<int> load_demo(GrantService& service, const core::Actor& actor);
/// Same, with a service of its own (for app::load_demo_data_if_empty).
core::Result<int> load_demo(db::Database& db, const core::Clock& clock);

}  // namespace grants
