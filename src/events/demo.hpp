#pragma once
/// Demo data for events (003 §4, §6.2): the four network meetings of Socialøkonomisk Netværk
/// in Slagelse in 2018 (the May meeting with the fundraiser's talk, the November evaluation
/// meeting), the six meetings planned for 2019 and the nine themes chosen for 2019.
/// Participants are matched to the registry demo by name (enterprises::load_demo); a missing
/// name is typed as a name instead.
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "events/event_service.hpp"

namespace events {

/// Loads the demo as `actor` (administrator, consultant or the system actor). Returns how
/// many events were created.
core::Result<int> load_demo(EventService& service, const core::Actor& actor);
/// Same, with a service of its own (for app::load_demo_data_if_empty).
core::Result<int> load_demo(db::Database& db, const core::Clock& clock);

}  // namespace events
