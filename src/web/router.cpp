#include "web/router.hpp"

#include "core/text.hpp"

namespace web {

bool Access::allows(std::optional<core::Role> role) const {
    if (m_public) return true;
    if (!role) return false;
    if (m_roles.empty()) return true;
    for (core::Role r : m_roles)
        if (r == *role) return true;
    return false;
}

std::string Access::describe() const {
    if (m_public) return "public";
    if (m_roles.empty()) return "any";
    std::string s;
    for (core::Role r : m_roles) {
        if (!s.empty()) s += ',';
        s += core::role_code(r);
    }
    return s;
}

std::optional<std::int64_t> RequestContext::id_param(std::string_view name) const {
    auto it = params.find(std::string(name));
    if (it == params.end()) return std::nullopt;
    long long v = 0;
    if (!core::parse_int64(it->second, v) || v <= 0) return std::nullopt;
    return v;
}

core::Actor RequestContext::actor_or_anonymous() const {
    if (actor) return *actor;
    core::Actor a = core::Actor::system("anonymous");
    a.role = core::Role::Buyer;  // never used for access: anonymous routes are public
    a.client_ip = request.client_ip;
    a.request_id = request.request_id;
    return a;
}

void Router::add(Route route) { m_routes.push_back(std::move(route)); }

void Router::get(std::string pattern, Access access, RouteHandler h, std::string summary) {
    add(Route{Method::Get, std::move(pattern), access, std::move(h), std::move(summary), CsrfCheck::Required});
}

void Router::post(std::string pattern, Access access, RouteHandler h, std::string summary) {
    add(Route{Method::Post, std::move(pattern), access, std::move(h), std::move(summary), CsrfCheck::Required});
}

namespace {

bool match_pattern(std::string_view pattern, std::string_view path, std::map<std::string, std::string>& params) {
    auto ps = core::split(pattern, '/');
    auto xs = core::split(path, '/');
    if (ps.size() != xs.size()) return false;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        std::string_view p = ps[i];
        if (p.size() >= 2 && p.front() == '{' && p.back() == '}') {
            if (xs[i].empty()) return false;
            params[std::string(p.substr(1, p.size() - 2))] = std::string(xs[i]);
        } else if (p != xs[i]) {
            return false;
        }
    }
    return true;
}

}  // namespace

Router::Match Router::match(Method method, std::string_view path) const {
    Match result;
    Method want = method == Method::Head ? Method::Get : method;
    for (const Route& r : m_routes) {
        std::map<std::string, std::string> params;
        if (!match_pattern(r.pattern, path, params)) continue;
        if (r.method == want) {
            result.route = &r;
            result.params = std::move(params);
            return result;
        }
        result.path_exists = true;
    }
    return result;
}

}  // namespace web
