#include "web/response_wire.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "core/log.hpp"
#include "web/ascii.hpp"

namespace web {

bool is_token(std::string_view s) {
    if (s.empty()) return false;
    for (unsigned char c : s) {
        if (std::isalnum(c)) continue;
        if (std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos)
            continue;
        return false;
    }
    return true;
}

bool is_safe_value(std::string_view s) {
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\t') || c == 0x7f) return false;
    return true;
}

bool is_server_owned(std::string_view name) {
    for (std::string_view owned : {"content-length", "transfer-encoding", "connection", "keep-alive", "date",
                                   "server", "upgrade", "trailer"})
        if (ascii::iequals(name, owned)) return true;
    return false;
}

std::string http_date() {
    static constexpr const char* k_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    // Formatted by hand: strftime's %a/%b follow the process locale, HTTP needs English.
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", k_days[tm.tm_wday % 7], tm.tm_mday,
                  k_months[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

Serialized serialize_response(const Response& res, std::string_view reason, std::string_view date,
                              bool head_only, bool keep_alive, bool http10) {
    Serialized out;
    const int status = res.status;
    const bool bodyless = status == 204 || status == 304;

    std::string& s = out.bytes;
    s.reserve(256 + res.body.size());
    s += "HTTP/1.1 ";
    s += std::to_string(status);
    s += ' ';
    s += reason;
    s += "\r\n";
    bool has_nosniff = false;
    for (const auto& [name, value] : res.headers) {
        if (!is_token(name) || !is_safe_value(value)) {
            core::log::warn("dropped an invalid response header: " + name);
            continue;
        }
        if (is_server_owned(name)) continue;
        if (ascii::iequals(name, "x-content-type-options")) has_nosniff = true;
        s += name;
        s += ": ";
        s += value;
        s += "\r\n";
    }
    s += "Server: brobygger\r\nDate: ";
    s += date;
    s += "\r\n";
    if (!has_nosniff) s += "X-Content-Type-Options: nosniff\r\n";
    if (!bodyless) {
        s += "Content-Length: ";
        s += std::to_string(res.body.size());
        s += "\r\n";
    }
    if (!keep_alive)
        s += "Connection: close\r\n";
    else if (http10)
        s += "Connection: keep-alive\r\n";
    s += "\r\n";
    if (!bodyless && !head_only) {
        s += res.body;
        out.body_bytes = res.body.size();
    }
    return out;
}

}  // namespace web
