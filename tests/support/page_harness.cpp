#include "support/page_harness.hpp"

#include "web/forms.hpp"

namespace test_support {

void PageHarness::make_site() {
    m_templates.add("web", web::layout_templates());
    m_site = std::make_unique<web::Site>(m_templates, web::SiteSettings{},
                                         [](const std::optional<core::Actor>&, std::string_view) {
                                             return web::View::List{};
                                         });
}

void PageHarness::start_dispatcher() {
    web::AuthHooks hooks;
    hooks.resolve_session = [this](std::string_view token, const web::Request&) -> std::optional<web::Principal> {
        auto it = m_sessions.find(std::string(token));
        if (it == m_sessions.end()) return std::nullopt;
        return it->second;
    };
    hooks.resolve_api_token = [](std::string_view, const web::Request&) { return std::optional<web::Principal>{}; };
    hooks.on_denied = [](const web::Request&, const std::optional<core::Actor>&, std::string_view) {};
    m_dispatcher = std::make_unique<web::Dispatcher>(m_router, *m_site, nullptr, std::move(hooks));
}

void PageHarness::session(std::string token, core::Role role, std::int64_t user_id,
                          std::optional<std::int64_t> enterprise_id) {
    web::Principal p;
    p.actor.user_id = user_id;
    p.actor.username = token;
    p.actor.role = role;
    p.actor.enterprise_id = enterprise_id;
    p.display_name = token;
    p.csrf_token = "csrf-" + token;
    p.session_token = token;
    m_sessions.emplace(token, p);
}

web::Response PageHarness::get(std::string target, std::string session) {
    web::Request req;
    req.method = web::Method::Get;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = target.substr(q + 1);
    req.client_ip = "127.0.0.1";
    req.request_id = "test";
    req.headers.emplace_back("host", "localhost");
    if (!session.empty()) req.headers.emplace_back("cookie", "bb_session=" + session);
    return m_dispatcher->handle(req);
}

web::Response PageHarness::post(std::string path, std::string session, std::string body) {
    web::Request req;
    req.method = web::Method::Post;
    req.target = path;
    req.path = path;
    req.client_ip = "127.0.0.1";
    req.request_id = "test";
    req.headers.emplace_back("host", "localhost");
    req.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    if (!session.empty()) req.headers.emplace_back("cookie", "bb_session=" + session);
    req.body = "csrf_token=csrf-" + session + (body.empty() ? "" : "&" + body);
    req.headers.emplace_back("content-length", std::to_string(req.body.size()));
    return m_dispatcher->handle(req);
}

std::string PageHarness::enc(std::string_view s) { return web::encode_query_value(s); }

}  // namespace test_support
