#pragma once
/// Plain request/response values. Only web/server.cpp knows Beast; everything else uses these.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace web {

enum class Method { Get, Head, Post, Put, Patch, Delete, Options, Other };

Method parse_method(std::string_view text);
std::string_view method_name(Method m);

struct Request {
    Method method = Method::Get;
    std::string target;                                        ///< raw request target as sent ("/a/b?x=1")
    std::string path;                                          ///< target before '?', still percent-encoded
    std::string query;                                         ///< after '?', without it
    std::vector<std::pair<std::string, std::string>> headers;  ///< names lower-case, values opaque
    std::string body;
    std::string client_ip;   ///< socket peer, or X-Forwarded-For from a configured proxy
    std::string request_id;  ///< random id for logs and audit rows
    bool secure = false;  ///< served over TLS or behind a TLS proxy (X-Forwarded-Proto from a trusted proxy)

    /// First header with this (lower-case) name.
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;
};

struct Response {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;

    /// Sets or replaces a header. Values with CR, LF or NUL are refused (header injection);
    /// returns false then and leaves the response unchanged.
    bool set_header(std::string_view name, std::string_view value);
    /// Adds a header even if one with the name exists (Set-Cookie).
    bool add_header(std::string_view name, std::string_view value);
    [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const;

    static Response html(int status, std::string body);
    static Response json(int status, std::string body);
    static Response text(int status, std::string body);
    /// 200 with `body` as a download named `filename` (Content-Disposition: attachment, nosniff).
    static Response attachment(std::string body, std::string_view content_type, std::string_view filename);
    /// 303 See Other by default (after POST); `location` must be a local path.
    static Response redirect(std::string_view location, int status = 303);
};

/// Danish reason phrase for the status pages ("Siden findes ikke").
std::string_view danish_status_title(int status);

}  // namespace web
