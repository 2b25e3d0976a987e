#pragma once
/// Static assets (our CSS/JS and the compiled Det Fælles Designsystem) served from fixed roots.
/// Everything that is not plainly a file with an allowlisted extension inside a root is a 404.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "web/http.hpp"

namespace web {

/// One URL prefix served from one directory, e.g. {"/static/", "<repo>/static"}.
struct StaticMount {
    std::string url_prefix;      ///< starts and ends with '/'; a missing final '/' is added
    std::filesystem::path root;  ///< directory; canonicalised once at construction
};

class StaticFiles {
public:
    /// Files larger than this are not served (assets are small; this bounds memory per request).
    static constexpr std::size_t max_file_bytes = 10u << 20;

    /// The longest matching prefix wins ("/static/dkfds/" before "/static/"). A root that does
    /// not exist is logged once and answers 404 for everything under its prefix. Never throws
    /// for missing directories.
    explicit StaticFiles(std::vector<StaticMount> mounts);

    /// nullopt when the path is under no mount. Otherwise a response: 200 with the file,
    /// 304 when If-None-Match matches the ETag, 405 for methods other than GET/HEAD, and 404
    /// for anything suspicious or absent: `..`/`.` segments, encoded dots, slashes or
    /// backslashes, invalid percent-encoding, NUL and other bytes outside [A-Za-z0-9._~@+-/],
    /// dotfiles, directories, symlinks resolving outside the root, extensions not allowlisted,
    /// files over max_file_bytes. The path is percent-decoded exactly once. Thread-safe.
    [[nodiscard]] std::optional<Response> serve(const Request& request) const;

private:
    struct Mount {
        std::string url_prefix;
        std::filesystem::path root;  ///< canonical; empty when the directory is missing
    };
    std::vector<Mount> m_mounts;
};

}  // namespace web
