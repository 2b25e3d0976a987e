#include "app/pages.hpp"

#include <algorithm>

#include "app/application.hpp"
#include "app/openapi.hpp"
#include "core/date.hpp"
#include "jobs/http/jobs_http.hpp"
#include "jobs/job_service.hpp"

namespace app {
namespace {

using core::Role;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

/// A page in the navigation. Entries with a `group` are not in the header menu: the menu shows
/// one entry for the group, leading to an index page that lists the group's pages the caller
/// may open (the header stays short for administrators; no script needed).
struct NavEntry {
    const char* href;
    const char* label;
    Access access;
    bool anonymous_only = false;
    const char* group = nullptr;  ///< "network", "admin" or "import"; nullptr = in the header menu
};

struct NavGroup {
    const char* key;
    const char* href;
    const char* label;
    const char* intro;
    Access access;  ///< every role that may open at least one of the group's pages
};

const NavGroup k_nav_groups[] = {
    {"import", "/import", "Import",
     "Indlæs data fra regneark (CSV eller XLSX). Hver fejl vises med linjenummer, og intet gemmes, før hele "
     "filen er i orden.",
     Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise})},
    {"network", "/network", "Netværk",
     "Netværksmøder, tilskud og fonde, og de historier, årsrapporten fortæller.",
     Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise})},
    {"admin", "/admin", "Administration", "Brugere, adgang, ordlister og regler for systemet.",
     Access::roles({Role::Admin})},
};

const std::vector<NavEntry>& nav_entries() {
    static const std::vector<NavEntry> entries = {
        {"/", "Forside", Access::everyone(), true},
        {"/katalog", "Katalog", Access::everyone()},
        {"/login", "Log ind", Access::everyone(), true},
        {"/dashboard", "Overblik", Access::any_user()},
        {"/citizens", "Borgere", Access::roles({Role::Admin, Role::Caseworker})},
        {"/enterprises", "Virksomheder",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise})},
        {"/catalogue/items", "Katalogvarer",
         Access::roles({Role::Admin, Role::Consultant, Role::Enterprise})},
        {"/buying/requests", "Forespørgsler",
         Access::roles({Role::Admin, Role::Consultant, Role::Enterprise, Role::Buyer})},
        {"/buying/agreements", "Indkøbsaftaler", Access::roles({Role::Admin, Role::Consultant, Role::Buyer})},
        {"/buying/purchases", "Køb", Access::roles({Role::Admin, Role::Consultant, Role::Buyer})},
        {"/buying/spend", "Forbrug", Access::roles({Role::Admin, Role::Consultant})},
        {"/agreements", "Aftaler", Access::roles({Role::Admin, Role::Caseworker, Role::Consultant})},
        {"/placements", "Forløb", Access::roles({Role::Admin, Role::Caseworker})},
        {"/participants", "Mine deltagere", Access::roles({Role::Enterprise})},
        {"/hiring-needs", "Rekrutteringsbehov", Access::roles({Role::Enterprise})},
        {"/capacity", "Kapacitet", Access::roles({Role::Admin, Role::Caseworker, Role::Consultant})},
        {"/jobs", "Job", Access::roles({Role::Admin, Role::Caseworker, Role::Enterprise})},
        {"/openings", "Stillinger",
         Access::roles({Role::Admin, Role::Caseworker, Role::Consultant, Role::Enterprise})},
        {"/matching/cohort", "Match", Access::roles({Role::Admin, Role::Caseworker})},
        {"/jobs/counts", "Job i tal", Access::roles({Role::Consultant})},
        {"/evaluation/compare", "Evaluering",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker})},
        {"/registry/counts", "Opgørelse", Access::roles({Role::Admin, Role::Consultant, Role::Caseworker})},
        {"/goals", "Mål", Access::roles({Role::Admin, Role::Consultant, Role::Caseworker})},
        {"/events", "Netværksmøder og arrangementer",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise}), false,
         "network"},
        {"/grants", "Tilskud og fondsmidler",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise}), false,
         "network"},
        {"/stories", "Historier",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise}), false,
         "network"},
        {"/report", "Årsrapport", Access::any_user()},
        {"/import/enterprises", "Virksomheder", Access::roles({Role::Admin, Role::Consultant}), false,
         "import"},
        {"/import/catalogue", "Varer og ydelser",
         Access::roles({Role::Admin, Role::Consultant, Role::Enterprise}), false, "import"},
        {"/import/agreements", "Samarbejdsaftaler",
         Access::roles({Role::Admin, Role::Consultant, Role::Caseworker}), false, "import"},
        {"/import/placements", "Forløb med udfald", Access::roles({Role::Admin, Role::Caseworker}), false,
         "import"},
        {"/import/jobs", "Job med timehistorik", Access::roles({Role::Admin, Role::Caseworker}), false,
         "import"},
        {"/admin/vocabularies", "Ordlister", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/job-kinds", "Jobtyper", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/intervention-types", "Indsatstyper", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/outcomes", "Udfald", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/matching", "Vægte for match", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/users", "Brugere", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/api-tokens", "API-nøgler", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/audit", "Adgangslog", Access::roles({Role::Admin}), false, "admin"},
        {"/admin/retention", "Opbevaring", Access::roles({Role::Admin}), false, "admin"},
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
const NavGroup* find_group(std::string_view key) {
    for (const auto& g : k_nav_groups) {
        if (key == g.key) return &g;
    }
    return nullptr;
}

/// The header menu for a role (nullopt = visitor): ungrouped entries it may open, and one
/// entry per group where it may open at least one page, at the place of the group's first page.
std::vector<NavEntry> menu(std::optional<Role> role) {
    std::vector<NavEntry> out;
    std::vector<std::string_view> groups_done;
    for (const auto& e : nav_entries()) {
        if (e.anonymous_only && role) continue;
        if (!e.access.allows(role)) continue;
        if (e.group == nullptr) {
            out.push_back(e);
            continue;
        }
        if (std::find(groups_done.begin(), groups_done.end(), e.group) != groups_done.end()) continue;
        groups_done.emplace_back(e.group);
        const NavGroup* g = find_group(e.group);
        out.push_back(NavEntry{g->href, g->label, e.access});
    }
    return out;
}

core::Result<View> dashboard_view(const PagesDeps& d, const core::Actor& actor,
                                  const std::string& display_name) {
    View v;
    v.set("display_name", display_name.empty() ? actor.username : display_name);
    v.set("role", std::string(core::role_code(actor.role)));
    v.set("role_label", std::string(core::role_label(actor.role)));
    View::List figures;
    if (actor.is_staff()) {
        BB_ASSIGN(auto counts, d.accounts.count_users_by_role());
        std::int64_t total = 0;
        for (const auto& c : counts) total += c.users;
        figures.push_back(figure("Aktive brugere i alt", total, actor.is_admin() ? "/admin/users" : ""));
        for (const auto& c : counts)
            figures.push_back(figure("Aktive brugere: " + std::string(core::role_label(c.role)), c.users));
    }
    if (actor.is_admin()) {
        BB_ASSIGN(auto activity, d.audit.recent_activity(actor));
        figures.push_back(figure("Hændelser i loggen det seneste døgn", activity.events, "/admin/audit"));
        figures.push_back(figure("Mislykkede login det seneste døgn", activity.failed_logins));
    }
    if (actor.is_casework()) {
        // Fleksjob follow-up (C6): the next due, top 10, linking to the full list.
        BB_ASSIGN(auto due, d.jobs.due_followups("", actor, 10));
        View::List items;
        for (const auto& item : due.items) items.push_back(jobs_http::due_item_view(item));
        View fleksjob;
        fleksjob.set("has_items", !items.empty());
        fleksjob.set("items", std::move(items));
        fleksjob.set("count", static_cast<std::int64_t>(due.total));
        fleksjob.set("within_days", due.within_days);
        v.set("fleksjob_due", std::move(fleksjob));
    }
    v.set("has_figures", !figures.empty());
    v.set("figures", std::move(figures));
    BB_ASSIGN(auto last_login, d.audit.previous_login(actor));
    if (last_login) v.set("last_login", core::danish_local_time(*last_login));
    View::List shortcuts;
    for (const auto& e : menu(actor.role)) {
        if (e.anonymous_only || std::string_view(e.href) == "/dashboard") continue;
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
    for (const auto& e : menu(role)) {
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

    router.get(
        "/", Access::everyone(),
        [d](RequestContext& ctx) {
            if (ctx.actor) return Response::redirect("/dashboard");
            View v;
            v.set("municipality_name", d->site.settings().municipality_name);
            return d->site.page(ctx, "app/home", v, "Forside");
        },
        "Front page");
    router.get(
        "/om", Access::everyone(),
        [d](RequestContext& ctx) {
            View v;
            v.set("municipality_name", d->site.settings().municipality_name);
            return d->site.page(ctx, "app/about", v, "Om Brobygger");
        },
        "About");
    router.get(
        "/tilgaengelighed", Access::everyone(),
        [d](RequestContext& ctx) {
            View v;
            v.set("municipality_name", d->site.settings().municipality_name);
            return d->site.page(ctx, "app/accessibility", v, "Tilgængelighedserklæring");
        },
        "Accessibility statement");
    router.get(
        "/dashboard", Access::any_user(),
        [d](RequestContext& ctx) {
            auto v = dashboard_view(*d, *ctx.actor, ctx.display_name);
            if (!v.ok()) return d->site.from_error(ctx, v.error());
            return d->site.page(ctx, "app/dashboard", *v, "Overblik");
        },
        "Dashboard");
    router.get(
        "/api/v1/dashboard", Access::any_user(),
        [d](RequestContext& ctx) {
            auto v = dashboard_view(*d, *ctx.actor, ctx.display_name);
            if (!v.ok()) return d->site.from_error(ctx, v.error());
            return web::Site::json(200, *v);
        },
        "The caller's dashboard figures");
    for (const auto& group : k_nav_groups) {
        const NavGroup* g = &group;
        router.get(
            group.href, group.access,
            [d, g](RequestContext& ctx) {
                View::List entries;
                for (const auto& e : nav_entries()) {
                    if (e.group == nullptr || std::string_view(e.group) != g->key ||
                        !e.access.allows(ctx.actor->role))
                        continue;
                    View item;
                    item.set("href", e.href).set("label", e.label);
                    entries.push_back(std::move(item));
                }
                View v;
                v.set("title", g->label).set("intro", g->intro).set("entries", std::move(entries));
                return d->site.page(ctx, "app/nav_index", v, g->label);
            },
            std::string("Index of the ") + group.key + " pages");
    }
    router.get(
        "/healthz", Access::everyone(),
        [d](RequestContext&) {
            auto ok = d->db.read([](db::Connection& c) { return c.query("SELECT 1"); });
            Response res = ok.ok() ? Response::text(200, "ok\n") : Response::text(503, "unavailable\n");
            return res;
        },
        "Health check (database reachable)");
    router.get(
        "/api/v1/openapi.json", Access::everyone(),
        [r](RequestContext&) {
            Response res = Response::json(200, openapi_document(*r, version()));
            return res;
        },
        "This OpenAPI document");
}

}  // namespace app
