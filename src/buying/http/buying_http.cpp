#include "buying/http/buying_http.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace buying_http {
namespace {

using buying::BuyingService;
using core::Role;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

using web::not_found;
using web::shown_on_form;

std::string kroner(std::int64_t oere) {
    return buying::format_amount(oere) + " kr.";
}

Options choices(const std::vector<buying::Choice>& list, std::string first) {
    Options out{{"", std::move(first)}};
    for (const auto& c : list) out.emplace_back(c.value, c.label);
    return out;
}

// ---------------------------------------------------------------- requests

buying::RequestInput request_input_from(const web::Form& f) {
    buying::RequestInput in;
    in.item_id = f.text("item_id");
    in.buyer_organisation = f.text("buyer_organisation");
    in.message = f.get("message").value_or("");
    in.quantity = f.text("quantity");
    in.desired_date = f.text("desired_date");
    return in;
}

Response requests_page(const web::Site& site, BuyingService& service, const RequestContext& ctx) {
    const std::string status = ctx.query.text("status");
    auto list = service.list_requests(status, *ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    View::List rows;
    for (const auto& r : *list) rows.push_back(request_view(r));
    v.set("has_requests", !rows.empty());
    v.set("requests", std::move(rows));
    v.set("count", static_cast<std::int64_t>(list->size()));
    v.set("status_field",
          web::select_field(
              {.id = "status", .label = "Status"},
              {{"", "Alle"}, {"sent", "Afventer svar"}, {"answered", "Besvaret"}, {"declined", "Afvist"}},
              status));
    const Role role = ctx.actor->role;
    std::string heading = "Forespørgsler";
    if (role == Role::Buyer) {
        heading = "Mine forespørgsler";
        v.set("is_buyer", true);
    } else if (role == Role::Enterprise) {
        heading = "Forespørgsler til virksomheden";
    }
    v.set("page_heading", heading);
    return site.page(ctx, "buying/requests", v, heading);
}

Response request_new_page(const web::Site& site, BuyingService& service, const RequestContext& ctx,
                          const buying::RequestInput& in, const std::optional<core::Error>& error,
                          int status) {
    long long item_id = 0;
    if (!core::parse_int64(core::trim(in.item_id), item_id) || item_id <= 0) return not_found(site, ctx);
    auto item = service.request_item(item_id, *ctx.actor);
    if (!item.ok()) return site.from_error(ctx, item.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View iv;
    iv.set("item_id", item->id).set("title", item->title).set("enterprise_name", item->enterprise_name);
    iv.set("href", "/katalog/" + std::to_string(item->id));
    v.set("item", std::move(iv));
    v.set(
        "organisation_field",
        web::text_field(
            {.id = "buyer_organisation",
             .label = "Din organisation",
             .value = in.buyer_organisation,
             .autocomplete = "organization",
             .hint =
                 "Den kommune, afdeling eller virksomhed, du køber ind for, fx Slagelse Kommune, Jobcenter.",
             .required = true},
            error));
    v.set("message_field",
          web::text_field({.id = "message",
                           .label = "Besked til virksomheden",
                           .value = in.message,
                           .hint = "Hvad du ønsker, og hvordan virksomheden kan svare dig. Højst 2.000 tegn.",
                           .required = true},
                          error));
    v.set("quantity_field", web::text_field({.id = "quantity",
                                             .label = "Ønsket antal",
                                             .value = in.quantity,
                                             .autocomplete = "off",
                                             .hint = "Fx 40 kuverter eller 25 stk.",
                                             .width = "m",
                                             .optional = true},
                                            error));
    v.set("desired_date_field", web::text_field({.id = "desired_date",
                                                 .label = "Ønsket dato",
                                                 .value = in.desired_date,
                                                 .type = "date",
                                                 .autocomplete = "off",
                                                 .hint = "Skrives ÅÅÅÅ-MM-DD, fx 2025-04-01.",
                                                 .width = "s",
                                                 .optional = true},
                                                error));
    web::set_errors(v, error, "message");
    return site.page(ctx, "buying/request_new", v,
                     std::string(error ? "Fejl: " : "") + "Send forespørgsel om " + item->title, status);
}

Response request_page(const web::Site& site, const RequestContext& ctx, const buying::Request& r,
                      const buying::AnswerInput& in, const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("request", request_view(r));
    const Role role = ctx.actor->role;
    if (ctx.actor->is_staff() || role == Role::Enterprise) {
        v.set("can_answer", true);
        v.set("answer_action", "/buying/requests/" + std::to_string(r.id) + "/answer");
        const std::string chosen =
            !in.status.empty() ? in.status
                               : (r.status == buying::RequestStatus::Declined ? std::string("declined")
                                                                              : std::string("answered"));
        v.set("status_field",
              web::select_field({.id = "status", .label = "Svar", .required = true},
                                {{"answered", "Besvar forespørgslen"}, {"declined", "Afvis forespørgslen"}},
                                chosen, error));
        v.set("answer_field", web::text_field({.id = "answer",
                                               .label = "Svar til køberen",
                                               .value = in.answer.empty() ? r.answer : in.answer,
                                               .hint = "Højst 2.000 tegn.",
                                               .required = true},
                                              error));
        web::set_errors(v, error, "answer");
    }
    return site.page(ctx, "buying/request", v,
                     std::string(error ? "Fejl: " : "") + "Forespørgsel om " + r.item_title, status);
}

// ---------------------------------------------------------------- agreements

buying::AgreementInput agreement_input_from(const web::Form& f) {
    buying::AgreementInput in;
    in.buyer_organisation = f.text("buyer_organisation");
    in.enterprise_id = f.text("enterprise_id");
    in.title = f.text("title");
    in.start_date = f.text("start_date");
    in.end_date = f.text("end_date");
    in.note = f.get("note").value_or("");
    return in;
}

Response agreements_page(const web::Site& site, BuyingService& service, const RequestContext& ctx) {
    auto list = service.list_agreements(*ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    View::List rows;
    for (const auto& a : *list) rows.push_back(agreement_view(a));
    v.set("has_agreements", !rows.empty());
    v.set("agreements", std::move(rows));
    v.set("count", static_cast<std::int64_t>(list->size()));
    return site.page(ctx, "buying/agreements", v, "Indkøbsaftaler");
}

Response agreement_form_page(const web::Site& site, BuyingService& service, const RequestContext& ctx,
                             const buying::AgreementInput& in, const std::optional<core::Error>& error,
                             int status) {
    auto enterprises = service.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("organisation_field", web::text_field({.id = "buyer_organisation",
                                                 .label = "Køberens organisation",
                                                 .value = in.buyer_organisation,
                                                 .autocomplete = "organization",
                                                 .hint = "Fx Slagelse Kommune.",
                                                 .required = true},
                                                error));
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Socialøkonomisk virksomhed", .required = true},
                            choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    v.set("title_field", web::text_field({.id = "title",
                                          .label = "Aftalens titel",
                                          .value = in.title,
                                          .autocomplete = "off",
                                          .hint = "Fx Gaver til jubilæer. Højst 200 tegn.",
                                          .required = true},
                                         error));
    v.set("start_date_field", web::text_field({.id = "start_date",
                                               .label = "Startdato",
                                               .value = in.start_date,
                                               .type = "date",
                                               .autocomplete = "off",
                                               .hint = "Skrives ÅÅÅÅ-MM-DD.",
                                               .width = "s",
                                               .required = true},
                                              error));
    v.set("end_date_field",
          web::text_field(
              {.id = "end_date",
               .label = "Slutdato",
               .value = in.end_date,
               .type = "date",
               .autocomplete = "off",
               .hint = "Skrives ÅÅÅÅ-MM-DD. Lad feltet stå tomt, hvis aftalen løber, til den opsiges.",
               .width = "s",
               .optional = true},
              error));
    v.set("note_field", web::text_field({.id = "note",
                                         .label = "Note",
                                         .value = in.note,
                                         .hint = "Hvad aftalen dækker. Højst 2.000 tegn.",
                                         .optional = true},
                                        error));
    web::set_errors(v, error, "title");
    return site.page(ctx, "buying/agreement_form", v,
                     std::string(error ? "Fejl: " : "") + "Registrér indkøbsaftale", status);
}

// ---------------------------------------------------------------- purchases

buying::PurchaseInput purchase_input_from(const web::Form& f) {
    buying::PurchaseInput in;
    in.purchase_date = f.text("purchase_date");
    in.amount = f.text("amount");
    in.buyer_organisation = f.text("buyer_organisation");
    in.enterprise_id = f.text("enterprise_id");
    in.agreement_id = f.text("agreement_id");
    in.description = f.text("description");
    return in;
}

Response purchases_page(const web::Site& site, BuyingService& service, const RequestContext& ctx) {
    buying::PurchaseFilter filter;
    filter.year = ctx.query.text("year");
    auto list = service.list_purchases(filter, *ctx.actor);
    std::optional<core::Error> error;
    if (!list.ok()) {
        if (!shown_on_form(list.error())) return site.from_error(ctx, list.error());
        error = list.error();
    }
    View v;
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = filter.year,
                                         .autocomplete = "off",
                                         .hint = "Købsdatoens år, fx 2025. Tomt viser alle.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .optional = true},
                                        error));
    web::set_errors(v, error, "year");
    if (list.ok()) {
        View::List rows;
        std::int64_t total = 0;
        for (const auto& p : *list) {
            rows.push_back(purchase_view(p));
            total += p.amount_oere;
        }
        v.set("has_purchases", !rows.empty());
        v.set("purchases", std::move(rows));
        v.set("count", static_cast<std::int64_t>(list->size()));
        v.set("total_text", kroner(total));
    }
    return site.page(ctx, "buying/purchases", v, error ? "Fejl: Køb" : "Køb", error ? 422 : 200);
}

Response purchase_form_page(const web::Site& site, BuyingService& service, const RequestContext& ctx,
                            const buying::PurchaseInput& in, const std::optional<core::Error>& error,
                            int status) {
    auto enterprises = service.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    auto agreements = service.list_agreements(*ctx.actor);
    if (!agreements.ok()) return site.from_error(ctx, agreements.error());
    Options agreement_options{{"", "Intet – købet er ikke under en aftale"}};
    for (const auto& a : *agreements)
        agreement_options.emplace_back(
            std::to_string(a.id), a.title + " (" + a.enterprise_name + ", " + a.buyer_organisation + ")");
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("purchase_date_field",
          web::text_field({.id = "purchase_date",
                           .label = "Købsdato",
                           .value = in.purchase_date,
                           .type = "date",
                           .autocomplete = "off",
                           .hint = "Dagen, købet skete (ikke i dag, hvis det var før). Skrives ÅÅÅÅ-MM-DD.",
                           .width = "s",
                           .required = true},
                          error));
    v.set("amount_field", web::text_field({.id = "amount",
                                           .label = "Beløb i kroner",
                                           .value = in.amount,
                                           .autocomplete = "off",
                                           .hint = "Uden moms, fx 1.250 eller 89,50.",
                                           .width = "s",
                                           .inputmode = "decimal",
                                           .required = true},
                                          error));
    v.set("organisation_field", web::text_field({.id = "buyer_organisation",
                                                 .label = "Køberens organisation",
                                                 .value = in.buyer_organisation,
                                                 .autocomplete = "organization",
                                                 .hint = "Fx Slagelse Kommune, Jobcenter.",
                                                 .required = true},
                                                error));
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Socialøkonomisk virksomhed", .required = true},
                            choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    v.set("agreement_field",
          web::select_field({.id = "agreement_id", .label = "Indkøbsaftale", .optional = true},
                            agreement_options, in.agreement_id, error));
    v.set("description_field", web::text_field({.id = "description",
                                                .label = "Beskrivelse",
                                                .value = in.description,
                                                .autocomplete = "off",
                                                .hint = "Hvad der blev købt. Højst 500 tegn.",
                                                .optional = true},
                                               error));
    web::set_errors(v, error, "amount");
    return site.page(ctx, "buying/purchase_form", v, std::string(error ? "Fejl: " : "") + "Registrér køb",
                     status);
}

// ---------------------------------------------------------------- spend

Response spend_page(const web::Site& site, BuyingService& service, const RequestContext& ctx) {
    const std::string year = ctx.query.text("year");
    auto report = service.spend(year, *ctx.actor);
    std::optional<core::Error> error;
    if (!report.ok()) {
        if (!shown_on_form(report.error())) return site.from_error(ctx, report.error());
        error = report.error();
    }
    View v;
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = report.ok() ? std::to_string(report->year) : year,
                                         .autocomplete = "off",
                                         .hint = "Købsdatoens år, fx 2025.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .required = true},
                                        error));
    web::set_errors(v, error, "year");
    if (report.ok()) v.set("report", spend_view(*report));
    return site.page(ctx, "buying/spend", v,
                     error ? "Fejl: Forbrug hos socialøkonomiske virksomheder"
                           : "Forbrug hos socialøkonomiske virksomheder",
                     error ? 422 : 200);
}

View::List spend_list(const std::vector<buying::SpendLine>& lines) {
    View::List list;
    for (const auto& l : lines) {
        View lv;
        lv.set("key", l.key).set("label", l.label).set("amount_oere", l.amount_oere);
        lv.set("amount_text", kroner(l.amount_oere)).set("purchases", l.purchases);
        list.push_back(std::move(lv));
    }
    return list;
}

}  // namespace

// ---------------------------------------------------------------- views

View request_view(const buying::Request& r) {
    View v;
    v.set("id", r.id);
    v.set("href", "/buying/requests/" + std::to_string(r.id));
    if (r.item_id) {
        v.set("item_id", *r.item_id);
        v.set("item_href", "/katalog/" + std::to_string(*r.item_id));
    }
    v.set("item_title", r.item_title);
    v.set("enterprise_id", r.enterprise_id).set("enterprise_name", r.enterprise_name);
    v.set("buyer_organisation", r.buyer_organisation);
    v.set("message", r.message);
    if (!r.quantity.empty()) v.set("quantity", r.quantity);
    if (r.desired_date) {
        v.set("desired_date", r.desired_date->iso());
        v.set("desired_date_text", r.desired_date->danish());
    }
    v.set("status", std::string(buying::request_status_code(r.status)));
    v.set("status_label", std::string(buying::request_status_label(r.status)));
    v.set("waiting", r.status == buying::RequestStatus::Sent);
    if (!r.answer.empty()) v.set("answer", r.answer);
    if (r.answered_at) {
        v.set("answered_at", core::iso_timestamp(*r.answered_at));
        v.set("answered_at_text", core::danish_local_time(*r.answered_at));
    }
    v.set("created_at", core::iso_timestamp(r.created_at));
    v.set("created_at_text", core::danish_local_time(r.created_at));
    return v;
}

View agreement_view(const buying::Agreement& a) {
    View v;
    v.set("id", a.id);
    v.set("buyer_organisation", a.buyer_organisation);
    v.set("enterprise_id", a.enterprise_id).set("enterprise_name", a.enterprise_name);
    v.set("title", a.title);
    v.set("start_date", a.start_date.iso()).set("start_date_text", a.start_date.danish());
    if (a.end_date) v.set("end_date", a.end_date->iso()).set("end_date_text", a.end_date->danish());
    v.set("period_text",
          a.start_date.danish() + " – " + (a.end_date ? a.end_date->danish() : std::string("løbende")));
    if (!a.note.empty()) v.set("note", a.note);
    return v;
}

View purchase_view(const buying::Purchase& p) {
    View v;
    v.set("id", p.id);
    v.set("purchase_date", p.purchase_date.iso()).set("purchase_date_text", p.purchase_date.danish());
    v.set("amount_oere", p.amount_oere).set("amount_text", kroner(p.amount_oere));
    v.set("buyer_organisation", p.buyer_organisation);
    v.set("enterprise_id", p.enterprise_id).set("enterprise_name", p.enterprise_name);
    if (p.agreement_id) v.set("agreement_id", *p.agreement_id).set("agreement_title", p.agreement_title);
    if (!p.description.empty()) v.set("description", p.description);
    return v;
}

View spend_view(const buying::SpendReport& r) {
    View v;
    v.set("year", r.year);
    v.set("total_oere", r.total_oere).set("total_text", kroner(r.total_oere));
    v.set("total_purchases", r.total_purchases);
    v.set("has_purchases", r.total_purchases > 0);
    v.set("by_buyer", spend_list(r.by_buyer));
    v.set("by_enterprise", spend_list(r.by_enterprise));
    v.set("by_year", spend_list(r.by_year));
    v.set("has_years", !r.by_year.empty());
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, BuyingService& service) {
    const Access request_readers =
        Access::roles({Role::Admin, Role::Consultant, Role::Enterprise, Role::Buyer});
    const Access answerers = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const Access buyers = Access::roles({Role::Buyer});
    const Access recorders = Access::roles({Role::Admin, Role::Consultant, Role::Buyer});
    const Access staff = Access::roles({Role::Admin, Role::Consultant});
    const web::Site* s = &site;
    BuyingService* svc = &service;

    // ---- requests ----
    router.get(
        "/buying/requests", request_readers,
        [s, svc](RequestContext& ctx) { return requests_page(*s, *svc, ctx); },
        "Requests: a buyer's own, an enterprise's received, all for consultant and admin (status)");
    router.get(
        "/buying/requests/new", buyers,
        [s, svc](RequestContext& ctx) {
            buying::RequestInput in;
            in.item_id = ctx.query.text("item");
            return request_new_page(*s, *svc, ctx, in, std::nullopt, 200);
        },
        "New request form about a published catalogue item (item)");
    router.post(
        "/buying/requests", buyers,
        [s, svc](RequestContext& ctx) {
            auto in = request_input_from(ctx.form);
            auto r = svc->send_request(in, *ctx.actor);
            if (!r.ok()) {
                // An item that is not (or no longer) published cannot show the form again.
                if (web::field_error(r.error(), "item_id")) return not_found(*s, ctx);
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return request_new_page(*s, *svc, ctx, in, e, status);
                });
            }
            return s->redirect_with_flash(ctx, "/buying/requests/" + std::to_string(r->id),
                                          "Din forespørgsel er sendt til " + r->enterprise_name + ".");
        },
        "Send a request about a published catalogue item (buyer)");
    router.get(
        "/buying/requests/{id:int}", request_readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->get_request(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return request_page(*s, ctx, *r, {}, std::nullopt, 200);
        },
        "One request with its answer");
    router.post(
        "/buying/requests/{id:int}/answer", answerers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            buying::AnswerInput in{ctx.form.text("status"), ctx.form.get("answer").value_or("")};
            auto r = svc->answer_request(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    auto current = svc->get_request(id, *ctx.actor);
                    if (!current.ok()) return s->from_error(ctx, current.error());
                    return request_page(*s, ctx, *current, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/buying/requests/" + std::to_string(r->id),
                                          r->status == buying::RequestStatus::Declined
                                              ? "Forespørgslen er afvist."
                                              : "Dit svar er sendt til køberen.");
        },
        "Answer or decline a request (the enterprise's users, consultant, admin)");

    // ---- agreements ----
    router.get(
        "/buying/agreements", recorders,
        [s, svc](RequestContext& ctx) { return agreements_page(*s, *svc, ctx); },
        "Voluntary purchase agreements (a buyer's own; all for consultant and admin)");
    router.get(
        "/buying/agreements/new", recorders,
        [s, svc](RequestContext& ctx) { return agreement_form_page(*s, *svc, ctx, {}, std::nullopt, 200); },
        "New purchase agreement form");
    router.post(
        "/buying/agreements", recorders,
        [s, svc](RequestContext& ctx) {
            auto in = agreement_input_from(ctx.form);
            auto r = svc->create_agreement(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return agreement_form_page(*s, *svc, ctx, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/buying/agreements",
                                          "Aftalen \"" + r->title + "\" er registreret.");
        },
        "Record a voluntary purchase agreement");

    // ---- purchases ----
    router.get(
        "/buying/purchases", recorders,
        [s, svc](RequestContext& ctx) { return purchases_page(*s, *svc, ctx); },
        "Purchases (a buyer's own; all for consultant and admin) (year)");
    router.get(
        "/buying/purchases/new", recorders,
        [s, svc](RequestContext& ctx) { return purchase_form_page(*s, *svc, ctx, {}, std::nullopt, 200); },
        "New purchase form");
    router.post(
        "/buying/purchases", recorders,
        [s, svc](RequestContext& ctx) {
            auto in = purchase_input_from(ctx.form);
            auto r = svc->record_purchase(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return purchase_form_page(*s, *svc, ctx, in, e, status);
                });
            return s->redirect_with_flash(
                ctx, "/buying/purchases",
                "Købet på " + kroner(r->amount_oere) + " hos " + r->enterprise_name + " er registreret.");
        },
        "Record a purchase");

    // ---- spend report ----
    router.get(
        "/buying/spend", staff, [s, svc](RequestContext& ctx) { return spend_page(*s, *svc, ctx); },
        "Spend with social enterprises per buyer organisation and enterprise (year)");
    router.get(
        "/api/v1/buying/spend", staff,
        [s, svc](RequestContext& ctx) {
            auto report = svc->spend(ctx.query.text("year"), *ctx.actor);
            if (!report.ok()) return s->from_error(ctx, report.error());
            return web::Site::json(200, spend_view(*report));
        },
        "Spend per year, buyer organisation and enterprise (year; amounts in øre)");
}

}  // namespace buying_http
