#include "enterprises/http/rsv_http.hpp"

#include <cstdio>
#include <string>
#include <utility>

#include "core/date.hpp"
#include "core/text.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace enterprises_http {
namespace {

using core::Role;
using enterprises::RsvService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

std::string when(core::UnixSeconds t) {
    return t > 0 ? core::danish_local_time(t) : std::string("–");
}

std::string danish_date(const core::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    return buf;
}

std::string rsv_href(std::int64_t id) {
    return "/enterprises/" + std::to_string(id) + "/rsv";
}

bool can_write(const core::Actor& a) {
    return a.role != Role::Caseworker && a.role != Role::Buyer;
}

using web::not_found;

/// The year path parameter (a positive number of at most four digits).
std::optional<int> year_param(const RequestContext& ctx) {
    auto y = ctx.id_param("year");
    if (!y || *y > 9999) return std::nullopt;
    return static_cast<int>(*y);
}

// ---------------------------------------------------------------- parsing

enterprises::RsvReadinessInput readiness_input_from(const web::Form& f) {
    enterprises::RsvReadinessInput in;
    for (std::size_t i = 0; i < enterprises::k_rsv_criterion_count; ++i) {
        const std::string code(enterprises::rsv_criterion_code(enterprises::k_all_rsv_criteria[i]));
        in[i].met = f.text(code + "_met");
        in[i].evidence = f.get(code + "_evidence").value_or("");
    }
    return in;
}

enterprises::RsvReadinessInput readiness_input_of(const enterprises::RsvReadiness& r) {
    enterprises::RsvReadinessInput in;
    for (std::size_t i = 0; i < enterprises::k_rsv_criterion_count; ++i) {
        in[i].met = std::string(enterprises::rsv_met_code(r.criteria[i].met));
        in[i].evidence = r.criteria[i].evidence;
    }
    return in;
}

enterprises::RsvStatementInput statement_input_from(const web::Form& f) {
    enterprises::RsvStatementInput in;
    in.year = f.text("year");
    in.profit_after_tax = f.text("profit_after_tax");
    in.dividend = f.text("dividend");
    in.management_remuneration = f.get("management_remuneration").value_or("");
    in.management_remuneration_amount = f.text("management_remuneration_amount");
    in.related_party_agreements = f.get("related_party_agreements").value_or("");
    in.purpose_statement = f.get("purpose_statement").value_or("");
    in.independence = f.get("independence").value_or("");
    in.inclusive_governance = f.get("inclusive_governance").value_or("");
    in.submitted_on = f.text("submitted_on");
    return in;
}

enterprises::RsvStatementInput statement_input_of(const enterprises::RsvStatement& s) {
    enterprises::RsvStatementInput in;
    in.year = std::to_string(s.year);
    in.profit_after_tax = enterprises::kroner_input_text(s.profit_after_tax_oere);
    in.dividend = enterprises::kroner_input_text(s.dividend_oere);
    in.management_remuneration = s.management_remuneration;
    if (s.management_remuneration_oere)
        in.management_remuneration_amount = enterprises::kroner_input_text(*s.management_remuneration_oere);
    in.related_party_agreements = s.related_party_agreements;
    in.purpose_statement = s.purpose_statement;
    in.independence = s.independence;
    in.inclusive_governance = s.inclusive_governance;
    if (s.submitted_on) in.submitted_on = s.submitted_on->iso();
    return in;
}

View textarea(web::FieldSpec spec, const std::optional<core::Error>& error, int rows) {
    View v = web::text_field(spec, error);
    v.set("rows", rows);
    return v;
}

// ---------------------------------------------------------------- the RSV page

/// The editable checklist: one fieldset per criterion with radios and an evidence textarea.
View::List criteria_form(const enterprises::RsvReadinessInput& in, const std::optional<core::Error>& error) {
    View::List out;
    for (std::size_t i = 0; i < enterprises::k_rsv_criterion_count; ++i) {
        const auto c = enterprises::k_all_rsv_criteria[i];
        const std::string code(enterprises::rsv_criterion_code(c));
        View cv;
        cv.set("code", code);
        cv.set("number", static_cast<std::int64_t>(i + 1));
        cv.set("criterion_label", std::string(enterprises::rsv_criterion_label(c)));
        cv.set("criterion_hint", std::string(enterprises::rsv_criterion_hint(c)));
        if (auto e = web::field_error(error, code + "_met")) cv.set("met_error", *e);
        View::List options;
        const std::string chosen(core::trim(in[i].met));
        for (auto m : enterprises::k_all_rsv_met) {
            const std::string value(enterprises::rsv_met_code(m));
            View o;
            o.set("radio_id", code + "_met-" + (value.empty() ? std::string("none") : value));
            o.set("radio_value", value);
            o.set("radio_label", std::string(enterprises::rsv_met_label(m)));
            o.set("checked", value == chosen);
            options.push_back(std::move(o));
        }
        cv.set("options", std::move(options));
        cv.set(
            "evidence_field",
            textarea({.id = code + "_evidence",
                      .label = "Dokumentation",
                      .value = in[i].evidence,
                      .hint = "Hvad viser, at kriteriet er opfyldt? Fx vedtægter, regnskab eller referater. "
                              "Højst 2.000 tegn. Skal udfyldes, når du svarer ja.",
                      .optional = true},
                     error, 4));
        out.push_back(std::move(cv));
    }
    return out;
}

Response rsv_page(const web::Site& site, RsvService& service, const RequestContext& ctx, std::int64_t id,
                  const std::optional<enterprises::RsvReadinessInput>& posted,
                  const std::optional<core::Error>& error, int status) {
    auto readiness = service.get_readiness(id, *ctx.actor);
    if (!readiness.ok()) return site.from_error(ctx, readiness.error());
    auto statements = service.list_statements(id, *ctx.actor);
    if (!statements.ok()) return site.from_error(ctx, statements.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("enterprise_id", id);
    v.set("enterprise_name", readiness->enterprise_name);
    v.set("enterprise_href", "/enterprises/" + std::to_string(id));
    v.set("action", rsv_href(id));
    v.set("readiness", rsv_readiness_view(*readiness));
    if (can_write(*ctx.actor)) {
        v.set("can_edit", true);
        v.set("criteria_form", criteria_form(posted ? *posted : readiness_input_of(*readiness), error));
        v.set("new_statement_href", rsv_href(id) + "/statements/new");
    }
    View::List rows;
    View::List warnings;
    for (const auto& s : *statements) {
        View sv = rsv_statement_view(s);
        sv.set("href", rsv_href(id) + "/statements/" + std::to_string(s.year));
        if (!s.dividend_check().ok) warnings.push_back(sv);
        rows.push_back(std::move(sv));
    }
    v.set("has_statements", !rows.empty());
    v.set("statements", std::move(rows));
    v.set("has_warnings", !warnings.empty());
    v.set("warnings", std::move(warnings));
    web::set_errors(v, error, "social_purpose_met");
    return site.page(ctx, "enterprises/rsv", v,
                     (error ? "Fejl: RSV – " : "RSV – ") + readiness->enterprise_name, status);
}

// ---------------------------------------------------------------- the statement form

Response statement_page(const web::Site& site, RsvService& service, const RequestContext& ctx,
                        std::int64_t id, std::optional<int> year, const enterprises::RsvStatementInput& in,
                        const std::optional<enterprises::RsvStatement>& stored,
                        const std::optional<core::Error>& error, int status) {
    // The enterprise's name (and the access check for the page itself).
    auto readiness = service.get_readiness(id, *ctx.actor);
    if (!readiness.ok()) return site.from_error(ctx, readiness.error());
    const bool creating = !year.has_value();
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("enterprise_name", readiness->enterprise_name);
    v.set("enterprise_href", "/enterprises/" + std::to_string(id));
    v.set("rsv_href", rsv_href(id));
    v.set("creating", creating);
    if (!creating) v.set("statement_year", *year);
    v.set("action",
          creating ? rsv_href(id) + "/statements" : rsv_href(id) + "/statements/" + std::to_string(*year));
    if (stored) v.set("statement", rsv_statement_view(*stored));
    if (can_write(*ctx.actor)) {
        v.set("can_edit", true);
        View f;
        f.set("year_field", web::text_field({.id = "year",
                                             .label = "Regnskabsår",
                                             .value = in.year,
                                             .hint = "Fire cifre, fx 2024.",
                                             .width = "xs",
                                             .inputmode = "numeric",
                                             .required = true},
                                            error));
        f.set(
            "profit_field",
            web::text_field({.id = "profit_after_tax",
                             .label = "Overskud efter skat (kr.)",
                             .value = in.profit_after_tax,
                             .hint = "Årets resultat efter skat. Et underskud skrives med minus, fx -12.500.",
                             .width = "m",
                             .inputmode = "decimal",
                             .required = true},
                            error));
        f.set("dividend_field",
              web::text_field({.id = "dividend",
                               .label = "Udbytte og andre udlodninger (kr.)",
                               .value = in.dividend,
                               .hint = "Højst 35 % af overskuddet efter skat. Tomt betyder 0.",
                               .width = "m",
                               .inputmode = "decimal",
                               .optional = true},
                              error));
        f.set("remuneration_amount_field", web::text_field({.id = "management_remuneration_amount",
                                                            .label = "Ledelsens samlede vederlag (kr.)",
                                                            .value = in.management_remuneration_amount,
                                                            .width = "m",
                                                            .inputmode = "decimal",
                                                            .optional = true},
                                                           error));
        f.set("remuneration_field",
              textarea({.id = "management_remuneration",
                        .label = "Vederlag til ledelsen",
                        .value = in.management_remuneration,
                        .hint = "Vederlag til direktion og bestyrelse, og hvordan det er fastsat.",
                        .optional = true},
                       error, 4));
        f.set("related_party_field",
              textarea({.id = "related_party_agreements",
                        .label = "Aftaler med nærtstående",
                        .value = in.related_party_agreements,
                        .hint = "Væsentlige aftaler med ejere, ledelse og deres nærtstående.",
                        .optional = true},
                       error, 4));
        f.set("purpose_field",
              textarea({.id = "purpose_statement",
                        .label = "Redegørelse for formålet",
                        .value = in.purpose_statement,
                        .hint = "Hvordan virksomheden i året har arbejdet for sit samfundsgavnlige formål.",
                        .optional = true},
                       error, 5));
        f.set("independence_field",
              textarea({.id = "independence",
                        .label = "Uafhængighed af det offentlige",
                        .value = in.independence,
                        .hint = "Hvordan virksomheden er uafhængig af offentlige myndigheder.",
                        .optional = true},
                       error, 4));
        f.set("governance_field",
              textarea({.id = "inclusive_governance",
                        .label = "Inddragende og ansvarlig ledelse",
                        .value = in.inclusive_governance,
                        .hint = "Hvordan medarbejdere, samarbejdspartnere og andre interessenter inddrages.",
                        .optional = true},
                       error, 4));
        f.set("submitted_field", web::text_field({.id = "submitted_on",
                                                  .label = "Indsendt til Erhvervsstyrelsen",
                                                  .value = in.submitted_on,
                                                  .type = "date",
                                                  .hint = "Datoen redegørelsen blev indsendt, fx 2025-05-31.",
                                                  .optional = true},
                                                 error));
        v.set("form", std::move(f));
    }
    web::set_errors(v, error, "year");
    std::string title = creating ? "Ny årsredegørelse" : "Årsredegørelse " + std::to_string(*year);
    title += " – " + readiness->enterprise_name;
    return site.page(ctx, "enterprises/rsv_statement", v, (error ? "Fejl: " : "") + title, status);
}

/// A Conflict (the year exists) shown on the form as an error on the year field.
core::Error form_error(const core::Error& e) {
    core::Error out = e;
    if (out.code == core::ErrorCode::Conflict && out.fields.empty())
        out.fields.push_back({"year", out.message});
    return out;
}

Response save_statement(const web::Site& site, RsvService& service, RequestContext& ctx,
                        std::optional<int> year) {
    const std::int64_t id = ctx.int_param("id");
    auto in = statement_input_from(ctx.form);
    auto r = service.save_statement(id, year, in, *ctx.actor);
    if (!r.ok())
        return web::form_or_error(
            site, ctx, r.error(),
            [&](const core::Error& e, int status) {
                std::optional<enterprises::RsvStatement> stored;
                if (year)
                    if (auto s = service.get_statement(id, *year, *ctx.actor); s.ok()) stored = *s;
                return statement_page(site, service, ctx, id, year, in, stored, form_error(e), status);
            },
            web::ShownOnForm::ValidationOrConflict);
    std::string message = "Årsredegørelsen for " + std::to_string(r->year) + " er gemt.";
    if (!r->dividend_check().ok) message += " Bemærk: udbyttet overstiger 35 % af overskuddet efter skat.";
    return site.redirect_with_flash(ctx, rsv_href(id), message);
}

}  // namespace

// ---------------------------------------------------------------- public views

View rsv_readiness_view(const enterprises::RsvReadiness& r) {
    View v;
    v.set("enterprise_id", r.enterprise_id);
    v.set("enterprise_name", r.enterprise_name);
    v.set("met_count", static_cast<std::int64_t>(r.met_count()));
    v.set("criteria_count", static_cast<std::int64_t>(enterprises::k_rsv_criterion_count));
    v.set("ready", r.ready());
    if (r.updated_at > 0) {
        v.set("updated_at", core::iso_timestamp(r.updated_at));
        v.set("updated_at_text", when(r.updated_at));
        v.set("updated_by", r.updated_by);
    }
    View::List criteria;
    for (std::size_t i = 0; i < r.criteria.size(); ++i) {
        const auto& c = r.criteria[i];
        View cv;
        cv.set("number", static_cast<std::int64_t>(i + 1));
        cv.set("code", std::string(enterprises::rsv_criterion_code(c.criterion)));
        cv.set("criterion_label", std::string(enterprises::rsv_criterion_label(c.criterion)));
        cv.set("met", std::string(enterprises::rsv_met_code(c.met)));
        cv.set("met_label", std::string(enterprises::rsv_met_label(c.met)));
        cv.set("is_met", c.met == enterprises::RsvMet::Yes);
        if (!c.evidence.empty()) cv.set("evidence", c.evidence);
        criteria.push_back(std::move(cv));
    }
    v.set("criteria", std::move(criteria));
    return v;
}

View rsv_statement_view(const enterprises::RsvStatement& s) {
    View v;
    v.set("id", s.id);
    v.set("enterprise_id", s.enterprise_id);
    v.set("year", static_cast<std::int64_t>(s.year));
    v.set("profit_after_tax_oere", s.profit_after_tax_oere);
    v.set("profit_after_tax_text", enterprises::format_kroner(s.profit_after_tax_oere));
    v.set("dividend_oere", s.dividend_oere);
    v.set("dividend_text", enterprises::format_kroner(s.dividend_oere));
    const enterprises::DividendCheck check = s.dividend_check();
    v.set("dividend_ok", check.ok);
    v.set("dividend_message", check.message);
    v.set("max_dividend_oere", check.max_dividend_oere);
    if (check.share_tenths) {
        v.set("dividend_share_tenths", *check.share_tenths);
        v.set("dividend_share_text", enterprises::format_percent_tenths(*check.share_tenths));
    }
    if (!s.management_remuneration.empty()) v.set("management_remuneration", s.management_remuneration);
    if (s.management_remuneration_oere) {
        v.set("management_remuneration_oere", *s.management_remuneration_oere);
        v.set("management_remuneration_text", enterprises::format_kroner(*s.management_remuneration_oere));
    }
    if (!s.related_party_agreements.empty()) v.set("related_party_agreements", s.related_party_agreements);
    if (!s.purpose_statement.empty()) v.set("purpose_statement", s.purpose_statement);
    if (!s.independence.empty()) v.set("independence", s.independence);
    if (!s.inclusive_governance.empty()) v.set("inclusive_governance", s.inclusive_governance);
    if (s.submitted_on) {
        v.set("submitted_on", s.submitted_on->iso());
        v.set("submitted_on_text", danish_date(*s.submitted_on));
    }
    v.set("updated_at", core::iso_timestamp(s.updated_at));
    v.set("updated_at_text", when(s.updated_at));
    v.set("updated_by", s.updated_by);
    return v;
}

// ---------------------------------------------------------------- routes

void register_rsv_routes(web::Router& router, const web::Site& site, RsvService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access editors = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const web::Site* s = &site;
    RsvService* svc = &service;

    router.get(
        "/enterprises/{id:int}/rsv", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return rsv_page(*s, *svc, ctx, id, std::nullopt, std::nullopt, 200);
        },
        "RSV readiness checklist (Act 711/2014 §5) and yearly statements (§8)");
    router.post(
        "/enterprises/{id:int}/rsv", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = readiness_input_from(ctx.form);
            auto r = svc->save_readiness(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return rsv_page(*s, *svc, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, rsv_href(id), "RSV-tjeklisten er gemt.");
        },
        "Save the RSV readiness checklist (<criterion>_met, <criterion>_evidence)");
    router.get(
        "/enterprises/{id:int}/rsv/statements/new", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            enterprises::RsvStatementInput in;
            in.year = std::to_string(svc->today().year - 1);
            return statement_page(*s, *svc, ctx, id, std::nullopt, in, std::nullopt, std::nullopt, 200);
        },
        "New yearly RSV statement form");
    router.post(
        "/enterprises/{id:int}/rsv/statements", editors,
        [s, svc](RequestContext& ctx) { return save_statement(*s, *svc, ctx, std::nullopt); },
        "Create a yearly RSV statement (one per year)");
    router.get(
        "/enterprises/{id:int}/rsv/statements/{year}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto year = year_param(ctx);
            if (!year) return not_found(*s, ctx);
            auto st = svc->get_statement(id, *year, *ctx.actor);
            if (!st.ok()) return s->from_error(ctx, st.error());
            return statement_page(*s, *svc, ctx, id, *year, statement_input_of(*st), *st, std::nullopt, 200);
        },
        "One yearly RSV statement with the dividend check");
    router.post(
        "/enterprises/{id:int}/rsv/statements/{year}", editors,
        [s, svc](RequestContext& ctx) {
            auto year = year_param(ctx);
            if (!year) return not_found(*s, ctx);
            return save_statement(*s, *svc, ctx, *year);
        },
        "Save a yearly RSV statement");

    router.get(
        "/api/v1/enterprises/{id:int}/rsv", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto readiness = svc->get_readiness(id, *ctx.actor);
            if (!readiness.ok()) return s->from_error(ctx, readiness.error());
            auto statements = svc->list_statements(id, *ctx.actor);
            if (!statements.ok()) return s->from_error(ctx, statements.error());
            View v;
            v.set("readiness", rsv_readiness_view(*readiness));
            View::List items;
            for (const auto& st : *statements) items.push_back(rsv_statement_view(st));
            v.set("statements", std::move(items));
            return web::Site::json(200, v);
        },
        "RSV readiness checklist and yearly statements with the dividend check");
}

}  // namespace enterprises_http
