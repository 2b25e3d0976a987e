#pragma once
/// Grants' embedded SQL (src/grants/queries/*.sql).
#include <string_view>

#include "db/database.hpp"

namespace grants {

/// The SQL text of query `name` for `dialect`; aborts when it is missing (a build error).
std::string_view query(std::string_view name, db::Dialect dialect);

}  // namespace grants
