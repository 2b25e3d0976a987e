// CSRF protection (security checklist CS-01): every POST route refuses a missing or wrong
// token and a foreign Origin; the anonymous login form uses a double-submit cookie; JSON calls
// with a session cookie need X-CSRF-Token; API tokens carry no ambient credentials and need none.
#include <regex>

#include "accounts/account_service.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"
#include "web/router.hpp"

namespace http_test {
namespace {

using core::Role;

constexpr const char* k_evil = "https://evil.example";
/// Looks like a token (same alphabet and length), but is not the session's.
constexpr const char* k_wrong_token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

class CsrfTest : public HttpTest {};

::testing::AssertionResult is_csrf_rejection(const Response& r, bool api) {
    if (api) return is_json_error(r, 403, "forbidden");
    return is_html_page(r, 403, "Formularen er udløbet");
}

TEST_P(CsrfTest, EveryPostRouteNeedsTheSessionTokenAndASameOrigin) {
    const accounts::User target = create_user("maal.bruger", Role::Buyer, "Maal-Bruger-2026!");
    auto token = app().accounts().create_api_token("csrf", Role::Buyer, std::nullopt, admin_actor());
    ASSERT_TRUE(token.ok());
    int routes = 0;
    std::size_t rejections = 0;
    for (const web::Route& route : app().router().routes()) {
        if (route.method != web::Method::Post) continue;
        ++routes;
        const std::string path = fill_params(
            route.pattern, route.pattern.find("/api-tokens/") != std::string::npos ? token->id : target.id);
        SCOPED_TRACE("POST " + path);
        const bool api = is_api(path);
        // A caller the route allows (admin for most; e.g. buyers for requests), so that CSRF is
        // what is tested. Fresh each time: the right-token call may log out.
        Role caller = Role::Admin;
        for (Role r : core::k_all_roles)
            if (route.access.allows(r)) {
                caller = r;
                break;
            }
        Client admin = login_as(caller);
        const std::string csrf = admin.csrf();

        EXPECT_TRUE(is_csrf_rejection(admin.post_form(path, {}), api)) << "no token";
        EXPECT_TRUE(is_csrf_rejection(admin.post_form(path, {{"csrf_token", k_wrong_token}}), api))
            << "wrong token";
        EXPECT_TRUE(is_csrf_rejection(admin.post_form(path, {{"csrf_token", ""}}), api)) << "empty token";
        EXPECT_TRUE(is_csrf_rejection(admin.post_form(path, {}, {{"X-CSRF-Token", k_wrong_token}}), api))
            << "wrong header token";
        EXPECT_TRUE(
            is_csrf_rejection(admin.post_form(path, {{"csrf_token", csrf}}, {{"Origin", k_evil}}), api))
            << "foreign Origin with the right token";
        EXPECT_TRUE(is_csrf_rejection(
            admin.post_form(path, {{"csrf_token", csrf}}, {{"Origin", "http://evil.example"}}), api))
            << "foreign http Origin with the right token";
        rejections += 6;

        Response ok = admin.post_form(path, {{"csrf_token", csrf}}, {{"Origin", admin.origin()}});
        EXPECT_NE(ok.status, 403) << "the right token and origin: " << ok.describe();
        EXPECT_FALSE(ok.is_login_redirect()) << ok.describe();
    }
    EXPECT_GE(routes, 10);
    // LG-07: every CSRF rejection is logged.
    std::size_t logged = 0;
    for (const auto& row : audit_rows_with_action("access_denied"))
        if (row.criteria.rfind("csrf POST ", 0) == 0) ++logged;
    EXPECT_EQ(logged, rejections);
}

TEST_P(CsrfTest, ARefusedFormChangesNothing) {
    const accounts::User target = create_user("maal.bruger", Role::Buyer, "Maal-Bruger-2026!");
    Client admin = login_as(Role::Admin);
    const std::string path = "/admin/users/" + std::to_string(target.id) + "/disable";
    ASSERT_EQ(admin.post_form(path, {{"csrf_token", k_wrong_token}}).status, 403);
    ASSERT_EQ(admin.post_form(path, {{"csrf_token", admin.csrf()}}, {{"Origin", k_evil}}).status, 403);
    EXPECT_FALSE(user("maal.bruger").disabled);
    EXPECT_EQ(admin.post_form(path, {{"csrf_token", admin.csrf()}}).status, 303);
    EXPECT_TRUE(user("maal.bruger").disabled);
}

TEST_P(CsrfTest, TheAnonymousLoginFormNeedsTheDoubleSubmitCookie) {
    const DemoUser& u = demo_user(Role::Admin);
    const Fields credentials{{"username", u.username}, {"password", u.password}};
    auto with_token = [&](const std::string& t) {
        Fields f = credentials;
        f.emplace_back("csrf_token", t);
        return f;
    };
    {  // neither cookie nor field
        Client c = client();
        Response r = c.post_form("/login", credentials);
        EXPECT_TRUE(is_html_page(r, 403)) << "no cookie, no field";
        EXPECT_FALSE(r.set_cookie("bb_session"));
    }
    {  // the field from the page, but not the cookie
        Client c = client();
        const auto token = hidden_field(c.get("/login").body, "csrf_token");
        ASSERT_TRUE(token);
        c.remove_cookie("bb_csrf");
        EXPECT_TRUE(is_html_page(c.post_form("/login", with_token(*token)), 403)) << "field without cookie";
    }
    {  // the cookie, but no field / another value
        Client c = client();
        ASSERT_EQ(c.get("/login").status, 200);
        ASSERT_TRUE(c.cookie("bb_csrf"));
        EXPECT_TRUE(is_html_page(c.post_form("/login", credentials), 403)) << "cookie without field";
        EXPECT_TRUE(is_html_page(c.post_form("/login", with_token(k_wrong_token)), 403))
            << "cookie and another field";
        EXPECT_TRUE(
            is_html_page(c.post_form("/login", with_token(*c.cookie("bb_csrf")), {{"Origin", k_evil}}), 403))
            << "foreign Origin";
        Response ok = c.post_form("/login", with_token(*c.cookie("bb_csrf")));
        EXPECT_EQ(ok.status, 303) << ok.describe();
        EXPECT_EQ(ok.location(), "/dashboard");
    }
    EXPECT_TRUE(audit_rows_with_action("login").size() == 1) << "only the last attempt may log in";
}

TEST_P(CsrfTest, TheCsrfCookieIsHttpOnlyAndSameSite) {
    Client c = client();
    Response r = c.get("/login");
    auto line = r.set_cookie("bb_csrf");
    ASSERT_TRUE(line);
    EXPECT_NE(line->find("HttpOnly"), std::string::npos) << *line;
    EXPECT_NE(line->find("SameSite=Lax"), std::string::npos) << *line;
    EXPECT_NE(line->find("Path=/"), std::string::npos) << *line;
    // The cookie is kept, not rotated on every page.
    EXPECT_FALSE(c.get("/login").set_cookie("bb_csrf"));
}

TEST_P(CsrfTest, TheSessionTokenIsPerSessionAndOnEveryPage) {
    Client a = login_as(Role::Admin);
    Client b = login_as(Role::Admin);
    const std::string token = a.csrf("/dashboard");
    EXPECT_EQ(a.csrf("/admin/users"), token);
    EXPECT_EQ(a.csrf("/admin/audit"), token);
    EXPECT_NE(b.csrf(), token) << "each session has its own token";
    EXPECT_NE(*a.cookie("bb_session"), token);
    // Another session's token does not work for this one.
    EXPECT_TRUE(
        is_csrf_rejection(b.post_form("/admin/users/1/sessions/end", {{"csrf_token", token}}), false));
}

TEST_P(CsrfTest, JsonWritesWithASessionCookieNeedTheHeader) {
    Client admin = login_as(Role::Admin);
    const std::string csrf = admin.csrf();
    const std::string body = R"({"username":"json.bruger","display_name":"Json Bruger","role":"caseworker",)"
                             R"("password":"Json-Bruger-2026!","admin_password":"Bro-Styring-2026!"})";
    const std::int64_t before = user_count();
    EXPECT_TRUE(is_json_error(admin.post_json("/api/v1/users", body), 403, "forbidden"));
    EXPECT_TRUE(is_json_error(admin.post_json("/api/v1/users", body, {{"X-CSRF-Token", k_wrong_token}}), 403,
                              "forbidden"));
    EXPECT_TRUE(
        is_json_error(admin.post_json("/api/v1/users", body, {{"X-CSRF-Token", csrf}, {"Origin", k_evil}}),
                      403, "forbidden"));
    EXPECT_EQ(user_count(), before);

    Response created = admin.post_json("/api/v1/users", body, {{"X-CSRF-Token", csrf}});
    EXPECT_EQ(created.status, 201) << created.describe();
    EXPECT_EQ(json_at(created.body, "/username"), "json.bruger");
    EXPECT_EQ(json_at(created.body, "/role"), "caseworker");
    EXPECT_EQ(user_count(), before + 1);
}

TEST_P(CsrfTest, ApiTokensWorkWithoutCsrfAndStopWhenRevoked) {
    auto token =
        app().accounts().create_api_token("integration", Role::Caseworker, std::nullopt, admin_actor());
    ASSERT_TRUE(token.ok()) << token.error().message;
    Client c = client();
    const Headers bearer{{"Authorization", "Bearer " + token->secret}};

    Response me = c.get("/api/v1/me", bearer);
    ASSERT_EQ(me.status, 200) << me.describe();
    EXPECT_EQ(json_at(me.body, "/role"), "caseworker");
    EXPECT_EQ(json_at(me.body, "/via_api_token"), "true");
    EXPECT_FALSE(me.set_cookie("bb_session")) << "a token call must not open a session";

    // An API-token write is not refused for lack of a CSRF token (the handler answers instead).
    auto admin_token =
        app().accounts().create_api_token("admin-integration", Role::Admin, std::nullopt, admin_actor());
    ASSERT_TRUE(admin_token.ok());
    Response write = c.post_json("/api/v1/users", R"({"username":"x.y"})",
                                 {{"Authorization", "Bearer " + admin_token->secret}});
    EXPECT_TRUE(is_json_error(write, 422, "validation"));

    ASSERT_TRUE(app().accounts().revoke_api_token(token->id, admin_actor()).ok());
    EXPECT_TRUE(is_json_error(c.get("/api/v1/me", bearer), 401, "unauthorized"));
    EXPECT_TRUE(is_json_error(c.get("/api/v1/me", {{"Authorization", "Bearer bb_notavalidtoken"}}), 401,
                              "unauthorized"));
}

TEST_P(CsrfTest, AnAdministratorCreatesAndRevokesATokenThroughTheForms) {
    Client admin = login_as(Role::Admin);
    Response page =
        admin.post_form("/admin/api-tokens", {{"csrf_token", admin.csrf()},
                                              {"name", "Jobcenter-integration"},
                                              {"role", "consultant"},
                                              {"enterprise_id", ""},
                                              {"admin_password", demo_user(Role::Admin).password}});
    ASSERT_EQ(page.status, 200) << page.describe();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex("bb_[A-Za-z0-9_-]{40,}")))
        << "the secret is shown once";
    const std::string secret = m.str();

    Client api = client();
    const Headers bearer{{"Authorization", "Bearer " + secret}};
    Response me = api.get("/api/v1/me", bearer);
    ASSERT_EQ(me.status, 200) << me.describe();
    EXPECT_EQ(json_at(me.body, "/role"), "consultant");
    EXPECT_TRUE(is_json_error(api.get("/api/v1/users", bearer), 403, "forbidden"));

    auto tokens = app().accounts().list_api_tokens();
    ASSERT_TRUE(tokens.ok());
    ASSERT_EQ(tokens->size(), 1u);
    EXPECT_EQ(admin.get("/admin/api-tokens").body.find(secret), std::string::npos)
        << "the secret is never shown again";
    Response revoked = admin.post_form("/admin/api-tokens/" + std::to_string(tokens->front().id) + "/revoke",
                                       {{"csrf_token", admin.csrf()}});
    EXPECT_EQ(revoked.status, 303) << revoked.describe();
    EXPECT_TRUE(is_json_error(api.get("/api/v1/me", bearer), 401, "unauthorized"));
}

BB_INSTANTIATE_BACKENDS(CsrfTest);

}  // namespace
}  // namespace http_test
