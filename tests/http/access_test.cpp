// Authorization over HTTP (security checklist AC-01, AC-02, AC-09): the written policy table
// against the route table, the full route × caller matrix, and denied writes that must not
// change anything.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "accounts/account_service.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"
#include "web/router.hpp"

namespace http_test {
namespace {

using core::Role;

// ---------------------------------------------------------------- the written policy

struct PolicyLine {
    std::string method;
    std::string pattern;
    std::string rule;  ///< "public", "any" or "admin,consultant"
    int line = 0;
};

/// "GET /grants/{id}": the policy table writes a route's path without parameter types.
std::string route_key(std::string_view method, std::string_view pattern) {
    return std::string(method) + " " + web::path_template(pattern);
}

/// tests/http/access_policy.txt, keyed by "METHOD PATTERN".
std::map<std::string, PolicyLine> load_policy() {
    std::ifstream in(std::string(HTTP_TEST_SOURCE_DIR) + "/access_policy.txt");
    if (!in) throw std::runtime_error("cannot read access_policy.txt");
    std::map<std::string, PolicyLine> out;
    std::string text;
    for (int n = 1; std::getline(in, text); ++n) {
        if (text.empty() || text[0] == '#') continue;
        std::istringstream fields(text);
        PolicyLine p;
        p.line = n;
        if (!(fields >> p.method)) continue;
        if (!(fields >> p.pattern >> p.rule))
            throw std::runtime_error("access_policy.txt:" + std::to_string(n) + ": malformed");
        if (!out.emplace(route_key(p.method, p.pattern), p).second)
            throw std::runtime_error("access_policy.txt:" + std::to_string(n) + ": duplicate " + p.pattern);
    }
    return out;
}

/// Whether a caller (nullopt = anonymous) may call a route with this written rule.
bool policy_allows(std::string_view rule, std::optional<Role> role) {
    if (rule == "public") return true;
    if (!role) return false;
    if (rule == "any") return true;
    const std::string_view code = core::role_code(*role);
    for (std::size_t at = 0; at <= rule.size();) {
        std::size_t comma = rule.find(',', at);
        if (comma == std::string_view::npos) comma = rule.size();
        if (rule.substr(at, comma - at) == code) return true;
        at = comma + 1;
    }
    return false;
}

std::string caller_name(std::optional<Role> role) {
    return role ? std::string(core::role_code(*role)) : "anonymous";
}

class AccessPolicyTest : public HttpTest {};

TEST_P(AccessPolicyTest, EveryRouteDeclaresTheRuleWrittenInThePolicyTable) {
    const auto policy = load_policy();
    std::set<std::string> seen;
    for (const web::Route& route : app().router().routes()) {
        const std::string key = route_key(web::method_name(route.method), route.pattern);
        EXPECT_TRUE(seen.insert(key).second) << "route registered twice: " << key;
        auto it = policy.find(key);
        if (it == policy.end()) {
            ADD_FAILURE() << "undeclared route " << key << " (rule " << route.access.describe()
                          << "): add it to tests/http/access_policy.txt after review";
            continue;
        }
        EXPECT_EQ(route.access.describe(), it->second.rule)
            << key << ": the route's access rule differs from access_policy.txt:" << it->second.line;
        EXPECT_FALSE(route.summary.empty()) << key << " has no summary";
    }
    for (const auto& [key, line] : policy)
        EXPECT_TRUE(seen.count(key)) << "access_policy.txt:" << line.line
                                     << " names a route that does not exist: " << key;
}

TEST_P(AccessPolicyTest, OnlyTheExpectedRoutesArePublic) {
    // The public allowlist (AC-01). Everything else needs a login.
    const std::set<std::string> allowlist = {"GET /", "GET /om", "GET /tilgaengelighed", "GET /healthz",
                                             "GET /login", "POST /login", "GET /api/v1/openapi.json",
                                             // the public catalogue: published items only (AC-11)
                                             "GET /katalog", "GET /katalog/{id}", "GET /virksomheder/{id}",
                                             "GET /api/v1/catalogue", "GET /api/v1/catalogue/{id}",
                                             // catalogue images: NotFound unless the item is public
                                             "GET /billeder/{name}", "GET /billeder/thumbs/{name}"};
    std::set<std::string> public_routes;
    for (const web::Route& route : app().router().routes())
        if (route.access.is_public())
            public_routes.insert(route_key(web::method_name(route.method), route.pattern));
    EXPECT_EQ(public_routes, allowlist);
}

TEST_P(AccessPolicyTest, NoDemoOrSeedRouteExists) {  // AU-04
    for (const web::Route& route : app().router().routes()) {
        EXPECT_EQ(route.pattern.find("demo"), std::string::npos) << route.pattern;
        EXPECT_EQ(route.pattern.find("seed"), std::string::npos) << route.pattern;
    }
}

// ---------------------------------------------------------------- the matrix

class AccessMatrixTest : public HttpTest {};

/// One caller of the matrix: anonymous, a logged-in demo user, or an API token of a role.
struct Caller {
    std::string name;
    std::optional<Role> role;
    bool api_token = false;
    std::optional<Client> client;
    std::string csrf;
    std::string bearer;
};

TEST_P(AccessMatrixTest, EveryRouteAnswersEveryCallerAsThePolicySays) {
    const auto policy = load_policy();
    // Targets for {id}: a user who is none of the callers, and an API token.
    const accounts::User target = create_user("maal.bruger", Role::Buyer, "Maal-Bruger-2026!");
    auto token = app().accounts().create_api_token("matrix", Role::Buyer, std::nullopt, admin_actor());
    ASSERT_TRUE(token.ok());
    const std::int64_t token_id = token->id;

    std::vector<Caller> callers;
    {
        Caller anon{"anonymous", std::nullopt};
        anon.client.emplace(client());
        ASSERT_EQ(anon.client->get("/login").status, 200);
        anon.csrf = anon.client->cookie("bb_csrf").value_or("");
        ASSERT_GE(anon.csrf.size(), 32u);
        callers.push_back(std::move(anon));
    }
    for (Role role : core::k_all_roles) {
        Caller c{caller_name(role), role};
        c.client.emplace(login_as(role));
        c.csrf = c.client->csrf();
        callers.push_back(std::move(c));
    }
    for (Role role : core::k_all_roles) {
        Caller c{"api-token:" + caller_name(role), role, true};
        auto t = app().accounts().create_api_token(
            "matrix-" + caller_name(role), role,
            role == Role::Enterprise ? std::optional<std::int64_t>(1) : std::nullopt, admin_actor());
        ASSERT_TRUE(t.ok()) << t.error().message;
        c.bearer = t->secret;
        c.client.emplace(client());
        callers.push_back(std::move(c));
    }

    int checked = 0;
    for (const web::Route& route : app().router().routes()) {
        const std::string method(web::method_name(route.method));
        const std::string key = route_key(method, route.pattern);
        auto written = policy.find(key);
        const std::string rule = written != policy.end() ? written->second.rule : route.access.describe();
        const std::int64_t id =
            route.pattern.find("/api-tokens/") != std::string::npos ? token_id : target.id;
        const std::string path = fill_params(route.pattern, id);
        const bool api = is_api(path);

        for (Caller& caller : callers) {
            if (caller.api_token && !api) continue;  // tokens are only looked at under /api/
            SCOPED_TRACE(key + " as " + caller.name);
            Client& c = *caller.client;
            Headers headers;
            if (caller.api_token) headers.emplace_back("Authorization", "Bearer " + caller.bearer);
            Response r =
                route.method == web::Method::Post
                    ? c.post_form(path, caller.api_token ? Fields{} : Fields{{"csrf_token", caller.csrf}},
                                  headers)
                    : c.request(method, path, headers);
            ++checked;

            if (policy_allows(rule, caller.role)) {
                EXPECT_NE(r.status, 401) << r.describe();
                EXPECT_NE(r.status, 403) << r.describe();
                EXPECT_FALSE(r.is_login_redirect()) << r.describe();
                EXPECT_LT(r.status, 500) << r.describe();
                EXPECT_NE(r.status, 405) << r.describe();
            } else if (!caller.role) {
                if (api)
                    EXPECT_TRUE(is_json_error(r, 401, "unauthorized"));
                else if (route.method == web::Method::Get)
                    EXPECT_TRUE(is_login_redirect_to(r, path));
                else
                    EXPECT_TRUE(r.status == 303 && r.location() == "/login") << r.describe();
            } else {
                if (api)
                    EXPECT_TRUE(is_json_error(r, 403, "forbidden"));
                else
                    EXPECT_TRUE(is_html_page(r, 403, "Ingen adgang"));
            }

            // Keep the caller logged in for the next route (POST /logout ends the session).
            if (caller.role && !caller.api_token && route.method == web::Method::Post &&
                c.get("/api/v1/me").status != 200) {
                c = login_as(demo_user(*caller.role).username, demo_user(*caller.role).password);
                caller.csrf = c.csrf();
            }
        }
    }
    EXPECT_GT(checked, 100);
}

TEST_P(AccessMatrixTest, ApiTokensAreIgnoredOutsideTheApi) {
    auto token = app().accounts().create_api_token("html", Role::Admin, std::nullopt, admin_actor());
    ASSERT_TRUE(token.ok());
    Client c = client();
    Response r = c.get("/admin/users", {{"Authorization", "Bearer " + token->secret}});
    EXPECT_TRUE(is_login_redirect_to(r, "/admin/users"));
    EXPECT_EQ(c.get("/api/v1/users", {{"Authorization", "Bearer " + token->secret}}).status, 200);
}

// ---------------------------------------------------------------- denied writes change nothing

class DeniedWriteTest : public HttpTest {};

/// A complete, valid new-user form, re-authenticated with `own_password`.
Fields full_user_form(const std::string& csrf, const std::string& own_password) {
    return {{"csrf_token", csrf},
            {"username", "ny.bruger"},
            {"display_name", "Ny Bruger"},
            {"role", "admin"},
            {"enterprise_id", ""},
            {"password", "Ny-Bruger-Kode-2026!"},
            {"admin_password", own_password}};
}

TEST_P(DeniedWriteTest, NonAdministratorsCannotCreateUsers) {
    const std::int64_t before = user_count();
    for (Role role : {Role::Consultant, Role::Caseworker, Role::Enterprise, Role::Buyer}) {
        SCOPED_TRACE(caller_name(role));
        Client c = login_as(role);
        const std::string csrf = c.csrf();
        EXPECT_TRUE(
            is_html_page(c.post_form("/admin/users", full_user_form(csrf, demo_user(role).password)), 403));
        Response api = c.post_json(
            "/api/v1/users",
            R"({"username":"ny.bruger","display_name":"Ny","role":"admin","password":"Ny-Bruger-Kode-2026!","admin_password":")" +
                demo_user(role).password + "\"}",
            {{"X-CSRF-Token", csrf}});
        EXPECT_TRUE(is_json_error(api, 403, "forbidden"));
    }
    EXPECT_EQ(user_count(), before);
    EXPECT_FALSE(app().accounts().find_user("ny.bruger").ok());
}

TEST_P(DeniedWriteTest, NobodyButAnAdministratorChangesARole) {  // AC-09
    const std::int64_t enterprise_id = user_id("virksomhed");
    for (Role role : {Role::Consultant, Role::Caseworker, Role::Enterprise, Role::Buyer}) {
        SCOPED_TRACE(caller_name(role));
        Client c = login_as(role);
        const std::string csrf = c.csrf();
        const std::int64_t own_id = user_id(demo_user(role).username);
        // Someone else's role, and their own (self-promotion).
        for (std::int64_t id : {enterprise_id, own_id}) {
            Response r = c.post_form("/admin/users/" + std::to_string(id) + "/role",
                                     {{"csrf_token", csrf},
                                      {"role", "admin"},
                                      {"enterprise_id", ""},
                                      {"admin_password", demo_user(role).password}});
            EXPECT_TRUE(is_html_page(r, 403));
        }
        EXPECT_EQ(c.get("/api/v1/me").status, 200) << "the denied attempt must not end the session";
    }
    EXPECT_EQ(user("virksomhed").role, Role::Enterprise);
    EXPECT_EQ(user("virksomhed").enterprise_id, std::optional<std::int64_t>(1));
    for (Role role : {Role::Consultant, Role::Caseworker, Role::Buyer})
        EXPECT_EQ(user(demo_user(role).username).role, role);
}

TEST_P(DeniedWriteTest, AnAdminApiTokenCannotAdministerUsers) {  // AC-09: needs a re-authenticated person
    auto token = app().accounts().create_api_token("robot", Role::Admin, std::nullopt, admin_actor());
    ASSERT_TRUE(token.ok());
    const std::int64_t before = user_count();
    Response r = client().post_json(
        "/api/v1/users",
        R"({"username":"robot.bruger","display_name":"Robot","role":"admin","password":"Robot-Bruger-2026!","admin_password":"Bro-Styring-2026!"})",
        {{"Authorization", "Bearer " + token->secret}});
    EXPECT_TRUE(is_json_error(r, 403, "forbidden"));
    EXPECT_EQ(user_count(), before);
}

TEST_P(DeniedWriteTest, DeniedAccessIsAudited) {  // LG-07
    Client c = login_as(Role::Consultant);
    const std::string csrf = c.csrf();
    ASSERT_EQ(c.post_form("/admin/users/1/disable", {{"csrf_token", csrf}}).status, 403);
    auto rows = audit_rows_with_action("access_denied");
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].username, "konsulent");
    EXPECT_EQ(rows[0].role, "consultant");
    EXPECT_EQ(rows[0].outcome, "denied");
    EXPECT_EQ(rows[0].client_ip, "127.0.0.1");
    EXPECT_NE(rows[0].criteria.find("POST /admin/users/1/disable"), std::string::npos) << rows[0].criteria;
    EXPECT_FALSE(user("admin").disabled);
}

TEST_P(DeniedWriteTest, AnonymousWritesChangeNothing) {
    Client c = client();
    ASSERT_EQ(c.get("/login").status, 200);
    const std::string csrf = c.cookie("bb_csrf").value_or("");
    const std::int64_t admin_id = user_id("admin");
    Response r = c.post_form("/admin/users/" + std::to_string(admin_id) + "/disable", {{"csrf_token", csrf}});
    EXPECT_TRUE(r.status == 303 && r.location() == "/login") << r.describe();
    EXPECT_FALSE(user("admin").disabled);
    const std::int64_t before = user_count();
    EXPECT_TRUE(is_json_error(
        c.post_json("/api/v1/users", R"({"username":"x.y","role":"admin"})", {{"X-CSRF-Token", csrf}}), 401,
        "unauthorized"));
    EXPECT_EQ(user_count(), before);
}

BB_INSTANTIATE_BACKENDS(AccessPolicyTest);
BB_INSTANTIATE_BACKENDS(AccessMatrixTest);
BB_INSTANTIATE_BACKENDS(DeniedWriteTest);

}  // namespace
}  // namespace http_test
