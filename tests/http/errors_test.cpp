// Error responses and output escaping: the Danish 404 page, the one JSON error shape of
// /api/v1, form validation (422 with Danish field messages, nothing stored) and HTML escaping
// of stored text (security checklist IN-02, HT-08).
#include "accounts/account_service.hpp"
#include "http/app_fixture.hpp"
#include "http/expect.hpp"

namespace http_test {
namespace {

using core::Role;

class ErrorsTest : public HttpTest {};

TEST_P(ErrorsTest, UnknownPagesGetTheDanish404Page) {
    Client anonymous = client();
    Client admin = login_as(Role::Admin);
    for (Client* c : {&anonymous, &admin}) {
        for (const char* target : {"/findes-ikke", "/admin/findes-ikke/1", "/.git/HEAD", "/apiv1"}) {
            SCOPED_TRACE(target);
            Response r = c->get(target);
            EXPECT_TRUE(is_html_page(r, 404, "Siden findes ikke"));
        }
    }
    EXPECT_TRUE(is_html_page(admin.get("/admin/users/999999"), 404, "Siden findes ikke"));
    EXPECT_TRUE(is_html_page(admin.get("/admin/users/abc"), 404, "Siden findes ikke"));
    // A missing asset is a short Danish text, not a page.
    Response asset = anonymous.get("/static/findes-ikke.css");
    EXPECT_EQ(asset.status, 404);
    EXPECT_NE(asset.body.find("Siden findes ikke"), std::string::npos) << asset.describe();
}

TEST_P(ErrorsTest, AnIdThatIsNoPositiveNumberAnswers404BeforeTheHandler) {
    // Routes declare {id:int}: the router matches them only for a positive integer, so anything
    // else is the usual 404 (the Danish page, or the JSON error under /api/v1), for every caller.
    Client anonymous = client();
    Client admin = login_as(Role::Admin);
    for (Client* c : {&anonymous, &admin}) {
        for (const char* target : {"/enterprises/abc", "/grants/0/edit", "/citizens/-1", "/stories/1x",
                                   "/catalogue/items/12.5/images", "/enterprises/1/contacts/x/delete"}) {
            SCOPED_TRACE(target);
            EXPECT_TRUE(is_html_page(c->get(target), 404, "Siden findes ikke"));
        }
        for (const char* target :
             {"/api/v1/enterprises/abc", "/api/v1/jobs/0", "/api/v1/citizens/99999999999999999999"}) {
            SCOPED_TRACE(target);
            EXPECT_TRUE(is_json_error(c->get(target), 404, "not_found"));
        }
    }
    EXPECT_TRUE(is_html_page(admin.post_form("/events/abc/delete", {{"csrf_token", admin.csrf()}}), 404,
                             "Siden findes ikke"));
    // A literal segment beside {id:int} is its own route, whatever the registration order.
    EXPECT_EQ(admin.get("/enterprises/export.csv").status, 200);
    EXPECT_EQ(admin.get("/enterprises/1").status, 200);
}

TEST_P(ErrorsTest, TheApiAnswersErrorsInOneShape) {
    Client anonymous = client();
    Client consultant = login_as(Role::Consultant);
    Client admin = login_as(Role::Admin);
    EXPECT_TRUE(is_json_error(anonymous.get("/api/v1/findes-ikke"), 404, "not_found"));
    EXPECT_TRUE(is_json_error(admin.get("/api/v1/findes-ikke"), 404, "not_found"));
    EXPECT_TRUE(is_json_error(admin.get("/api/v1/users/999999"), 404, "not_found"));
    EXPECT_TRUE(is_json_error(anonymous.get("/api/v1/me"), 401, "unauthorized"));
    EXPECT_TRUE(is_json_error(anonymous.get("/api/v1/users"), 401, "unauthorized"));
    EXPECT_TRUE(is_json_error(consultant.get("/api/v1/users"), 403, "forbidden"));
    EXPECT_TRUE(is_json_error(consultant.get("/api/v1/audit"), 403, "forbidden"));

    const std::string csrf = admin.csrf();
    Response bad_role = admin.post_json("/api/v1/users", R"({"username":"ny.bruger","role":"superbruger"})",
                                        {{"X-CSRF-Token", csrf}});
    ASSERT_TRUE(is_json_error(bad_role, 422, "validation"));
    EXPECT_EQ(json_at(bad_role.body, "/error/fields/0/field"), "role");
    EXPECT_EQ(json_at(bad_role.body, "/error/fields/0/message"), "Vælg en rolle.");

    Response short_password = admin.post_json(
        "/api/v1/users",
        R"({"username":"ny.bruger","display_name":"Ny Bruger","role":"buyer","password":"kort","admin_password":"Bro-Styring-2026!"})",
        {{"X-CSRF-Token", csrf}});
    ASSERT_TRUE(is_json_error(short_password, 422, "validation"));
    EXPECT_EQ(json_at(short_password.body, "/error/fields/0/field"), "password");
    EXPECT_EQ(json_at(short_password.body, "/error/fields/0/message"),
              "Adgangskoden skal være på mindst 12 tegn.");

    Response not_json = admin.post_json("/api/v1/users", "{\"username\":", {{"X-CSRF-Token", csrf}});
    EXPECT_TRUE(is_json_error(not_json, 400, "validation"));
    EXPECT_FALSE(app().accounts().find_user("ny.bruger").ok());
}

TEST_P(ErrorsTest, TheApiErrorCodeSaysWhatTheStatusSays) {
    // A client branches on `code`: a wrong method is not "not_found" and a wrong content type is
    // not "internal".
    Client admin = login_as(Role::Admin);
    EXPECT_TRUE(is_json_error(admin.request("PUT", "/api/v1/me", {{"X-CSRF-Token", admin.csrf()}}), 405,
                              "method_not_allowed"));
    Response wrong_type =
        admin.request("POST", "/api/v1/import/enterprises",
                      {{"X-CSRF-Token", admin.csrf()}, {"Content-Type", "application/pdf"}}, "%PDF-1.4");
    EXPECT_TRUE(is_json_error(wrong_type, 415, "unsupported_media_type"));
    EXPECT_NE(json_at(wrong_type.body, "/error/message").value_or("").find("text/csv"), std::string::npos)
        << wrong_type.describe();
}

TEST_P(ErrorsTest, AnInvalidFormIs422WithDanishMessagesAndStoresNothing) {
    Client admin = login_as(Role::Admin);
    const std::int64_t before = user_count();
    Response r = admin.post_form("/admin/users", {{"csrf_token", admin.csrf()},
                                                  {"username", "kort.kode"},
                                                  {"display_name", "Kort Kode"},
                                                  {"role", "caseworker"},
                                                  {"enterprise_id", ""},
                                                  {"password", "Qx7kort"},
                                                  {"admin_password", demo_user(Role::Admin).password}});
    EXPECT_TRUE(is_html_page(r, 422, "Adgangskoden skal være på mindst 12 tegn."));
    EXPECT_NE(r.body.find("<title>Fejl: Opret bruger"), std::string::npos);
    EXPECT_NE(r.body.find("value=\"kort.kode\""), std::string::npos)
        << "the form is shown again with its values";
    EXPECT_EQ(r.body.find("Qx7kort"), std::string::npos) << "passwords are never echoed";
    EXPECT_EQ(r.body.find(demo_user(Role::Admin).password), std::string::npos)
        << "passwords are never echoed";
    EXPECT_EQ(user_count(), before);
    EXPECT_FALSE(app().accounts().find_user("kort.kode").ok());

    // Missing role, bad enterprise id and a wrong re-authentication are field errors too.
    Response missing = admin.post_form(
        "/admin/users", {{"csrf_token", admin.csrf()}, {"username", "x"}, {"enterprise_id", "-3"}});
    EXPECT_TRUE(is_html_page(missing, 422, "Vælg en rolle."));
    EXPECT_NE(missing.body.find("Virksomhedens id skal være et positivt heltal."), std::string::npos);
    Response reauth = admin.post_form("/admin/users", {{"csrf_token", admin.csrf()},
                                                       {"username", "kort.kode"},
                                                       {"display_name", "Kort Kode"},
                                                       {"role", "caseworker"},
                                                       {"password", "Langt-Nok-Kodeord-2026"},
                                                       {"admin_password", "forkert-kodeord"}});
    EXPECT_TRUE(is_html_page(reauth, 422, "Din adgangskode er forkert."));
    EXPECT_EQ(user_count(), before);
}

TEST_P(ErrorsTest, StoredTextIsEscapedOnEveryPage) {  // IN-02
    Client admin = login_as(Role::Admin);
    const std::string script = "<script>alert(1)</script>";
    const std::string svg = "\"><svg onload=alert(2)>";
    std::vector<std::int64_t> ids;
    for (const auto& [username, display_name] :
         std::vector<std::pair<std::string, std::string>>{{"xss.script", script}, {"xss.svg", svg}}) {
        Response r = admin.post_form("/admin/users", {{"csrf_token", admin.csrf()},
                                                      {"username", username},
                                                      {"display_name", display_name},
                                                      {"role", "buyer"},
                                                      {"password", "Sikker-Nok-Kode-2026"},
                                                      {"admin_password", demo_user(Role::Admin).password}});
        ASSERT_EQ(r.status, 303) << r.describe();
        ids.push_back(user_id(username));
    }
    auto assert_escaped = [&](const std::string& where, const Response& page) {
        ASSERT_EQ(page.status, 200) << where << ": " << page.describe();
        EXPECT_EQ(page.body.find("<script>alert"), std::string::npos) << where;
        EXPECT_EQ(page.body.find("<svg onload"), std::string::npos) << where;
    };
    Response list = admin.get("/admin/users");
    assert_escaped("/admin/users", list);
    EXPECT_NE(list.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_NE(list.body.find("&quot;&gt;&lt;svg onload=alert(2)&gt;"), std::string::npos);
    for (std::int64_t id : ids)
        assert_escaped("/admin/users/" + std::to_string(id), admin.get("/admin/users/" + std::to_string(id)));
    assert_escaped("/admin/audit", admin.get("/admin/audit"));

    // JSON carries the text exactly, correctly quoted.
    Response json = admin.get("/api/v1/users/" + std::to_string(ids[0]));
    ASSERT_TRUE(web::is_valid_json(json.body));
    EXPECT_EQ(json_at(json.body, "/display_name"), script);

    // The layout shows a logged-in user's own name escaped too.
    create_user("xss.selv", Role::Buyer, "Sikker-Nok-Kode-2026", "<script>alert(3)</script>");
    Client self = login_as("xss.selv", "Sikker-Nok-Kode-2026");
    assert_escaped("/dashboard as xss.selv", self.get("/dashboard"));
}

BB_INSTANTIATE_BACKENDS(ErrorsTest);

}  // namespace
}  // namespace http_test
