#pragma once
/// Request ids and the one-line access log entry the server writes per answered request.
/// Plain std types only.
#include <cstddef>
#include <string>

namespace web {

/// 16 lower-case hex digits from a per-thread 64-bit PRNG seeded from std::random_device and
/// the clock. Unique enough to correlate log lines and audit rows; not a secret.
std::string make_request_id();

/// What one access log line reports. The query string is deliberately absent: it may hold
/// search terms.
struct AccessRecord {
    std::string ip;      ///< client address; empty → `peer` is used
    std::string peer;    ///< socket peer text ("-" when unknown)
    std::string method;  ///< "-" when the request line was never read
    std::string path;    ///< path without query, "-" when unknown
    int status = 0;
    std::size_t body_bytes = 0;  ///< response body bytes written (0 for HEAD, 204, 304)
    long long ms = 0;            ///< from the start of the request to the end of the write
    std::string request_id;      ///< empty → "-"
};

/// "access ip=… method=… path=… status=… bytes=… ms=… request=…", fields copied verbatim
/// (the caller bounds their length), no trailing newline.
std::string format_access_line(const AccessRecord& record);

}  // namespace web
