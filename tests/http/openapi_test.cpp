// The OpenAPI document describes exactly the /api/v1 routes of the route table.
#include <set>

#include "http/app_fixture.hpp"
#include "http/expect.hpp"
#include "web/router.hpp"

namespace http_test {
namespace {

class OpenApiTest : public HttpTest {};

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

TEST_P(OpenApiTest, DescribesEveryApiRouteAndNothingElse) {
    Response r = client().get("/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200) << r.describe();
    EXPECT_EQ(r.header("content-type").value_or(""), "application/json; charset=utf-8");
    ASSERT_TRUE(web::is_valid_json(r.body));
    EXPECT_EQ(json_at(r.body, "/openapi"), "3.1.0");
    EXPECT_TRUE(json_at(r.body, "/info/title"));
    EXPECT_TRUE(json_at(r.body, "/components/schemas/Error"));

    std::set<std::pair<std::string, std::string>> documented;
    for (const std::string& path : json_keys(r.body, "/paths"))
        for (const std::string& method : json_keys(r.body, "/paths/" + json_pointer_key(path)))
            documented.emplace(path, method);

    std::set<std::pair<std::string, std::string>> routed;
    for (const web::Route& route : app().router().routes()) {
        if (route.pattern.rfind("/api/v1/", 0) != 0) continue;
        const std::string method = lower(web::method_name(route.method));
        const std::string path = web::path_template(route.pattern);  // the document writes {id}, not {id:int}
        routed.emplace(path, method);
        const std::string op = "/paths/" + json_pointer_key(path) + "/" + method;
        SCOPED_TRACE(op);
        EXPECT_EQ(json_at(r.body, op + "/x-roles"), route.access.describe());
        EXPECT_EQ(json_at(r.body, op + "/security") == "[]", route.access.is_public())
            << "public ⇔ security []";
        EXPECT_FALSE(json_at(r.body, op + "/summary").value_or("").empty());
        EXPECT_TRUE(json_at(r.body, op + "/responses/default"));
        if (route.pattern.find('{') != std::string::npos) {
            EXPECT_EQ(json_at(r.body, op + "/parameters/0/in"), "path");
        }
        if (route.pattern.find(":int}") != std::string::npos) {
            EXPECT_EQ(json_at(r.body, op + "/parameters/0/schema/type"), "integer");
        }
    }
    EXPECT_FALSE(routed.empty());
    EXPECT_EQ(documented, routed);
}

TEST_P(OpenApiTest, IsPublicAndTheSameForEveryone) {
    Response anonymous = client().get("/api/v1/openapi.json");
    Response admin = login_as(core::Role::Admin).get("/api/v1/openapi.json");
    ASSERT_EQ(anonymous.status, 200);
    EXPECT_EQ(anonymous.body, admin.body);
}

BB_INSTANTIATE_BACKENDS(OpenApiTest);

}  // namespace
}  // namespace http_test
