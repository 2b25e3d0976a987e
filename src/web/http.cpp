#include "web/http.hpp"

#include <algorithm>

namespace web {
namespace {

bool header_value_safe(std::string_view v) {
    return std::none_of(v.begin(), v.end(), [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
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

}  // namespace

Method parse_method(std::string_view t) {
    if (t == "GET") return Method::Get;
    if (t == "HEAD") return Method::Head;
    if (t == "POST") return Method::Post;
    if (t == "PUT") return Method::Put;
    if (t == "PATCH") return Method::Patch;
    if (t == "DELETE") return Method::Delete;
    if (t == "OPTIONS") return Method::Options;
    return Method::Other;
}

std::string_view method_name(Method m) {
    switch (m) {
        case Method::Get:
            return "GET";
        case Method::Head:
            return "HEAD";
        case Method::Post:
            return "POST";
        case Method::Put:
            return "PUT";
        case Method::Patch:
            return "PATCH";
        case Method::Delete:
            return "DELETE";
        case Method::Options:
            return "OPTIONS";
        case Method::Other:
            return "OTHER";
    }
    return "OTHER";
}

std::optional<std::string_view> Request::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return std::string_view(v);
    return std::nullopt;
}

bool Response::set_header(std::string_view name, std::string_view value) {
    if (!header_value_safe(name) || !header_value_safe(value)) return false;
    for (auto& [k, v] : headers) {
        if (iequals(k, name)) {
            v = std::string(value);
            return true;
        }
    }
    headers.emplace_back(std::string(name), std::string(value));
    return true;
}

bool Response::add_header(std::string_view name, std::string_view value) {
    if (!header_value_safe(name) || !header_value_safe(value)) return false;
    headers.emplace_back(std::string(name), std::string(value));
    return true;
}

std::optional<std::string_view> Response::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return std::string_view(v);
    return std::nullopt;
}

Response Response::html(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", "text/html; charset=utf-8");
    return r;
}

Response Response::json(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", "application/json; charset=utf-8");
    return r;
}

Response Response::text(int status, std::string body) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.set_header("Content-Type", "text/plain; charset=utf-8");
    return r;
}

Response Response::attachment(std::string body, std::string_view content_type, std::string_view filename) {
    Response r;
    r.status = 200;
    r.body = std::move(body);
    r.set_header("Content-Type", content_type);
    r.set_header("Content-Disposition", "attachment; filename=\"" + std::string(filename) + "\"");
    r.set_header("X-Content-Type-Options", "nosniff");
    return r;
}

Response Response::redirect(std::string_view location, int status) {
    Response r;
    r.status = status;
    // Only local paths: "/x" but not "//host" or "/\host".
    bool local = location.size() >= 1 && location[0] == '/' &&
                 !(location.size() >= 2 && (location[1] == '/' || location[1] == '\\'));
    if (!local || !r.set_header("Location", location)) r.set_header("Location", "/");
    r.set_header("Content-Type", "text/html; charset=utf-8");
    return r;
}

std::string_view danish_status_title(int status) {
    switch (status) {
        case 400:
            return "Ugyldig forespørgsel";
        case 401:
            return "Log ind for at fortsætte";
        case 403:
            return "Ingen adgang";
        case 404:
            return "Siden findes ikke";
        case 405:
            return "Metoden er ikke tilladt";
        case 408:
            return "Forespørgslen tog for lang tid";
        case 409:
            return "Konflikt";
        case 413:
            return "Forespørgslen er for stor";
        case 414:
            return "Adressen er for lang";
        case 415:
            return "Filtypen understøttes ikke";
        case 422:
            return "Formularen indeholder fejl";
        case 429:
            return "For mange forsøg";
        case 431:
            return "For store eller for mange headere";
        case 500:
            return "Der opstod en intern fejl";
        case 503:
            return "Tjenesten er midlertidigt utilgængelig";
        default:
            return "Fejl";
    }
}

}  // namespace web
