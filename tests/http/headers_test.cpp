// Response headers on every kind of response (security checklist CS-02, CS-03, CS-04, HT-08)
// and the health check (RE-10).
#include <map>

#include "accounts/account_service.hpp"
#include "app/application.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"
#include "web/router.hpp"

namespace http_test {
namespace {

using core::Role;

class HeadersTest : public HttpTest {};

/// The directives of a Content-Security-Policy value: name → sources.
std::map<std::string, std::string> csp_directives(const std::string& policy) {
    std::map<std::string, std::string> out;
    std::size_t at = 0;
    while (at < policy.size()) {
        std::size_t end = policy.find(';', at);
        if (end == std::string::npos) end = policy.size();
        std::string d = policy.substr(at, end - at);
        while (!d.empty() && d.front() == ' ') d.erase(0, 1);
        const std::size_t sp = d.find(' ');
        if (!d.empty()) out[d.substr(0, sp)] = sp == std::string::npos ? "" : d.substr(sp + 1);
        at = end + 1;
    }
    return out;
}

bool is_static(const std::string& target) {
    return target.rfind("/static/", 0) == 0;
}

/// The header set every response must carry (CS-02, CS-03, HT-08).
::testing::AssertionResult has_security_headers(const std::string& what, const Response& r) {
    std::vector<std::string> problems;
    const auto csp = r.header("content-security-policy");
    if (!csp) {
        problems.push_back("no Content-Security-Policy");
    } else {
        const auto d = csp_directives(*csp);
        auto script = d.count("script-src")    ? d.at("script-src")
                      : d.count("default-src") ? d.at("default-src")
                                               : "";
        if (script.empty()) problems.push_back("CSP without script-src/default-src");
        for (const char* bad : {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"})
            if ((" " + script + " ").find(std::string(" ") + bad + " ") != std::string::npos)
                problems.push_back(std::string("script-src allows ") + bad);
        if (!d.count("frame-ancestors") || d.at("frame-ancestors") != "'none'")
            problems.push_back("frame-ancestors is not 'none'");
        if (!d.count("object-src") || d.at("object-src") != "'none'")
            problems.push_back("object-src is not 'none'");
        if (!d.count("base-uri") || d.at("base-uri") != "'none'")
            problems.push_back("base-uri is not 'none'");
    }
    if (r.all("x-content-type-options") != std::vector<std::string>{"nosniff"})
        problems.push_back("nosniff missing or repeated");
    const std::string referrer = r.header("referrer-policy").value_or("");
    if (referrer != "same-origin" && referrer != "no-referrer" &&
        referrer != "strict-origin-when-cross-origin" && referrer != "strict-origin")
        problems.push_back("Referrer-Policy is '" + referrer + "'");
    const std::string type = r.header("content-type").value_or("");
    if (!r.body.empty() && type.empty()) problems.push_back("a body without Content-Type");
    if ((type.rfind("text/", 0) == 0 || type.rfind("application/json", 0) == 0) &&
        type.find("charset=utf-8") == std::string::npos)
        problems.push_back("Content-Type without charset: " + type);
    const bool static_file = is_static(what.substr(what.find(' ') + 1)) && r.status == 200;
    if (!static_file && r.header("cache-control") != "no-store")
        problems.push_back("Cache-Control is '" + r.header("cache-control").value_or("") + "', not no-store");
    const std::string server = r.header("server").value_or("");
    if (server.find_first_of("0123456789/") != std::string::npos)
        problems.push_back("Server reveals a version: " + server);
    if (r.header("x-powered-by")) problems.push_back("X-Powered-By present");
    if (r.header("access-control-allow-origin")) problems.push_back("CORS header present");
    if (problems.empty()) return ::testing::AssertionSuccess();
    auto f = ::testing::AssertionFailure() << what << " → " << r.status << ":";
    for (const auto& p : problems) f << "\n  - " << p;
    return f;
}

TEST_P(HeadersTest, EveryRouteResponseCarriesTheSecurityHeaders) {
    Client admin = login_as(Role::Admin);
    Client anonymous = client();
    const std::int64_t id = user_id("konsulent");
    int checked = 0;
    for (const web::Route& route : app().router().routes()) {
        const std::string path = fill_params(route.pattern, id);
        if (route.method == web::Method::Get) {
            for (Client* c : {&admin, &anonymous}) {
                EXPECT_TRUE(has_security_headers("GET " + path, c->get(path)));
                EXPECT_TRUE(has_security_headers("HEAD " + path, c->request("HEAD", path)));
                checked += 2;
            }
        } else {
            // Refused (no token) and accepted (token, empty form) writes alike.
            EXPECT_TRUE(has_security_headers("POST " + path, anonymous.post_form(path, {})));
            Client fresh = login_as(Role::Admin);
            EXPECT_TRUE(has_security_headers("POST " + path, fresh.post_form(path, {})));
            EXPECT_TRUE(
                has_security_headers("POST " + path, fresh.post_form(path, {{"csrf_token", fresh.csrf()}})));
            checked += 3;
        }
    }
    EXPECT_GT(checked, 60);
}

TEST_P(HeadersTest, ErrorStaticAndRedirectResponsesCarryThemToo) {
    Client admin = login_as(Role::Admin);
    Client anonymous = client();
    Client consultant = login_as(Role::Consultant);
    struct Case {
        Client* client;
        std::string method, target;
        int status;
    };
    const std::vector<Case> cases = {
        {&anonymous, "GET", "/findes-ikke", 404},
        {&admin, "GET", "/findes-ikke", 404},
        {&anonymous, "GET", "/api/v1/findes-ikke", 404},
        {&anonymous, "GET", "/api/v1/me", 401},
        {&consultant, "GET", "/api/v1/users", 403},
        {&consultant, "GET", "/admin/users", 403},
        {&anonymous, "GET", "/admin/users", 303},
        {&admin, "GET", "/admin/users/999999", 404},
        {&anonymous, "DELETE", "/healthz", 405},
        {&anonymous, "PUT", "/api/v1/me", 405},
        {&anonymous, "GET", "/%zz", 400},
        {&anonymous, "GET", "/static/css/app.css", 200},
        {&anonymous, "GET", "/static/js/app.js", 200},
        {&anonymous, "GET", "/static/favicon.svg", 200},
        {&anonymous, "GET", "/static/dkfds/css/dkfds.min.css", 200},
        {&anonymous, "GET", "/static/findes-ikke.css", 404},
        {&anonymous, "GET", "/static/%2e%2e/CMakeLists.txt", 404},
        {&anonymous, "GET", "/.git/HEAD", 404},
        {&anonymous, "GET", "/api/v1/openapi.json", 200},
        {&anonymous, "GET", "/healthz", 200},
    };
    for (const Case& k : cases) {
        Response r = k.client->request(k.method, k.target);
        EXPECT_EQ(r.status, k.status) << k.method << " " << k.target << ": " << r.describe();
        EXPECT_TRUE(has_security_headers(k.method + " " + k.target, r));
    }
    // A login error page (422) and a CSRF refusal (403) from a form post.
    ASSERT_EQ(anonymous.get("/login").status, 200);
    Response invalid = anonymous.post_form("/login", {{"csrf_token", *anonymous.cookie("bb_csrf")}});
    EXPECT_EQ(invalid.status, 422);
    EXPECT_TRUE(has_security_headers("POST /login (empty)", invalid));
    Response refused = admin.post_form("/admin/users", {});
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(has_security_headers("POST /admin/users (no token)", refused));
}

TEST_P(HeadersTest, StaticFilesMayBeCachedButPagesMayNot) {  // CS-03
    Client c = client();
    Response css = c.get("/static/css/app.css");
    ASSERT_EQ(css.status, 200);
    EXPECT_EQ(css.header("content-type").value_or(""), "text/css; charset=utf-8");
    EXPECT_NE(css.header("cache-control").value_or("no-store"), "no-store");
    Client admin = login_as(Role::Admin);
    for (const char* page : {"/dashboard", "/admin/users", "/api/v1/users", "/admin/audit"})
        EXPECT_EQ(admin.get(page).header("cache-control"), "no-store") << page;
}

TEST_P(HeadersTest, ServerLevelErrorsCarryTheSecurityHeaders) {  // CS-02 on errors the server answers itself
    Client c = client();
    Response trace = c.request("TRACE", "/", {{"Cookie", "bb_session=geheim-vaerdi"}});
    EXPECT_EQ(trace.status, 405) << trace.describe();
    EXPECT_EQ(trace.body.find("geheim-vaerdi"), std::string::npos) << "TRACE must not echo the request";
    EXPECT_TRUE(has_security_headers("TRACE /", trace));
    Response absolute = c.request("GET", "http://evil.example/");
    EXPECT_EQ(absolute.status, 400) << absolute.describe();
    EXPECT_TRUE(has_security_headers("GET http://evil.example/", absolute));
}

TEST_P(HeadersTest, TraceAndUnknownMethodsAreRefused) {  // HT-08
    Client admin = login_as(Role::Admin);
    for (const char* target : {"/", "/admin/users", "/api/v1/me"}) {
        EXPECT_EQ(admin.request("TRACE", target).status, 405) << target;
        EXPECT_EQ(admin.request("TRACK", target).status, 405) << target;
        EXPECT_EQ(admin.request("PROPFIND", target).status, 405) << target;
    }
}

TEST_P(HeadersTest, TheServerHeaderNamesNoVersion) {  // HT-08
    Response r = client().get("/");
    ASSERT_TRUE(r.header("server"));
    EXPECT_EQ(r.header("server")->find(app::version()), std::string::npos);
    EXPECT_EQ(r.header("server")->find_first_of("0123456789/"), std::string::npos) << *r.header("server");
}

TEST_P(HeadersTest, NoCorsForForeignOrigins) {  // CS-04
    Client admin = login_as(Role::Admin);
    const Headers evil{{"Origin", "https://evil.example"}};
    for (const char* target : {"/api/v1/me", "/api/v1/users", "/api/v1/openapi.json", "/dashboard"}) {
        Response r = admin.get(target, evil);
        EXPECT_EQ(r.status, 200) << target;
        EXPECT_FALSE(r.header("access-control-allow-origin")) << target;
        EXPECT_FALSE(r.header("access-control-allow-credentials")) << target;
    }
    Response preflight = admin.request("OPTIONS", "/api/v1/users",
                                       {{"Origin", "https://evil.example"},
                                        {"Access-Control-Request-Method", "POST"},
                                        {"Access-Control-Request-Headers", "x-csrf-token"}});
    EXPECT_FALSE(preflight.header("access-control-allow-origin")) << preflight.describe();
    EXPECT_FALSE(preflight.header("access-control-allow-methods")) << preflight.describe();
    EXPECT_NE(preflight.status / 100, 2) << preflight.describe();
}

// ---------------------------------------------------------------- health (RE-10)

class HealthTest : public HttpTest {};

TEST_P(HealthTest, HealthzSaysOkWithoutLoginOrVersion) {
    Client c = client();
    Response r = c.get("/healthz");
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.body, "ok\n");
    EXPECT_EQ(r.header("content-type").value_or(""), "text/plain; charset=utf-8");
    EXPECT_EQ(r.header("cache-control"), "no-store");
    EXPECT_FALSE(r.set_cookie("bb_session"));
    for (const auto& [name, value] : r.headers) {
        EXPECT_EQ(value.find(app::version()), std::string::npos) << name << ": " << value;
        EXPECT_EQ(name.find("version"), std::string::npos) << name;
    }
    Response head = c.request("HEAD", "/healthz");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    // Also for a logged-in caller and with a stale cookie: no redirect.
    Client stale = client();
    stale.set_cookie("bb_session", std::string(43, 'x'));
    EXPECT_EQ(stale.get("/healthz").status, 200);
    EXPECT_EQ(login_as(Role::Buyer).get("/healthz").body, "ok\n");
}

BB_INSTANTIATE_BACKENDS(HeadersTest);
BB_INSTANTIATE_BACKENDS(HealthTest);

}  // namespace
}  // namespace http_test
