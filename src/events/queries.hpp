#pragma once
/// Events' embedded SQL (src/events/queries/*.sql).
#include <string_view>

#include "db/database.hpp"

namespace events {

/// The SQL text of query `name` for `dialect`; aborts when it is missing (a build error).
std::string_view query(std::string_view name, db::Dialect dialect);

}  // namespace events
