#include "grants/http/grants_http.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace grants_http {
namespace {

using core::Role;
using grants::GrantService;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

bool can_write(const core::Actor& a) {
    return a.is_staff() || (a.role == Role::Enterprise && a.enterprise_id);
}

std::string kroner(std::int64_t oere, bool approximate = false) {
    return std::string(approximate ? "ca. " : "") + grants::format_kroner(oere) + " kr.";
}

grants::GrantInput input_from(const web::Form& f) {
    grants::GrantInput in;
    in.enterprise_id = f.text("enterprise_id");
    in.year = f.text("year");
    in.amount = f.text("amount");
    in.approximate = f.has("approximate");
    in.source = f.text("source");
    in.purpose = f.get("purpose").value_or("");
    return in;
}

grants::GrantInput input_of(const grants::Grant& g) {
    grants::GrantInput in;
    in.enterprise_id = std::to_string(g.enterprise_id);
    in.year = std::to_string(g.year);
    in.amount = grants::format_kroner(g.amount_oere);
    in.approximate = g.approximate;
    in.source = g.source;
    in.purpose = g.purpose;
    return in;
}

Response form_page(const web::Site& site, GrantService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const grants::GrantInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto enterprises = service.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    Options options;
    if (enterprises->size() != 1) options.emplace_back("", "Vælg virksomhed eller initiativ");
    for (const auto& c : *enterprises) options.emplace_back(c.value, c.label);
    View v;
    v.set("csrf_token", ctx.csrf_token);
    const std::string heading = id ? "Ret tilskud" : "Registrér tilskud eller fondsmidler";
    v.set("heading", heading);
    v.set("action", id ? "/grants/" + std::to_string(*id) : std::string("/grants"));
    if (id) v.set("delete_action", "/grants/" + std::to_string(*id) + "/delete");
    v.set("cancel_href", "/grants" + (in.year.empty() ? std::string() : "?year=" + in.year));
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Virksomhed eller initiativ", .required = true},
                            options, in.enterprise_id, error));
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = in.year,
                                         .autocomplete = "off",
                                         .hint = "Året, midlerne er modtaget, fx 2018.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .required = true},
                                        error));
    v.set("amount_field", web::text_field({.id = "amount",
                                           .label = "Beløb i kroner",
                                           .value = in.amount,
                                           .autocomplete = "off",
                                           .hint = "Fx 150.000 eller 150000,50.",
                                           .width = "s",
                                           .inputmode = "decimal",
                                           .required = true},
                                          error));
    View approx;
    approx.set("id", "approximate").set("name", "approximate").set("label", "Beløbet er omtrentligt (ca.)");
    approx.set("checked", in.approximate);
    v.set("approximate_field", std::move(approx));
    v.set("source_field",
          web::text_field({.id = "source",
                           .label = "Kilde",
                           .value = in.source,
                           .autocomplete = "off",
                           .hint = "Fond, pulje eller giver, fx A.P. Møllers Støttefond. Højst 300 tegn.",
                           .required = true},
                          error));
    v.set("purpose_field", web::text_field({.id = "purpose",
                                            .label = "Formål",
                                            .value = in.purpose,
                                            .hint = "Hvad midlerne bruges til. Højst 4.000 tegn.",
                                            .optional = true},
                                           error));
    web::set_errors(v, error, "amount");
    return site.page(ctx, "grants/form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

Response list_page(const web::Site& site, GrantService& service, const RequestContext& ctx) {
    const web::YearListPage page{"/grants", "grants/list", "Tilskud og fondsmidler", can_write(*ctx.actor)};
    return web::year_list_page(
        site, ctx, page,
        core::year_or("year", ctx.query.text("year"), core::years::records, service.today().year),
        [&](int year, View& v) -> core::Result<void> {
            BB_ASSIGN(auto summary, service.year_summary(year, *ctx.actor));
            v.set("summary", summary_view(summary));
            return {};
        },
        [&] { return service.years(*ctx.actor); });
}

}  // namespace

View grant_view(const grants::Grant& g) {
    View v;
    v.set("id", g.id);
    v.set("edit_href", "/grants/" + std::to_string(g.id) + "/edit");
    v.set("enterprise_id", g.enterprise_id).set("enterprise_name", g.enterprise_name);
    v.set("year", g.year);
    v.set("amount_oere", g.amount_oere).set("amount_text", kroner(g.amount_oere, g.approximate));
    v.set("approximate", g.approximate);
    v.set("source", g.source);
    if (!g.purpose.empty()) v.set("purpose", g.purpose);
    return v;
}

View summary_view(const grants::YearSummary& s) {
    View v;
    v.set("year", s.year);
    v.set("total_oere", s.total_oere);
    bool any_approx = false;
    View::List list;
    for (const auto& e : s.enterprises) {
        View ev;
        ev.set("enterprise_id", e.enterprise_id).set("enterprise_name", e.enterprise_name);
        ev.set("total_oere", e.total_oere).set("approximate", e.approximate);
        ev.set("total_text", kroner(e.total_oere, e.approximate));
        View::List gl;
        for (const auto& g : e.grants) gl.push_back(grant_view(g));
        ev.set("grant_count", static_cast<std::int64_t>(e.grants.size()));
        ev.set("grants", std::move(gl));
        any_approx = any_approx || e.approximate;
        list.push_back(std::move(ev));
    }
    v.set("total_text", kroner(s.total_oere, any_approx));
    v.set("approximate", any_approx);
    v.set("grant_count", s.grant_count);
    v.set("has_grants", s.grant_count > 0);
    v.set("enterprises", std::move(list));
    return v;
}

void register_routes(web::Router& router, const web::Site& site, GrantService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access writers = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const web::Site* s = &site;
    GrantService* svc = &service;

    router.get(
        "/grants", readers, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "Grants of a year with sums per enterprise and a total; an enterprise user's own (year)");
    auto resource = web::form_resource("/grants", form_page, input_of);
    resource.writers = writers;
    resource.input_from = input_from;
    resource.blank = [](GrantService& service) {
        grants::GrantInput in;
        in.year = std::to_string(service.today().year);
        return in;
    };
    resource.created = [](const grants::Grant& g) {
        return web::Redirect{"/grants?year=" + std::to_string(g.year),
                             "Tilskuddet på " + kroner(g.amount_oere, g.approximate) + " til " +
                                 g.enterprise_name + " er registreret."};
    };
    resource.updated = [](const grants::Grant& g) {
        return web::Redirect{"/grants?year=" + std::to_string(g.year), "Ændringerne er gemt."};
    };
    resource.removed = [](const grants::Grant& g) {
        return web::Redirect{"/grants?year=" + std::to_string(g.year), "Tilskuddet er slettet."};
    };
    resource.summaries = {.new_form = "New grant form",
                          .create = "Record a grant (an enterprise user: its own enterprise only)",
                          .edit_form = "Edit grant form",
                          .update = "Save an edited grant",
                          .remove = "Delete a grant"};
    web::register_form_routes(router, site, service, std::move(resource));
    router.get(
        "/api/v1/grants", readers,
        [s, svc](RequestContext& ctx) {
            auto year =
                core::year_or("year", ctx.query.text("year"), core::years::records, svc->today().year);
            if (!year.ok()) return s->from_error(ctx, year.error());
            auto summary = svc->year_summary(*year, *ctx.actor);
            if (!summary.ok()) return s->from_error(ctx, summary.error());
            return web::Site::json(200, summary_view(*summary));
        },
        "Grants of a year per enterprise with sums (year; amounts in øre)");
}

}  // namespace grants_http
