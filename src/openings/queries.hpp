#pragma once
/// The package's SQL (src/openings/queries/*.sql, embedded by bb_embed).
#include <string_view>

#include "db/database.hpp"

namespace openings {

/// The query `name` for `dialect` (a .sqlite.sql / .pg.sql override wins over .sql).
std::string_view query(std::string_view name, db::Dialect dialect);

}  // namespace openings
