#pragma once
/// Stories' embedded SQL (src/stories/queries/*.sql).
#include <string_view>

#include "db/database.hpp"

namespace stories {

/// The SQL text of query `name` for `dialect`; aborts when it is missing (a build error).
std::string_view query(std::string_view name, db::Dialect dialect);

}  // namespace stories
