#pragma once
/// Goals' embedded SQL (src/goals/queries/*.sql). A name may have per-dialect files
/// `name.sqlite.sql` / `name.pg.sql`, which win over a portable `name.sql`.
#include <string_view>

#include "db/database.hpp"

namespace goals {

/// The SQL text of query `name` for `dialect`; aborts when it is missing (a build error).
std::string_view query(std::string_view name, db::Dialect dialect);

}  // namespace goals
