#pragma once
/// Routes with their access rule. Every route declares who may call it; the access-matrix
/// test walks `Router::routes()` so an undeclared route cannot exist.
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "web/forms.hpp"
#include "web/http.hpp"
#include "web/multipart.hpp"

namespace web {

/// Who may call a route.
class Access {
public:
    /// Anyone, logged in or not (public pages, login form, health check).
    static Access everyone() { return Access(true, {}); }
    /// Any logged-in user, whatever the role.
    static Access any_user() { return Access(false, {}); }
    /// Only these roles.
    static Access roles(std::initializer_list<core::Role> roles) { return Access(false, roles); }

    [[nodiscard]] bool is_public() const { return m_public; }
    /// True when a caller with this role (nullopt = anonymous) may call the route.
    [[nodiscard]] bool allows(std::optional<core::Role> role) const;
    /// "public", "any", or "admin,consultant".
    [[nodiscard]] std::string describe() const;

private:
    Access(bool pub, std::initializer_list<core::Role> roles) : m_public(pub), m_roles(roles) {}
    bool m_public;
    std::vector<core::Role> m_roles;
};

/// What a handler sees: the request, path parameters, the caller and the parsed form/JSON body.
struct RequestContext {
    Request& request;
    std::map<std::string, std::string> params;  ///< path parameters, percent-decoded
    std::optional<core::Actor> actor;           ///< nullopt for anonymous callers
    std::string display_name;
    std::string csrf_token;           ///< the session's token (for forms on the page)
    std::string session_token;        ///< raw cookie value (to end this session)
    Form form;                        ///< urlencoded or JSON body, decoded once
    Form query;                       ///< query string, decoded once
    bool api = false;                 ///< path under /api/
    std::vector<UploadedFile> files;  ///< file parts of a multipart/form-data body

    /// Path parameter as a positive integer id; nullopt when absent or not a number.
    [[nodiscard]] std::optional<std::int64_t> id_param(std::string_view name) const;
    /// A typed path parameter ({name:int}), which the router matched only as a positive integer.
    /// Throws std::logic_error when the route declares no such parameter (a programming error).
    [[nodiscard]] std::int64_t int_param(std::string_view name) const;
    /// The actor for services: the logged-in user, or a system actor for anonymous calls.
    [[nodiscard]] core::Actor actor_or_anonymous() const;
};

using RouteHandler = std::function<Response(RequestContext&)>;

enum class CsrfCheck { Required, Exempt };

struct Route {
    Method method = Method::Get;
    /// "/admin/users/{id:int}/disable": {name} matches one non-empty path segment, {name:int} only
    /// a positive integer (anything else answers 404 before the handler runs).
    std::string pattern;
    Access access = Access::any_user();
    RouteHandler handler;
    std::string summary;  ///< one line for the OpenAPI document and the route list
    CsrfCheck csrf = CsrfCheck::Required;
};

/// The pattern with the parameter types left out ("/users/{id:int}" → "/users/{id}"): the path
/// as the OpenAPI document and the access policy write it.
std::string path_template(std::string_view pattern);

class Router {
public:
    /// Adds a route; throws std::invalid_argument for a parameter type other than "int".
    void add(Route route);
    void get(std::string pattern, Access access, RouteHandler h, std::string summary = {});
    void post(std::string pattern, Access access, RouteHandler h, std::string summary = {});

    struct Match {
        const Route* route = nullptr;
        std::map<std::string, std::string> params;
        bool path_exists = false;  ///< some route has this path but another method → 405
    };
    /// Matches a percent-decoded path. HEAD matches GET routes.
    [[nodiscard]] Match match(Method method, std::string_view path) const;
    [[nodiscard]] const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

}  // namespace web
