#include "support/page_harness.hpp"

#include "web/forms.hpp"

namespace test_support {

void PageHarness::make_site() {
    m_templates.add("web", web::layout_templates());
    m_site = std::make_unique<web::Site>(
        m_templates, web::SiteSettings{},
        [](const std::optional<core::Actor>&, std::string_view) { return web::View::List{}; });
}

void PageHarness::start_dispatcher() {
    web::AuthHooks hooks;
    hooks.resolve_session = [this](std::string_view token,
                                   const web::Request&) -> std::optional<web::Principal> {
        auto it = m_sessions.find(std::string(token));
        if (it == m_sessions.end()) return std::nullopt;
        return it->second;
    };
    hooks.resolve_api_token = [](std::string_view, const web::Request&) {
        return std::optional<web::Principal>{};
    };
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

void PageHarness::role_sessions(std::int64_t user_id, std::int64_t enterprise_id) {
    for (core::Role role : core::k_all_roles)
        session(std::string(core::role_code(role)), role, user_id,
                role == core::Role::Enterprise ? std::optional<std::int64_t>(enterprise_id) : std::nullopt);
}

web::Response PageHarness::request(web::Method method, std::string target, std::string session,
                                   std::string content_type, std::string body,
                                   std::vector<std::pair<std::string, std::string>> headers) {
    web::Request req;
    req.method = method;
    req.target = target;
    auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) req.query = target.substr(q + 1);
    req.client_ip = "127.0.0.1";
    req.request_id = "test";
    req.headers.emplace_back("host", "localhost");
    if (!session.empty()) req.headers.emplace_back("cookie", "bb_session=" + session);
    if (!content_type.empty()) req.headers.emplace_back("content-type", content_type);
    for (auto& h : headers) req.headers.push_back(std::move(h));
    req.body = std::move(body);
    if (method != web::Method::Get)
        req.headers.emplace_back("content-length", std::to_string(req.body.size()));
    return m_dispatcher->handle(req);
}

web::Response PageHarness::get(std::string target, std::string session) {
    return request(web::Method::Get, std::move(target), std::move(session));
}

web::Response PageHarness::post(std::string path, std::string session, std::string body) {
    std::string form = "csrf_token=" + csrf_of(session) + (body.empty() ? "" : "&" + body);
    return request(web::Method::Post, std::move(path), std::move(session),
                   "application/x-www-form-urlencoded", std::move(form));
}

web::Response PageHarness::post_multipart(std::string path, std::string session,
                                          const std::vector<Part>& parts, std::optional<std::string> csrf) {
    const std::string boundary = "----BrobyggerPageTest";
    std::string body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" +
                       csrf.value_or(csrf_of(session)) + "\r\n";
    for (const Part& p : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
        if (!p.filename.empty())
            body += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.content_type;
        body += "\r\n\r\n" + p.value + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return request(web::Method::Post, std::move(path), std::move(session),
                   "multipart/form-data; boundary=" + boundary, std::move(body));
}

std::string PageHarness::enc(std::string_view s) {
    return web::encode_query_value(s);
}

}  // namespace test_support
