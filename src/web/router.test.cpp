#include "web/router.hpp"

#include <gtest/gtest.h>

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
    r.get("/admin/users/{id}", Access::roles({Role::Admin}), [](web::RequestContext&) { return web::Response{}; });
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
    web::RequestContext ctx{req, {{"id", "12"}, {"bad", "1x"}, {"neg", "-3"}}, std::nullopt, {}, {}, {}, {}, {}, false};
    EXPECT_EQ(ctx.id_param("id"), 12);
    EXPECT_FALSE(ctx.id_param("bad"));
    EXPECT_FALSE(ctx.id_param("neg"));
    EXPECT_FALSE(ctx.id_param("missing"));
}
