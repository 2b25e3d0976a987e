#pragma once
/// Finding a package's embedded SQL (src/<package>/queries/*.sql, compiled in by bb_embed).
#include <span>
#include <string_view>

#include "core/embedded.hpp"
#include "db/database.hpp"

namespace db {

/// The text of query `name` for `dialect`: NAME.sqlite.sql or NAME.pg.sql when the package has
/// one, otherwise the portable NAME.sql. A missing query is a build mistake (the file list is
/// generated from the directory), so it is logged with the package name and aborts.
std::string_view embedded_query(std::span<const core::EmbeddedFile> files, std::string_view name, Dialect dialect,
                                std::string_view package);

/// The text of the portable query NAME.sql (packages without dialect-specific SQL).
std::string_view embedded_query(std::span<const core::EmbeddedFile> files, std::string_view name,
                                std::string_view package);

}  // namespace db
