// Sessions (security checklist SE-01…SE-03, AC-10, CS-04 redirects, HT-03): fresh tokens at
// login, cookie attributes, logout, idle and absolute timeouts with the `next` round trip,
// authorization changes taking effect on the next request, and no open redirect after login.
#include "http/app_fixture.hpp"
#include "http/expect.hpp"

namespace http_test {
namespace {

using core::Role;

class SessionTest : public HttpTest {};

/// The value of a `name=value; …` Set-Cookie line.
std::string cookie_value_of(const std::string& line) {
    const std::size_t eq = line.find('=');
    return line.substr(eq + 1, line.find(';') - eq - 1);
}

/// Attributes of a Set-Cookie line, lower-cased, without the name=value pair.
std::vector<std::string> cookie_attributes(const std::string& line) {
    std::vector<std::string> out;
    std::size_t at = line.find(';');
    while (at != std::string::npos) {
        std::size_t next = line.find(';', at + 1);
        std::string a = line.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        while (!a.empty() && a.front() == ' ') a.erase(0, 1);
        for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back(a);
        at = next;
    }
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool is_base64url(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
}

TEST_P(SessionTest, LoginIssuesAFreshUnguessableToken) {  // SE-01
    const std::string planted(43, 'A');
    Client c = client();
    c.set_cookie("bb_session", planted);  // session fixation attempt
    ASSERT_EQ(c.get("/login").status, 200);
    const std::string anonymous_csrf = c.cookie("bb_csrf").value_or("");
    Response r = c.login("admin", demo_user(Role::Admin).password);
    ASSERT_EQ(r.status, 303) << r.describe();
    auto line = r.set_cookie("bb_session");
    ASSERT_TRUE(line);
    const std::string token = cookie_value_of(*line);
    EXPECT_NE(token, planted);
    EXPECT_NE(token, anonymous_csrf);
    EXPECT_GE(token.size(), 43u) << "256 random bits, base64url";
    EXPECT_TRUE(is_base64url(token)) << token;

    // The planted value and the pre-login CSRF cookie are not sessions.
    for (const std::string& value : {planted, anonymous_csrf}) {
        Client other = client();
        other.set_cookie("bb_session", value);
        EXPECT_TRUE(is_login_redirect_to(other.get("/dashboard"), "/dashboard"));
    }
    // A second login of the same user gets another token.
    Client second = login_as(Role::Admin);
    EXPECT_NE(second.cookie("bb_session"), token);
    EXPECT_EQ(c.get("/dashboard").status, 200) << "both sessions live side by side";
}

TEST_P(SessionTest, TheSessionCookieIsHttpOnlySameSiteLaxPathRoot) {  // SE-02 (plain HTTP)
    Client c = client();
    Response r = c.login("admin", demo_user(Role::Admin).password);
    auto line = r.set_cookie("bb_session");
    ASSERT_TRUE(line) << r.describe();
    const auto attrs = cookie_attributes(*line);
    EXPECT_TRUE(has(attrs, "httponly")) << *line;
    EXPECT_TRUE(has(attrs, "samesite=lax")) << *line;
    EXPECT_TRUE(has(attrs, "path=/")) << *line;
    for (const auto& a : attrs) EXPECT_NE(a.rfind("domain", 0), 0u) << *line;
}

TEST_P(SessionTest, SecureCookiesUseTheHostPrefix) {  // SE-02 (behind TLS)
    start({.secure_cookies = true});
    Client c = client();
    Response page = c.get("/login");
    auto csrf_line = page.set_cookie("bb_csrf");
    ASSERT_TRUE(csrf_line);
    EXPECT_TRUE(has(cookie_attributes(*csrf_line), "secure")) << *csrf_line;

    Response r = c.login("admin", demo_user(Role::Admin).password);
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_FALSE(r.set_cookie("bb_session")) << "only the __Host- cookie is set";
    auto line = r.set_cookie("__Host-bb_session");
    ASSERT_TRUE(line) << r.describe();
    const auto attrs = cookie_attributes(*line);
    EXPECT_TRUE(has(attrs, "secure")) << *line;
    EXPECT_TRUE(has(attrs, "httponly")) << *line;
    EXPECT_TRUE(has(attrs, "samesite=lax")) << *line;
    EXPECT_TRUE(has(attrs, "path=/")) << *line;
    for (const auto& a : attrs)
        EXPECT_NE(a.rfind("domain", 0), 0u) << "__Host- cookies have no Domain: " << *line;
    EXPECT_EQ(c.get("/dashboard").status, 200);

    // The unprefixed name is not accepted in this mode.
    Client other = client();
    other.set_cookie("bb_session", *c.cookie("__Host-bb_session"));
    EXPECT_TRUE(is_login_redirect_to(other.get("/dashboard"), "/dashboard"));
}

TEST_P(SessionTest, LogoutEndsTheSessionOnTheServer) {  // SE-03
    Client c = login_as(Role::Caseworker);
    const std::string old = *c.cookie("bb_session");
    Response out = c.post_form("/logout", {{"csrf_token", c.csrf()}});
    EXPECT_EQ(out.status, 303) << out.describe();
    EXPECT_EQ(out.location(), "/");
    auto cleared = out.set_cookie("bb_session");
    ASSERT_TRUE(cleared) << "logout clears the cookie";
    EXPECT_TRUE(has(cookie_attributes(*cleared), "max-age=0")) << *cleared;

    Client replay = client();
    replay.set_cookie("bb_session", old);
    EXPECT_TRUE(is_login_redirect_to(replay.get("/dashboard"), "/dashboard"));
    EXPECT_TRUE(is_json_error(replay.get("/api/v1/me"), 401, "unauthorized"));
    EXPECT_EQ(audit_rows_with_action("logout").size(), 1u);
}

TEST_P(SessionTest, IdleTimeoutSendsTheUserToLoginAndBack) {  // SE-03, idle 30 min
    Client c = login_as(Role::Admin);
    clock().advance(29 * 60);
    ASSERT_EQ(c.get("/dashboard").status, 200) << "active within the idle limit";
    clock().advance(29 * 60);
    ASSERT_EQ(c.get("/dashboard").status, 200) << "activity extends the session";
    clock().advance(31 * 60);

    Response expired = c.get("/admin/users");
    ASSERT_TRUE(is_login_redirect_to(expired, "/admin/users"));
    EXPECT_EQ(expired.location(), "/login?next=%2Fadmin%2Fusers");
    EXPECT_TRUE(is_json_error(c.get("/api/v1/me"), 401, "unauthorized"));

    // Follow the flow a browser takes: the login page keeps `next`, the login returns there.
    Response page = c.get(expired.location());
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(hidden_field(page.body, "next"), "/admin/users");
    Response back = c.post_form("/login", {{"csrf_token", *hidden_field(page.body, "csrf_token")},
                                           {"next", *hidden_field(page.body, "next")},
                                           {"username", "admin"},
                                           {"password", demo_user(Role::Admin).password}});
    EXPECT_EQ(back.status, 303) << back.describe();
    EXPECT_EQ(back.location(), "/admin/users");
    EXPECT_EQ(c.get("/admin/users").status, 200);
}

TEST_P(SessionTest, NextKeepsTheQueryString) {
    Client c = client();
    Response r = c.get("/admin/audit?username=admin&action=login");
    ASSERT_TRUE(is_login_redirect_to(r, "/admin/audit?username=admin&action=login"));
    Response back =
        c.login("admin", demo_user(Role::Admin).password, "/admin/audit?username=admin&action=login");
    EXPECT_EQ(back.location(), "/admin/audit?username=admin&action=login");
}

TEST_P(SessionTest, AbsoluteLifetimeEndsEvenAnActiveSession) {  // SE-03, 12 h
    Client c = login_as(Role::Consultant);
    core::UnixSeconds elapsed = 0;
    while (elapsed + 25 * 60 < 12 * 3600) {
        clock().advance(25 * 60);
        elapsed += 25 * 60;
        ASSERT_EQ(c.get("/dashboard").status, 200) << "after " << elapsed / 60 << " minutes";
    }
    clock().advance(25 * 60);
    EXPECT_TRUE(is_login_redirect_to(c.get("/dashboard"), "/dashboard"));
}

TEST_P(SessionTest, DisablingAUserEndsTheirSessionAtOnce) {  // AC-10, SE-03
    Client victim = login_as(Role::Consultant);
    Client admin = login_as(Role::Admin);
    const std::int64_t id = user_id("konsulent");
    ASSERT_EQ(victim.get("/dashboard").status, 200);
    Response r =
        admin.post_form("/admin/users/" + std::to_string(id) + "/disable", {{"csrf_token", admin.csrf()}});
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_TRUE(is_login_redirect_to(victim.get("/dashboard"), "/dashboard"));
    EXPECT_TRUE(is_json_error(victim.get("/api/v1/me"), 401, "unauthorized"));
    // Nor can they log in again.
    Client again = client();
    EXPECT_EQ(again.login("konsulent", demo_user(Role::Consultant).password).status, 401);
    // Re-enabled, they can.
    ASSERT_EQ(
        admin.post_form("/admin/users/" + std::to_string(id) + "/enable", {{"csrf_token", admin.csrf()}})
            .status,
        303);
    EXPECT_EQ(client().login("konsulent", demo_user(Role::Consultant).password).status, 303);
    EXPECT_EQ(audit_rows_with_action("user_disabled").size(), 1u);
}

TEST_P(SessionTest, AnAdministratorCanEndSomeonesSessions) {  // SE-03
    Client victim = login_as(Role::Buyer);
    Client admin = login_as(Role::Admin);
    Response r = admin.post_form("/admin/users/" + std::to_string(user_id("indkoeber")) + "/sessions/end",
                                 {{"csrf_token", admin.csrf()}});
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_TRUE(is_login_redirect_to(victim.get("/dashboard"), "/dashboard"));
    EXPECT_EQ(admin.get("/dashboard").status, 200);
}

TEST_P(SessionTest, ARoleChangeEndsTheSessionsOfThatUser) {  // SE-01 privilege change, AC-10
    Client victim = login_as(Role::Caseworker);
    Client admin = login_as(Role::Admin);
    Response r = admin.post_form("/admin/users/" + std::to_string(user_id("sagsbehandler")) + "/role",
                                 {{"csrf_token", admin.csrf()},
                                  {"role", "buyer"},
                                  {"enterprise_id", ""},
                                  {"admin_password", demo_user(Role::Admin).password}});
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_TRUE(is_login_redirect_to(victim.get("/dashboard"), "/dashboard"));
    Client again = login_as("sagsbehandler", demo_user(Role::Caseworker).password);
    EXPECT_EQ(json_at(again.get("/api/v1/me").body, "/role"), "buyer");
}

TEST_P(SessionTest, ChangingTheOwnPasswordEndsTheOtherSessions) {  // SE-03
    Client here = login_as(Role::Buyer);
    Client elsewhere = login_as(Role::Buyer);
    Response r = here.post_form("/account/password", {{"csrf_token", here.csrf()},
                                                      {"current_password", demo_user(Role::Buyer).password},
                                                      {"new_password", "Nyt-Indkob-Kodeord-77"},
                                                      {"repeat_password", "Nyt-Indkob-Kodeord-77"}});
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_EQ(here.get("/dashboard").status, 200);
    EXPECT_TRUE(is_login_redirect_to(elsewhere.get("/dashboard"), "/dashboard"));
}

TEST_P(SessionTest, NextAfterLoginNeverLeavesTheSite) {  // CS-04, HT-03
    const std::vector<std::string> hostile = {
        "https://evil.example", "//evil.example",      "/\\evil.example",  "\\\\evil.example",
        "http:/evil.example",   "javascript:alert(1)", "/\t/evil.example", "/\r\nSet-Cookie: x=1",
        "/\n/evil.example",     " //evil.example",     "evil.example",     "/%0d%0aSet-Cookie:x=1",
    };
    for (const std::string& next : hostile) {
        SCOPED_TRACE("next=" + url_encode(next));
        // As a crafted login form would post it…
        Client c = client();
        Response r = c.login_with_next("admin", demo_user(Role::Admin).password, next);
        ASSERT_EQ(r.status, 303) << r.describe();
        EXPECT_EQ(r.count("location"), 1u);
        const std::string loc = r.location();
        const bool local_literal = next == "/%0d%0aSet-Cookie:x=1";  // percent signs, no CR/LF: a local path
        if (!local_literal) {
            EXPECT_EQ(loc, "/dashboard");
        }
        EXPECT_FALSE(r.set_cookie("x")) << "no injected header";
        for (char ch : loc) {
            const auto byte = static_cast<unsigned char>(ch);
            EXPECT_TRUE(byte >= 0x20 && byte != 0x7f) << "control character in Location";
        }
        // …and as a link to /login?next=… would carry it.
        Client d = client();
        Response via_link = d.login("admin", demo_user(Role::Admin).password, next);
        ASSERT_EQ(via_link.status, 303) << via_link.describe();
        if (!local_literal) {
            EXPECT_EQ(via_link.location(), "/dashboard");
        }
    }
}

BB_INSTANTIATE_BACKENDS(SessionTest);

}  // namespace
}  // namespace http_test
