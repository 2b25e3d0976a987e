// The administrator's pages for intervention types (C3) and the outcome list.
#include "employment/rules.hpp"
#include "placements/http/common.hpp"
#include "placements/http/placements_http.hpp"

namespace placements_http::detail {
namespace {

using core::Role;
using placements::PlacementsService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

placements::TypeInput type_from(const web::Form& f) {
    return {"",
            f.text("name"),
            f.text("legal_basis"),
            f.get("description").value_or(""),
            f.text("valid_from"),
            f.text("valid_to")};
}

Response type_form(const web::Site& site, const RequestContext& ctx, std::optional<std::int64_t> id,
                   const placements::TypeInput& in, const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action",
          id ? "/admin/intervention-types/" + std::to_string(*id) : std::string("/admin/intervention-types"));
    v.set("heading", id ? "Ret indsatstype" : "Ny indsatstype");
    v.set("name_field", field("name", "Navn", in.name, "Fx Virksomhedspraktik.", error));
    v.set("legal_field",
          field("legal_basis", "Lovgrundlag", in.legal_basis, "Fx LAB kapitel 11.", error, false));
    v.set("description_field", field("description", "Beskrivelse", in.description, "", error, false));
    v.set("from_field", date_field("valid_from", "Kan bruges fra", in.valid_from, error));
    v.set("to_field",
          date_field("valid_to", "Sidste dag for nye sager", in.valid_to, error, false,
                     "Skrives ÅÅÅÅ-MM-DD. Tom, hvis typen ikke er lukket. Løbende sager beholder typen."));
    web::set_errors(v, error, "name");
    return site.page(ctx, "placements/type_form", v,
                     std::string(error ? "Fejl: " : "") + (id ? "Ret indsatstype" : "Ny indsatstype"),
                     status);
}

placements::OutcomeInput outcome_from(const web::Form& f) {
    return {"", f.text("label"), f.text("group"), f.text("sort")};
}

Response outcome_form(const web::Site& site, const RequestContext& ctx, std::optional<std::int64_t> id,
                      const placements::OutcomeInput& in, const std::optional<core::Error>& error,
                      int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/admin/outcomes/" + std::to_string(*id) : std::string("/admin/outcomes"));
    v.set("heading", id ? "Ret udfald" : "Nyt udfald");
    v.set("label_field", field("label", "Tekst", in.label, "Fx Ordinært job.", error));
    Options groups{{"", "Vælg gruppe"}};
    for (auto g : employment::k_outcome_groups)
        groups.emplace_back(std::string(employment::outcome_group_code(g)),
                            std::string(employment::outcome_group_label(g)));
    v.set("group_field",
          web::select_field(
              {.id = "group",
               .label = "Gruppe",
               .hint = "Gruppen \"Job, uddannelse eller fleksjob\" tæller som succes i evalueringen.",
               .required = true},
              groups, in.group, error));
    v.set("sort_field",
          field("sort", "Rækkefølge", in.sort, "Et tal; lave tal vises først.", error, false, {}, "xs"));
    web::set_errors(v, error, "label");
    return site.page(ctx, "placements/outcome_form", v,
                     std::string(error ? "Fejl: " : "") + (id ? "Ret udfald" : "Nyt udfald"), status);
}

}  // namespace

void register_admin_routes(web::Router& router, const web::Site& site, PlacementsService& service) {
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    PlacementsService* svc = &service;

    router.get(
        "/admin/intervention-types", admin,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_types(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            const core::Date today = svc->today();
            View::List rows;
            for (const auto& t : *list) {
                View r;
                r.set("id", t.id).set("name", t.name).set("legal_basis", t.legal_basis);
                r.set("valid_from", t.valid_from.danish());
                if (t.valid_to) r.set("valid_to", t.valid_to->danish());
                r.set("open_label", t.open_on(today) ? "Åben for nye sager" : "Lukket for nye sager");
                rows.push_back(std::move(r));
            }
            View v;
            v.set("types", std::move(rows));
            return s->page(ctx, "placements/types", v, "Indsatstyper");
        },
        "Intervention types");
    router.get(
        "/admin/intervention-types/new", admin,
        [s](RequestContext& ctx) { return type_form(*s, ctx, std::nullopt, {}, std::nullopt, 200); },
        "New intervention type form");
    router.post(
        "/admin/intervention-types", admin,
        [s, svc](RequestContext& ctx) {
            auto in = type_from(ctx.form);
            auto r = svc->create_type(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return type_form(*s, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/intervention-types",
                                          "Indsatstypen " + r->name + " er oprettet.");
        },
        "Create an intervention type");
    router.get(
        "/admin/intervention-types/{id:int}/edit", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto t = svc->get_type(id, *ctx.actor);
            if (!t.ok()) return s->from_error(ctx, t.error());
            placements::TypeInput in{t->code,
                                     t->name,
                                     t->legal_basis,
                                     t->description,
                                     t->valid_from.iso(),
                                     t->valid_to ? t->valid_to->iso() : std::string()};
            return type_form(*s, ctx, id, in, std::nullopt, 200);
        },
        "Edit form of an intervention type");
    router.post(
        "/admin/intervention-types/{id:int}", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = type_from(ctx.form);
            auto r = svc->update_type(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return type_form(*s, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/intervention-types",
                                          "Indsatstypen " + r->name + " er gemt.");
        },
        "Save an intervention type");

    router.get(
        "/admin/outcomes", admin,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_outcomes(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List rows;
            for (const auto& o : *list) {
                View r;
                r.set("id", o.id).set("label", o.label).set("sort", o.sort);
                r.set(
                    "group_label",
                    std::string(employment::outcome_group_label(
                        employment::parse_outcome_group(o.group).value_or(employment::OutcomeGroup::Other))));
                r.set("active_label", o.active ? "Aktiv" : "Ikke aktiv");
                r.set("toggle_label", o.active ? "Deaktivér" : "Aktivér");
                r.set("toggle_value", o.active ? "0" : "1");
                rows.push_back(std::move(r));
            }
            View v;
            v.set("csrf_token", ctx.csrf_token);
            v.set("outcomes", std::move(rows));
            return s->page(ctx, "placements/outcomes", v, "Udfald");
        },
        "The outcome list");
    router.get(
        "/admin/outcomes/new", admin,
        [s](RequestContext& ctx) { return outcome_form(*s, ctx, std::nullopt, {}, std::nullopt, 200); },
        "New outcome form");
    router.post(
        "/admin/outcomes", admin,
        [s, svc](RequestContext& ctx) {
            auto in = outcome_from(ctx.form);
            auto r = svc->create_outcome(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return outcome_form(*s, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/outcomes", "Udfaldet " + r->label + " er oprettet.");
        },
        "Create an outcome");
    router.get(
        "/admin/outcomes/{id:int}/edit", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto o = svc->get_outcome(id, *ctx.actor);
            if (!o.ok()) return s->from_error(ctx, o.error());
            return outcome_form(*s, ctx, id, {o->code, o->label, o->group, std::to_string(o->sort)},
                                std::nullopt, 200);
        },
        "Edit form of an outcome");
    router.post(
        "/admin/outcomes/{id:int}", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = outcome_from(ctx.form);
            auto r = svc->update_outcome(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return outcome_form(*s, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/outcomes", "Udfaldet " + r->label + " er gemt.");
        },
        "Save an outcome");
    router.post(
        "/admin/outcomes/{id:int}/active", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->set_outcome_active(id, ctx.form.text("active") == "1", *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(
                ctx, "/admin/outcomes",
                "Udfaldet " + r->label + (r->active ? " er aktivt igen." : " er deaktiveret."));
        },
        "Activate or deactivate an outcome");
}

}  // namespace placements_http::detail
