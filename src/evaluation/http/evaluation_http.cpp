#include "evaluation/http/evaluation_http.hpp"

#include <string>
#include <utility>

#include "core/money.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"

namespace evaluation_http {
namespace {

using core::Role;
using evaluation::EvaluationService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

std::string kroner(std::int64_t oere) {
    return core::format_kroner(oere) + " kr.";
}

View share_view(const employment::Share& s) {
    View v;
    v.set("numerator", s.numerator).set("denominator", s.denominator).set("text", s.danish());
    if (auto p = s.percent()) v.set("percent", *p);
    return v;
}

View::List notes_view(const std::vector<evaluation::Note>& notes) {
    View::List out;
    for (const auto& n : notes) {
        View v;
        v.set("noted_on", n.noted_on.iso()).set("noted_on_text", n.noted_on.danish()).set("text", n.text);
        out.push_back(std::move(v));
    }
    return out;
}

View::List counts_view(const std::vector<evaluation::Count>& counts) {
    View::List out;
    for (const auto& c : counts) {
        View v;
        v.set("key", c.key).set("label", c.label).set("count", c.count);
        out.push_back(std::move(v));
    }
    return out;
}

void set_list(View& v, const std::string& key, View::List list) {
    v.set("has_" + key, !list.empty());
    v.set(key, std::move(list));
}

std::string price_unit_label(const std::string& unit) {
    if (unit == "per_slot_month") return "pr. plads pr. måned";
    if (unit == "total") return "samlet for aftalen";
    return "pr. forløb";
}

void period_fields(View& v, const std::string& from, const std::string& to,
                   const std::optional<core::Error>& error) {
    v.set("from_field", web::text_field({.id = "from",
                                         .label = "Fra og med",
                                         .value = from,
                                         .type = "date",
                                         .autocomplete = "off",
                                         .hint = "Skrives ÅÅÅÅ-MM-DD, fx 2016-08-01.",
                                         .width = "s",
                                         .optional = true},
                                        error));
    v.set("to_field",
          web::text_field({.id = "to",
                           .label = "Til og med",
                           .value = to,
                           .type = "date",
                           .autocomplete = "off",
                           .hint = "Skrives ÅÅÅÅ-MM-DD. Tomme felter viser indeværende kalenderår.",
                           .width = "s",
                           .optional = true},
                          error));
    web::set_errors(v, error, "from");
}

Response evaluation_page(const web::Site& site, EvaluationService& service, const RequestContext& ctx) {
    const std::int64_t id = ctx.int_param("id");
    const std::string from = ctx.query.text("from");
    const std::string to = ctx.query.text("to");
    auto e = service.evaluate(id, from, to, *ctx.actor);
    std::optional<core::Error> error;
    if (!e.ok()) {
        if (e.error().code != core::ErrorCode::Validation) return site.from_error(ctx, e.error());
        error = e.error();
    }
    View v;
    v.set("action", "/agreements/" + std::to_string(id) + "/evaluation");
    period_fields(v, e.ok() ? e->period.from.iso() : from, e.ok() ? e->period.to.iso() : to, error);
    std::string heading = "Evaluering af samarbejdsaftale";
    if (e.ok()) {
        v.set("evaluation", evaluation_view(*e));
        heading = "Evaluering: " + e->agreement.title;
    }
    return site.page(ctx, "evaluation/evaluation", v, (error ? "Fejl: " : "") + heading, error ? 422 : 200);
}

Response compare_page(const web::Site& site, EvaluationService& service, const RequestContext& ctx) {
    const std::string from = ctx.query.text("from");
    const std::string to = ctx.query.text("to");
    auto c = service.compare(from, to, *ctx.actor);
    std::optional<core::Error> error;
    if (!c.ok()) {
        if (c.error().code != core::ErrorCode::Validation) return site.from_error(ctx, c.error());
        error = c.error();
    }
    View v;
    period_fields(v, c.ok() ? c->period.from.iso() : from, c.ok() ? c->period.to.iso() : to, error);
    if (c.ok()) v.set("comparison", comparison_view(*c));
    return site.page(
        ctx, "evaluation/compare", v,
        error ? "Fejl: Sammenligning af samarbejdsaftaler" : "Sammenligning af samarbejdsaftaler",
        error ? 422 : 200);
}

}  // namespace

View evaluation_view(const evaluation::Evaluation& e) {
    const auto& a = e.agreement;
    View v;
    View av;
    av.set("id", a.id).set("title", a.title).set("enterprise_id", a.enterprise_id);
    av.set("enterprise_name", a.enterprise_name);
    av.set("start_date", a.start_date.iso()).set("start_date_text", a.start_date.danish());
    if (a.end_date) av.set("end_date", a.end_date->iso());
    av.set("period_text",
           a.start_date.danish() + " – " + (a.end_date ? a.end_date->danish() : std::string("løbende")));
    av.set("slots", a.slots).set("frame_weeks", a.frame_weeks).set("extension_weeks", a.extension_weeks);
    av.set("plan_deadline_days", a.plan_deadline_days)
        .set("attendance_interval_months", a.attendance_interval_months);
    av.set("price_ore", a.price_ore).set("price_unit", a.price_unit);
    av.set("price_text", kroner(a.price_ore) + " " + price_unit_label(a.price_unit));
    if (!a.deliverables.empty()) av.set("deliverables", a.deliverables);
    v.set("agreement", std::move(av));
    v.set("from", e.period.from.iso()).set("to", e.period.to.iso());
    v.set("period_text", e.period.from.danish() + " – " + e.period.to.danish());
    v.set("to_text", e.period.to.danish());
    v.set("has_placements", e.active_in_period > 0 || e.waiting > 0 || e.ended > 0);

    View q1;
    q1.set("slots", e.slots).set("in_use", e.in_use).set("free", e.free).set("waiting", e.waiting);
    q1.set("started", e.started).set("ended", e.ended).set("active_in_period", e.active_in_period);
    v.set("in_use", std::move(q1));

    View q2;
    q2.set("placements", e.active_in_period)
        .set("with_plan", e.with_plan)
        .set("plan_in_time", e.plan_in_time);
    q2.set("plan_late", e.plan_late)
        .set("without_plan", e.without_plan)
        .set("in_progress", e.plan_in_progress);
    q2.set("in_time_share", share_view({e.plan_in_time, e.active_in_period - e.plan_in_progress}));
    if (e.reasons_shown) {
        q2.set("reasons_shown", true);
        View::List reasons;
        for (const auto& r : e.no_plan_reasons) reasons.push_back(View().set("text", r));
        set_list(q2, "reasons", std::move(reasons));
    }
    v.set("plans", std::move(q2));

    View q3;
    q3.set("owned", e.plans_owned).set("recorded", e.ownership_recorded);
    q3.set("share", share_view({e.plans_owned, e.ownership_recorded}));
    v.set("ownership", std::move(q3));

    View q4;
    q4.set("held", e.followups_held).set("placements_with_followup", e.placements_with_followup);
    q4.set("placements", e.active_in_period);
    q4.set("followup_share", share_view({e.placements_with_followup, e.active_in_period}));
    q4.set("sheets_received", e.attendance_received).set("sheets_expected", e.attendance_expected);
    q4.set("sheets_share", share_view({e.attendance_received, e.attendance_expected}));
    v.set("followup", std::move(q4));

    View q5;
    q5.set("plans_received", e.plans_received).set("sheets_received", e.attendance_received);
    set_list(q5, "notes", notes_view(e.deliverables_notes));
    v.set("deliverables", std::move(q5));

    View q6;
    set_list(q6, "notes", notes_view(e.effects_notes));
    q6.set("progress_notes", e.progress_notes);
    v.set("effects", std::move(q6));

    View q7;
    q7.set("completed", e.completed).set("continuing", e.continuing);
    set_list(q7, "by_outcome", counts_view(e.by_outcome));
    q7.set("by_group", counts_view(e.by_group));
    q7.set("success", share_view(e.success)).set("stopped", share_view(e.stopped));
    v.set("overview", std::move(q7));

    View q8;
    set_list(q8, "notes", notes_view(e.cooperation_notes));
    v.set("cooperation", std::move(q8));
    return v;
}

View comparison_view(const evaluation::Comparison& c) {
    View v;
    v.set("from", c.period.from.iso()).set("to", c.period.to.iso());
    v.set("period_text", c.period.from.danish() + " – " + c.period.to.danish());
    View::List rows;
    for (const auto& r : c.rows) {
        const auto& e = r.evaluation;
        View rv;
        rv.set("agreement_id", e.agreement.id).set("title", e.agreement.title);
        rv.set("enterprise_name", e.agreement.enterprise_name);
        rv.set("href", "/agreements/" + std::to_string(e.agreement.id) +
                           "/evaluation?from=" + c.period.from.iso() + "&to=" + c.period.to.iso());
        rv.set("slots", e.slots).set("placements", e.active_in_period).set("started", e.started);
        rv.set("completed", e.completed);
        rv.set("success", share_view(e.success)).set("stopped", share_view(e.stopped));
        rv.set("plan_by_deadline", share_view(r.plan_by_deadline));
        rv.set("followups", e.followups_held).set("followups_per_placement", r.followups_per_placement);
        rv.set("cost_ore", r.cost_ore).set("cost_text", kroner(r.cost_ore)).set("cost_basis", r.cost_basis);
        if (r.price_per_placement_ore) {
            rv.set("price_per_placement_ore", *r.price_per_placement_ore);
            rv.set("price_per_placement_text", kroner(*r.price_per_placement_ore));
        } else {
            rv.set("price_per_placement_text", "– (ingen forløb startet)");
        }
        if (r.price_per_success_ore) {
            rv.set("price_per_success_ore", *r.price_per_success_ore);
            rv.set("price_per_success_text", kroner(*r.price_per_success_ore));
        } else {
            rv.set("price_per_success_text", "– (ingen i job eller uddannelse)");
        }
        rows.push_back(std::move(rv));
    }
    set_list(v, "rows", std::move(rows));
    return v;
}

void register_routes(web::Router& router, const web::Site& site, EvaluationService& service) {
    const Access staff = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const web::Site* s = &site;
    EvaluationService* svc = &service;
    router.get(
        "/evaluation/compare", staff, [s, svc](RequestContext& ctx) { return compare_page(*s, *svc, ctx); },
        "Comparison of the cooperation agreements running in a period: effect, price, quality (from, to)");
    router.get(
        "/agreements/{id:int}/evaluation", staff,
        [s, svc](RequestContext& ctx) { return evaluation_page(*s, *svc, ctx); },
        "The eight evaluation questions of 003 §6.5 for one agreement and a period (from, to)");
    router.get(
        "/api/v1/evaluation/compare", staff,
        [s, svc](RequestContext& ctx) {
            auto c = svc->compare(ctx.query.text("from"), ctx.query.text("to"), *ctx.actor);
            if (!c.ok()) return s->from_error(ctx, c.error());
            return web::Site::json(200, comparison_view(*c));
        },
        "Comparison of agreements (from, to; amounts in øre)");
    router.get(
        "/api/v1/agreements/{id:int}/evaluation", staff,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto e = svc->evaluate(id, ctx.query.text("from"), ctx.query.text("to"), *ctx.actor);
            if (!e.ok()) return s->from_error(ctx, e.error());
            return web::Site::json(200, evaluation_view(*e));
        },
        "The evaluation of one agreement for a period (from, to)");
}

}  // namespace evaluation_http
