// multipart/form-data parsing without regular expressions.
#include "web/multipart.hpp"

#include "core/text.hpp"

namespace web {
namespace {

core::Error bad(std::string message = "Upload-formularen kunne ikke læses. Prøv igen.") {
    return core::Error{core::ErrorCode::Validation, std::move(message), {}};
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

/// Splits `; a=b; c="d"` parameters after the first value. Returns false on malformed quoting.
bool parse_params(std::string_view text, std::string& first,
                  std::vector<std::pair<std::string, std::string>>& params) {
    std::size_t i = 0;
    auto semi = text.find(';');
    first = std::string(core::trim(text.substr(0, semi)));
    if (semi == std::string_view::npos) return true;
    i = semi + 1;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == ';')) ++i;
        if (i >= text.size()) break;
        std::size_t eq = text.find('=', i);
        if (eq == std::string_view::npos) return false;
        std::string name(core::trim(text.substr(i, eq - i)));
        i = eq + 1;
        std::string value;
        if (i < text.size() && text[i] == '"') {
            ++i;
            bool closed = false;
            while (i < text.size()) {
                char c = text[i++];
                if (c == '\\' && i < text.size()) {
                    value += text[i++];
                    continue;
                }
                if (c == '"') {
                    closed = true;
                    break;
                }
                value += c;
            }
            if (!closed) return false;
        } else {
            std::size_t end = text.find(';', i);
            value = std::string(
                core::trim(text.substr(i, end == std::string_view::npos ? text.size() - i : end - i)));
            i = end == std::string_view::npos ? text.size() : end;
        }
        params.emplace_back(core::to_lower_ascii(name), std::move(value));
    }
    return true;
}

const std::string* param(const std::vector<std::pair<std::string, std::string>>& params,
                         std::string_view name) {
    for (const auto& [k, v] : params)
        if (k == name) return &v;
    return nullptr;
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
    std::string first;
    std::vector<std::pair<std::string, std::string>> params;
    if (!parse_params(content_type, first, params)) return std::nullopt;
    if (!iequals(first, "multipart/form-data")) return std::nullopt;
    const std::string* b = param(params, "boundary");
    if (!b || b->empty() || b->size() > 70) return std::nullopt;
    for (char c : *b)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return std::nullopt;
    return *b;
}

core::Result<MultipartBody> parse_multipart(std::string_view content_type, std::string_view body,
                                            const MultipartLimits& limits) {
    auto boundary = multipart_boundary(content_type);
    if (!boundary) return bad();
    const std::string dash = "--" + *boundary;
    const std::string delim = "\r\n" + dash;

    // The first delimiter: at the start, or after a preamble ending in CRLF.
    std::size_t pos;
    if (body.starts_with(dash)) {
        pos = dash.size();
    } else {
        auto at = body.find(delim);
        if (at == std::string_view::npos) return bad();
        pos = at + delim.size();
    }

    MultipartBody out;
    std::size_t parts = 0;
    for (;;) {
        // After a delimiter: "--" ends the body, CRLF starts a part (transport padding allowed).
        while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
        if (body.substr(pos, 2) == "--") return out;
        if (body.substr(pos, 2) != "\r\n") return bad();
        pos += 2;
        if (++parts > limits.max_parts) return bad("Formularen har for mange dele.");

        auto header_end = body.find("\r\n\r\n", pos);
        if (header_end == std::string_view::npos || header_end - pos > limits.max_header_bytes) return bad();
        std::string_view headers = body.substr(pos, header_end - pos);
        pos = header_end + 4;

        std::string name, filename, part_type;
        bool has_filename = false, has_disposition = false;
        std::size_t h = 0;
        while (h <= headers.size()) {
            auto eol = headers.find("\r\n", h);
            std::string_view line =
                headers.substr(h, eol == std::string_view::npos ? headers.size() - h : eol - h);
            h = eol == std::string_view::npos ? headers.size() + 1 : eol + 2;
            if (line.empty()) continue;
            auto colon = line.find(':');
            if (colon == std::string_view::npos) return bad();
            std::string_view key = core::trim(line.substr(0, colon));
            std::string_view value = core::trim(line.substr(colon + 1));
            if (iequals(key, "content-disposition")) {
                std::string first;
                std::vector<std::pair<std::string, std::string>> params;
                if (!parse_params(value, first, params) || !iequals(first, "form-data")) return bad();
                const std::string* n = param(params, "name");
                if (!n || n->empty()) return bad();
                name = *n;
                if (const std::string* f = param(params, "filename")) {
                    has_filename = true;
                    filename = *f;
                }
                has_disposition = true;
            } else if (iequals(key, "content-type")) {
                part_type = std::string(value);
            }
        }
        if (!has_disposition) return bad();

        auto end = body.find(delim, pos);
        if (end == std::string_view::npos) return bad();
        std::string_view content = body.substr(pos, end - pos);
        pos = end + delim.size();

        if (has_filename) {
            if (out.files.size() >= limits.max_files) return bad("Send én fil ad gangen.");
            if (content.size() > limits.max_file_bytes) return bad("Filen er for stor.");
            if (!core::is_valid_utf8(filename)) filename.clear();
            out.files.push_back({name, filename, part_type, std::string(content)});
        } else {
            if (content.size() > limits.max_field_bytes) return bad("Et felt i formularen er for langt.");
            if (!core::is_valid_utf8(content) || !core::is_valid_utf8(name)) return bad();
            out.fields.add(name, std::string(content));
        }
    }
}

}  // namespace web
