#include "web/router.hpp"

#include <stdexcept>

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

namespace {

std::optional<std::int64_t> positive_id(std::string_view text) {
    long long v = 0;
    if (!core::parse_int64(text, v) || v <= 0) return std::nullopt;
    return v;
}

/// A "{name}" or "{name:type}" segment split into name and type; nullopt for a literal segment.
struct ParamSegment {
    std::string_view name;
    std::string_view type;
};

std::optional<ParamSegment> param_segment(std::string_view segment) {
    if (segment.size() < 2 || segment.front() != '{' || segment.back() != '}') return std::nullopt;
    std::string_view inner = segment.substr(1, segment.size() - 2);
    auto colon = inner.find(':');
    if (colon == std::string_view::npos) return ParamSegment{inner, {}};
    return ParamSegment{inner.substr(0, colon), inner.substr(colon + 1)};
}

}  // namespace

std::optional<std::int64_t> RequestContext::id_param(std::string_view name) const {
    auto it = params.find(std::string(name));
    if (it == params.end()) return std::nullopt;
    return positive_id(it->second);
}

std::int64_t RequestContext::int_param(std::string_view name) const {
    if (auto v = id_param(name)) return *v;
    throw std::logic_error("route has no {" + std::string(name) + ":int} parameter");
}

std::string path_template(std::string_view pattern) {
    std::string out;
    bool in_param = false, in_type = false;
    for (char c : pattern) {
        if (c == '{')
            in_param = true;
        else if (c == '}')
            in_param = in_type = false;
        else if (c == ':' && in_param)
            in_type = true;
        if (!in_type) out += c;
    }
    return out;
}

core::Actor RequestContext::actor_or_anonymous() const {
    if (actor) return *actor;
    core::Actor a = core::Actor::system("anonymous");
    a.role = core::Role::Buyer;  // never used for access: anonymous routes are public
    a.client_ip = request.client_ip;
    a.request_id = request.request_id;
    return a;
}

void Router::add(Route route) {
    for (std::string_view segment : core::split(route.pattern, '/'))
        if (auto p = param_segment(segment); p && !p->type.empty() && p->type != "int")
            throw std::invalid_argument("unknown parameter type in route " + route.pattern);
    m_routes.push_back(std::move(route));
}

void Router::get(std::string pattern, Access access, RouteHandler h, std::string summary) {
    add(Route{Method::Get, std::move(pattern), access, std::move(h), std::move(summary),
              CsrfCheck::Required});
}

void Router::post(std::string pattern, Access access, RouteHandler h, std::string summary) {
    add(Route{Method::Post, std::move(pattern), access, std::move(h), std::move(summary),
              CsrfCheck::Required});
}

namespace {

bool match_pattern(std::string_view pattern, std::string_view path,
                   std::map<std::string, std::string>& params) {
    auto ps = core::split(pattern, '/');
    auto xs = core::split(path, '/');
    if (ps.size() != xs.size()) return false;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (auto p = param_segment(ps[i])) {
            if (xs[i].empty()) return false;
            if (p->type == "int" && !positive_id(xs[i])) return false;
            params[std::string(p->name)] = std::string(xs[i]);
        } else if (ps[i] != xs[i]) {
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
