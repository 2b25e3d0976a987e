#include "web/router.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

using core::Role;
using web::Access;
using web::Method;

TEST(Access, RulesByRole) {
    EXPECT_TRUE(Access::everyone().allows(std::nullopt));
    EXPECT_FALSE(Access::any_user().allows(std::nullopt));
    EXPECT_TRUE(Access::any_user().allows(Role::Buyer));
    auto admin = Access::roles({Role::Admin});
    EXPECT_TRUE(admin.allows(Role::Admin));
    EXPECT_FALSE(admin.allows(Role::Consultant));
    EXPECT_FALSE(admin.allows(std::nullopt));
    EXPECT_EQ(Access::roles({Role::Admin, Role::Caseworker}).describe(), "admin,caseworker");
}

TEST(Router, MatchesParamsAndReports405) {
    web::Router r;
    r.get("/admin/users/{id}", Access::roles({Role::Admin}),
          [](web::RequestContext&) { return web::Response{}; });
    r.post("/admin/users/{id}/disable", Access::roles({Role::Admin}),
           [](web::RequestContext&) { return web::Response{}; });
    auto m = r.match(Method::Get, "/admin/users/42");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.params.at("id"), "42");
    EXPECT_NE(r.match(Method::Head, "/admin/users/42").route, nullptr);
    auto wrong = r.match(Method::Get, "/admin/users/42/disable");
    EXPECT_EQ(wrong.route, nullptr);
    EXPECT_TRUE(wrong.path_exists);
    auto none = r.match(Method::Get, "/admin/users/");
    EXPECT_EQ(none.route, nullptr);
    EXPECT_FALSE(none.path_exists);
}

TEST(Router, IdParamOnlyAcceptsPositiveIntegers) {
    web::Request req;
    web::RequestContext ctx{
        req, {{"id", "12"}, {"bad", "1x"}, {"neg", "-3"}}, std::nullopt, {}, {}, {}, {}, {}, false};
    EXPECT_EQ(ctx.id_param("id"), 12);
    EXPECT_FALSE(ctx.id_param("bad"));
    EXPECT_FALSE(ctx.id_param("neg"));
    EXPECT_FALSE(ctx.id_param("missing"));
}

TEST(Router, TypedIntParamsMatchOnlyPositiveIntegers) {
    web::Router r;
    r.get("/grants/{id:int}", Access::any_user(), [](web::RequestContext&) { return web::Response{}; });
    r.post("/grants/{id:int}", Access::any_user(), [](web::RequestContext&) { return web::Response{}; });
    auto m = r.match(Method::Get, "/grants/7");
    ASSERT_NE(m.route, nullptr);
    EXPECT_EQ(m.params.at("id"), "7");
    for (const char* path :
         {"/grants/abc", "/grants/0", "/grants/-3", "/grants/1x", "/grants/99999999999999999999"}) {
        SCOPED_TRACE(path);
        auto none = r.match(Method::Get, path);
        EXPECT_EQ(none.route, nullptr);
        EXPECT_FALSE(none.path_exists);  // 404, not 405
    }
}

TEST(Router, TypedParamsMakeRouteOrderIrrelevantForLiteralSegments) {
    // /enterprises/{id:int} registered before /enterprises/export.csv does not swallow it.
    web::Router r;
    r.get("/enterprises/{id:int}", Access::any_user(), [](web::RequestContext&) { return web::Response{}; });
    r.get("/enterprises/export.csv", Access::any_user(),
          [](web::RequestContext&) { return web::Response{}; });
    auto csv = r.match(Method::Get, "/enterprises/export.csv");
    ASSERT_NE(csv.route, nullptr);
    EXPECT_EQ(csv.route->pattern, "/enterprises/export.csv");
    auto one = r.match(Method::Get, "/enterprises/12");
    ASSERT_NE(one.route, nullptr);
    EXPECT_EQ(one.route->pattern, "/enterprises/{id:int}");
}

TEST(Router, UnknownParamTypeIsRefused) {
    web::Router r;
    EXPECT_THROW(
        r.get("/x/{id:uuid}", Access::any_user(), [](web::RequestContext&) { return web::Response{}; }),
        std::invalid_argument);
}

TEST(Router, IntParamReadsTheMatchedIdAndThrowsForAnUndeclaredOne) {
    web::Request req;
    web::RequestContext ctx{req,  {{"id", "12"}, {"name", "logo.png"}}, std::nullopt, {}, {}, {}, {}, {},
                            false};
    EXPECT_EQ(ctx.int_param("id"), 12);
    EXPECT_THROW((void)ctx.int_param("name"), std::logic_error);
    EXPECT_THROW((void)ctx.int_param("missing"), std::logic_error);
}

TEST(Router, PathTemplateLeavesOutParamTypes) {
    EXPECT_EQ(web::path_template("/enterprises/{id:int}/contacts/{contact_id:int}/delete"),
              "/enterprises/{id}/contacts/{contact_id}/delete");
    EXPECT_EQ(web::path_template("/billeder/{name}"), "/billeder/{name}");
    EXPECT_EQ(web::path_template("/healthz"), "/healthz");
}
