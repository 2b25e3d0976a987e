// The registry's counts at a date (002 Table 1): the page and the JSON API.
#include <optional>
#include <string>

#include "enterprises/http/common.hpp"
#include "enterprises/http/enterprises_http.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/json.hpp"

namespace enterprises_http {
namespace {

using core::Role;
using enterprises::EnterpriseService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

View figures_row(const enterprises::Figures& f) {
    View v;
    v.set("municipality", f.municipality.empty() ? std::string("I alt") : f.municipality);
    v.set("total", f.total).set("registered", f.registered);
    v.set("established_in_year", f.established_in_year).set("on_the_way", f.on_the_way);
    return v;
}

Response counts_page(const web::Site& site, EnterpriseService& service, const RequestContext& ctx) {
    enterprises::FiguresQuery q{ctx.query.text("date"), ctx.query.text("year"),
                                ctx.query.text("municipality")};
    auto table = service.figures(q, *ctx.actor);
    if (!table.ok() && table.error().code != core::ErrorCode::Validation)
        return site.from_error(ctx, table.error());
    std::optional<core::Error> error;
    if (!table.ok()) error = table.error();
    View v;
    v.set("date_field", web::text_field({.id = "date",
                                         .label = "Opgjort pr. dato",
                                         .value = q.date.empty() ? service.today().iso() : q.date,
                                         .type = "date",
                                         .hint = "Status den dag. Ikke en dato i fremtiden.",
                                         .required = true},
                                        error));
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "Etableret i år",
                                         .value = q.year,
                                         .hint = "Tom: samme år som datoen.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .optional = true},
                                        error));
    v.set("municipality_field", web::select_field({.id = "municipality", .label = "Kommune"},
                                                  municipality_options(service, *ctx.actor, "Alle kommuner"),
                                                  q.municipality, error));
    web::set_errors(v, error, "date");
    if (table.ok()) v.set("table", figures_view(*table));
    return site.page(ctx, "enterprises/counts", v,
                     error ? "Fejl: Opgørelse af registret" : "Opgørelse af registret", error ? 422 : 200);
}

}  // namespace

View figures_view(const enterprises::FiguresTable& t) {
    View v;
    v.set("date", t.date.iso());
    v.set("date_text", danish_date(t.date));
    v.set("year", t.year);
    View::List rows;
    for (const auto& r : t.rows) rows.push_back(figures_row(r));
    v.set("rows", std::move(rows));
    v.set("sum", figures_row(t.sum));
    return v;
}

void register_count_routes(web::Router& router, const web::Site& site, EnterpriseService& service) {
    const Access counters = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const web::Site* s = &site;
    EnterpriseService* svc = &service;
    router.get(
        "/registry/counts", counters, [s, svc](RequestContext& ctx) { return counts_page(*s, *svc, ctx); },
        "Counts of the registry at a date (002 Table 1)");
    router.get(
        "/api/v1/registry/counts", counters,
        [s, svc](RequestContext& ctx) {
            auto t = svc->figures(
                {ctx.query.text("date"), ctx.query.text("year"), ctx.query.text("municipality")}, *ctx.actor);
            if (!t.ok()) return s->from_error(ctx, t.error());
            return web::Site::json(200, figures_view(*t));
        },
        "Counts at a date per municipality (002 Table 1: total, registered, established in year, on the "
        "way)");
}

}  // namespace enterprises_http
