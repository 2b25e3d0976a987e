// The administrator's retention page (issue item 9): settings, a dry-run preview of who the
// rule affects today, and "run now".
#include <string>

#include "citizens/http/citizens_http.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace citizens_http::detail {
namespace {

using citizens::CitizenService;
using web::RequestContext;
using web::Response;
using web::View;

Response retention_page(const web::Site& site, CitizenService& service, const RequestContext& ctx,
                        const std::string& months, const std::string& mode,
                        const std::optional<core::Error>& error, int status) {
    auto preview = service.retention_preview(*ctx.actor);
    if (!preview.ok()) return site.from_error(ctx, preview.error());
    const auto& s = preview->settings;
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("months_field", web::text_field({.id = "months",
                                           .label = "Opbevaringstid i måneder",
                                           .value = months.empty() ? std::to_string(s.months) : months,
                                           .autocomplete = "off",
                                           .hint = "6–120 måneder uden aktivt forløb eller job.",
                                           .width = "xs",
                                           .inputmode = "numeric",
                                           .required = true},
                                          error));
    const std::string chosen = mode.empty() ? std::string(citizens::retention_mode_code(s.mode)) : mode;
    v.set("mode_field",
          web::select_field({.id = "mode", .label = "Hvad sker der med borgerens data", .required = true},
                            {{"anonymise", "Anonymisér (tal og datoer bevares til statistik)"},
                             {"delete", "Slet alt om borgeren"}},
                            chosen, error));
    web::set_errors(v, error, "months");
    View p;
    p.set("cutoff_text", preview->cutoff.danish());
    p.set("count", static_cast<std::int64_t>(preview->affected.size()));
    p.set("mode_label", std::string(citizens::retention_mode_label(s.mode)));
    p.set("months", s.months);
    View::List rows;
    for (const auto& c : preview->affected) {
        View r;
        r.set("id", c.id).set("case_ref", c.case_ref);
        rows.push_back(std::move(r));
    }
    p.set("has_affected", !rows.empty());
    p.set("affected", std::move(rows));
    v.set("preview", std::move(p));
    return site.page(ctx, "citizens/retention", v,
                     std::string(error ? "Fejl: " : "") + "Opbevaring af borgerdata", status);
}

}  // namespace

void register_retention_routes(web::Router& router, const web::Site& site, CitizenService& service) {
    const web::Access admin = web::Access::roles({core::Role::Admin});
    const web::Site* s = &site;
    CitizenService* svc = &service;
    router.get(
        "/admin/retention", admin,
        [s, svc](RequestContext& ctx) { return retention_page(*s, *svc, ctx, "", "", std::nullopt, 200); },
        "Citizen retention settings and a dry-run preview of who the rule affects today");
    router.post(
        "/admin/retention", admin,
        [s, svc](RequestContext& ctx) {
            const std::string months = ctx.form.text("months");
            const std::string mode = ctx.form.text("mode");
            auto r = svc->set_retention_settings(months, mode, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return retention_page(*s, *svc, ctx, months, mode, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/retention", "Opbevaringsreglen er gemt.");
        },
        "Change the citizen retention period (months) and mode (delete, anonymise)");
    router.post(
        "/admin/retention/run", admin,
        [s, svc](RequestContext& ctx) {
            auto r = svc->run_retention(*ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            const std::string n = std::to_string(r->affected.size());
            const bool erase = r->settings.mode == citizens::RetentionMode::Delete;
            return s->redirect_with_flash(
                ctx, "/admin/retention",
                "Opbevaringsreglen er kørt: " + n + (erase ? " borgere slettet." : " borgere anonymiseret."));
        },
        "Run the citizen retention rule now (one transaction)");
}

}  // namespace citizens_http::detail
