#pragma once
/// A feature's pages and JSON through the real web::Dispatcher (routes, access rules, templates,
/// CSRF) without sockets: the fixture part every feature's HTTP test shares. Mix it into a
/// BackendTest fixture: add the feature's templates to m_templates, call make_site(), register
/// the feature's routes on m_router with *m_site, call start_dispatcher(), then add sessions.
/// Every feature's HTTP tests use it; none builds its own dispatcher.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

    /// A logged-in session whose cookie value is `token` and whose CSRF token is csrf_of(token).
    void session(std::string token, core::Role role, std::int64_t user_id,
                 std::optional<std::int64_t> enterprise_id);
    /// One session per role, named by the role's code ("admin", "consultant", …), all with
    /// `user_id`; the "enterprise" session belongs to `enterprise_id`.
    void role_sessions(std::int64_t user_id = 0, std::int64_t enterprise_id = 1);
    /// The CSRF token of a session made by session() or role_sessions().
    static std::string csrf_of(std::string_view token) { return "csrf-" + std::string(token); }

    /// Any request to `target` (path and query) as it is: the session cookie when `session` is
    /// not empty, the content type when given, no CSRF token added.
    web::Response request(web::Method method, std::string target, std::string session = {},
                          std::string content_type = {}, std::string body = {},
                          std::vector<std::pair<std::string, std::string>> headers = {});
    /// GET `target` (path and query), with the session cookie when `session` is not empty.
    web::Response get(std::string target, std::string session = {});
    /// POST an urlencoded `body` to `path` in `session`, with the session's CSRF token.
    web::Response post(std::string path, std::string session, std::string body);

    /// One part of a multipart/form-data body: a field, or a file when `filename` is set.
    struct Part {
        std::string name;
        std::string value;
        std::string filename;
        std::string content_type = "application/octet-stream";
    };
    /// POST multipart/form-data to `path` in `session`: a csrf_token part first (the session's
    /// token, or `csrf` when given), then `parts`.
    web::Response post_multipart(std::string path, std::string session, const std::vector<Part>& parts,
                                 std::optional<std::string> csrf = std::nullopt);

    /// Percent-encodes a form value.
    static std::string enc(std::string_view s);
    /// True when the response body contains `text`.
    static bool has(const web::Response& r, std::string_view text) {
        return r.body.find(text) != std::string::npos;
    }

    web::Templates m_templates;
    std::unique_ptr<web::Site> m_site;
    web::Router m_router;
    std::unique_ptr<web::Dispatcher> m_dispatcher;
    std::map<std::string, web::Principal> m_sessions;
};

}  // namespace test_support
