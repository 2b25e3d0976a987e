#include "web/static_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <system_error>

#include "core/log.hpp"

namespace web {
namespace {

namespace fs = std::filesystem;

struct ContentType {
    std::string_view extension;
    std::string_view type;
};

// Fixed types: the browser is never left to guess (together with nosniff).
constexpr ContentType k_types[] = {
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"webp", "image/webp"},
    {"ico", "image/x-icon"},
    {"map", "application/json; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
};

std::optional<std::string_view> content_type_for(std::string_view filename) {
    const auto dot = filename.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    std::string ext(filename.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    for (const auto& t : k_types)
        if (t.extension == ext) return t.type;
    return std::nullopt;
}

Response not_found() {
    Response r = Response::text(404, std::string(danish_status_title(404)));
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool allowed_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_' || c == '~' || c == '@' || c == '+';
}

/// Percent-decodes once and checks each segment. nullopt means 404. Encoded '.', '/', '\' and
/// anything that decodes to a byte outside the allowed set are refused rather than decoded.
std::optional<std::string> decode_relative(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            if (i + 2 >= raw.size()) return std::nullopt;
            const int hi = hex_value(raw[i + 1]);
            const int lo = hex_value(raw[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            c = static_cast<char>(hi * 16 + lo);
            if (c == '.' || c == '/' || c == '\\') return std::nullopt;
            i += 2;
        }
        if (c != '/' && !allowed_char(c)) return std::nullopt;  // NUL, '\', controls, non-ASCII, ...
        out += c;
    }
    // Segments: no empty ones ("a//b"), none starting with '.' ("..", ".", ".git", ".env").
    std::size_t start = 0;
    while (start <= out.size()) {
        const auto end = std::min(out.find('/', start), out.size());
        const std::string_view segment(out.data() + start, end - start);
        if (segment.empty() || segment.front() == '.') return std::nullopt;
        start = end + 1;
    }
    return out;
}

/// True when `path` is `root` or below it, component by component.
bool is_within(const fs::path& path, const fs::path& root) {
    auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
    return r == root.end();
}

std::string make_etag(const struct stat& st) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "\"%llx-%llx-%lx\"", static_cast<unsigned long long>(st.st_size),
                  static_cast<unsigned long long>(st.st_mtim.tv_sec), static_cast<long>(st.st_mtim.tv_nsec));
    return buf;
}

/// If-None-Match uses the weak comparison: W/"x" matches "x"; "*" matches any.
bool etag_matches(std::string_view header, std::string_view etag) {
    std::size_t start = 0;
    while (start <= header.size()) {
        const auto end = std::min(header.find(',', start), header.size());
        std::string_view tag = header.substr(start, end - start);
        while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) tag.remove_prefix(1);
        while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) tag.remove_suffix(1);
        if (tag == "*") return true;
        if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
        if (tag == etag) return true;
        start = end + 1;
    }
    return false;
}

/// Reads a regular file whole. nullopt on any failure, a non-regular file or an oversize one.
std::optional<std::pair<std::string, struct stat>> read_file(const fs::path& path, std::size_t max_bytes) {
    // O_NOFOLLOW: the path is canonical, so a symlink here means it changed under us.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::optional<std::pair<std::string, struct stat>> result;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= max_bytes) {
        std::string data(static_cast<std::size_t>(st.st_size), '\0');
        std::size_t got = 0;
        bool ok = true;
        while (got < data.size()) {
            const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ok = false;
                break;
            }
            got += static_cast<std::size_t>(n);
        }
        if (ok) result.emplace(std::move(data), st);
    } else if (S_ISREG(st.st_mode)) {
        core::log::warn("static file too large to serve: " + path.string());
    }
    ::close(fd);
    return result;
}

}  // namespace

StaticFiles::StaticFiles(std::vector<StaticMount> mounts) {
    for (auto& m : mounts) {
        Mount mount;
        mount.url_prefix = std::move(m.url_prefix);
        if (mount.url_prefix.empty() || mount.url_prefix.front() != '/')
            mount.url_prefix = "/" + mount.url_prefix;
        if (mount.url_prefix.back() != '/') mount.url_prefix += '/';
        std::error_code ec;
        mount.root = fs::canonical(m.root, ec);
        if (ec || !fs::is_directory(mount.root, ec)) {
            core::log::warn("static root missing, " + mount.url_prefix +
                            " will answer 404: " + m.root.string());
            mount.root.clear();
        }
        m_mounts.push_back(std::move(mount));
    }
    std::stable_sort(m_mounts.begin(), m_mounts.end(), [](const Mount& a, const Mount& b) {
        return a.url_prefix.size() > b.url_prefix.size();
    });
}

std::optional<Response> StaticFiles::serve(const Request& request) const {
    const std::string_view path = request.path;
    const Mount* mount = nullptr;
    for (const auto& m : m_mounts) {
        if (path.substr(0, m.url_prefix.size()) == m.url_prefix) {
            mount = &m;
            break;
        }
    }
    if (mount == nullptr) return std::nullopt;

    if (request.method != Method::Get && request.method != Method::Head) {
        Response r = Response::text(405, std::string(danish_status_title(405)));
        r.set_header("Allow", "GET, HEAD");
        r.set_header("X-Content-Type-Options", "nosniff");
        return r;
    }
    if (mount->root.empty()) return not_found();

    const auto relative = decode_relative(path.substr(mount->url_prefix.size()));
    if (!relative) return not_found();
    const auto type = content_type_for(*relative);
    if (!type) return not_found();

    // Resolve symlinks; whatever the result is must still be a plain file inside the root,
    // with no dot-named component and an allowlisted extension of its own.
    std::error_code ec;
    const fs::path resolved = fs::canonical(mount->root / *relative, ec);
    if (ec || !is_within(resolved, mount->root)) return not_found();
    for (const auto& part : resolved.lexically_relative(mount->root))
        if (part.native().empty() || part.native().front() == '.') return not_found();
    const auto resolved_type = content_type_for(resolved.filename().native());
    if (!resolved_type) return not_found();

    auto file = read_file(resolved, max_file_bytes);
    if (!file) return not_found();
    auto& [data, st] = *file;

    const std::string etag = make_etag(st);
    Response r;
    r.set_header("ETag", etag);
    r.set_header("Cache-Control", "public, max-age=3600");
    r.set_header("X-Content-Type-Options", "nosniff");
    if (auto inm = request.header("if-none-match"); inm && etag_matches(*inm, etag)) {
        r.status = 304;
        return r;
    }
    r.status = 200;
    r.set_header("Content-Type", *type);
    r.body = std::move(data);
    return r;
}

}  // namespace web
