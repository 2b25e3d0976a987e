// Login (security checklist AU-03, AU-04, HT-04): one answer for unknown users and wrong
// passwords, account and address throttling without lock-out from elsewhere, the client
// address from the socket (never from client headers), and no default accounts.
#include "accounts/account_service.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"

namespace http_test {
namespace {

using core::Role;

constexpr const char* k_bad_login = "Forkert brugernavn eller adgangskode.";
constexpr const char* k_wrong_password = "Helt-Forkert-Kode-99";

class LoginTest : public HttpTest {};

/// The page with the typed user name taken out, so pages for different names compare.
std::string without_username(std::string body, const std::string& username) {
    const std::string typed = "value=\"" + username + "\"";
    for (std::size_t at = body.find(typed); at != std::string::npos; at = body.find(typed))
        body.replace(at, typed.size(), "value=\"…\"");
    return body;
}

TEST_P(LoginTest, UnknownUserWrongPasswordAndDisabledUserLookTheSame) {
    create_user("deaktiveret", Role::Buyer, "Sovende-Kodeord-2026!");
    ASSERT_TRUE(app().accounts().set_disabled(user_id("deaktiveret"), true, admin_actor()).ok());
    Client c = client();
    Response unknown = c.login("ukendt.person", k_wrong_password);
    Response wrong = c.login("konsulent", k_wrong_password);
    Response disabled = c.login("deaktiveret", "Sovende-Kodeord-2026!");
    for (const Response* r : {&unknown, &wrong, &disabled}) {
        EXPECT_TRUE(is_html_page(*r, 401, k_bad_login));
        EXPECT_FALSE(r->set_cookie("bb_session"));
    }
    EXPECT_EQ(without_username(unknown.body, "ukendt.person"), without_username(wrong.body, "konsulent"));
    EXPECT_EQ(without_username(unknown.body, "ukendt.person"),
              without_username(disabled.body, "deaktiveret"));
    EXPECT_EQ(unknown.body.find(k_wrong_password), std::string::npos) << "the password is never echoed";
}

TEST_P(LoginTest, EmptyFieldsAreAValidationError) {
    Client c = client();
    ASSERT_EQ(c.get("/login").status, 200);
    Response r =
        c.post_form("/login", {{"csrf_token", *c.cookie("bb_csrf")}, {"username", ""}, {"password", ""}});
    EXPECT_TRUE(is_html_page(r, 422, "Indtast dit brugernavn."));
    EXPECT_NE(r.body.find("Indtast din adgangskode."), std::string::npos);
}

TEST_P(LoginTest, RepeatedFailuresLockTheAccountForACooldown) {  // AU-03
    create_user("offer", Role::Consultant, "Maal-Kodeord-2026!");
    Client c = client();
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(c.login("offer", k_wrong_password).status, 401) << "attempt " << i + 1;

    Response locked = c.login("offer", k_wrong_password);
    EXPECT_TRUE(is_html_page(locked, 429, "For mange mislykkede forsøg. Prøv igen om 5 minutter."));
    // The right password does not get through while locked, from here or elsewhere.
    EXPECT_EQ(c.login("offer", "Maal-Kodeord-2026!").status, 429);
    Client elsewhere = client("127.0.0.2");
    EXPECT_EQ(elsewhere.login("offer", "Maal-Kodeord-2026!").status, 429);
    // Other accounts are not affected.
    EXPECT_EQ(client().login("konsulent", demo_user(Role::Consultant).password).status, 303);
    // Throttled attempts do not extend the lock: after the cool-down the owner gets in.
    clock().advance(5 * 60 + 1);
    Response ok = elsewhere.login("offer", "Maal-Kodeord-2026!");
    EXPECT_EQ(ok.status, 303) << ok.describe();

    // Every attempt is logged.
    audit::AuditFilter f;
    f.username = "offer";
    std::map<std::string, int> actions;
    for (const auto& row : audit_rows(f)) ++actions[row.action];
    EXPECT_EQ(actions["login_failed"], 5);
    EXPECT_EQ(actions["login_throttled"], 3);
    EXPECT_EQ(actions["login"], 1);
}

TEST_P(LoginTest, ManyFailuresFromOneAddressDoNotLockOthersOut) {  // AU-03, no malicious lock-out
    Client attacker = client("127.0.0.3");
    for (int i = 0; i < 20; ++i)
        ASSERT_EQ(attacker.login("gaet" + std::to_string(i), k_wrong_password).status, 401)
            << "attempt " << i + 1;
    Response blocked = attacker.login("konsulent", demo_user(Role::Consultant).password);
    EXPECT_TRUE(is_html_page(blocked, 429, "For mange mislykkede forsøg."));
    EXPECT_FALSE(blocked.set_cookie("bb_session"));

    // The same account from another address still works at once.
    Response ok = client("127.0.0.2").login("konsulent", demo_user(Role::Consultant).password);
    EXPECT_EQ(ok.status, 303) << ok.describe();
    // The address is free again when its failures leave the 15-minute window.
    clock().advance(15 * 60 + 1);
    EXPECT_EQ(attacker.login("konsulent", demo_user(Role::Consultant).password).status, 303);
}

TEST_P(LoginTest, TheClientAddressComesFromTheSocket) {  // HT-04
    Client c = client();
    Response r = c.login("admin", k_wrong_password);
    ASSERT_EQ(r.status, 401);
    ASSERT_EQ(c.get("/login").status, 200);
    Response spoofed = c.post_form(
        "/login",
        {{"csrf_token", *c.cookie("bb_csrf")}, {"username", "konsulent"}, {"password", k_wrong_password}},
        {{"X-Forwarded-For", "1.2.3.4"},
         {"X-Real-IP", "1.2.3.4"},
         {"Forwarded", "for=1.2.3.4"},
         {"REMOTE_ADDR", "1.2.3.4"},
         {"X-Client-IP", "1.2.3.4"}});
    ASSERT_EQ(spoofed.status, 401);
    Response ok = c.login("sagsbehandler", demo_user(Role::Caseworker).password);
    ASSERT_EQ(ok.status, 303);

    const auto failed = audit_rows_with_action("login_failed");
    ASSERT_EQ(failed.size(), 2u);
    for (const auto& row : failed) {
        EXPECT_EQ(row.client_ip, "127.0.0.1") << row.username;
        EXPECT_FALSE(row.request_id.empty());
    }
    EXPECT_EQ(audit_rows_with_action("login").at(0).client_ip, "127.0.0.1");
    // A client address of its own is its own throttle key.
    Client other = client("127.0.0.2");
    ASSERT_EQ(other.login("admin", k_wrong_password).status, 401);
    EXPECT_EQ(audit_rows_with_action("login_failed").at(0).client_ip, "127.0.0.2");
}

TEST_P(LoginTest, ForwardedForIsHonouredOnlyFromATrustedProxy) {  // HT-04 positive control
    start({.trusted_proxies = {"127.0.0.1"}});
    Client proxy = client();
    ASSERT_EQ(proxy.get("/login").status, 200);
    const std::string csrf = *proxy.cookie("bb_csrf");
    auto attempt = [&](const Headers& h) {
        return proxy.post_form(
            "/login", {{"csrf_token", csrf}, {"username", "admin"}, {"password", k_wrong_password}}, h);
    };
    EXPECT_EQ(attempt({{"X-Forwarded-For", "1.2.3.4"}}).status, 401);
    EXPECT_EQ(audit_rows_with_action("login_failed").at(0).client_ip, "1.2.3.4");
    // Empty or garbage forwarding headers from the proxy: no crash, a sane address.
    for (const std::string& xff :
         {std::string(), std::string("not-an-address"), std::string(",,,"), std::string("1.2.3.4, zz")}) {
        SCOPED_TRACE("X-Forwarded-For: " + xff);
        Response r = attempt({{"X-Forwarded-For", xff}});
        EXPECT_EQ(r.status, 401) << r.describe();
        const std::string ip = audit_rows_with_action("login_failed").at(0).client_ip;
        EXPECT_FALSE(ip.empty());
        EXPECT_EQ(ip.find_first_not_of("0123456789.:abcdef"), std::string::npos) << ip;
    }
    // From an address that is not the proxy, the header is ignored.
    Client direct = client("127.0.0.2");
    ASSERT_EQ(direct.get("/login").status, 200);
    ASSERT_EQ(direct
                  .post_form("/login",
                             {{"csrf_token", *direct.cookie("bb_csrf")},
                              {"username", "konsulent"},
                              {"password", k_wrong_password}},
                             {{"X-Forwarded-For", "1.2.3.4"}})
                  .status,
              401);
    EXPECT_EQ(audit_rows_with_action("login_failed").at(0).client_ip, "127.0.0.2");
}

TEST_P(LoginTest, HstsOnlyWhenATrustedProxySaysHttps) {  // CS-02
    start({.trusted_proxies = {"127.0.0.1"}});
    Client c = client();
    EXPECT_FALSE(c.get("/").header("strict-transport-security"));
    Response tls = c.get("/", {{"X-Forwarded-Proto", "https"}});
    EXPECT_TRUE(tls.header("strict-transport-security")) << tls.describe();
    Client direct = client("127.0.0.2");
    EXPECT_FALSE(direct.get("/", {{"X-Forwarded-Proto", "https"}}).header("strict-transport-security"));
}

TEST_P(LoginTest, AProductionStartHasNoAccounts) {  // AU-04
    start({.demo = false});
    EXPECT_EQ(user_count(), 0);
    Client c = client();
    for (const auto& [name, password] : std::vector<std::pair<std::string, std::string>>{
             {"admin", "admin"},
             {"admin", demo_user(Role::Admin).password},
             {"konsulent", demo_user(Role::Consultant).password}}) {
        SCOPED_TRACE(name + "/" + password);
        Response r = c.login(name, password);
        EXPECT_TRUE(is_html_page(r, 401, k_bad_login));
        EXPECT_FALSE(r.set_cookie("bb_session"));
    }
    EXPECT_TRUE(is_login_redirect_to(c.get("/admin/users"), "/admin/users"));
    EXPECT_EQ(user_count(), 0);
}

BB_INSTANTIATE_BACKENDS(LoginTest);

}  // namespace
}  // namespace http_test
