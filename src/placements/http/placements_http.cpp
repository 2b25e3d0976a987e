// Placements' pages: the list, the referral form, the detail page with the whole timeline and
// its action forms, enterprise users' "Mine deltagere", and the placements JSON API.
#include "placements/http/placements_http.hpp"

#include "core/text.hpp"
#include "employment/rules.hpp"
#include "placements/http/common.hpp"

namespace placements_http {
namespace detail {
namespace {

using core::Role;
using placements::PlacementsService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

std::string hours_text(std::optional<std::int64_t> h) {
    return h ? employment::format_hours(*h) + " timer" : std::string();
}

// ---------------------------------------------------------------- list and referral

placements::ReferralInput referral_from(const web::Form& f) {
    placements::ReferralInput in;
    in.citizen = f.text("citizen");
    in.enterprise_id = f.text("enterprise_id");
    in.agreement_id = f.text("agreement_id");
    in.intervention_type_id = f.text("intervention_type_id");
    in.hiring_need_id = f.text("hiring_need_id");
    in.referred_on = f.text("referred_on");
    in.weekly_hours = f.text("weekly_hours");
    in.waiting_list = f.text("waiting_list") == "1";
    return in;
}

Response list_page(const web::Site& site, PlacementsService& svc, const RequestContext& ctx) {
    placements::PlacementFilter f;
    f.status = ctx.query.text("status");
    f.agreement_id = ctx.query.text("agreement");
    f.enterprise_id = ctx.query.text("enterprise");
    f.citizen_id = ctx.query.text("citizen");
    auto list = svc.list_placements(f, *ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    auto enterprises = svc.enterprise_choices(*ctx.actor);
    auto agreements = svc.list_agreements(*ctx.actor);
    View v;
    View::List rows;
    for (const auto& p : *list) rows.push_back(placement_view(p, true));
    v.set("has_placements", !rows.empty()).set("placements", std::move(rows));
    v.set("count", static_cast<std::int64_t>(list->size()));
    Options statuses{{"", "Alle"}};
    for (auto s : {placements::Status::Waiting, placements::Status::Referred, placements::Status::Active,
                   placements::Status::Ended, placements::Status::Cancelled})
        statuses.emplace_back(std::string(placements::status_code(s)),
                              std::string(placements::status_label(s)));
    v.set("status_field", web::select_field({.id = "status", .label = "Status"}, statuses, f.status));
    Options ag{{"", "Alle"}};
    if (agreements.ok())
        for (const auto& a : *agreements) ag.emplace_back(std::to_string(a.id), a.title);
    v.set("agreement_field", web::select_field({.id = "agreement", .label = "Aftale"}, ag, f.agreement_id));
    v.set("enterprise_field",
          web::select_field(
              {.id = "enterprise", .label = "Virksomhed"},
              choices(enterprises.ok() ? *enterprises : std::vector<placements::Choice>{}, "Alle"),
              f.enterprise_id));
    if (!f.citizen_id.empty()) v.set("citizen_id", f.citizen_id);
    return site.page(ctx, "placements/placements", v, "Forløb");
}

Response referral_page(const web::Site& site, PlacementsService& svc, const RequestContext& ctx,
                       const placements::ReferralInput& in, const std::optional<core::Error>& error,
                       int status) {
    auto enterprises = svc.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    auto agreements = svc.list_agreements(*ctx.actor);
    auto types = svc.list_types(*ctx.actor);
    auto needs = svc.list_needs(*ctx.actor);
    if (!agreements.ok() || !types.ok() || !needs.ok()) return site.from_error(ctx, core::Error::internal());
    const core::Date today = svc.today();
    Options ag{{"", "Ingen aftale"}};
    for (const auto& a : *agreements)
        if (!a.end_date || *a.end_date >= today)
            ag.emplace_back(std::to_string(a.id), a.title + " (" + a.enterprise_name + ", " +
                                                      std::to_string(a.in_use) + " af " +
                                                      std::to_string(a.slots) + " pladser i brug)");
    Options ty{{"", "Vælg indsatstype"}};
    for (const auto& t : *types)
        if (t.open_on(today) || std::to_string(t.id) == in.intervention_type_id)
            ty.emplace_back(std::to_string(t.id), t.name);
    Options nd{{"", "Intet"}};
    for (const auto& n : *needs)
        if (n.status == "open")
            nd.emplace_back(std::to_string(n.id), n.title + " (" + n.enterprise_name + ")");
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("citizen_field",
          field("citizen", "Borgerens sagsnummer", in.citizen,
                "Kommunens sagsnummer, fx S-1001 (aldrig CPR-nummer).", error, true, {}, "m"));
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true},
                            choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    v.set("agreement_field",
          web::select_field(
              {.id = "agreement_id",
               .label = "Samarbejdsaftale",
               .hint = "Aftalen skal være med den valgte virksomhed og løbe på henvisningsdatoen.",
               .optional = true},
              ag, in.agreement_id, error));
    v.set("type_field", web::select_field({.id = "intervention_type_id",
                                           .label = "Indsatstype",
                                           .hint = "Kun typer, der er åbne for nye sager, kan vælges.",
                                           .required = true},
                                          ty, in.intervention_type_id, error));
    v.set("need_field",
          web::select_field({.id = "hiring_need_id", .label = "Rekrutteringsbehov", .optional = true}, nd,
                            in.hiring_need_id, error));
    v.set("referred_on_field", date_field("referred_on", "Henvisningsdato",
                                          in.referred_on.empty() ? today.iso() : in.referred_on, error));
    v.set("hours_field", field("weekly_hours", "Timer pr. uge", in.weekly_hours,
                               "0–37 timer, fx 15 eller 7,5.", error, false, {}, "xs"));
    View wl;
    wl.set("id", "waiting_list")
        .set("name", "waiting_list")
        .set("label", "Sæt på venteliste, hvis aftalen er fuld");
    if (in.waiting_list) wl.set("checked", true);
    v.set("waiting_field", std::move(wl));
    web::set_errors(v, error, "citizen");
    return site.page(ctx, "placements/referral", v, std::string(error ? "Fejl: " : "") + "Henvis borger",
                     status);
}

// ---------------------------------------------------------------- detail and actions

/// Values the failed form had, so they are kept when the page is shown again.
struct Failed {
    std::string form;
    std::optional<core::Error> error;
    const web::Form* values = nullptr;
    [[nodiscard]] std::string value(std::string_view form_name, std::string_view key,
                                    std::string fallback = {}) const {
        if (values && form == form_name) return values->text(key);
        return fallback;
    }
    [[nodiscard]] std::optional<core::Error> error_for(std::string_view form_name) const {
        return form == form_name ? error : std::nullopt;
    }
};

View timeline(const placements::Placement& p) {
    View v;
    View::List f, a, x, n;
    for (const auto& e : p.followups) {
        View r;
        r.set("date", e.held_on.danish()).set("kind", e.kind == "meeting" ? "Møde" : "Dialog");
        if (!e.note.empty()) r.set("note", e.note);
        f.push_back(std::move(r));
    }
    for (const auto& e : p.attendance) {
        View r;
        r.set("period", e.period_from.danish() + " – " + e.period_to.danish());
        r.set("days", std::to_string(e.days_present) + " af " + std::to_string(e.days_planned));
        if (e.hours_present) r.set("hours", employment::format_hours(*e.hours_present));
        r.set("submitted", e.submitted_on.danish());
        if (!e.note.empty()) r.set("note", e.note);
        a.push_back(std::move(r));
    }
    for (const auto& e : p.extensions) {
        View r;
        r.set("date", e.decided_on.danish()).set("weeks", e.weeks).set("new_end", e.new_end.danish());
        if (!e.reason.empty()) r.set("reason", e.reason);
        x.push_back(std::move(r));
    }
    for (const auto& e : p.notes) {
        View r;
        r.set("date", e.noted_on.danish()).set("text", e.text);
        r.set("author", e.author_role == "enterprise" ? "Virksomheden" : "Jobcentret");
        n.push_back(std::move(r));
    }
    v.set("has_followups", !f.empty()).set("followups", std::move(f));
    v.set("has_attendance", !a.empty()).set("attendance", std::move(a));
    v.set("has_extensions", !x.empty()).set("extensions", std::move(x));
    v.set("has_notes", !n.empty()).set("notes", std::move(n));
    return v;
}

void attendance_and_note_forms(View& v, const placements::Placement& p, const Failed& failed,
                               const core::Date today) {
    const std::string base = "/placements/" + std::to_string(p.id);
    if (p.start_date) {
        auto e = failed.error_for("attendance");
        View f;
        f.set("action", base + "/attendance");
        f.set("from", date_field("period_from", "Periode fra", failed.value("attendance", "period_from"), e));
        f.set("to", date_field("period_to", "Periode til", failed.value("attendance", "period_to"), e));
        f.set("planned", field("days_planned", "Planlagte dage", failed.value("attendance", "days_planned"),
                               "", e, true, {}, "xs"));
        f.set("present",
              field("days_present", "Dage med fremmøde", failed.value("attendance", "days_present"),
                    "Højst lig med de planlagte dage.", e, true, {}, "xs"));
        f.set("hours",
              field("hours_present", "Timer med fremmøde i perioden",
                    failed.value("attendance", "hours_present"), "Fx 120 eller 45,5.", e, false, {}, "xs"));
        f.set("submitted", date_field("submitted_on", "Modtaget",
                                      failed.value("attendance", "submitted_on", today.iso()), e));
        f.set("note", field("attendance_note", "Bemærkning", failed.value("attendance", "attendance_note"),
                            "", e, false));
        v.set("attendance_form", std::move(f));
    }
    auto e = failed.error_for("note");
    View n;
    n.set("action", base + "/notes");
    n.set("date", date_field("noted_on", "Dato", failed.value("note", "noted_on", today.iso()), e));
    n.set("text", field("text", "Hvordan går det?", failed.value("note", "text"), "Højst 4000 tegn.", e));
    v.set("note_form", std::move(n));
}

Response placement_page(const web::Site& site, PlacementsService& svc, const RequestContext& ctx,
                        std::int64_t id, const Failed& failed, int status) {
    auto p = svc.get_placement(id, *ctx.actor);
    if (!p.ok()) return site.from_error(ctx, p.error());
    const bool case_role = ctx.actor->is_casework();
    const core::Date today = svc.today();
    View v = placement_view(*p, case_role);
    v.set("csrf_token", ctx.csrf_token);
    v.set("timeline", timeline(*p));
    attendance_and_note_forms(v, *p, failed, today);
    const std::string base = "/placements/" + std::to_string(p->id);
    if (case_role) {
        using placements::Status;
        if (p->status == Status::Referred) {
            auto e = failed.error_for("start");
            View f;
            f.set("action", base + "/start");
            f.set("date",
                  date_field("start_date", "Startdato", failed.value("start", "start_date", today.iso()), e,
                             true, "Tidligst henvisningsdatoen. Skrives ÅÅÅÅ-MM-DD."));
            v.set("start_form", std::move(f));
        }
        if (p->status == Status::Referred || p->status == Status::Waiting)
            v.set("cancel_action", base + "/cancel");
        if (p->status != Status::Ended && p->status != Status::Cancelled) {
            auto e = failed.error_for("edit");
            auto types = svc.list_types(*ctx.actor);
            Options ty;
            if (types.ok())
                for (const auto& t : *types)
                    if (t.id == p->intervention_type_id || t.open_on(p->referred_on))
                        ty.emplace_back(std::to_string(t.id), t.name);
            View f;
            f.set("action", base);
            f.set(
                "type",
                web::select_field(
                    {.id = "intervention_type_id",
                     .label = "Indsatstype",
                     .hint = "Forløbet beholder sin type, også hvis typen er lukket for nye sager.",
                     .required = true},
                    ty, failed.value("edit", "intervention_type_id", std::to_string(p->intervention_type_id)),
                    e));
            f.set("hours", field("weekly_hours", "Timer pr. uge",
                                 failed.value("edit", "weekly_hours",
                                              p->weekly_hours ? employment::format_hours(*p->weekly_hours)
                                                              : std::string()),
                                 "0–37 timer, fx 15 eller 7,5.", e, false, {}, "xs"));
            v.set("edit_form", std::move(f));
        }
        if (p->status == Status::Active) {
            auto e = failed.error_for("plan");
            View plan;
            plan.set("action", base + "/plan");
            plan.set("date",
                     date_field("plan_made_on", "Planen lavet den", failed.value("plan", "plan_made_on"), e,
                                false, "Tidligst startdatoen. Lad feltet stå tomt, hvis der ingen plan er."));
            plan.set(
                "owned",
                web::select_field(
                    {.id = "plan_owned", .label = "Har borgeren ejerskab til planen?", .optional = true},
                    {{"", "Vælg"}, {"yes", "Ja"}, {"no", "Nej"}}, failed.value("plan", "plan_owned"), e));
            plan.set("reason",
                     field("no_plan_reason", "Hvorfor er der ingen plan?",
                           failed.value("plan", "no_plan_reason"), "Kun når der ingen plan er.", e, false));
            v.set("plan_form", std::move(plan));
            e = failed.error_for("followup");
            View fu;
            fu.set("action", base + "/followups");
            fu.set("date",
                   date_field("held_on", "Dato", failed.value("followup", "held_on", today.iso()), e));
            fu.set("kind", web::select_field({.id = "kind", .label = "Type", .required = true},
                                             {{"meeting", "Opfølgningsmøde"}, {"dialogue", "Dialog"}},
                                             failed.value("followup", "kind", "meeting"), e));
            fu.set("note",
                   field("followup_note", "Note", failed.value("followup", "followup_note"), "", e, false));
            v.set("followup_form", std::move(fu));
            if (p->agreement_id && p->extension_weeks_allowed > p->extension_weeks_used) {
                e = failed.error_for("extension");
                View x;
                x.set("action", base + "/extensions");
                x.set("date", date_field("decided_on", "Besluttet den",
                                         failed.value("extension", "decided_on", today.iso()), e));
                x.set("weeks",
                      field("weeks", "Antal uger", failed.value("extension", "weeks"),
                            "Højst " + std::to_string(p->extension_weeks_allowed - p->extension_weeks_used) +
                                " uger mere efter aftalen.",
                            e, true, {}, "xs"));
                x.set("reason",
                      field("reason", "Begrundelse", failed.value("extension", "reason"), "", e, false));
                v.set("extension_form", std::move(x));
            }
            e = failed.error_for("end");
            auto outcomes = svc.list_outcomes(*ctx.actor, true);
            Options oc{{"", "Vælg udfald"}};
            if (outcomes.ok())
                for (const auto& o : *outcomes)
                    oc.emplace_back(std::to_string(o.id),
                                    o.label + " (" +
                                        std::string(employment::outcome_group_label(
                                            employment::parse_outcome_group(o.group).value_or(
                                                employment::OutcomeGroup::Other))) +
                                        ")");
            View end;
            end.set("action", base + "/end");
            end.set("date", date_field("end_date", "Slutdato", failed.value("end", "end_date", today.iso()),
                                       e, true, "Tidligst startdatoen. Skrives ÅÅÅÅ-MM-DD."));
            end.set("outcome", web::select_field({.id = "outcome_id", .label = "Udfald", .required = true},
                                                 oc, failed.value("end", "outcome_id"), e));
            end.set("note",
                    field("end_note", "Note om udfaldet", failed.value("end", "end_note"), "", e, false));
            v.set("end_form", std::move(end));
        }
    }
    if (failed.error) web::set_errors(v, failed.error, "start_date");
    const std::string title = case_role ? "Forløb: " + p->citizen_name : "Deltager: " + p->citizen_name;
    return site.page(ctx, case_role ? "placements/placement" : "placements/participant", v,
                     std::string(failed.error ? "Fejl: " : "") + title, status);
}

std::string back_to(const RequestContext& ctx, std::int64_t id) {
    return (ctx.actor->is_casework() ? "/placements/" : "/participants/") + std::to_string(id);
}

/// Runs an action; on a validation error the detail page is shown again with that form's values.
template <class F>
Response action(const web::Site& site, PlacementsService& svc, RequestContext& ctx, const std::string& form,
                std::string done, F&& run) {
    const std::int64_t id = ctx.int_param("id");
    core::Result<placements::ChangeResult> r = run(id);
    if (!r.ok())
        return web::form_or_error(site, ctx, r.error(), [&](const core::Error& e, int status) {
            return placement_page(site, svc, ctx, id, Failed{form, e, &ctx.form}, status);
        });
    if (r->promoted_id) done += " " + r->promoted_name + " er rykket op fra ventelisten og er nu henvist.";
    if (!r->warning.empty()) done += " " + r->warning;
    return site.redirect_with_flash(ctx, back_to(ctx, id), done);
}

}  // namespace

// ---------------------------------------------------------------- views

View placement_view(const placements::Placement& p, bool with_identity) {
    View v;
    v.set("id", p.id);
    v.set("href", (with_identity ? "/placements/" : "/participants/") + std::to_string(p.id));
    v.set("citizen_name", p.citizen_name);
    if (with_identity) {
        v.set("citizen_id", p.citizen_id).set("case_ref", p.case_ref);
        if (p.hiring_need_id)
            v.set("hiring_need_id", *p.hiring_need_id).set("hiring_need_title", p.hiring_need_title);
        if (!p.outcome_note.empty()) v.set("outcome_note", p.outcome_note);
        if (!p.no_plan_reason.empty()) v.set("no_plan_reason", p.no_plan_reason);
    }
    v.set("enterprise_id", p.enterprise_id).set("enterprise_name", p.enterprise_name);
    if (p.agreement_id) {
        v.set("agreement_id", *p.agreement_id).set("agreement_title", p.agreement_title);
        v.set("agreement_href", "/agreements/" + std::to_string(*p.agreement_id));
    }
    v.set("intervention_type", p.intervention_type_name);
    v.set("status", std::string(placements::status_code(p.status)));
    v.set("status_label", std::string(placements::status_label(p.status)));
    v.set("referred_on", p.referred_on.iso()).set("referred_on_text", p.referred_on.danish());
    if (p.start_date) v.set("start_date", p.start_date->iso()).set("start_date_text", p.start_date->danish());
    if (p.planned_end)
        v.set("planned_end", p.planned_end->iso()).set("planned_end_text", p.planned_end->danish());
    if (p.end_date) v.set("end_date", p.end_date->iso()).set("end_date_text", p.end_date->danish());
    if (p.outcome_id) v.set("outcome_id", *p.outcome_id).set("outcome_label", p.outcome_label);
    if (p.plan_made_on)
        v.set("plan_made_on", p.plan_made_on->iso()).set("plan_made_on_text", p.plan_made_on->danish());
    if (p.plan_owned) v.set("plan_owned_text", *p.plan_owned ? "Ja" : "Nej");
    if (p.plan_due) {
        v.set("plan_due", p.plan_due->iso()).set("plan_due_text", p.plan_due->danish());
        if (p.plan_made_on) v.set("plan_in_time", *p.plan_made_on <= *p.plan_due ? "Ja" : "Nej");
    }
    if (p.weekly_hours)
        v.set("weekly_hours", *p.weekly_hours).set("weekly_hours_text", hours_text(p.weekly_hours));
    View::List acc;
    for (const auto& a : p.accommodations) acc.push_back(View().set("tag", a));
    v.set("has_accommodations", !acc.empty()).set("accommodations", std::move(acc));
    v.set("extension_weeks_used", p.extension_weeks_used);
    return v;
}

void register_placement_routes(web::Router& router, const web::Site& site, PlacementsService& service) {
    const Access cases = Access::roles({Role::Admin, Role::Caseworker});
    const Access cases_and_enterprise = Access::roles({Role::Admin, Role::Caseworker, Role::Enterprise});
    const Access enterprise = Access::roles({Role::Enterprise});
    const web::Site* s = &site;
    PlacementsService* svc = &service;

    router.get(
        "/placements", cases, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "Placements (status, agreement, enterprise, citizen)");
    router.get(
        "/placements/new", cases,
        [s, svc](RequestContext& ctx) { return referral_page(*s, *svc, ctx, {}, std::nullopt, 200); },
        "Referral form");
    router.post(
        "/placements", cases,
        [s, svc](RequestContext& ctx) {
            auto in = referral_from(ctx.form);
            auto r = svc->refer(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return referral_page(*s, *svc, ctx, in, e, status);
                });
            std::string msg =
                r->placement.citizen_name + " er " +
                (r->placement.status == placements::Status::Waiting ? "sat på venteliste." : "henvist.");
            if (!r->warning.empty()) msg += " " + r->warning;
            return s->redirect_with_flash(ctx, "/placements/" + std::to_string(r->placement.id), msg);
        },
        "Refer a citizen to an enterprise (optionally on the waiting list)");
    router.get(
        "/placements/{id:int}", cases,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return placement_page(*s, *svc, ctx, id, {}, 200);
        },
        "One placement with its whole timeline");
    router.post(
        "/placements/{id:int}", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "edit", "Forløbet er rettet.", [&](std::int64_t id) {
                return svc->update(id, {ctx.form.text("intervention_type_id"), ctx.form.text("weekly_hours")},
                                   *ctx.actor);
            });
        },
        "Correct a placement's intervention type and weekly hours");
    router.post(
        "/placements/{id:int}/start", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "start", "Forløbet er startet.", [&](std::int64_t id) {
                return svc->start(id, ctx.form.text("start_date"), *ctx.actor);
            });
        },
        "Start a referred placement");
    router.post(
        "/placements/{id:int}/plan", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "plan", "Planen er registreret.", [&](std::int64_t id) {
                return svc->record_plan(id,
                                        {ctx.form.text("plan_made_on"), ctx.form.text("plan_owned"),
                                         ctx.form.text("no_plan_reason")},
                                        *ctx.actor);
            });
        },
        "Record the plan (date and ownership, or why there is none)");
    router.post(
        "/placements/{id:int}/followups", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "followup", "Opfølgningen er registreret.", [&](std::int64_t id) {
                return svc->add_followup(
                    id, {ctx.form.text("held_on"), ctx.form.text("kind"), ctx.form.text("followup_note")},
                    *ctx.actor);
            });
        },
        "Record a follow-up meeting or dialogue");
    router.post(
        "/placements/{id:int}/attendance", cases_and_enterprise,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "attendance", "Fremmødesedlen er registreret.",
                          [&](std::int64_t id) {
                              const auto& f = ctx.form;
                              return svc->add_attendance(
                                  id,
                                  {f.text("period_from"), f.text("period_to"), f.text("days_planned"),
                                   f.text("days_present"), f.text("hours_present"), f.text("submitted_on"),
                                   f.text("attendance_note")},
                                  *ctx.actor);
                          });
        },
        "Record an attendance sheet (caseworker, or the placement's own enterprise)");
    router.post(
        "/placements/{id:int}/notes", cases_and_enterprise,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "note", "Noten er gemt.", [&](std::int64_t id) {
                return svc->add_note(id, {"", ctx.form.text("noted_on"), ctx.form.get("text").value_or("")},
                                     *ctx.actor);
            });
        },
        "Add a progress note (caseworker, or the placement's own enterprise)");
    router.post(
        "/placements/{id:int}/extensions", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "extension", "Forløbet er forlænget.", [&](std::int64_t id) {
                return svc->extend(
                    id, {ctx.form.text("decided_on"), ctx.form.text("weeks"), ctx.form.text("reason")},
                    *ctx.actor);
            });
        },
        "Extend a running placement within the agreement's allowance");
    router.post(
        "/placements/{id:int}/end", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "end", "Forløbet er afsluttet.", [&](std::int64_t id) {
                return svc->end(
                    id, {ctx.form.text("end_date"), ctx.form.text("outcome_id"), ctx.form.text("end_note")},
                    *ctx.actor);
            });
        },
        "End a placement with an outcome from the list");
    router.post(
        "/placements/{id:int}/cancel", cases,
        [s, svc](RequestContext& ctx) {
            return action(*s, *svc, ctx, "cancel", "Forløbet er annulleret.",
                          [&](std::int64_t id) { return svc->cancel(id, *ctx.actor); });
        },
        "Cancel a placement before it starts");

    router.get(
        "/participants", enterprise,
        [s, svc](RequestContext& ctx) {
            auto list = svc->participants(*ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            View::List rows;
            for (const auto& p : *list) rows.push_back(placement_view(p, false));
            v.set("has_participants", !rows.empty()).set("participants", std::move(rows));
            v.set("count", static_cast<std::int64_t>(list->size()));
            return s->page(ctx, "placements/participants", v, "Mine deltagere");
        },
        "The enterprise's own participants (minimum data)");
    router.get(
        "/participants/{id:int}", enterprise,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return placement_page(*s, *svc, ctx, id, {}, 200);
        },
        "One own participant: attendance sheets and progress notes");

    router.get(
        "/api/v1/placements", cases,
        [s, svc](RequestContext& ctx) {
            placements::PlacementFilter f{ctx.query.text("status"), ctx.query.text("agreement"),
                                          ctx.query.text("enterprise"), ctx.query.text("citizen")};
            auto list = svc->list_placements(f, *ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List rows;
            for (const auto& p : *list) rows.push_back(placement_view(p, true));
            View v;
            v.set("placements", std::move(rows));
            return web::Site::json(200, v);
        },
        "Placements as JSON (status, agreement, enterprise, citizen)");
    router.get(
        "/api/v1/placements/{id:int}", cases,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto p = svc->get_placement(id, *ctx.actor);
            if (!p.ok()) return s->from_error(ctx, p.error());
            View v = placement_view(*p, true);
            v.set("timeline", timeline(*p));
            return web::Site::json(200, v);
        },
        "One placement with its timeline as JSON");
}

}  // namespace detail

void register_routes(web::Router& router, const web::Site& site, placements::PlacementsService& service) {
    detail::register_placement_routes(router, site, service);
    detail::register_agreement_routes(router, site, service);
    detail::register_admin_routes(router, site, service);
}

}  // namespace placements_http
