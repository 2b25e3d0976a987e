#pragma once
/// Demo data for stories (003 §5 "Medvind på cykelstierne – 5 positive historier"): the five
/// stories of 2018, published. Enterprises are matched by name (enterprises::load_demo); a
/// missing name is left out of the story.
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "stories/story_service.hpp"

namespace stories {

/// Loads the demo as `actor`; returns how many stories were created.
core::Result<int> load_demo(StoryService& service, const core::Actor& actor);
/// Same, with a service of its own (for app::load_demo_data_if_empty).
core::Result<int> load_demo(db::Database& db, const core::Clock& clock);

}  // namespace stories
