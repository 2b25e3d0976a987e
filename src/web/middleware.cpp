#include "web/middleware.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/log.hpp"
#include "core/text.hpp"
#include "web/json.hpp"
#include "web/static_files.hpp"

namespace web {
namespace {

constexpr std::string_view k_flash_cookie = "bb_flash";
constexpr std::string_view k_csrf_cookie = "bb_csrf";

bool is_api_path(std::string_view path) {
    return path == "/api" || path.rfind("/api/", 0) == 0;
}

bool is_unsafe(Method m) {
    return m == Method::Post || m == Method::Put || m == Method::Patch || m == Method::Delete;
}

std::string_view content_type_base(const Request& req) {
    auto ct = req.header("content-type").value_or("");
    auto semi = ct.find(';');
    return core::trim(ct.substr(0, semi));
}

/// The security headers of every response (CS-02, CS-03). Error pages get them here too, so the
/// pages web::Server answers by itself (405 for TRACE, 400, 413, …) carry them as well.
void apply_security_headers(const Request& req, Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                   "form-action 'self'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "same-origin");
    res.set_header("X-Frame-Options", "DENY");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (req.secure) res.set_header("Strict-Transport-Security", "max-age=31536000");
    if (!res.header("Cache-Control")) res.set_header("Cache-Control", "no-store");
    if (!res.header("Content-Type")) res.set_header("Content-Type", "text/html; charset=utf-8");
}

Response with_security_headers(const Request& req, Response res) {
    apply_security_headers(req, res);
    return res;
}

}  // namespace

int status_for(core::ErrorCode code) {
    switch (code) {
        case core::ErrorCode::Validation:
            return 422;
        case core::ErrorCode::NotFound:
            return 404;
        case core::ErrorCode::Conflict:
            return 409;
        case core::ErrorCode::Forbidden:
            return 403;
        case core::ErrorCode::Unauthorized:
            return 401;
        case core::ErrorCode::TooManyRequests:
            return 429;
        case core::ErrorCode::TooLarge:
            return 413;
        case core::ErrorCode::Unavailable:
            return 503;
        case core::ErrorCode::Internal:
            return 500;
    }
    return 500;
}

std::optional<std::string> cookie_value(const Request& req, std::string_view name) {
    for (const auto& [k, v] : req.headers) {
        if (k != "cookie") continue;
        for (std::string_view part : core::split(v, ';')) {
            part = core::trim(part);
            auto eq = part.find('=');
            if (eq == std::string_view::npos) continue;
            if (part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
        }
    }
    return std::nullopt;
}

std::string random_token() {
    unsigned char buf[32];
    randombytes_buf(buf, sizeof buf);
    char out[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(out, sizeof out, buf, sizeof buf, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

bool is_local_path(std::string_view p) {
    if (p.empty() || p[0] != '/') return false;
    if (p.size() > 1 && (p[1] == '/' || p[1] == '\\')) return false;
    // No control characters at all: browsers drop tab/CR/LF from URLs, so "/\t/evil.example"
    // would become "//evil.example" (an open redirect).
    for (char c : p) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f || c == '\\') return false;
    }
    return p.size() <= 2048;
}

bool secrets_equal(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// ---------------------------------------------------------------- Site

Site::Site(const Templates& templates, SiteSettings settings, NavBuilder nav)
    : m_templates(templates), m_settings(std::move(settings)), m_nav(std::move(nav)) {}

bool Site::secure_cookies(const Request& req) const {
    return req.secure || m_settings.force_secure_cookies;
}

std::string Site::session_cookie_name(const Request& req) const {
    return secure_cookies(req) ? "__Host-bb_session" : "bb_session";
}

std::string Site::session_cookie(const Request& req, std::string_view token) const {
    std::string c = session_cookie_name(req) + "=" + std::string(token) + "; Path=/; HttpOnly; SameSite=Lax";
    if (secure_cookies(req)) c += "; Secure";
    return c;
}

std::string Site::clear_session_cookie(const Request& req) const {
    std::string c = session_cookie_name(req) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
    if (secure_cookies(req)) c += "; Secure";
    return c;
}

Response Site::page(const RequestContext& ctx, std::string_view template_name, const View& body,
                    std::string_view title, int status) const {
    View layout;
    layout.set("title", std::string(title));
    layout.set("municipality_name", m_settings.municipality_name);
    if (ctx.actor) {
        View user;
        user.set("display_name", ctx.display_name.empty() ? ctx.actor->username : ctx.display_name);
        user.set("role_label", std::string(core::role_label(ctx.actor->role)));
        layout.set("user", std::move(user));
    }
    layout.set("csrf_token", ctx.csrf_token);
    layout.set("nav", m_nav ? m_nav(ctx.actor, ctx.request.path) : View::List{});
    Response res;
    if (auto flash = cookie_value(ctx.request, k_flash_cookie); flash && flash->size() > 2) {
        if (auto text = decode_path(flash->substr(2))) {
            layout.set((*flash)[0] == 'e' ? "flash_error" : "flash_success", *text);
        }
        res.add_header("Set-Cookie", std::string(k_flash_cookie) + "=; Path=/; Max-Age=0; SameSite=Lax");
    }
    layout.set_html("content", m_templates.render(template_name, body));
    res.status = status;
    res.body = m_templates.render("web/layout", layout);
    res.set_header("Content-Type", "text/html; charset=utf-8");
    return res;
}

namespace {
/// A sentence explaining a status to a person, for when the caller gives no message.
std::string_view danish_status_explanation(int status) {
    switch (status) {
        case 400:
            return "Forespørgslen kunne ikke forstås. Gå tilbage, og prøv igen.";
        case 401:
            return "Du skal logge ind for at se siden.";
        case 403:
            return "Din rolle giver ikke adgang til denne side eller handling.";
        case 404:
            return "Adressen er forkert, eller siden er flyttet eller slettet.";
        case 405:
            return "Siden kan ikke bruges på denne måde.";
        case 408:
            return "Forespørgslen tog for lang tid. Prøv igen.";
        case 413:
            return "Det, du sendte, er større end tilladt.";
        case 429:
            return "Der har været for mange forsøg. Vent lidt, og prøv igen.";
        case 431:
            return "Forespørgslen havde for store eller for mange headere.";
        case 503:
            return "Tjenesten er midlertidigt utilgængelig. Prøv igen om lidt.";
        default:
            return "Der opstod en fejl hos os. Prøv igen senere.";
    }
}
}  // namespace

Response Site::error(const Request& req, const std::optional<core::Actor>& actor, int status,
                     std::string_view message) const {
    std::string text =
        message.empty() ? std::string(danish_status_explanation(status)) : std::string(message);
    if (is_api_path(req.path)) {
        core::ErrorCode code = core::ErrorCode::Internal;
        switch (status) {
            case 400:
            case 422:
                code = core::ErrorCode::Validation;
                break;
            case 401:
                code = core::ErrorCode::Unauthorized;
                break;
            case 403:
                code = core::ErrorCode::Forbidden;
                break;
            case 404:
                code = core::ErrorCode::NotFound;
                break;
            case 409:
                code = core::ErrorCode::Conflict;
                break;
            case 413:
            case 431:
                code = core::ErrorCode::TooLarge;
                break;
            case 429:
                code = core::ErrorCode::TooManyRequests;
                break;
            case 503:
                code = core::ErrorCode::Unavailable;
                break;
            default:
                break;
        }
        return with_security_headers(req,
                                     Response::json(status, json_error(status, core::Error{code, text, {}})));
    }
    View body;
    body.set("status", static_cast<std::int64_t>(status));
    body.set("heading", std::string(danish_status_title(status)));
    body.set("message", text);
    body.set("show_login", status == 401 || (status == 403 && !actor));
    body.set("home_href", actor ? "/dashboard" : "/");
    RequestContext ctx{const_cast<Request&>(req), {}, actor, {}, {}, {}, {}, {}, false};
    try {
        return with_security_headers(req, page(ctx, "web/error", body, danish_status_title(status), status));
    } catch (const std::exception& e) {
        core::log::error(std::string("error page failed: ") + e.what());
        return with_security_headers(
            req, Response::html(status, "<!doctype html><html lang=\"da\"><title>Fejl</title><h1>" +
                                            std::string(danish_status_title(status)) + "</h1></html>"));
    }
}

Response Site::from_error(const RequestContext& ctx, const core::Error& error) const {
    int status = status_for(error.code);
    if (ctx.api) return Response::json(status, json_error(status, error));
    return this->error(ctx.request, ctx.actor, status, error.message);
}

Response Site::redirect_with_flash(const RequestContext& ctx, std::string_view location,
                                   std::string_view message, bool is_error) const {
    (void)ctx;
    Response r = Response::redirect(location);
    std::string value = std::string(is_error ? "e:" : "s:") + encode_query_value(message);
    r.add_header("Set-Cookie",
                 std::string(k_flash_cookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Lax");
    return r;
}

Response Site::json(int status, const View& view) {
    return Response::json(status, to_json(view));
}

// ---------------------------------------------------------------- Dispatcher

Dispatcher::Dispatcher(const Router& router, const Site& site, const StaticFiles* static_files,
                       AuthHooks hooks)
    : m_router(router), m_site(site), m_static(static_files), m_hooks(std::move(hooks)) {}

void Dispatcher::add_security_headers(const Request& req, Response& res) const {
    apply_security_headers(req, res);
}

Response Dispatcher::handle(Request& req) {
    Response res;
    try {
        res = dispatch(req);
    } catch (const std::exception& e) {
        core::log::error("request " + req.request_id + " failed: " + e.what());
        res = m_site.error(req, std::nullopt, 500);
    }
    add_security_headers(req, res);
    return res;
}

Response Dispatcher::dispatch(Request& req) {
    auto path = decode_path(req.path);
    if (!path || path->empty() || (*path)[0] != '/') return m_site.error(req, std::nullopt, 400);

    if (m_static && (req.method == Method::Get || req.method == Method::Head)) {
        if (auto r = m_static->serve(req)) {
            if (r->status >= 400) return m_site.error(req, std::nullopt, r->status);  // the Danish page
            return *r;
        }
    }

    auto match = m_router.match(req.method, *path);
    bool api = is_api_path(*path);

    // Authenticate before deciding 404 vs 405 vs 401 so responses do not depend on guessing.
    std::optional<Principal> principal;
    bool via_cookie = false;
    std::string cookie_name = m_site.session_cookie_name(req);
    auto cookie = cookie_value(req, cookie_name);
    if (cookie && !cookie->empty() && m_hooks.resolve_session) {
        principal = m_hooks.resolve_session(*cookie, req);
        via_cookie = principal.has_value();
    }
    if (!principal && api && m_hooks.resolve_api_token) {
        auto auth = req.header("authorization");
        if (auth && auth->size() > 7 && auth->substr(0, 7) == "Bearer ")
            principal = m_hooks.resolve_api_token(core::trim(auth->substr(7)), req);
    }
    std::optional<core::Actor> actor;
    if (principal) actor = principal->actor;

    if (!match.route) {
        return m_site.error(req, actor, match.path_exists ? 405 : 404);
    }
    if (principal && principal->must_change_password && *path != "/account/password" && *path != "/logout") {
        if (api) return m_site.error(req, actor, 403, "Adgangskoden skal skiftes, før API'et kan bruges.");
        return Response::redirect("/account/password");
    }
    const Route& route = *match.route;

    if (!route.access.allows(actor ? std::optional<core::Role>(actor->role) : std::nullopt)) {
        if (!actor) {
            if (api) return m_site.error(req, actor, 401, "Log ind eller brug et API-token.");
            std::string next = req.target;
            Response r = Response::redirect(is_local_path(next) && req.method == Method::Get
                                                ? "/login?next=" + encode_query_value(next)
                                                : "/login");
            if (cookie) r.add_header("Set-Cookie", m_site.clear_session_cookie(req));
            return r;
        }
        if (m_hooks.on_denied) m_hooks.on_denied(req, actor, "role");
        return m_site.error(req, actor, 403);
    }

    RequestContext ctx{req, std::move(match.params), actor, {}, {}, {}, {}, {}, api};
    if (principal) {
        ctx.display_name = principal->display_name;
        ctx.csrf_token = principal->csrf_token;
        ctx.session_token = principal->session_token;
    }
    bool new_csrf_cookie = false;
    if (!principal) {
        // Anonymous forms (login) use a double-submit token in a cookie.
        auto c = cookie_value(req, k_csrf_cookie);
        if (c && c->size() >= 32)
            ctx.csrf_token = *c;
        else {
            ctx.csrf_token = random_token();
            new_csrf_cookie = true;
        }
    }

    auto query = Form::parse_urlencoded(req.query);
    if (!query.ok()) return m_site.error(req, actor, 400, query.error().message);
    ctx.query = std::move(query.value());

    if (is_unsafe(req.method)) {
        std::string_view ct = content_type_base(req);
        if (ct == "application/x-www-form-urlencoded") {
            auto form = Form::parse_urlencoded(req.body);
            if (!form.ok()) return m_site.error(req, actor, 400, form.error().message);
            ctx.form = std::move(form.value());
        } else if (ct == "application/json") {
            auto form = Form::parse_json(req.body);
            if (!form.ok()) return m_site.error(req, actor, 400, form.error().message);
            ctx.form = std::move(form.value());
        } else if (core::to_lower_ascii(ct) == "multipart/form-data") {
            // Uploads: text fields (csrf_token) into the form, file parts to the handler.
            auto parts = parse_multipart(req.header("content-type").value_or(""), req.body);
            if (!parts.ok()) return m_site.error(req, actor, 400, parts.error().message);
            ctx.form = std::move(parts->fields);
            ctx.files = std::move(parts->files);
        }
        if (route.csrf == CsrfCheck::Required) {
            bool ok = true;
            if (auto origin = req.header("origin"); origin && *origin != "null") {
                auto host = req.header("host").value_or("");
                std::string expect_http = "http://" + std::string(host);
                std::string expect_https = "https://" + std::string(host);
                ok = *origin == expect_https || (!req.secure && *origin == expect_http);
            }
            if (ok && (via_cookie || !principal)) {
                std::string sent =
                    ctx.form.get("csrf_token").value_or(std::string(req.header("x-csrf-token").value_or("")));
                ok = new_csrf_cookie ? false : secrets_equal(sent, ctx.csrf_token);
            }
            if (!ok) {
                if (m_hooks.on_denied) m_hooks.on_denied(req, actor, "csrf");
                return m_site.error(
                    req, actor, 403,
                    "Formularen er udløbet eller kom fra en anden side. Genindlæs siden og prøv igen.");
            }
        }
    }

    Response res = route.handler(ctx);
    if (new_csrf_cookie) {
        std::string c =
            std::string(k_csrf_cookie) + "=" + ctx.csrf_token + "; Path=/; HttpOnly; SameSite=Lax";
        if (m_site.secure_cookies(req)) c += "; Secure";
        res.add_header("Set-Cookie", c);
    }
    return res;
}

}  // namespace web
