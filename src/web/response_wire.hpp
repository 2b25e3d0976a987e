#pragma once
/// The wire form of a Response: header validation and HTTP/1.1 serialization, without any
/// network code. Plain std types only.
#include <cstddef>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace web {

/// RFC 9110 tchar+: non-empty and only characters allowed in a header field name.
bool is_token(std::string_view s);
/// A response header value may hold visible ASCII, obs-text, SP and HTAB; never CR, LF, NUL or
/// other controls (header injection, HT-03).
bool is_safe_value(std::string_view s);
/// Headers the server writes itself and never copies from a Response (framing, Date, Server).
bool is_server_owned(std::string_view name);
/// The current time as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), independent of locale.
std::string http_date();

struct Serialized {
    std::string bytes;
    std::size_t body_bytes = 0;  ///< body bytes included in `bytes`
};

/// Builds the wire form: status line with `reason`, the response's valid headers (invalid ones
/// are dropped with a warning, server-owned ones silently), Server, Date (`date`), nosniff
/// unless set, Content-Length (not for 204/304), Connection: close when not `keep_alive`,
/// Connection: keep-alive for a kept HTTP/1.0 connection, then the body unless `head_only` or
/// 204/304. The status must be 200..599.
Serialized serialize_response(const Response& res, std::string_view reason, std::string_view date,
                              bool head_only, bool keep_alive, bool http10);

}  // namespace web
