#pragma once
/// A small HTTP/1.1 client for the in-process HTTP tests: plain POSIX sockets, one connection
/// per request (`Connection: close`), a cookie jar, and helpers for the login form and the
/// session's CSRF token. Deliberately simple and strict: it never follows redirects, so tests
/// see every 303 and its Location.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http_test {

/// Header list; names as given (requests) or lower-cased (responses). Multi-valued.
using Headers = std::vector<std::pair<std::string, std::string>>;
/// Form fields in order, not yet encoded.
using Fields = std::vector<std::pair<std::string, std::string>>;

struct Response {
    int status = 0;
    Headers headers;  ///< names lower-cased, in the order received
    std::string body;

    /// First header with this name (case-insensitive).
    [[nodiscard]] std::optional<std::string> header(std::string_view name) const;
    /// Every header with this name (e.g. all Set-Cookie lines).
    [[nodiscard]] std::vector<std::string> all(std::string_view name) const;
    /// How many headers have this name.
    [[nodiscard]] std::size_t count(std::string_view name) const;
    /// The Location header or "".
    [[nodiscard]] std::string location() const;
    /// 303 to /login or /login?… (the pipeline's answer to anonymous HTML requests).
    [[nodiscard]] bool is_login_redirect() const;
    /// The Set-Cookie line for cookie `name`, if this response sets it.
    [[nodiscard]] std::optional<std::string> set_cookie(std::string_view name) const;
    /// Short description for assertion messages: "403 text/html; …".
    [[nodiscard]] std::string describe() const;
};

/// Percent-encodes a value for a query string or urlencoded form (RFC 3986 unreserved kept).
std::string url_encode(std::string_view value);
/// "a=1&b=2" from fields.
std::string form_encode(const Fields& fields);
/// The value attribute of the first `<input … name="NAME" value="…">` in an HTML page, with
/// the HTML entities the templates produce decoded.
std::optional<std::string> hidden_field(std::string_view html, std::string_view name);

class Client {
public:
    /// Talks to 127.0.0.1:port. With `source_address` (e.g. "127.0.0.2") the socket is bound
    /// to that local address first, so the server sees a different client address.
    explicit Client(unsigned short port, std::string source_address = {});

    /// Sends one request and reads the whole response. Adds Host, Content-Length (when there
    /// is a body or the method is POST/PUT/PATCH), Connection: close and — unless `headers`
    /// already holds a Cookie header — the jar's cookies. Set-Cookie answers update the jar.
    /// Throws std::runtime_error on socket failures and malformed responses.
    Response request(std::string_view method, std::string_view target, const Headers& headers = {},
                     std::string_view body = {});

    Response get(std::string_view target, const Headers& headers = {});
    /// POST application/x-www-form-urlencoded.
    Response post_form(std::string_view target, const Fields& fields, const Headers& headers = {});
    /// POST application/json.
    Response post_json(std::string_view target, std::string_view json, const Headers& headers = {});

    /// GETs /login (with `next` if given), reads the csrf_token (and next) hidden fields and
    /// posts the form. Returns the POST's response (303 on success).
    Response login(std::string_view username, std::string_view password, std::string_view next = {});
    /// Same, but submits the given next value verbatim, as a crafted form would.
    Response login_with_next(std::string_view username, std::string_view password, std::string_view next);
    /// The session's CSRF token, read from a page of the logged-in session (every page has it
    /// in the layout's logout form). Throws when the page has none (not logged in).
    std::string csrf(std::string_view page = "/account/password");

    // ---- cookie jar (one host, every cookie Path=/) ----
    [[nodiscard]] std::optional<std::string> cookie(std::string_view name) const;
    void set_cookie(std::string_view name, std::string_view value);
    void remove_cookie(std::string_view name);
    void clear_cookies() { m_jar.clear(); }
    /// "a=1; b=2" for a Cookie header.
    [[nodiscard]] std::string cookie_header() const;

    [[nodiscard]] unsigned short port() const { return m_port; }
    /// "127.0.0.1:port", the Host header the client sends.
    [[nodiscard]] std::string host() const;
    /// "http://127.0.0.1:port", the same-origin Origin header value.
    [[nodiscard]] std::string origin() const { return "http://" + host(); }

private:
    void absorb_cookies(const Response& response);

    unsigned short m_port;
    std::string m_source;
    std::vector<std::pair<std::string, std::string>> m_jar;
};

}  // namespace http_test
