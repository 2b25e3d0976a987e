#pragma once
/// Demo data for matching (issue 6): three demo citizens with competences, interests, wished
/// hours, postcodes and transport; job openings at the demo enterprises; a current cooperation
/// agreement and a hiring need with matching attributes — so that the caseworker demo login
/// opens a citizen (DEMO-M001 Maja Madsen) and sees explained suggestions. Loaded through the
/// citizens, placements and openings services. Idempotent: nothing when a job opening exists.
#include "core/result.hpp"

namespace citizens {
class CitizenService;
}
namespace placements {
class PlacementsService;
}

namespace openings {

class OpeningsService;

inline constexpr const char* k_demo_citizen_ref = "DEMO-M001";

/// Returns the number of openings created (0 when already loaded or the registry lacks the
/// demo enterprises).
core::Result<int> load_demo(OpeningsService& service, citizens::CitizenService& people,
                            placements::PlacementsService& placements);

}  // namespace openings
