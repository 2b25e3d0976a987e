#pragma once
/// A list of ids as one query parameter, so a whole list is one query instead of one per id.
#include <cstdint>
#include <span>
#include <string>

#include "db/database.hpp"

namespace db {

/// The JSON array "[1,2,3]": read by `json_each($n)` on SQLite and by
/// `jsonb_array_elements_text(CAST($n AS JSONB))` on PostgreSQL (a query's .sqlite.sql and
/// .pg.sql variants).
inline Value id_list(std::span<const std::int64_t> ids) {
    std::string out = "[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += ',';
        out += std::to_string(ids[i]);
    }
    out += ']';
    return out;
}

}  // namespace db
