// Agreements' pages (C1), capacity (C8) and hiring needs (C7), with their JSON API.
#include <algorithm>

#include "core/money.hpp"
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

placements::AgreementInput agreement_from(const web::Form& f) {
    placements::AgreementInput in;
    in.enterprise_id = f.text("enterprise_id");
    in.title = f.text("title");
    in.start_date = f.text("start_date");
    in.end_date = f.text("end_date");
    in.slots = f.text("slots");
    in.frame_weeks = f.text("frame_weeks");
    in.extension_weeks = f.text("extension_weeks");
    in.plan_deadline_days = f.text("plan_deadline_days");
    in.attendance_interval_months = f.text("attendance_interval_months");
    in.target_description = f.get("target_description").value_or("");
    in.target_groups = f.get_all("target_groups");
    in.price = f.text("price");
    in.price_unit = f.text("price_unit");
    in.deliverables = f.get("deliverables").value_or("");
    return in;
}

placements::AgreementInput input_of(const placements::Agreement& a) {
    placements::AgreementInput in;
    in.enterprise_id = std::to_string(a.enterprise_id);
    in.title = a.title;
    in.start_date = a.start_date.iso();
    if (a.end_date) in.end_date = a.end_date->iso();
    in.slots = std::to_string(a.slots);
    in.frame_weeks = std::to_string(a.frame_weeks);
    in.extension_weeks = std::to_string(a.extension_weeks);
    in.plan_deadline_days = std::to_string(a.plan_deadline_days);
    in.attendance_interval_months = std::to_string(a.attendance_interval_months);
    in.target_description = a.target_description;
    in.target_groups = a.target_groups;
    in.price = a.price_ore % 100 == 0 ? std::to_string(a.price_ore / 100) : core::format_kroner(a.price_ore);
    in.price_unit = a.price_unit;
    in.deliverables = a.deliverables;
    return in;
}

Response form_page(const web::Site& site, PlacementsService& svc, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const placements::AgreementInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto enterprises = svc.enterprise_choices(*ctx.actor);
    auto groups = svc.target_group_choices(*ctx.actor);
    if (!enterprises.ok() || !groups.ok()) return site.from_error(ctx, core::Error::forbidden());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/agreements/" + std::to_string(*id) : std::string("/agreements"));
    v.set("cancel_href", id ? "/agreements/" + std::to_string(*id) : std::string("/agreements"));
    v.set("heading", id ? "Ret samarbejdsaftale" : "Ny samarbejdsaftale");
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true},
                            choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    v.set("title_field", field("title", "Titel", in.title, "Fx Samarbejdsaftale med Sumak 2018.", error));
    v.set("start_field", date_field("start_date", "Startdato", in.start_date, error));
    v.set("end_field", date_field("end_date", "Slutdato", in.end_date, error, false,
                                  "Skrives ÅÅÅÅ-MM-DD. Tom, hvis aftalen løber til den opsiges."));
    v.set("slots_field",
          field("slots", "Antal pladser", in.slots, "Et hårdt loft; flere henvisninger kommer på venteliste.",
                error, true, {}, "xs"));
    v.set("frame_field",
          field("frame_weeks", "Forløbets længde i uger", in.frame_weeks, "Fx 13.", error, true, {}, "xs"));
    v.set("extension_field", field("extension_weeks", "Mulig forlængelse i uger", in.extension_weeks,
                                   "I alt pr. forløb, fx 13. 0 = ingen.", error, false, {}, "xs"));
    v.set("deadline_field", field("plan_deadline_days", "Frist for plan i dage", in.plan_deadline_days,
                                  "Dage fra start, fx 14.", error, true, {}, "xs"));
    v.set("interval_field", field("attendance_interval_months", "Fremmødesedler hver … måned",
                                  in.attendance_interval_months, "Fx 2.", error, false, {}, "xs"));
    v.set("target_field", field("target_description", "Målgruppe", in.target_description,
                                "Hvem aftalen er til.", error, false));
    View::List gl;
    for (const auto& g : *groups) {
        View o;
        o.set("code", g.value).set("label", g.label).set("id", "tg-" + g.value);
        if (std::find(in.target_groups.begin(), in.target_groups.end(), g.value) != in.target_groups.end())
            o.set("checked", true);
        gl.push_back(std::move(o));
    }
    v.set("has_groups", !gl.empty()).set("groups", std::move(gl));
    if (auto e = web::field_error(error, "target_groups")) v.set("groups_error", *e);
    v.set("price_field",
          field("price", "Pris i kroner", in.price, "Fx 12.500 eller 950,50.", error, false, {}, "s"));
    v.set("unit_field", web::select_field({.id = "price_unit", .label = "Prisen gælder", .required = true},
                                          {{"per_placement", "pr. forløb"},
                                           {"per_slot_month", "pr. plads pr. måned"},
                                           {"total", "samlet for aftalen"}},
                                          in.price_unit.empty() ? "per_placement" : in.price_unit, error));
    v.set("deliverables_field",
          field("deliverables", "Leverancer", in.deliverables,
                "Hvad sagsbehandleren skal modtage: planer, fremmødesedler, møder.", error, false));
    web::set_errors(v, error, "title");
    return site.page(
        ctx, "placements/agreement_form", v,
        std::string(error ? "Fejl: " : "") + (id ? "Ret samarbejdsaftale" : "Ny samarbejdsaftale"), status);
}

Response detail_page(const web::Site& site, PlacementsService& svc, const RequestContext& ctx,
                     std::int64_t id, const placements::NoteInput& note,
                     const std::optional<core::Error>& error, int status) {
    auto d = svc.agreement_detail(id, *ctx.actor);
    if (!d.ok()) return site.from_error(ctx, d.error());
    View v = agreement_view(d->agreement);
    v.set("csrf_token", ctx.csrf_token);
    if (ctx.actor->is_casework()) v.set("can_edit", true);
    if (d->shows_persons) {
        View::List ps, ws;
        for (const auto& p : d->placements) ps.push_back(placement_view(p, true));
        int pos = 0;
        for (const auto& p : d->waiting) ws.push_back(placement_view(p, true).set("position", ++pos));
        v.set("shows_persons", true);
        v.set("has_placements", !ps.empty()).set("placements", std::move(ps));
        v.set("has_waiting", !ws.empty()).set("waiting_list", std::move(ws));
    }
    if (d->capacity) v.set("capacity", capacity_view(*d->capacity));
    View::List notes;
    for (const auto& n : d->notes) {
        View nv;
        nv.set("date", n.noted_on.danish())
            .set("topic", std::string(placements::note_topic_label(n.topic)))
            .set("text", n.text);
        notes.push_back(std::move(nv));
    }
    v.set("has_notes", !notes.empty()).set("notes", std::move(notes));
    if (ctx.actor->is_casework()) {
        View f;
        f.set("topic", web::select_field({.id = "topic", .label = "Emne", .required = true},
                                         {{"cooperation", "Samarbejdet"},
                                          {"effects", "Effekter for deltagerne"},
                                          {"deliverables", "Leverancer"},
                                          {"general", "Generelt"}},
                                         note.topic.empty() ? "cooperation" : note.topic, error));
        f.set("date", date_field("noted_on", "Dato",
                                 note.noted_on.empty() ? svc.today().iso() : note.noted_on, error));
        f.set("text", field("text", "Note", note.text, "Højst 4000 tegn.", error));
        v.set("note_form", std::move(f));
    }
    web::set_errors(v, error, "text");
    return site.page(ctx, "placements/agreement", v, std::string(error ? "Fejl: " : "") + d->agreement.title,
                     status);
}

placements::NeedInput need_from(const web::Form& f) {
    return {f.text("enterprise_id"), f.text("title"), f.get("tasks").value_or(""), f.text("expected_on"),
            f.text("positions")};
}

Response need_form(const web::Site& site, PlacementsService& svc, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const placements::NeedInput& in,
                   const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/hiring-needs/" + std::to_string(*id) : std::string("/hiring-needs"));
    v.set("heading", id ? "Ret rekrutteringsbehov" : "Nyt rekrutteringsbehov");
    if (ctx.actor->is_casework() && !id) {
        auto enterprises = svc.enterprise_choices(*ctx.actor);
        if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
        v.set("enterprise_field",
              web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true},
                                choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    }
    v.set("title_field", field("title", "Stilling", in.title, "Fx Lagermedarbejder.", error));
    v.set("tasks_field", field("tasks", "Opgaver", in.tasks, "Hvad personen skal lave.", error, false));
    v.set("expected_field",
          date_field("expected_on", "Forventet ansættelse", in.expected_on, error, true,
                     "Skrives ÅÅÅÅ-MM-DD. Modellen er 3–6 måneder frem; højst 12 måneder."));
    v.set("positions_field", field("positions", "Antal stillinger", in.positions.empty() ? "1" : in.positions,
                                   "", error, false, {}, "xs"));
    web::set_errors(v, error, "title");
    return site.page(
        ctx, "placements/need_form", v,
        std::string(error ? "Fejl: " : "") + (id ? "Ret rekrutteringsbehov" : "Nyt rekrutteringsbehov"),
        status);
}

}  // namespace

View agreement_view(const placements::Agreement& a) {
    View v;
    v.set("id", a.id).set("href", "/agreements/" + std::to_string(a.id));
    v.set("enterprise_id", a.enterprise_id).set("enterprise_name", a.enterprise_name);
    v.set("title", a.title);
    v.set("start_date", a.start_date.iso());
    if (a.end_date) v.set("end_date", a.end_date->iso());
    v.set("period_text",
          a.start_date.danish() + " – " + (a.end_date ? a.end_date->danish() : std::string("løbende")));
    v.set("slots", a.slots).set("in_use", a.in_use).set("free", a.slots > a.in_use ? a.slots - a.in_use : 0);
    v.set("waiting", a.waiting);
    v.set("frame_weeks", a.frame_weeks).set("extension_weeks", a.extension_weeks);
    v.set("plan_deadline_days", a.plan_deadline_days)
        .set("attendance_interval_months", a.attendance_interval_months);
    if (!a.target_description.empty()) v.set("target_description", a.target_description);
    View::List groups;
    for (const auto& g : a.target_groups) groups.push_back(View().set("code", g));
    v.set("has_target_groups", !groups.empty()).set("target_groups", std::move(groups));
    v.set("price_ore", a.price_ore).set("price_unit", a.price_unit);
    v.set("price_text", core::format_kroner(a.price_ore) + " kr. " +
                            std::string(placements::price_unit_label(a.price_unit)));
    if (!a.deliverables.empty()) v.set("deliverables", a.deliverables);
    return v;
}

View capacity_view(const placements::Capacity& c) {
    View v;
    v.set("enterprise_id", c.enterprise_id).set("enterprise_name", c.enterprise_name);
    v.set("employees", c.employees).set("capacity", c.capacity);
    v.set("placements", c.placements).set("wage_subsidy", c.wage_subsidy);
    v.set("in_use", c.in_use()).set("free", c.free());
    if (c.in_use() > c.capacity) v.set("over", true);
    return v;
}

View need_view(const placements::HiringNeed& n) {
    View v;
    v.set("id", n.id).set("enterprise_id", n.enterprise_id).set("enterprise_name", n.enterprise_name);
    v.set("title", n.title);
    if (!n.tasks.empty()) v.set("tasks", n.tasks);
    v.set("expected_on", n.expected_on.iso()).set("expected_on_text", n.expected_on.danish());
    v.set("positions", n.positions).set("status", n.status);
    v.set("status_label", n.status == "open" ? "Åbent" : n.status == "filled" ? "Besat" : "Trukket tilbage");
    if (n.status == "open") v.set("is_open", true);
    v.set("linked_placements", n.linked_placements);
    return v;
}

void register_agreement_routes(web::Router& router, const web::Site& site, PlacementsService& service) {
    const Access cases = Access::roles({Role::Admin, Role::Caseworker});
    const Access readers = Access::roles({Role::Admin, Role::Caseworker, Role::Consultant, Role::Enterprise});
    const Access staff = Access::roles({Role::Admin, Role::Caseworker, Role::Consultant});
    const Access need_writers = Access::roles({Role::Admin, Role::Caseworker, Role::Enterprise});
    const web::Site* s = &site;
    PlacementsService* svc = &service;

    router.get(
        "/agreements", readers,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_agreements(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            View::List rows;
            for (const auto& a : *list) rows.push_back(agreement_view(a));
            v.set("has_agreements", !rows.empty()).set("agreements", std::move(rows));
            v.set("count", static_cast<std::int64_t>(list->size()));
            if (ctx.actor->is_casework()) v.set("can_create", true);
            return s->page(ctx, "placements/agreements", v, "Samarbejdsaftaler");
        },
        "Cooperation agreements (an enterprise user's own)");
    router.get(
        "/agreements/new", cases,
        [s, svc](RequestContext& ctx) {
            placements::AgreementInput in;
            in.extension_weeks = "0";
            in.attendance_interval_months = "2";
            return form_page(*s, *svc, ctx, std::nullopt, in, std::nullopt, 200);
        },
        "New cooperation agreement form");
    router.post(
        "/agreements", cases,
        [s, svc](RequestContext& ctx) {
            auto in = agreement_from(ctx.form);
            auto r = svc->create_agreement(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return form_page(*s, *svc, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/agreements/" + std::to_string(r->id),
                                          "Aftalen \"" + r->title + "\" er oprettet.");
        },
        "Create a cooperation agreement");
    router.get(
        "/agreements/{id:int}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return detail_page(*s, *svc, ctx, id, {}, std::nullopt, 200);
        },
        "One agreement: terms, slots in use, waiting list, placements, notes, C8");
    router.get(
        "/agreements/{id:int}/edit", cases,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto a = svc->get_agreement(id, *ctx.actor);
            if (!a.ok()) return s->from_error(ctx, a.error());
            return form_page(*s, *svc, ctx, id, input_of(*a), std::nullopt, 200);
        },
        "Edit form of a cooperation agreement");
    router.post(
        "/agreements/{id:int}", cases,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = agreement_from(ctx.form);
            auto r = svc->update_agreement(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return form_page(*s, *svc, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/agreements/" + std::to_string(id), "Aftalen er gemt.");
        },
        "Save a cooperation agreement");
    router.post(
        "/agreements/{id:int}/notes", cases,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            placements::NoteInput in{ctx.form.text("topic"), ctx.form.text("noted_on"),
                                     ctx.form.get("text").value_or("")};
            auto r = svc->add_agreement_note(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return detail_page(*s, *svc, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/agreements/" + std::to_string(id), "Noten er gemt.");
        },
        "Add a dated note on the cooperation, effects or deliverables");

    router.get(
        "/capacity", staff,
        [s, svc](RequestContext& ctx) {
            auto list = svc->capacity(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            View::List rows;
            for (const auto& c : *list) rows.push_back(capacity_view(c));
            v.set("has_rows", !rows.empty()).set("rows", std::move(rows));
            return s->page(ctx, "placements/capacity", v, "Kapacitet efter rimelighedskravet");
        },
        "C8 capacity per enterprise with ordinary employees");

    router.get(
        "/hiring-needs", readers,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_needs(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            View::List rows;
            const bool writer = ctx.actor->role != Role::Consultant;
            for (const auto& n : *list) {
                View nv = need_view(n);
                if (writer && n.status == "open")
                    nv.set("edit_href", "/hiring-needs/" + std::to_string(n.id) + "/edit");
                rows.push_back(std::move(nv));
            }
            v.set("csrf_token", ctx.csrf_token);
            v.set("has_needs", !rows.empty()).set("needs", std::move(rows));
            if (writer) v.set("can_create", true);
            return s->page(ctx, "placements/needs", v, "Rekrutteringsbehov");
        },
        "Hiring needs ahead (an enterprise user's own)");
    router.get(
        "/hiring-needs/new", need_writers,
        [s, svc](RequestContext& ctx) {
            return need_form(*s, *svc, ctx, std::nullopt, {}, std::nullopt, 200);
        },
        "New hiring need form");
    router.post(
        "/hiring-needs", need_writers,
        [s, svc](RequestContext& ctx) {
            auto in = need_from(ctx.form);
            auto r = svc->create_need(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return need_form(*s, *svc, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/hiring-needs",
                                          "Behovet \"" + r->title + "\" er registreret.");
        },
        "Register a hiring need");
    router.get(
        "/hiring-needs/{id:int}/edit", need_writers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto n = svc->get_need(id, *ctx.actor);
            if (!n.ok()) return s->from_error(ctx, n.error());
            placements::NeedInput in{std::to_string(n->enterprise_id), n->title, n->tasks,
                                     n->expected_on.iso(), std::to_string(n->positions)};
            return need_form(*s, *svc, ctx, id, in, std::nullopt, 200);
        },
        "Edit form of a hiring need");
    router.post(
        "/hiring-needs/{id:int}", need_writers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = need_from(ctx.form);
            auto r = svc->update_need(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return need_form(*s, *svc, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/hiring-needs", "Behovet er gemt.");
        },
        "Save a hiring need");
    router.post(
        "/hiring-needs/{id:int}/withdraw", need_writers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->withdraw_need(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/hiring-needs", "Behovet er trukket tilbage.");
        },
        "Withdraw a hiring need");

    router.get(
        "/api/v1/agreements", readers,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_agreements(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List rows;
            for (const auto& a : *list) rows.push_back(agreement_view(a));
            return web::Site::json(200, View().set("agreements", std::move(rows)));
        },
        "Agreements with slots in use as JSON (prices in øre)");
    router.get(
        "/api/v1/agreements/{id:int}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto a = svc->get_agreement(id, *ctx.actor);
            if (!a.ok()) return s->from_error(ctx, a.error());
            return web::Site::json(200, agreement_view(*a));
        },
        "One agreement as JSON");
    router.get(
        "/api/v1/capacity", staff,
        [s, svc](RequestContext& ctx) {
            auto list = svc->capacity(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List rows;
            for (const auto& c : *list) rows.push_back(capacity_view(c));
            return web::Site::json(200, View().set("capacity", std::move(rows)));
        },
        "C8 capacity per enterprise as JSON");
    router.get(
        "/api/v1/hiring-needs", readers,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list_needs(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List rows;
            for (const auto& n : *list) rows.push_back(need_view(n));
            return web::Site::json(200, View().set("hiring_needs", std::move(rows)));
        },
        "Hiring needs as JSON (an enterprise user's own)");
}

}  // namespace placements_http::detail
