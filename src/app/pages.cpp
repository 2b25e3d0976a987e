#include "app/pages.hpp"

#include "app/application.hpp"
#include "app/openapi.hpp"
#include "core/date.hpp"

namespace app {
namespace {

using core::Role;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

struct NavEntry {
    const char* href;
    const char* label;
    Access access;
    bool anonymous_only = false;
};

const std::vector<NavEntry>& nav_entries() {
    static const std::vector<NavEntry> entries = {
        {"/", "Forside", Access::everyone(), true},
        {"/katalog", "Katalog", Access::everyone()},
        {"/login", "Log ind", Access::everyone(), true},
        {"/dashboard", "Overblik", Access::any_user()},
        {"/enterprises", "Virksomheder", Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise})},
        {"/catalogue/items", "Katalogvarer", Access::roles({Role::Admin, Role::Consultant, Role::Enterprise})},
        {"/buying/requests", "Forespørgsler", Access::roles({Role::Admin, Role::Consultant, Role::Enterprise, Role::Buyer})},
        {"/buying/agreements", "Indkøbsaftaler", Access::roles({Role::Admin, Role::Consultant, Role::Buyer})},
        {"/buying/purchases", "Køb", Access::roles({Role::Admin, Role::Consultant, Role::Buyer})},
        {"/buying/spend", "Forbrug", Access::roles({Role::Admin, Role::Consultant})},
        {"/registry/counts", "Opgørelse", Access::roles({Role::Admin, Role::Consultant, Role::Caseworker})},
        {"/import/enterprises", "Import", Access::roles({Role::Admin, Role::Consultant})},
        {"/admin/vocabularies", "Ordlister", Access::roles({Role::Admin})},
        {"/admin/users", "Brugere", Access::roles({Role::Admin})},
        {"/admin/api-tokens", "API-nøgler", Access::roles({Role::Admin})},
        {"/admin/audit", "Adgangslog", Access::roles({Role::Admin})},
        {"/account/password", "Adgangskode", Access::any_user()},
    };
    return entries;
}

View figure(std::string label, std::int64_t value, std::string href = {}) {
    View f;
    f.set("label", std::move(label)).set("value", value);
    if (!href.empty()) f.set("href", std::move(href));
    return f;
}

/// The dashboard's figures for a role, read from the database.
core::Result<View> dashboard_view(const PagesDeps& d, const core::Actor& actor, const std::string& display_name) {
    View v;
    v.set("display_name", display_name.empty() ? actor.username : display_name);
    v.set("role", std::string(core::role_code(actor.role)));
    v.set("role_label", std::string(core::role_label(actor.role)));
    View::List figures;
    if (actor.role == Role::Admin || actor.role == Role::Consultant) {
        BB_ASSIGN(auto counts, d.accounts.count_users_by_role());
        std::int64_t total = 0;
        for (const auto& c : counts) total += c.users;
        figures.push_back(figure("Aktive brugere i alt", total, actor.role == Role::Admin ? "/admin/users" : ""));
        for (const auto& c : counts)
            figures.push_back(figure("Aktive brugere: " + std::string(core::role_label(c.role)), c.users));
    }
    if (actor.role == Role::Admin) {
        core::UnixSeconds now = d.clock.now();
        BB_ASSIGN(auto page, d.db.read([&](db::Connection& c) {
            audit::AuditFilter f;
            f.from = now - 86400;
            f.limit = 1;
            return d.audit.list(c, f);
        }));
        figures.push_back(figure("Hændelser i loggen det seneste døgn", page.total, "/admin/audit"));
        BB_ASSIGN(auto denied, d.db.read([&](db::Connection& c) {
            audit::AuditFilter f;
            f.from = now - 86400;
            f.action = "login_failed";
            f.limit = 1;
            return d.audit.list(c, f);
        }));
        figures.push_back(figure("Mislykkede login det seneste døgn", denied.total));
    }
    v.set("has_figures", !figures.empty());
    v.set("figures", std::move(figures));
    if (actor.user_id > 0) {
        BB_ASSIGN(auto logins, d.db.read([&](db::Connection& c) {
            audit::AuditFilter f;
            f.user_id = actor.user_id;
            f.action = "login";
            f.limit = 2;
            return d.audit.list(c, f);
        }));
        if (logins.rows.size() == 2) v.set("last_login", core::danish_local_time(logins.rows[1].at));
    }
    View::List shortcuts;
    for (const auto& e : nav_entries()) {
        if (e.anonymous_only || std::string_view(e.href) == "/dashboard" || !e.access.allows(actor.role)) continue;
        View s;
        s.set("href", e.href).set("label", e.label);
        shortcuts.push_back(std::move(s));
    }
    v.set("shortcuts", std::move(shortcuts));
    return v;
}

}  // namespace

web::View::List navigation(const std::optional<core::Actor>& actor, std::string_view path) {
    View::List list;
    std::optional<Role> role = actor ? std::optional<Role>(actor->role) : std::nullopt;
    for (const auto& e : nav_entries()) {
        if (e.anonymous_only && actor) continue;
        if (!e.access.allows(role)) continue;
        std::string_view href = e.href;
        bool current = path == href || (href != "/" && path.substr(0, href.size()) == href &&
                                        path.size() > href.size() && path[href.size()] == '/');
        View item;
        item.set("href", e.href).set("label", e.label).set("current", current);
        list.push_back(std::move(item));
    }
    return list;
}

void register_pages(web::Router& router, PagesDeps deps) {
    auto d = std::make_shared<PagesDeps>(deps);
    const web::Router* r = &router;

    router.get("/", Access::everyone(), [d](RequestContext& ctx) {
        if (ctx.actor) return Response::redirect("/dashboard");
        View v;
        v.set("municipality_name", d->site.settings().municipality_name);
        return d->site.page(ctx, "app/home", v, "Forside");
    }, "Front page");
    router.get("/om", Access::everyone(), [d](RequestContext& ctx) {
        View v;
        v.set("municipality_name", d->site.settings().municipality_name);
        return d->site.page(ctx, "app/about", v, "Om Brobygger");
    }, "About");
    router.get("/tilgaengelighed", Access::everyone(), [d](RequestContext& ctx) {
        View v;
        v.set("municipality_name", d->site.settings().municipality_name);
        return d->site.page(ctx, "app/accessibility", v, "Tilgængelighedserklæring");
    }, "Accessibility statement");
    router.get("/dashboard", Access::any_user(), [d](RequestContext& ctx) {
        auto v = dashboard_view(*d, *ctx.actor, ctx.display_name);
        if (!v.ok()) return d->site.from_error(ctx, v.error());
        return d->site.page(ctx, "app/dashboard", *v, "Overblik");
    }, "Dashboard");
    router.get("/api/v1/dashboard", Access::any_user(), [d](RequestContext& ctx) {
        auto v = dashboard_view(*d, *ctx.actor, ctx.display_name);
        if (!v.ok()) return d->site.from_error(ctx, v.error());
        return web::Site::json(200, *v);
    }, "The caller's dashboard figures");
    router.get("/healthz", Access::everyone(), [d](RequestContext&) {
        auto ok = d->db.read([](db::Connection& c) { return c.query("SELECT 1"); });
        Response res = ok.ok() ? Response::text(200, "ok\n") : Response::text(503, "unavailable\n");
        return res;
    }, "Health check (database reachable)");
    router.get("/api/v1/openapi.json", Access::everyone(), [r](RequestContext&) {
        Response res = Response::json(200, openapi_document(*r, version()));
        return res;
    }, "This OpenAPI document");
}

}  // namespace app
