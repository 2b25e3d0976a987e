#pragma once
/// Files compiled into the binary (SQL, templates, docs) by cmake/embed.cmake.
#include <span>
#include <string_view>

namespace core {

struct EmbeddedFile {
    std::string_view name;  ///< path relative to the embedding base directory, '/'-separated
    std::string_view data;
};

/// Finds a file by name in a generated table; empty data when absent.
inline std::string_view find_embedded(std::span<const EmbeddedFile> files, std::string_view name) {
    for (const auto& f : files)
        if (f.name == name) return f.data;
    return {};
}

}  // namespace core
