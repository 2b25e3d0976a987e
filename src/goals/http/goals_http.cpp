#include "goals/http/goals_http.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace goals_http {
namespace {

using core::Role;
using goals::GoalService;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

goals::GoalInput input_from(const web::Form& f) {
    goals::GoalInput in;
    in.metric = f.text("metric");
    in.parameter = f.text("parameter");
    if (auto m = goals::find_metric(in.metric); m && m->stock) in.parameter = f.text("municipality");
    in.title = f.text("title");
    in.target = f.text("target");
    in.period_from = f.text("period_from");
    in.period_to = f.text("period_to");
    in.cadence = f.text("cadence");
    in.baseline = f.text("baseline");
    in.baseline_year = f.text("baseline_year");
    in.strategy_point = f.text("strategy_point");
    return in;
}

goals::GoalInput input_of(const goals::Goal& g) {
    goals::GoalInput in;
    in.metric = g.metric;
    in.parameter = g.parameter;
    in.title = g.title;
    in.target = std::to_string(g.target);
    in.period_from = g.period_from.iso();
    in.period_to = g.period_to.iso();
    in.cadence = g.cadence;
    if (g.baseline) in.baseline = std::to_string(*g.baseline);
    if (g.baseline_year) in.baseline_year = std::to_string(*g.baseline_year);
    in.strategy_point = g.strategy_point;
    return in;
}

// ---------------------------------------------------------------- dashboard

Response dashboard(const web::Site& site, GoalService& service, const RequestContext& ctx) {
    const int this_year = service.today().year;
    const std::string typed = ctx.query.text("year");
    const auto year = core::year_or("year", typed, core::years::planning(this_year), this_year);
    std::optional<core::Error> error;
    std::vector<goals::GoalStatus> list;
    if (!year) {
        error = year.error();
    } else {
        auto r = service.status(*year, *ctx.actor);
        if (!r.ok()) {
            if (!web::shown_on_form(r.error())) return site.from_error(ctx, r.error());
            error = r.error();
        } else {
            list = std::move(*r);
        }
    }
    View v;
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = year && !error ? std::to_string(*year) : typed,
                                         .autocomplete = "off",
                                         .hint = "Fx 2018. Tomt felt viser i år.",
                                         .width = "xs",
                                         .inputmode = "numeric"},
                                        error));
    web::set_errors(v, error, "year");
    if (year && !error) {
        v.set("year", *year);
        View::List rows;
        bool any_data = false;
        for (const auto& s : list) {
            rows.push_back(status_view(s));
            any_data = any_data || s.has_data;
        }
        v.set("has_goals", !rows.empty());
        v.set("no_data", !rows.empty() && !any_data);
        v.set("goals", std::move(rows));
        if (list.empty()) {
            // Point to the years the stored goals cover, so an empty year is not a dead end.
            auto all = service.list(*ctx.actor);
            std::set<int> years;
            if (all.ok()) {
                for (const auto& g : *all) {
                    for (int y = g.period_from.year; y <= g.period_to.year && years.size() < 50; ++y)
                        years.insert(y);
                }
            }
            View::List links;
            for (int y : years) {
                View l;
                l.set("year", y).set("href", "/goals?year=" + std::to_string(y));
                links.push_back(std::move(l));
            }
            if (!links.empty()) v.set("has_goal_years", true).set("goal_years", std::move(links));
        }
    }
    if (ctx.actor->is_staff()) v.set("can_manage", true);
    return site.page(ctx, "goals/dashboard", v, error ? "Fejl: Mål og status" : "Mål og status",
                     error ? 422 : 200);
}

// ---------------------------------------------------------------- management

Response manage_page(const web::Site& site, GoalService& service, const RequestContext& ctx) {
    auto list = service.list(*ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View::List rows;
    for (const auto& g : *list) rows.push_back(goal_view(g));
    v.set("has_goals", !rows.empty());
    v.set("goals", std::move(rows));
    return site.page(ctx, "goals/manage", v, "Administrér mål");
}

Response form_page(const web::Site& site, GoalService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const goals::GoalInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto kinds = service.job_kind_choices(*ctx.actor);
    if (!kinds.ok()) return site.from_error(ctx, kinds.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/goals/" + std::to_string(*id) : std::string("/goals"));
    const std::string heading = id ? "Ret mål" : "Nyt mål";
    v.set("heading", heading);
    const auto metric = goals::find_metric(in.metric);
    const bool stock = metric && metric->stock;
    Options metrics{{"", "Vælg nøgletal"}};
    for (const auto& m : goals::metric_catalogue())
        metrics.emplace_back(std::string(m.code), std::string(m.label));
    v.set("metric_field", web::select_field({.id = "metric", .label = "Nøgletal", .required = true}, metrics,
                                            in.metric, error));
    Options kind_options{{"", "Ingen (kun til \"Job i året af en bestemt type\")"}};
    for (const auto& [code, label] : *kinds) kind_options.emplace_back(code, label);
    v.set("parameter_field",
          web::select_field({.id = "parameter",
                             .label = "Jobtype",
                             .hint = "Kun til nøgletallet \"Job i året af en bestemt type\".",
                             .optional = true},
                            kind_options, stock ? std::string() : in.parameter, error));
    v.set("municipality_field",
          web::text_field({.id = "municipality",
                           .label = "Kommune",
                           .value = stock ? in.parameter : std::string(""),
                           .autocomplete = "off",
                           .hint = "Kun til antal virksomheder: den kommune, der tælles, fx Slagelse. Tomt "
                                   "felt tæller alle kommuner.",
                           .optional = true},
                          error));
    v.set("title_field",
          web::text_field({.id = "title",
                           .label = "Titel",
                           .value = in.title,
                           .autocomplete = "off",
                           .hint = "Det, der vises, fx 30 job om året via jobcentret. Højst 200 tegn.",
                           .required = true},
                          error));
    v.set("target_field", web::text_field({.id = "target",
                                           .label = "Mål",
                                           .value = in.target,
                                           .autocomplete = "off",
                                           .hint = "Et helt tal større end 0. Beløb skrives i kroner.",
                                           .width = "s",
                                           .inputmode = "numeric",
                                           .required = true},
                                          error));
    v.set("period_from_field", web::text_field({.id = "period_from",
                                                .label = "Periode fra",
                                                .value = in.period_from,
                                                .type = "date",
                                                .autocomplete = "off",
                                                .hint = "Skrives ÅÅÅÅ-MM-DD.",
                                                .width = "s",
                                                .required = true},
                                               error));
    v.set("period_to_field", web::text_field({.id = "period_to",
                                              .label = "Periode til",
                                              .value = in.period_to,
                                              .type = "date",
                                              .autocomplete = "off",
                                              .hint = "Skrives ÅÅÅÅ-MM-DD. Ikke før startdatoen.",
                                              .width = "s",
                                              .required = true},
                                             error));
    v.set("cadence_field",
          web::select_field({.id = "cadence", .label = "Hvornår målet gælder", .required = true},
                            {{"per_year", "Hvert år i perioden"}, {"period_end", "Ved periodens slutning"}},
                            in.cadence.empty() ? std::string("per_year") : in.cadence, error));
    v.set("baseline_field", web::text_field({.id = "baseline",
                                             .label = "Udgangspunkt",
                                             .value = in.baseline,
                                             .autocomplete = "off",
                                             .hint = "Tallet da målet blev sat, fx 12.",
                                             .width = "s",
                                             .inputmode = "numeric",
                                             .optional = true},
                                            error));
    v.set("baseline_year_field", web::text_field({.id = "baseline_year",
                                                  .label = "Udgangspunktets år",
                                                  .value = in.baseline_year,
                                                  .autocomplete = "off",
                                                  .hint = "Fx 2016.",
                                                  .width = "xs",
                                                  .inputmode = "numeric",
                                                  .optional = true},
                                                 error));
    v.set("strategy_point_field", web::text_field({.id = "strategy_point",
                                                   .label = "Strategipunkt",
                                                   .value = in.strategy_point,
                                                   .autocomplete = "off",
                                                   .hint = "Fx 6.8. Højst 40 tegn.",
                                                   .width = "s",
                                                   .optional = true},
                                                  error));
    web::set_errors(v, error, "metric");
    return site.page(ctx, "goals/form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

}  // namespace

// ---------------------------------------------------------------- views

View goal_view(const goals::Goal& g) {
    View v;
    v.set("id", g.id);
    v.set("metric", g.metric).set("metric_label", g.metric_label);
    if (!g.parameter.empty()) v.set("parameter", g.parameter);
    v.set("title", g.title);
    v.set("target", g.target);
    v.set("period_from", g.period_from.iso()).set("period_to", g.period_to.iso());
    v.set("period_text", g.period_from.danish() + " – " + g.period_to.danish());
    v.set("cadence", g.cadence).set("cadence_label", std::string(goals::cadence_label(g.cadence)));
    if (g.baseline) v.set("baseline", *g.baseline);
    if (g.baseline_year) v.set("baseline_year", *g.baseline_year);
    if (!g.strategy_point.empty()) v.set("strategy_point", g.strategy_point);
    v.set("edit_href", "/goals/" + std::to_string(g.id) + "/edit");
    v.set("delete_action", "/goals/" + std::to_string(g.id) + "/delete");
    return v;
}

View status_view(const goals::GoalStatus& s) {
    View v;
    v.set("goal", goal_view(s.goal));
    v.set("year", s.year);
    v.set("has_data", s.has_data);
    v.set("actual", s.actual).set("actual_text", s.actual_text);
    v.set("target", s.goal.target).set("target_text", s.target_text);
    v.set("met", s.met).set("percent", s.percent);
    v.set("status", std::string(goals::attainment_code(s.attainment)));
    v.set("status_label", goals::attainment_label(s.attainment, s.percent));
    v.set("period_ended", s.period_ended);
    v.set("bar_value", std::min(s.percent, 100));
    v.set("measured_at", s.measured_at);
    if (!s.drilldown_url.empty()) v.set("drilldown_url", s.drilldown_url);
    View::List years;
    for (const auto& y : s.period_years) {
        View yv;
        yv.set("year", y.year).set("has_data", y.has_data).set("actual", y.actual).set("met", y.met);
        yv.set("actual_text", core::format_whole_number(y.actual)).set("percent", y.percent);
        yv.set("status", std::string(goals::attainment_code(y.attainment)));
        yv.set("status_label", goals::attainment_label(y.attainment, y.percent));
        years.push_back(std::move(yv));
    }
    v.set("has_period_years", !years.empty());
    v.set("period_years", std::move(years));
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, GoalService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const Access editors = Access::roles({Role::Admin, Role::Consultant});
    const web::Site* s = &site;
    GoalService* svc = &service;

    router.get(
        "/goals", readers, [s, svc](RequestContext& ctx) { return dashboard(*s, *svc, ctx); },
        "Status against goals for a year and the strategy period, with drill-down (year)");
    router.get(
        "/api/v1/goals/status", readers,
        [s, svc](RequestContext& ctx) {
            const int this_year = svc->today().year;
            const auto year =
                core::year_or("year", ctx.query.text("year"), core::years::planning(this_year), this_year);
            if (!year) return s->from_error(ctx, year.error());
            auto r = svc->status(*year, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            View v;
            v.set("year", *year);
            View::List list;
            for (const auto& st : *r) list.push_back(status_view(st));
            v.set("goals", std::move(list));
            return web::Site::json(200, v);
        },
        "Status against goals for a year (year)");
    router.get(
        "/api/v1/goals", readers,
        [s, svc](RequestContext& ctx) {
            auto r = svc->list(*ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            View v;
            View::List list;
            for (const auto& g : *r) list.push_back(goal_view(g));
            v.set("goals", std::move(list));
            return web::Site::json(200, v);
        },
        "Every goal as data");

    router.get(
        "/goals/manage", editors, [s, svc](RequestContext& ctx) { return manage_page(*s, *svc, ctx); },
        "The goals with edit and delete (admin, consultant)");
    auto resource = web::form_resource("/goals", form_page, input_of);
    resource.writers = editors;
    resource.input_from = input_from;
    resource.created = [](const goals::Goal& g) {
        return web::Redirect{"/goals/manage", "Målet \"" + g.title + "\" er oprettet."};
    };
    resource.updated = [](const goals::Goal& g) {
        return web::Redirect{"/goals/manage", "Målet \"" + g.title + "\" er gemt."};
    };
    resource.removed = [](const goals::Goal&) { return web::Redirect{"/goals/manage", "Målet er slettet."}; };
    resource.summaries = {.new_form = "New goal form",
                          .create = "Create a goal",
                          .edit_form = "Edit goal form",
                          .update = "Change a goal",
                          .remove = "Delete a goal"};
    web::register_form_routes(router, site, service, std::move(resource));
}

}  // namespace goals_http
