// The audit log over HTTP (security checklist LG-01, LG-02, LG-07): authentication events,
// administration, reading the log itself, and fail-closed behaviour when the log cannot be
// written.
#include "accounts/account_service.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"

namespace http_test {
namespace {

using core::Role;

class AuditTest : public HttpTest {};

TEST_P(AuditTest, LoginSuccessAndFailureAreLoggedWithWhoAndWhere) {
    Client c = client();
    ASSERT_EQ(c.login("admin", "Forkert-Kodeord-123").status, 401);
    ASSERT_EQ(c.login("ukendt.person", "Forkert-Kodeord-123").status, 401);
    ASSERT_EQ(c.login("admin", demo_user(Role::Admin).password).status, 303);
    const std::int64_t admin_id = user_id("admin");

    const auto failed = audit_rows_with_action("login_failed");
    ASSERT_EQ(failed.size(), 2u);
    const audit::Record& unknown = failed[0];  // newest first
    const audit::Record& wrong = failed[1];
    EXPECT_EQ(wrong.username, "admin");
    EXPECT_EQ(wrong.user_id, admin_id);
    EXPECT_EQ(wrong.role, "admin");
    EXPECT_EQ(wrong.criteria, "reason=wrong_password");
    EXPECT_EQ(wrong.outcome, "failed");
    EXPECT_EQ(wrong.client_ip, "127.0.0.1");
    EXPECT_EQ(wrong.at, k_start_time) << "stamped by the injected clock";
    EXPECT_FALSE(wrong.request_id.empty());
    EXPECT_EQ(unknown.username, "ukendt.person");
    EXPECT_FALSE(unknown.user_id.has_value());
    EXPECT_EQ(unknown.criteria, "reason=unknown_user");
    EXPECT_EQ(unknown.client_ip, "127.0.0.1");
    EXPECT_NE(unknown.request_id, wrong.request_id);

    const auto ok = audit_rows_with_action("login");
    ASSERT_EQ(ok.size(), 1u);
    EXPECT_EQ(ok[0].username, "admin");
    EXPECT_EQ(ok[0].user_id, admin_id);
    EXPECT_EQ(ok[0].role, "admin");
    EXPECT_EQ(ok[0].outcome, "ok");
    EXPECT_EQ(ok[0].client_ip, "127.0.0.1");
    // No password ends up in the log.
    for (const auto& row : audit_rows()) {
        EXPECT_EQ(row.criteria.find("Forkert-Kodeord"), std::string::npos);
        EXPECT_EQ(row.criteria.find(demo_user(Role::Admin).password), std::string::npos);
    }
}

TEST_P(AuditTest, AdministrationIsLogged) {  // AC-09, LG-07
    Client admin = login_as(Role::Admin);
    const std::int64_t target = user_id("sagsbehandler");
    const std::string path = "/admin/users/" + std::to_string(target) + "/role";
    // A wrong re-authentication changes nothing and is logged.
    Response refused = admin.post_form(
        path, {{"csrf_token", admin.csrf()}, {"role", "buyer"}, {"admin_password", "forkert-kode"}});
    EXPECT_TRUE(is_html_page(refused, 422, "Din adgangskode er forkert."));
    EXPECT_EQ(user("sagsbehandler").role, Role::Caseworker);
    EXPECT_EQ(audit_rows_with_action("reauth_failed").size(), 1u);
    EXPECT_TRUE(audit_rows_with_action("role_changed").empty());

    Response r = admin.post_form(path, {{"csrf_token", admin.csrf()},
                                        {"role", "buyer"},
                                        {"admin_password", demo_user(Role::Admin).password}});
    ASSERT_EQ(r.status, 303) << r.describe();
    EXPECT_EQ(user("sagsbehandler").role, Role::Buyer);
    const auto rows = audit_rows_with_action("role_changed");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].username, "admin");
    EXPECT_EQ(rows[0].role, "admin");
    EXPECT_EQ(rows[0].object_type, "user");
    EXPECT_EQ(rows[0].object_id, std::to_string(target));
    EXPECT_EQ(rows[0].criteria.rfind("caseworker -> buyer", 0), 0u) << rows[0].criteria;
    EXPECT_EQ(rows[0].client_ip, "127.0.0.1");

    ASSERT_EQ(
        admin.post_form("/admin/users/" + std::to_string(target) + "/disable", {{"csrf_token", admin.csrf()}})
            .status,
        303);
    EXPECT_EQ(audit_rows_with_action("user_disabled").size(), 1u);
}

TEST_P(AuditTest, ReadingTheLogIsItselfLogged) {  // LG-01
    Client admin = login_as(Role::Admin);
    Response page = admin.get("/admin/audit?username=admin&action=login");
    ASSERT_EQ(page.status, 200) << page.describe();
    auto searches = audit_rows_with_action("search");
    ASSERT_EQ(searches.size(), 1u);
    EXPECT_EQ(searches[0].username, "admin");
    EXPECT_EQ(searches[0].object_type, "audit_log");
    EXPECT_NE(searches[0].criteria.find("username=admin"), std::string::npos) << searches[0].criteria;
    EXPECT_NE(searches[0].criteria.find("action=login"), std::string::npos) << searches[0].criteria;
    EXPECT_EQ(searches[0].client_ip, "127.0.0.1");
    EXPECT_FALSE(searches[0].purpose.empty());

    Response api = admin.get("/api/v1/audit?action=login");
    ASSERT_EQ(api.status, 200) << api.describe();
    EXPECT_EQ(json_at(api.body, "/total"), "1");
    EXPECT_EQ(json_at(api.body, "/items/0/action"), "login");
    EXPECT_EQ(audit_rows_with_action("search").size(), 2u);
}

TEST_P(AuditTest, TheLogFailsClosed) {  // LG-02
    Client admin = login_as(Role::Admin);
    ASSERT_EQ(client().login("spor.efter.mig", "Forkert-Kodeord-123").status, 401);
    ASSERT_NE(admin.get("/admin/audit").body.find("spor.efter.mig"), std::string::npos)
        << "the row is visible normally";
    const std::size_t searches = audit_rows_with_action("search").size();

    app().audit().set_failure_for_testing(true);
    Response page = admin.get("/admin/audit");
    Response api = admin.get("/api/v1/audit");
    app().audit().set_failure_for_testing(false);

    EXPECT_TRUE(is_html_page(page, 503));
    EXPECT_TRUE(is_json_error(api, 503, "unavailable"));
    for (const Response* r : {&page, &api}) {
        for (const char* leak : {"spor.efter.mig", "login_failed", "127.0.0.1", "SELECT", "INSERT",
                                 "audit_log", "sqlite", "postgres"})
            EXPECT_EQ(r->body.find(leak), std::string::npos) << "the refusal shows " << leak;
    }
    EXPECT_FALSE(json_at(api.body, "/items"));
    EXPECT_EQ(audit_rows_with_action("search").size(), searches)
        << "nothing was logged, and nothing was shown";
    EXPECT_EQ(admin.get("/admin/audit").status, 200) << "works again once the log can be written";
}

TEST_P(AuditTest, LoginFailsClosedToo) {  // LG-02, LG-07: no unlogged login
    app().audit().set_failure_for_testing(true);
    Client c = client();
    Response r = c.login("admin", demo_user(Role::Admin).password);
    app().audit().set_failure_for_testing(false);
    EXPECT_NE(r.status, 303) << r.describe();
    EXPECT_FALSE(r.set_cookie("bb_session"));
    EXPECT_TRUE(audit_rows_with_action("login").empty());
}

BB_INSTANTIATE_BACKENDS(AuditTest);

}  // namespace
}  // namespace http_test
