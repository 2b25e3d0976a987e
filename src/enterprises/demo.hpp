#pragma once
/// Demo data for the registry: Slagelse's enterprises and initiatives as described in the
/// annual report 2018 (source 003 §2) and the Kolding list of the 2015 evaluation (source
/// 002, Bilag 1). Names, descriptions and target groups follow the sources; the dates of the
/// status changes are plausible and chosen so that the counts match the sources:
///   Slagelse 2015-11-30: 6 in total, 4 registered, 4 established in 2015, 4 on the way (002 Table 1);
///   Slagelse 2018-12-31: 19 in total, 5 registered (003 §1 and §3);
///   Kolding  2015-11-30: 7 in total, 3 registered, 3 established in 2015, 13 on the way (002 Table 1).
/// CVR numbers are fictitious (valid modulus 11, generated), never the real companies'.
#include <cstdint>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "enterprises/enterprise_service.hpp"

namespace enterprises {

/// Loads the demo enterprises with their status histories; the first one (id 1 in a fresh
/// database) is Sumak in Slagelse, which the demo enterprise user belongs to. `actor` must
/// be an administrator or consultant (or the system actor). Returns how many were created.
core::Result<int> load_demo(EnterpriseService& service, const core::Actor& actor);

/// A fictitious but valid CVR number made from a seven-digit seed (the check digit is
/// appended; seeds whose check digit would be 10 move to the next seed).
std::string demo_cvr(std::int64_t seed7);

}  // namespace enterprises
