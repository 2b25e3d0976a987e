#include "accounts/http/accounts_http.hpp"

#include "core/date.hpp"
#include "core/text.hpp"
#include "web/form_views.hpp"
#include "web/handlers.hpp"
#include "web/json.hpp"

namespace accounts_http {
namespace {

using core::Role;
using web::Access;
using web::FieldSpec;
using web::RequestContext;
using web::Response;
using web::View;

std::string when(core::UnixSeconds t) {
    return t > 0 ? core::danish_local_time(t) : std::string("–");
}

web::Options role_options() {
    web::Options out{{"", "Vælg rolle"}};
    for (Role r : core::k_all_roles)
        out.emplace_back(std::string(core::role_code(r)), std::string(core::role_label(r)));
    return out;
}

/// Parses the optional enterprise id field; Validation error naming the field when malformed.
core::Result<std::optional<std::int64_t>> enterprise_field(const web::Form& form) {
    std::string text = form.text("enterprise_id");
    if (text.empty()) return std::optional<std::int64_t>{};
    long long v = 0;
    if (!core::parse_int64(text, v) || v <= 0)
        return core::Error::validation("enterprise_id", "Virksomhedens id skal være et positivt heltal.");
    return std::optional<std::int64_t>{v};
}

core::Result<Role> role_field(const web::Form& form) {
    auto r = core::parse_role(form.text("role"));
    if (!r) return core::Error::validation("role", "Vælg en rolle.");
    return *r;
}

/// Re-authentication of the acting administrator (AC-09). The error names `field`.
core::Result<void> reauthenticate(accounts::AccountService& accounts, const RequestContext& ctx,
                                  const std::string& field) {
    std::string pw = ctx.form.get(field).value_or("");
    if (pw.empty()) return core::Error::validation(field, "Skriv din egen adgangskode for at bekræfte.");
    if (ctx.actor->via_api_token)
        return core::Error::forbidden("Brugeradministration kræver et login som administrator.");
    auto r = accounts.reauthenticate(ctx.actor->user_id, pw, {ctx.request.client_ip, ctx.request.request_id});
    if (!r.ok()) {
        if (r.error().code == core::ErrorCode::Unauthorized)
            return core::Error::validation(field, "Din adgangskode er forkert.");
        return r.take_error();
    }
    return {};
}

View password_field(std::string id, std::string label, std::string autocomplete,
                    const std::optional<core::Error>& e, std::string hint = {}) {
    FieldSpec s{.id = std::move(id),
                .label = std::move(label),
                .type = "password",
                .autocomplete = std::move(autocomplete),
                .hint = std::move(hint),
                .required = true};
    return web::text_field(s, e);
}

// ---------------------------------------------------------------- login / logout

Response login_page(const web::Site& site, const RequestContext& ctx, const std::string& username,
                    const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    std::string next = ctx.form.get("next").value_or(ctx.query.get("next").value_or(""));
    if (web::is_local_path(next)) v.set("next", next);
    v.set("username_field", web::text_field({.id = "username",
                                             .label = "Brugernavn",
                                             .value = username,
                                             .autocomplete = "username",
                                             .required = true},
                                            error));
    v.set("password_field", password_field("password", "Adgangskode", "current-password", error));
    web::set_errors(v, error, "username");
    return site.page(ctx, "accounts/login", v, error ? "Fejl: Log ind" : "Log ind", status);
}

Response post_login(const web::Site& site, accounts::AccountService& accounts, RequestContext& ctx) {
    std::string username = ctx.form.text("username");
    std::string password = ctx.form.get("password").value_or("");
    core::Validator v;
    if (username.empty()) v.add("username", "Indtast dit brugernavn.");
    if (password.empty()) v.add("password", "Indtast din adgangskode.");
    if (!v.ok()) return login_page(site, ctx, username, v.error(), 422);

    auto ua = ctx.request.header("user-agent").value_or("");
    auto result =
        accounts.login(username, password, ctx.request.client_ip, ua.substr(0, 200), ctx.request.request_id);
    if (!result.ok()) {
        const core::Error& e = result.error();
        if (e.code == core::ErrorCode::Unauthorized || e.code == core::ErrorCode::TooManyRequests) {
            core::Error shown{core::ErrorCode::Validation, e.message, {{"username", e.message}}};
            return login_page(site, ctx, username, shown, web::status_for(e.code));
        }
        return site.from_error(ctx, e);
    }
    std::string next = ctx.form.text("next");
    std::string target = result->user.must_change_password ? "/account/password"
                         : web::is_local_path(next)        ? next
                                                           : "/dashboard";
    Response r = Response::redirect(target);
    r.add_header("Set-Cookie", site.session_cookie(ctx.request, result->token));
    return r;
}

Response post_logout(const web::Site& site, accounts::AccountService& accounts, RequestContext& ctx) {
    if (auto r = accounts.logout(ctx.session_token, {ctx.request.client_ip, ctx.request.request_id}); !r.ok())
        return site.from_error(ctx, r.error());
    Response res = site.redirect_with_flash(ctx, "/", "Du er logget ud.");
    res.add_header("Set-Cookie", site.clear_session_cookie(ctx.request));
    return res;
}

// ---------------------------------------------------------------- own password

Response password_page(const web::Site& site, const RequestContext& ctx,
                       const std::optional<core::Error>& error, int status, bool must_change) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    if (must_change) v.set("must_change", true);
    v.set("current_field",
          password_field("current_password", "Nuværende adgangskode", "current-password", error));
    v.set("new_field", password_field("new_password", "Ny adgangskode", "new-password", error,
                                      "Mindst 12 tegn. Undgå almindelige adgangskoder og dit brugernavn."));
    v.set("repeat_field", password_field("repeat_password", "Gentag ny adgangskode", "new-password", error));
    web::set_errors(v, error, "current_password");
    return site.page(ctx, "accounts/password", v, error ? "Fejl: Skift adgangskode" : "Skift adgangskode",
                     status);
}

Response post_password(const web::Site& site, accounts::AccountService& accounts, RequestContext& ctx) {
    std::string current = ctx.form.get("current_password").value_or("");
    std::string next = ctx.form.get("new_password").value_or("");
    std::string repeat = ctx.form.get("repeat_password").value_or("");
    core::Validator val;
    if (current.empty()) val.add("current_password", "Indtast din nuværende adgangskode.");
    if (next.empty())
        val.add("new_password", "Indtast en ny adgangskode.");
    else if (next != repeat)
        val.add("repeat_password", "De to nye adgangskoder er ikke ens.");
    if (!val.ok()) {
        if (ctx.api) return site.from_error(ctx, val.error());
        return password_page(site, ctx, val.error(), 422, false);
    }
    auto r = accounts.change_own_password(ctx.actor->user_id, current, next, ctx.session_token,
                                          {ctx.request.client_ip, ctx.request.request_id});
    if (!r.ok()) {
        if (r.error().code == core::ErrorCode::Validation && !ctx.api)
            return password_page(site, ctx, r.error(), 422, false);
        return site.from_error(ctx, r.error());
    }
    return site.redirect_with_flash(ctx, "/dashboard",
                                    "Din adgangskode er skiftet. Du er logget ud alle andre steder.");
}

// ---------------------------------------------------------------- users (admin)

View user_form_fields(View v, const web::Form& form, const std::optional<core::Error>& error) {
    v.set("username_field", web::text_field({.id = "username",
                                             .label = "Brugernavn",
                                             .value = form.text("username"),
                                             .autocomplete = "off",
                                             .hint = "3–64 tegn: bogstaver a–z, tal og . _ - @",
                                             .required = true},
                                            error));
    v.set("display_name_field", web::text_field({.id = "display_name",
                                                 .label = "Navn",
                                                 .value = form.text("display_name"),
                                                 .autocomplete = "off",
                                                 .required = true},
                                                error));
    v.set("role_field", web::select_field({.id = "role", .label = "Rolle", .required = true}, role_options(),
                                          form.text("role"), error));
    v.set("enterprise_field",
          web::text_field({.id = "enterprise_id",
                           .label = "Virksomhed (id)",
                           .value = form.text("enterprise_id"),
                           .hint = "Kun for virksomhedsbrugere: id på den virksomhed, brugeren hører til.",
                           .width = "xs",
                           .inputmode = "numeric",
                           .optional = true},
                          error));
    v.set("password_field", password_field("password", "Første adgangskode", "new-password", error,
                                           "Brugeren skal skifte den ved første login. Mindst 12 tegn."));
    v.set("admin_password_field",
          password_field("admin_password", "Din adgangskode", "current-password", error));
    return v;
}

Response new_user_page(const web::Site& site, const RequestContext& ctx,
                       const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v = user_form_fields(std::move(v), ctx.form, error);
    web::set_errors(v, error, "username");
    return site.page(ctx, "accounts/user_new", v, error ? "Fejl: Opret bruger" : "Opret bruger", status);
}

core::Result<accounts::User> create_user_from(accounts::AccountService& accounts, const RequestContext& ctx) {
    core::Validator val;
    auto role = role_field(ctx.form);
    auto enterprise = enterprise_field(ctx.form);
    if (!role.ok()) val.add("role", role.error().fields.front().message);
    if (!enterprise.ok()) val.add("enterprise_id", enterprise.error().fields.front().message);
    if (!val.ok()) return val.error();
    BB_TRY(reauthenticate(accounts, ctx, "admin_password"));
    accounts::NewUser nu;
    nu.username = ctx.form.text("username");
    nu.display_name = ctx.form.text("display_name");
    nu.role = role.value();
    nu.enterprise_id = enterprise.value();
    nu.password = ctx.form.get("password").value_or("");
    nu.must_change_password = true;
    return accounts.create_user(nu, *ctx.actor);
}

Response user_page(const web::Site& site, accounts::AccountService& accounts, const RequestContext& ctx,
                   std::int64_t id, const std::optional<core::Error>& error, int status) {
    auto user = accounts.get_user(id);
    if (!user.ok()) return site.from_error(ctx, user.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("user", user_view(*user));
    std::string role = error ? ctx.form.text("role") : std::string(core::role_code(user->role));
    std::string ent = error ? ctx.form.text("enterprise_id")
                            : (user->enterprise_id ? std::to_string(*user->enterprise_id) : std::string());
    v.set("role_field",
          web::select_field({.id = "role", .label = "Rolle", .required = true}, role_options(), role, error));
    v.set("enterprise_field", web::text_field({.id = "enterprise_id",
                                               .label = "Virksomhed (id)",
                                               .value = ent,
                                               .hint = "Kun for virksomhedsbrugere.",
                                               .width = "xs",
                                               .inputmode = "numeric",
                                               .optional = true},
                                              error));
    v.set("role_admin_password_field",
          password_field("admin_password", "Din adgangskode", "current-password", error));
    v.set("password_field", password_field("password", "Ny adgangskode til brugeren", "new-password", error,
                                           "Brugeren skal skifte den ved næste login."));
    v.set("pw_admin_password_field",
          password_field("pw_admin_password", "Din adgangskode", "current-password", error));
    web::set_errors(v, error, "role");
    return site.page(ctx, "accounts/user", v, (error ? "Fejl: " : "") + user->display_name, status);
}

// ---------------------------------------------------------------- API tokens (admin)

Response tokens_page(const web::Site& site, accounts::AccountService& accounts, const RequestContext& ctx,
                     const std::optional<core::Error>& error, int status, const std::string& secret) {
    auto tokens = accounts.list_api_tokens();
    if (!tokens.ok()) return site.from_error(ctx, tokens.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View::List list;
    for (const auto& t : *tokens) {
        View tv;
        tv.set("id", t.id).set("name", t.name).set("prefix", t.prefix);
        tv.set("role", std::string(core::role_code(t.role)));
        tv.set("role_label", std::string(core::role_label(t.role)));
        tv.set("created_at", when(t.created_at));
        tv.set("last_used_at", t.last_used_at ? when(*t.last_used_at) : std::string("Aldrig"));
        tv.set("revoked", t.revoked_at.has_value());
        if (t.revoked_at) tv.set("revoked_at", when(*t.revoked_at));
        list.push_back(std::move(tv));
    }
    v.set("count", static_cast<std::int64_t>(list.size()));
    v.set("has_tokens", !list.empty());
    v.set("tokens", std::move(list));
    if (!secret.empty()) v.set("created_secret", secret);
    const web::Form& f = error ? ctx.form : web::Form{};
    v.set("name_field", web::text_field({.id = "name",
                                         .label = "Navn på nøglen",
                                         .value = f.text("name"),
                                         .hint = "Fx det system, der skal bruge den.",
                                         .required = true},
                                        error));
    v.set("role_field", web::select_field({.id = "role", .label = "Rolle", .required = true}, role_options(),
                                          f.text("role"), error));
    v.set("enterprise_field", web::text_field({.id = "enterprise_id",
                                               .label = "Virksomhed (id)",
                                               .value = f.text("enterprise_id"),
                                               .width = "xs",
                                               .inputmode = "numeric",
                                               .optional = true},
                                              error));
    v.set("admin_password_field",
          password_field("admin_password", "Din adgangskode", "current-password", error));
    web::set_errors(v, error, "name");
    return site.page(ctx, "accounts/api_tokens", v, error ? "Fejl: API-nøgler" : "API-nøgler", status);
}

}  // namespace

web::View user_view(const accounts::User& u) {
    View v;
    v.set("id", u.id).set("username", u.username).set("display_name", u.display_name);
    v.set("role", std::string(core::role_code(u.role)));
    v.set("role_label", std::string(core::role_label(u.role)));
    if (u.enterprise_id) v.set("enterprise_id", *u.enterprise_id);
    v.set("disabled", u.disabled);
    v.set("must_change_password", u.must_change_password);
    v.set("created_at", when(u.created_at));
    v.set("password_changed_at", when(u.password_changed_at));
    return v;
}

void register_routes(web::Router& router, const web::Site& site, accounts::AccountService& accounts) {
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    accounts::AccountService* a = &accounts;

    router.get(
        "/login", Access::everyone(),
        [s](RequestContext& ctx) {
            if (ctx.actor) return Response::redirect("/dashboard");
            return login_page(*s, ctx, {}, std::nullopt, 200);
        },
        "Login page");
    router.post(
        "/login", Access::everyone(), [s, a](RequestContext& ctx) { return post_login(*s, *a, ctx); },
        "Log in");
    router.post(
        "/logout", Access::any_user(), [s, a](RequestContext& ctx) { return post_logout(*s, *a, ctx); },
        "Log out");
    router.get(
        "/account/password", Access::any_user(),
        [s, a](RequestContext& ctx) {
            auto u = a->get_user(ctx.actor->user_id);
            return password_page(*s, ctx, std::nullopt, 200, u.ok() && u->must_change_password);
        },
        "Change own password (form)");
    router.post(
        "/account/password", Access::any_user(),
        [s, a](RequestContext& ctx) { return post_password(*s, *a, ctx); }, "Change own password");

    router.get(
        "/admin/users", admin,
        [s, a](RequestContext& ctx) {
            auto users = a->list_users();
            if (!users.ok()) return s->from_error(ctx, users.error());
            View v;
            View::List list;
            for (const auto& u : *users) list.push_back(user_view(u));
            v.set("count", static_cast<std::int64_t>(list.size()));
            v.set("users", std::move(list));
            return s->page(ctx, "accounts/users", v, "Brugere");
        },
        "List users");
    router.get(
        "/admin/users/new", admin,
        [s](RequestContext& ctx) { return new_user_page(*s, ctx, std::nullopt, 200); }, "New user form");
    router.post(
        "/admin/users", admin,
        [s, a](RequestContext& ctx) {
            auto created = create_user_from(*a, ctx);
            if (!created.ok())
                return web::form_or_error(
                    *s, ctx, created.error(),
                    [&](core::Error e, int status) {
                        if (e.fields.empty()) e.fields.push_back({"username", e.message});
                        return new_user_page(*s, ctx, e, status);
                    },
                    web::ShownOnForm::ValidationOrConflict);
            return s->redirect_with_flash(ctx, "/admin/users/" + std::to_string(created->id),
                                          "Brugeren " + created->username + " er oprettet.");
        },
        "Create user");
    router.get(
        "/admin/users/{id:int}", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return user_page(*s, *a, ctx, id, std::nullopt, 200);
        },
        "User details");
    router.post(
        "/admin/users/{id:int}/role", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto run = [&]() -> core::Result<accounts::User> {
                BB_ASSIGN(Role role, role_field(ctx.form));
                BB_ASSIGN(auto enterprise, enterprise_field(ctx.form));
                BB_TRY(reauthenticate(*a, ctx, "admin_password"));
                return a->set_role(id, role, enterprise, *ctx.actor);
            };
            auto r = run();
            if (!r.ok())
                return web::form_or_error(
                    *s, ctx, r.error(),
                    [&](const core::Error& e, int status) { return user_page(*s, *a, ctx, id, e, status); },
                    web::ShownOnForm::ValidationOrConflict);
            return s->redirect_with_flash(ctx, "/admin/users/" + std::to_string(id), "Rollen er gemt.");
        },
        "Change a user's role");
    router.post(
        "/admin/users/{id:int}/password", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto run = [&]() -> core::Result<void> {
                BB_TRY(reauthenticate(*a, ctx, "pw_admin_password"));
                return a->set_password(id, ctx.form.get("password").value_or(""), *ctx.actor,
                                       accounts::PasswordKind::Temporary);
            };
            auto r = run();
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return user_page(*s, *a, ctx, id, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/users/" + std::to_string(id),
                                          "Adgangskoden er sat. Brugeren skal skifte den ved næste login.");
        },
        "Set a user's password");
    for (bool disable : {true, false}) {
        router.post(
            std::string("/admin/users/{id:int}/") + (disable ? "disable" : "enable"), admin,
            [s, a, disable](RequestContext& ctx) {
                const std::int64_t id = ctx.int_param("id");
                auto r = a->set_disabled(id, disable, *ctx.actor);
                if (!r.ok()) {
                    if (r.error().code == core::ErrorCode::Conflict)
                        return s->redirect_with_flash(ctx, "/admin/users/" + std::to_string(id),
                                                      r.error().message, true);
                    return s->from_error(ctx, r.error());
                }
                return s->redirect_with_flash(
                    ctx, "/admin/users/" + std::to_string(id),
                    disable ? "Brugeren er deaktiveret og logget ud." : "Brugeren er aktiveret.");
            },
            disable ? "Disable a user" : "Enable a user");
    }
    router.post(
        "/admin/users/{id:int}/sessions/end", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = a->end_sessions(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/admin/users/" + std::to_string(id),
                                          "Brugeren er logget ud (" + std::to_string(*r) + " sessioner).");
        },
        "End a user's sessions");

    router.get(
        "/admin/api-tokens", admin,
        [s, a](RequestContext& ctx) { return tokens_page(*s, *a, ctx, std::nullopt, 200, {}); },
        "List API tokens");
    router.post(
        "/admin/api-tokens", admin,
        [s, a](RequestContext& ctx) {
            auto run = [&]() -> core::Result<accounts::CreatedApiToken> {
                BB_ASSIGN(Role role, role_field(ctx.form));
                BB_ASSIGN(auto enterprise, enterprise_field(ctx.form));
                BB_TRY(reauthenticate(*a, ctx, "admin_password"));
                return a->create_api_token(ctx.form.text("name"), role, enterprise, *ctx.actor);
            };
            auto r = run();
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return tokens_page(*s, *a, ctx, e, status, {});
                });
            return tokens_page(*s, *a, ctx, std::nullopt, 200, r->secret);
        },
        "Create an API token");
    router.post(
        "/admin/api-tokens/{id:int}/revoke", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = a->revoke_api_token(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/admin/api-tokens", "Nøglen er spærret.");
        },
        "Revoke an API token");

    // JSON API: the same services.
    router.get(
        "/api/v1/me", Access::any_user(),
        [](RequestContext& ctx) {
            View v;
            v.set("username", ctx.actor->username);
            v.set("display_name", ctx.display_name.empty() ? ctx.actor->username : ctx.display_name);
            v.set("role", std::string(core::role_code(ctx.actor->role)));
            if (ctx.actor->enterprise_id) v.set("enterprise_id", *ctx.actor->enterprise_id);
            v.set("via_api_token", ctx.actor->via_api_token);
            return web::Site::json(200, v);
        },
        "The caller's identity and role");
    router.get(
        "/api/v1/users", admin,
        [s, a](RequestContext& ctx) {
            auto users = a->list_users();
            if (!users.ok()) return s->from_error(ctx, users.error());
            View::List list;
            for (const auto& u : *users) list.push_back(user_view(u));
            View v;
            v.set("total", static_cast<std::int64_t>(list.size()));
            v.set("items", std::move(list));
            return web::Site::json(200, v);
        },
        "List users (admin)");
    router.get(
        "/api/v1/users/{id:int}", admin,
        [s, a](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto u = a->get_user(id);
            if (!u.ok()) return s->from_error(ctx, u.error());
            return web::Site::json(200, user_view(*u));
        },
        "One user (admin)");
    router.post(
        "/api/v1/users", admin,
        [s, a](RequestContext& ctx) {
            auto created = create_user_from(*a, ctx);
            if (!created.ok()) return s->from_error(ctx, created.error());
            return web::Site::json(201, user_view(*created));
        },
        "Create a user (admin; needs admin_password for re-authentication)");
}

}  // namespace accounts_http
