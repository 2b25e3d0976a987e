#pragma once
/// A feature's pages and JSON through the real web::Dispatcher (routes, access rules, templates,
/// CSRF) without sockets: the fixture part every feature's HTTP test shares. Mix it into a
/// BackendTest fixture: add the feature's templates to m_templates, call make_site(), register
/// the feature's routes on m_router with *m_site, call start_dispatcher(), then add sessions.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"
#include "web/templates.hpp"

namespace test_support {

class PageHarness {
protected:
    /// Adds the layout templates and creates the Site (no navigation entries).
    void make_site();
    /// Creates the dispatcher; sessions are resolved from session().
    void start_dispatcher();

    /// A logged-in session whose cookie value is `token` and whose CSRF token is "csrf-<token>".
    void session(std::string token, core::Role role, std::int64_t user_id, std::optional<std::int64_t> enterprise_id);

    /// GET `target` (path and query), with the session cookie when `session` is not empty.
    web::Response get(std::string target, std::string session = {});
    /// POST an urlencoded `body` to `path` in `session`, with the session's CSRF token.
    web::Response post(std::string path, std::string session, std::string body);
    /// Percent-encodes a form value.
    static std::string enc(std::string_view s);

    web::Templates m_templates;
    std::unique_ptr<web::Site> m_site;
    web::Router m_router;
    std::unique_ptr<web::Dispatcher> m_dispatcher;
    std::map<std::string, web::Principal> m_sessions;
};

}  // namespace test_support
