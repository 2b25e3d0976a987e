#pragma once
/// Checks on a raw HTTP/1.1 request head that need no parser: the byte-by-byte scan that runs
/// before Beast sees any bytes (HT-01, HT-02), and the framing rules applied to the parsed
/// fields afterwards (HT-02, HT-08). Plain std types only.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "web/http.hpp"

namespace web {

struct HeadLimits {
    std::size_t request_line;  ///< bytes of the request line, CRLF excluded; longer → 414
    std::size_t header_bytes;  ///< bytes of all field lines, CRLFs included; more → 431
    std::size_t header_count;  ///< field lines; more → 431
};

/// Incremental, byte-by-byte check of a request head ("request-line CRLF *(field CRLF) CRLF").
/// Call scan() with all bytes buffered so far for this request; it resumes where it stopped.
/// Guarantees on Complete: no bare CR or LF, no obs-fold, only visible ASCII and SP in the
/// request line, no controls other than HTAB in fields, all limits kept. At most four empty
/// lines before the request line are tolerated (skipped()). Error carries the status (400,
/// 414 or 431) and is reported as soon as the offending byte arrives.
class HeadScanner {
public:
    enum class State { NeedMore, Complete, Error };

    explicit HeadScanner(HeadLimits limits) : m_limits(limits) {}

    /// Forgets all progress (next request on the connection); keeps the limits.
    void reset() { *this = HeadScanner(m_limits); }

    /// `d` must start with the bytes given to earlier calls since the last reset().
    State scan(std::string_view d);

    /// Bytes of the head including the final empty line (valid after Complete).
    [[nodiscard]] std::size_t head_size() const { return m_head_size; }
    /// Leading empty lines (bytes) that precede the request line.
    [[nodiscard]] std::size_t skipped() const { return m_skipped; }
    /// 400, 414 or 431 after Error; 0 otherwise.
    [[nodiscard]] int error_status() const { return m_error; }

private:
    State fail(int status) {
        m_error = status;
        return State::Error;
    }

    HeadLimits m_limits;
    std::size_t m_pos = 0;
    std::size_t m_line_start = 0;
    std::size_t m_fields_start = 0;
    std::size_t m_skipped = 0;
    std::size_t m_head_size = 0;
    std::size_t m_fields = 0;
    int m_blank_lines = 0;
    int m_error = 0;
    bool m_in_request_line = true;
};

/// Method, target and path taken from a request line before it is parsed properly; empty
/// parts when the line has no SP. Never fails: the parser validates the line afterwards.
struct RequestLineHint {
    bool has_sp = false;      ///< false: the line has no SP, all parts are empty
    std::string_view method;  ///< up to the first SP
    std::string_view target;  ///< between the first and second SP
    std::string_view path;    ///< target before '?'
};
/// `head` starts with the request line (empty lines already skipped).
RequestLineHint request_line_hint(std::string_view head);

/// The body limit for a path: `upload_limit` when it starts with one of the non-empty
/// `upload_prefixes` (plain byte prefix), `default_limit` otherwise.
std::uint64_t body_limit_for(std::string_view path, const std::vector<std::string>& upload_prefixes,
                             std::uint64_t default_limit, std::uint64_t upload_limit);

/// A parsed request head as plain strings (field names in any case, values untrimmed).
struct ParsedHead {
    unsigned version = 11;  ///< 10 or 11 for HTTP/1.0 and HTTP/1.1 (major*10+minor)
    std::string_view method;
    std::string_view target;
    std::vector<std::pair<std::string_view, std::string_view>> fields;
};

/// Framing and method rules beyond what the parser checks (HT-02, HT-08). Returns 0 when the
/// head is acceptable, else the status to refuse with:
///  400 — version not 1.0/1.1; Host missing (1.1) or repeated; Content-Length not plain digits
///        or repeated; Transfer-Encoding other than "chunked", repeated, combined with
///        Content-Length or on HTTP/1.0; POST/PUT/PATCH without either; a known method whose
///        target is neither origin-form nor "*" with OPTIONS;
///  405 — any method other than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.
int check_framing(const ParsedHead& head);

/// Fills method, target, path (before the first '?'), query (after it, without it) and
/// headers (every field in order, names lower-cased, values verbatim) of `request` from a
/// head that passed check_framing. Other members are left alone.
void fill_request(Request& request, const ParsedHead& head);

}  // namespace web
