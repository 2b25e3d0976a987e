#include "db/embedded_query.hpp"

#include <cstdlib>
#include <string>

#include "core/log.hpp"

namespace db {

std::string_view embedded_query(std::span<const core::EmbeddedFile> files, std::string_view name, Dialect dialect,
                                std::string_view package) {
    const std::string base(name);
    const std::string specific = base + (dialect == Dialect::Sqlite ? ".sqlite.sql" : ".pg.sql");
    std::string_view text = core::find_embedded(files, specific);
    if (text.empty()) text = core::find_embedded(files, base + ".sql");
    if (text.empty()) {
        core::log::error(std::string(package) + ": missing embedded query " + base);
        std::abort();
    }
    return text;
}

std::string_view embedded_query(std::span<const core::EmbeddedFile> files, std::string_view name,
                                std::string_view package) {
    const std::string file = std::string(name) + ".sql";
    std::string_view text = core::find_embedded(files, file);
    if (text.empty()) {
        core::log::error(std::string(package) + ": missing embedded query " + file);
        std::abort();
    }
    return text;
}

}  // namespace db
