#include "http/client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace http_test {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    return lower(a) == lower(b);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

/// Closes the descriptor when it goes out of scope.
struct Socket {
    int fd = -1;
    ~Socket() {
        if (fd >= 0) ::close(fd);
    }
};

[[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("http client: " + what + ": " + std::strerror(errno));
}

std::string html_unescape(std::string_view s) {
    static const std::pair<std::string_view, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [entity, ch] : entities) {
                if (s.substr(i, entity.size()) == entity) {
                    out += ch;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += s[i++];
    }
    return out;
}

}  // namespace

// ---------------------------------------------------------------- Response

std::optional<std::string> Response::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return std::nullopt;
}

std::vector<std::string> Response::all(std::string_view name) const {
    std::vector<std::string> out;
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) out.push_back(v);
    return out;
}

std::size_t Response::count(std::string_view name) const {
    return all(name).size();
}

std::string Response::location() const {
    return header("location").value_or("");
}

bool Response::is_login_redirect() const {
    const std::string loc = location();
    return status == 303 && (loc == "/login" || loc.rfind("/login?", 0) == 0);
}

std::optional<std::string> Response::set_cookie(std::string_view name) const {
    const std::string prefix = std::string(name) + "=";
    for (const std::string& line : all("set-cookie"))
        if (line.rfind(prefix, 0) == 0) return line;
    return std::nullopt;
}

std::string Response::describe() const {
    std::string d = std::to_string(status) + " " + header("content-type").value_or("(no content type)");
    if (auto loc = header("location")) d += " → " + *loc;
    d += " | " + body.substr(0, 300);
    return d;
}

// ---------------------------------------------------------------- encoding helpers

std::string url_encode(std::string_view value) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : value) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string form_encode(const Fields& fields) {
    std::string out;
    for (const auto& [k, v] : fields) {
        if (!out.empty()) out += '&';
        out += url_encode(k) + "=" + url_encode(v);
    }
    return out;
}

std::optional<std::string> hidden_field(std::string_view html, std::string_view name) {
    const std::string needle = "name=\"" + std::string(name) + "\"";
    for (std::size_t at = html.find(needle); at != std::string_view::npos; at = html.find(needle, at + 1)) {
        const std::size_t open = html.rfind('<', at);
        const std::size_t close = html.find('>', at);
        if (open == std::string_view::npos || close == std::string_view::npos) continue;
        std::string_view tag = html.substr(open, close - open);
        if (tag.rfind("<input", 0) != 0) continue;
        const std::size_t v = tag.find("value=\"");
        if (v == std::string_view::npos) return std::string();
        const std::size_t end = tag.find('"', v + 7);
        if (end == std::string_view::npos) continue;
        return html_unescape(tag.substr(v + 7, end - v - 7));
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- Client

Client::Client(unsigned short port, std::string source_address)
    : m_port(port), m_source(std::move(source_address)) {}

std::string Client::host() const {
    return "127.0.0.1:" + std::to_string(m_port);
}

Response Client::request(std::string_view method, std::string_view target, const Headers& headers,
                         std::string_view body) {
    std::string out;
    out += std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
    out += "Host: " + host() + "\r\n";
    bool has_cookie = false;
    for (const auto& [k, v] : headers) {
        if (iequals(k, "cookie")) has_cookie = true;
        out += k + ": " + v + "\r\n";
    }
    if (!has_cookie && !m_jar.empty()) out += "Cookie: " + cookie_header() + "\r\n";
    const bool body_method = method == "POST" || method == "PUT" || method == "PATCH";
    if (body_method || !body.empty()) out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    out += "Connection: close\r\n\r\n";
    out += body;

    Socket sock;
    sock.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock.fd < 0) fail("socket");
    timeval tv{};
    tv.tv_sec = 20;  // a hung server fails the test instead of hanging it
    ::setsockopt(sock.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(sock.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (!m_source.empty()) {
        sockaddr_in local{};
        local.sin_family = AF_INET;
        if (::inet_pton(AF_INET, m_source.c_str(), &local.sin_addr) != 1)
            throw std::runtime_error("http client: bad source address " + m_source);
        if (::bind(sock.fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) fail("bind " + m_source);
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(sock.fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) fail("connect");

    for (std::size_t sent = 0; sent < out.size();) {
        const ssize_t n = ::send(sock.fd, out.data() + sent, out.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) fail("send");
        sent += static_cast<std::size_t>(n);
    }

    std::string in;
    char buf[16384];
    for (;;) {
        const ssize_t n = ::recv(sock.fd, buf, sizeof buf, 0);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            if (errno == ECONNRESET && !in.empty()) break;
            fail("recv");
        }
        in.append(buf, static_cast<std::size_t>(n));
    }

    const std::size_t head_end = in.find("\r\n\r\n");
    if (head_end == std::string::npos)
        throw std::runtime_error("http client: incomplete response: " + in.substr(0, 200));
    Response res;
    std::string_view head(in.data(), head_end);
    std::size_t line_end = head.find("\r\n");
    std::string_view status_line = head.substr(0, line_end);
    if (status_line.rfind("HTTP/1.", 0) != 0 || status_line.size() < 12)
        throw std::runtime_error("http client: bad status line: " + std::string(status_line));
    res.status = std::stoi(std::string(status_line.substr(9, 3)));
    while (line_end != std::string_view::npos) {
        const std::size_t start = line_end + 2;
        line_end = head.find("\r\n", start);
        std::string_view line = head.substr(
            start, line_end == std::string_view::npos ? std::string_view::npos : line_end - start);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            throw std::runtime_error("http client: bad header: " + std::string(line));
        res.headers.emplace_back(lower(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
    }
    res.body = in.substr(head_end + 4);
    if (auto length = res.header("content-length"); length && method != "HEAD") {
        const std::size_t n = std::stoul(*length);
        if (res.body.size() < n) throw std::runtime_error("http client: truncated body");
        res.body.resize(n);
    }
    absorb_cookies(res);
    return res;
}

Response Client::get(std::string_view target, const Headers& headers) {
    return request("GET", target, headers);
}

Response Client::post_form(std::string_view target, const Fields& fields, const Headers& headers) {
    Headers h = headers;
    h.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return request("POST", target, h, form_encode(fields));
}

Response Client::post_json(std::string_view target, std::string_view json, const Headers& headers) {
    Headers h = headers;
    h.emplace_back("Content-Type", "application/json");
    return request("POST", target, h, json);
}

Response Client::login(std::string_view username, std::string_view password, std::string_view next) {
    Response page = get(next.empty() ? std::string("/login") : "/login?next=" + url_encode(next));
    if (page.status != 200) throw std::runtime_error("http client: GET /login gave " + page.describe());
    auto token = hidden_field(page.body, "csrf_token");
    if (!token) throw std::runtime_error("http client: the login page has no csrf_token field");
    Fields fields{
        {"csrf_token", *token}, {"username", std::string(username)}, {"password", std::string(password)}};
    if (auto n = hidden_field(page.body, "next")) fields.emplace_back("next", *n);
    return post_form("/login", fields);
}

Response Client::login_with_next(std::string_view username, std::string_view password,
                                 std::string_view next) {
    Response page = get("/login");
    auto token = hidden_field(page.body, "csrf_token");
    if (!token) throw std::runtime_error("http client: the login page has no csrf_token field");
    return post_form("/login", {{"csrf_token", *token},
                                {"username", std::string(username)},
                                {"password", std::string(password)},
                                {"next", std::string(next)}});
}

std::string Client::csrf(std::string_view from) {
    Response page = get(from);
    auto token = hidden_field(page.body, "csrf_token");
    if (page.status != 200 || !token || token->empty())
        throw std::runtime_error("http client: no session CSRF token: " + page.describe());
    return *token;
}

std::optional<std::string> Client::cookie(std::string_view name) const {
    for (const auto& [k, v] : m_jar)
        if (k == name) return v;
    return std::nullopt;
}

void Client::set_cookie(std::string_view name, std::string_view value) {
    for (auto& [k, v] : m_jar) {
        if (k == name) {
            v = std::string(value);
            return;
        }
    }
    m_jar.emplace_back(std::string(name), std::string(value));
}

void Client::remove_cookie(std::string_view name) {
    std::erase_if(m_jar, [&](const auto& kv) { return kv.first == name; });
}

std::string Client::cookie_header() const {
    std::string out;
    for (const auto& [k, v] : m_jar) {
        if (!out.empty()) out += "; ";
        out += k + "=" + v;
    }
    return out;
}

void Client::absorb_cookies(const Response& response) {
    for (const std::string& line : response.all("set-cookie")) {
        std::string_view l = line;
        std::string_view pair = l.substr(0, l.find(';'));
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos) continue;
        std::string name(trim(pair.substr(0, eq)));
        std::string value(trim(pair.substr(eq + 1)));
        const bool expired = value.empty() || lower(line).find("max-age=0") != std::string::npos;
        if (expired)
            remove_cookie(name);
        else
            set_cookie(name, value);
    }
}

}  // namespace http_test
