#include "web/request_head.hpp"

#include <algorithm>

#include "web/ascii.hpp"
#include "web/http.hpp"

namespace web {

HeadScanner::State HeadScanner::scan(std::string_view d) {
    for (; m_pos < d.size(); ++m_pos) {
        const auto c = static_cast<unsigned char>(d[m_pos]);
        const bool after_cr = m_pos > 0 && d[m_pos - 1] == '\r';
        if (after_cr && c != '\n') return fail(400);  // bare CR
        if (c == '\n') {
            if (!after_cr) return fail(400);  // bare LF
            const std::size_t line_length = m_pos - 1 - m_line_start;
            if (m_in_request_line) {
                if (line_length == 0) {
                    // RFC 9112 2.2: a server SHOULD ignore at least one empty line before
                    // the request line. A few are tolerated, not an endless stream.
                    if (++m_blank_lines > 4) return fail(400);
                    m_skipped = m_pos + 1;
                } else {
                    m_in_request_line = false;
                    m_fields_start = m_pos + 1;
                }
            } else if (line_length == 0) {
                m_head_size = m_pos + 1;
                ++m_pos;
                return State::Complete;
            } else {
                const char first = d[m_line_start];
                if (first == ' ' || first == '\t') return fail(400);  // obs-fold
                if (++m_fields > m_limits.header_count) return fail(431);
            }
            m_line_start = m_pos + 1;
            continue;
        }
        if (m_in_request_line) {
            if (c == '\r') continue;
            // Visible ASCII and SP only: no controls, no tabs, no bytes >= 0x80.
            if (c < 0x20 || c > 0x7e) return fail(400);
            if (m_pos - m_line_start + 1 > m_limits.request_line) return fail(414);
        } else {
            if (c == 0 || c == 0x7f || (c < 0x20 && c != '\t' && c != '\r')) return fail(400);
            if (m_pos + 1 - m_fields_start > m_limits.header_bytes) return fail(431);
        }
    }
    return State::NeedMore;
}

RequestLineHint request_line_hint(std::string_view head) {
    RequestLineHint hint;
    const std::string_view line = head.substr(0, head.find("\r\n"));
    if (auto sp1 = line.find(' '); sp1 != std::string_view::npos) {
        hint.has_sp = true;
        hint.method = line.substr(0, sp1);
        hint.target = line.substr(sp1 + 1);
        hint.target = hint.target.substr(0, hint.target.find(' '));
    }
    hint.path = hint.target.substr(0, hint.target.find('?'));
    return hint;
}

std::uint64_t body_limit_for(std::string_view path, const std::vector<std::string>& upload_prefixes,
                             std::uint64_t default_limit, std::uint64_t upload_limit) {
    for (const auto& prefix : upload_prefixes)
        if (!prefix.empty() && path.substr(0, prefix.size()) == prefix) return upload_limit;
    return default_limit;
}

int check_framing(const ParsedHead& head) {
    if (head.version != 10 && head.version != 11) return 400;
    std::size_t hosts = 0;
    std::size_t lengths = 0;
    std::size_t encodings = 0;
    // Every field is looked at, not only the first of a name or adjacent duplicates.
    for (const auto& [name, value] : head.fields) {
        const auto v = ascii::trim(value);
        if (ascii::iequals(name, "host")) {
            ++hosts;
        } else if (ascii::iequals(name, "content-length")) {
            ++lengths;
            // Only plain digits: no lists ("5, 5"), signs or hex.
            if (!ascii::all_digits(v)) return 400;
        } else if (ascii::iequals(name, "transfer-encoding")) {
            ++encodings;
            if (!ascii::iequals(v, "chunked")) return 400;  // unknown or stacked codings
        }
    }
    if (hosts > 1 || (hosts == 0 && head.version == 11)) return 400;
    if (lengths > 1) return 400;
    if (encodings > 1 || (encodings == 1 && (lengths == 1 || head.version == 10))) return 400;

    const Method method = parse_method(head.method);
    // A request body is framed by Content-Length or chunked, never by the end of the stream;
    // a body-carrying method without either is refused (no read-to-EOF bodies at all).
    if ((method == Method::Post || method == Method::Put || method == Method::Patch) && lengths == 0 &&
        encodings == 0)
        return 400;

    const std::string_view target = head.target;
    const bool origin_form = !target.empty() && target.front() == '/';
    const bool asterisk = target == "*" && method == Method::Options;
    if (method != Method::Other && !origin_form && !asterisk) return 400;
    if (method == Method::Other) return 405;
    return 0;
}

void fill_request(Request& r, const ParsedHead& head) {
    r.method = parse_method(head.method);
    r.target = std::string(head.target);
    const auto q = r.target.find('?');
    r.path = r.target.substr(0, q);
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    r.headers.reserve(head.fields.size());
    for (const auto& [field_name, value] : head.fields) {
        std::string name(field_name);
        std::transform(name.begin(), name.end(), name.begin(), ascii::lower);
        r.headers.emplace_back(std::move(name), std::string(value));
    }
}

}  // namespace web
