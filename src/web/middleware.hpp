#pragma once
/// The request pipeline around the router: path decoding, static files, authentication,
/// the access rule of each route, CSRF, security headers, and error pages (HTML or JSON).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "web/router.hpp"
#include "web/templates.hpp"

namespace web {

class StaticFiles;

/// A logged-in caller as resolved from a session cookie or an API token.
struct Principal {
    core::Actor actor;
    std::string display_name;
    std::string csrf_token;             ///< empty for API tokens (no ambient credentials → no CSRF)
    std::string session_token;          ///< raw cookie value, empty for API tokens
    bool must_change_password = false;  ///< only /account/password and /logout until changed
};

struct AuthHooks {
    /// Resolves a session cookie; nullopt when unknown, expired or the user is disabled.
    std::function<std::optional<Principal>(std::string_view token, const Request&)> resolve_session;
    /// Resolves "Authorization: Bearer …" for /api/v1; nullopt when unknown or revoked.
    std::function<std::optional<Principal>(std::string_view token, const Request&)> resolve_api_token;
    /// Called for every refused access (wrong role, missing/bad CSRF) so it can be logged.
    std::function<void(const Request&, const std::optional<core::Actor>&, std::string_view reason)> on_denied;
};

struct SiteSettings {
    std::string municipality_name = "Kommunen";
    bool force_secure_cookies = false;  ///< also when the request is not seen as TLS
};

/// Builds the navigation for a caller (nullopt = anonymous) with `current` marking the path.
using NavBuilder = std::function<View::List(const std::optional<core::Actor>&, std::string_view path)>;

/// Renders pages inside the layout and maps errors to pages or JSON.
class Site {
public:
    Site(const Templates& templates, SiteSettings settings, NavBuilder nav);

    /// Renders `template_name` with `body`, wrapped in the layout with title, nav and flash.
    [[nodiscard]] Response page(const RequestContext& ctx, std::string_view template_name, const View& body,
                                std::string_view title, int status = 200) const;
    /// The error page (HTML) or the JSON error (API paths) for a status.
    [[nodiscard]] Response error(const Request& req, const std::optional<core::Actor>& actor, int status,
                                 std::string_view message = {}) const;
    /// Maps a service error to its status and renders it (HTML page or JSON).
    [[nodiscard]] Response from_error(const RequestContext& ctx, const core::Error& error) const;
    /// 303 to a local path with a one-time message shown on the next page.
    [[nodiscard]] Response redirect_with_flash(const RequestContext& ctx, std::string_view location,
                                               std::string_view message, bool is_error = false) const;
    /// JSON body with a status (API handlers).
    [[nodiscard]] static Response json(int status, const View& view);
    [[nodiscard]] const SiteSettings& settings() const { return m_settings; }
    [[nodiscard]] const Templates& templates() const { return m_templates; }
    /// Name of the session cookie for this request ("__Host-bb_session" over TLS).
    [[nodiscard]] std::string session_cookie_name(const Request& req) const;
    /// A Set-Cookie value for the session (HttpOnly, SameSite=Lax, Secure over TLS).
    [[nodiscard]] std::string session_cookie(const Request& req, std::string_view token) const;
    [[nodiscard]] std::string clear_session_cookie(const Request& req) const;
    [[nodiscard]] bool secure_cookies(const Request& req) const;

private:
    const Templates& m_templates;
    SiteSettings m_settings;
    NavBuilder m_nav;
};

/// HTTP status for a service error kind.
int status_for(core::ErrorCode code);
/// Cookie value by name from the Cookie header; nullopt when absent.
std::optional<std::string> cookie_value(const Request& req, std::string_view name);
/// A random URL-safe token (32 bytes from libsodium's CSPRNG).
std::string random_token();
/// True for "/x…" paths that stay on this site (not "//host", "/\host", no CR/LF).
bool is_local_path(std::string_view path);
/// Constant-time comparison of two secrets.
bool secrets_equal(std::string_view a, std::string_view b);

/// The whole pipeline: give it to web::Server as the handler.
class Dispatcher {
public:
    Dispatcher(const Router& router, const Site& site, const StaticFiles* static_files, AuthHooks hooks);
    Response handle(Request& req);

private:
    Response dispatch(Request& req);
    void add_security_headers(const Request& req, Response& res) const;

    const Router& m_router;
    const Site& m_site;
    const StaticFiles* m_static;
    AuthHooks m_hooks;
};

}  // namespace web
