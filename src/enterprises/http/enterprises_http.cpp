#include "enterprises/http/enterprises_http.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "enterprises/http/common.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"
#include "web/json.hpp"

namespace enterprises_http {
namespace {

using core::Role;
using enterprises::EnterpriseService;
using web::Access;
using web::FieldSpec;
using web::RequestContext;
using web::Response;
using web::View;

std::string when(core::UnixSeconds t) {
    return t > 0 ? core::danish_local_time(t) : std::string("–");
}

}  // namespace

/// "24. november 2025" style is for prose; tables use 24-11-2025 (ui.md §7.9).
std::string danish_date(const core::Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d-%02d-%04d", d.day, d.month, d.year);
    return buf;
}

namespace {

// ---------------------------------------------------------------- parsing

enterprises::EnterpriseInput input_from(const web::Form& f) {
    enterprises::EnterpriseInput in;
    in.name = f.text("name");
    in.cvr = f.text("cvr");
    in.legal_form = f.text("legal_form");
    in.kind = f.text("kind");
    in.municipality = f.text("municipality");
    in.address = f.text("address");
    in.purpose = f.get("purpose").value_or("");
    in.description = f.get("description").value_or("");
    in.plans = f.get("plans").value_or("");
    in.website = f.text("website");
    in.employees = f.text("employees");
    in.fte = f.text("fte");
    in.target_groups = f.get_all("target_groups");
    in.status = f.text("status");
    in.status_date = f.text("status_date");
    return in;
}

enterprises::EnterpriseFilter filter_from(const web::Form& q) {
    enterprises::EnterpriseFilter f;
    f.kind = q.text("kind");
    f.status = q.text("status");
    f.municipality = q.text("municipality");
    f.target_group = q.text("target_group");
    f.rsv = q.text("rsv");
    f.q = q.text("q");
    long long n = 0;
    if (core::parse_int64(q.text("page"), n) && n > 0 && n < 1'000'000) f.page = static_cast<int>(n);
    if (core::parse_int64(q.text("page_size"), n) && n > 0 && n <= 100) f.page_size = static_cast<int>(n);
    return f;
}

// ---------------------------------------------------------------- option lists

Options kind_options(std::string first) {
    Options out{{"", std::move(first)}};
    for (auto k : enterprises::k_all_kinds)
        out.emplace_back(std::string(enterprises::kind_code(k)), std::string(enterprises::kind_label(k)));
    return out;
}

Options status_options(std::string first, bool allow_rsv) {
    Options out;
    if (!first.empty()) out.emplace_back("", std::move(first));
    for (auto s : enterprises::k_all_statuses) {
        if (!allow_rsv && s == enterprises::Status::RegisteredRsv) continue;
        out.emplace_back(std::string(enterprises::status_code(s)), std::string(enterprises::status_label(s)));
    }
    return out;
}

Options vocabulary_options(EnterpriseService& service, enterprises::VocabularyKind kind, std::string first) {
    Options out{{"", std::move(first)}};
    if (auto list = service.vocabulary(kind); list.ok())
        for (const auto& e : *list) out.emplace_back(e.code, e.label);
    return out;
}

}  // namespace

Options municipality_options(EnterpriseService& service, const core::Actor& actor, std::string first) {
    Options out{{"", std::move(first)}};
    if (auto list = service.municipalities(actor); list.ok())
        for (const auto& m : *list) out.emplace_back(m, m);
    return out;
}

namespace {

// ---------------------------------------------------------------- views

// ---------------------------------------------------------------- list page

std::string list_query(const enterprises::EnterpriseFilter& f, int page) {
    std::string q;
    auto add = [&](std::string_view key, const std::string& value) {
        if (value.empty()) return;
        q += q.empty() ? "?" : "&";
        q += key;
        q += '=';
        q += web::encode_query_value(value);
    };
    add("kind", f.kind);
    add("status", f.status);
    add("municipality", f.municipality);
    add("target_group", f.target_group);
    add("rsv", f.rsv);
    add("q", f.q);
    if (page > 1) add("page", std::to_string(page));
    return "/enterprises" + q;
}

Response list_page(const web::Site& site, EnterpriseService& service, const RequestContext& ctx) {
    enterprises::EnterpriseFilter filter = filter_from(ctx.query);
    auto page = service.list(filter, *ctx.actor);
    if (!page.ok()) return site.from_error(ctx, page.error());
    View v;
    View::List rows;
    for (const auto& s : page->items) rows.push_back(summary_view(s));
    v.set("has_items", !rows.empty());
    v.set("items", std::move(rows));
    v.set("total", page->total);
    if (ctx.actor->is_staff()) v.set("can_create", true);
    bool enterprise_user = ctx.actor->role == Role::Enterprise;
    if (!enterprise_user) {
        View filters;
        filters.set("kind_field", web::select_field({.id = "kind", .label = "Type"},
                                                    kind_options("Alle typer"), filter.kind));
        filters.set("status_field", web::select_field({.id = "status", .label = "Status"},
                                                      status_options("Alle statusser", true), filter.status));
        filters.set("municipality_field",
                    web::select_field({.id = "municipality", .label = "Kommune"},
                                      municipality_options(service, *ctx.actor, "Alle kommuner"),
                                      filter.municipality));
        filters.set("target_group_field",
                    web::select_field({.id = "target_group", .label = "Målgruppe"},
                                      vocabulary_options(service, enterprises::VocabularyKind::TargetGroup,
                                                         "Alle målgrupper"),
                                      filter.target_group));
        filters.set("rsv_field", web::select_field({.id = "rsv", .label = "Registreret (RSV)"},
                                                   {{"", "Alle"}, {"yes", "Ja"}, {"no", "Nej"}}, filter.rsv));
        filters.set("q_field", web::text_field({.id = "q",
                                                .label = "Navn indeholder",
                                                .value = filter.q,
                                                .type = "search",
                                                .autocomplete = "off"}));
        v.set("filters", std::move(filters));
    }
    const std::int64_t pages = (page->total + page->page_size - 1) / page->page_size;
    if (pages > 1) {
        View p;
        p.set("page", page->page).set("pages", pages);
        if (page->page > 1) p.set("prev_href", list_query(filter, page->page - 1));
        if (page->page < pages) p.set("next_href", list_query(filter, page->page + 1));
        v.set("pagination", std::move(p));
    }
    return site.page(ctx, "enterprises/list", v, "Virksomheder og initiativer");
}

// ---------------------------------------------------------------- form page (new / edit)

struct FormState {
    enterprises::EnterpriseInput input;
    std::vector<std::string> target_groups;
};

Response form_page(const web::Site& site, EnterpriseService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const enterprises::EnterpriseInput& in,
                   const std::optional<core::Error>& error, int status) {
    const bool creating = !id.has_value();
    const bool locked = ctx.actor->role == Role::Enterprise;
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("creating", creating);
    v.set("action", creating ? std::string("/enterprises") : "/enterprises/" + std::to_string(*id));
    v.set("cancel_href", creating ? std::string("/enterprises") : "/enterprises/" + std::to_string(*id));
    v.set("name_field", web::text_field({.id = "name",
                                         .label = "Navn",
                                         .value = in.name,
                                         .autocomplete = "organization",
                                         .required = true},
                                        error));
    if (locked) {
        View l;
        l.set("cvr", in.cvr.empty() ? std::string("–") : in.cvr);
        l.set("kind_label", std::string(enterprises::kind_label(enterprises::parse_kind(in.kind).value_or(
                                enterprises::Kind::SocialEnterprise))));
        l.set("municipality", in.municipality);
        v.set("locked", std::move(l));
    } else {
        v.set("cvr_field",
              web::text_field({.id = "cvr",
                               .label = "CVR-nummer",
                               .value = in.cvr,
                               .autocomplete = "off",
                               .hint = "8 cifre. Udfyld ikke for initiativer uden eget CVR-nummer.",
                               .width = "s",
                               .inputmode = "numeric",
                               .optional = true},
                              error));
        v.set("kind_field", web::select_field({.id = "kind", .label = "Type", .required = true},
                                              kind_options("Vælg type"), in.kind, error));
        v.set("municipality_field", web::text_field({.id = "municipality",
                                                     .label = "Kommune",
                                                     .value = in.municipality,
                                                     .hint = "Kommunens navn, fx Slagelse.",
                                                     .width = "m",
                                                     .required = true},
                                                    error));
    }
    v.set("legal_form_field",
          web::select_field(
              {.id = "legal_form", .label = "Juridisk form", .optional = true},
              vocabulary_options(service, enterprises::VocabularyKind::LegalForm, "Vælg juridisk form"),
              in.legal_form, error));
    v.set("address_field", web::text_field({.id = "address",
                                            .label = "Adresse",
                                            .value = in.address,
                                            .autocomplete = "street-address",
                                            .optional = true},
                                           error));
    v.set("website_field", web::text_field({.id = "website",
                                            .label = "Hjemmeside",
                                            .value = in.website,
                                            .type = "url",
                                            .autocomplete = "url",
                                            .hint = "Fx https://www.eksempel.dk",
                                            .optional = true},
                                           error));
    v.set("purpose_field", web::text_field({.id = "purpose",
                                            .label = "Formål",
                                            .value = in.purpose,
                                            .hint = "Det sociale formål, virksomheden arbejder for.",
                                            .optional = true},
                                           error));
    v.set("description_field", web::text_field({.id = "description",
                                                .label = "Beskrivelse",
                                                .value = in.description,
                                                .hint = "Højst 5.000 tegn.",
                                                .optional = true},
                                               error));
    v.set("plans_field",
          web::text_field(
              {.id = "plans", .label = "Planer for næste år", .value = in.plans, .optional = true}, error));
    v.set("employees_field", web::text_field({.id = "employees",
                                              .label = "Antal ansatte",
                                              .value = in.employees,
                                              .width = "xs",
                                              .inputmode = "numeric",
                                              .optional = true},
                                             error));
    v.set("fte_field", web::text_field({.id = "fte",
                                        .label = "Årsværk",
                                        .value = in.fte,
                                        .hint = "Med højst én decimal, fx 6,5.",
                                        .width = "xs",
                                        .inputmode = "decimal",
                                        .optional = true},
                                       error));
    View::List groups;
    if (auto list = service.vocabulary(enterprises::VocabularyKind::TargetGroup, true); list.ok()) {
        for (const auto& g : *list) {
            bool checked =
                std::find(in.target_groups.begin(), in.target_groups.end(), g.code) != in.target_groups.end();
            if (!g.active && !checked) continue;
            View o;
            o.set("code", g.code).set("label", g.label).set("checked", checked);
            groups.push_back(std::move(o));
        }
    }
    v.set("target_group_options", std::move(groups));
    if (auto e = web::field_error(error, "target_groups")) v.set("target_groups_error", *e);
    if (creating) {
        v.set("status_field", web::select_field({.id = "status", .label = "Status", .required = true},
                                                status_options("Vælg status", true), in.status, error));
        v.set("status_date_field", web::text_field({.id = "status_date",
                                                    .label = "Dato for status",
                                                    .value = in.status_date,
                                                    .type = "date",
                                                    .hint = "Den dato, det skete, fx 2018-03-01.",
                                                    .required = true},
                                                   error));
    }
    web::set_errors(v, error, "name");
    std::string title = creating ? "Opret virksomhed" : "Rediger " + in.name;
    return site.page(ctx, "enterprises/form", v, (error ? "Fejl: " : "") + title, status);
}

enterprises::EnterpriseInput input_of(const enterprises::Enterprise& e) {
    enterprises::EnterpriseInput in;
    in.name = e.name;
    in.cvr = e.cvr.value_or("");
    in.legal_form = e.legal_form.value_or("");
    in.kind = std::string(enterprises::kind_code(e.kind));
    in.municipality = e.municipality;
    in.address = e.address;
    in.purpose = e.purpose;
    in.description = e.description;
    in.plans = e.plans;
    in.website = e.website;
    in.employees = e.employees ? std::to_string(*e.employees) : std::string();
    in.fte = e.fte_tenths ? enterprises::format_fte(*e.fte_tenths) : std::string();
    for (const auto& g : e.target_groups) in.target_groups.push_back(g.code);
    return in;
}

/// A Conflict (CVR taken by a concurrent save) shown on the form like a field error.
core::Error form_error(const core::Error& e) {
    core::Error out = e;
    if (out.code == core::ErrorCode::Conflict && out.fields.empty())
        out.fields.push_back({"cvr", out.message});
    return out;
}

// ---------------------------------------------------------------- detail page

Response detail_page(const web::Site& site, EnterpriseService& service, const RequestContext& ctx,
                     std::int64_t id, const std::optional<core::Error>& status_error,
                     const std::optional<core::Error>& contact_error, int http_status) {
    auto e = service.get(id, *ctx.actor);
    if (!e.ok()) return site.from_error(ctx, e.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("enterprise", enterprise_view(*e));
    const bool can_edit = ctx.actor->role != Role::Caseworker;
    if (can_edit) v.set("can_edit", true);
    const web::Form empty;
    const web::Form& sf = status_error ? ctx.form : empty;
    v.set("new_status_field",
          web::select_field({.id = "status", .label = "Ny status", .required = true},
                            status_options("Vælg status", ctx.actor->role != Role::Enterprise),
                            sf.text("status"), status_error));
    v.set("happened_on_field", web::text_field({.id = "happened_on",
                                                .label = "Dato, det skete",
                                                .value = sf.text("happened_on"),
                                                .type = "date",
                                                .hint = "Ikke datoen i dag, men den dato ændringen skete.",
                                                .required = true},
                                               status_error));
    v.set("note_field",
          web::text_field({.id = "note", .label = "Note", .value = sf.text("note"), .optional = true},
                          status_error));
    const web::Form& cf = contact_error ? ctx.form : empty;
    v.set("contact_name_field", web::text_field({.id = "contact_name",
                                                 .label = "Navn",
                                                 .value = cf.text("contact_name"),
                                                 .autocomplete = "off",
                                                 .required = true},
                                                contact_error));
    v.set("contact_title_field", web::text_field({.id = "contact_title",
                                                  .label = "Rolle eller titel",
                                                  .value = cf.text("contact_title"),
                                                  .autocomplete = "off",
                                                  .optional = true},
                                                 contact_error));
    v.set("contact_email_field", web::text_field({.id = "contact_email",
                                                  .label = "E-mail",
                                                  .value = cf.text("contact_email"),
                                                  .type = "email",
                                                  .autocomplete = "off",
                                                  .optional = true},
                                                 contact_error));
    v.set("contact_phone_field", web::text_field({.id = "contact_phone",
                                                  .label = "Telefon",
                                                  .value = cf.text("contact_phone"),
                                                  .type = "tel",
                                                  .autocomplete = "off",
                                                  .width = "s",
                                                  .optional = true},
                                                 contact_error));
    std::optional<core::Error> shown = status_error ? status_error : contact_error;
    web::set_errors(v, shown, status_error ? "status" : "contact_name");
    return site.page(ctx, "enterprises/detail", v, (shown ? "Fejl: " : "") + e->name, http_status);
}

}  // namespace

// ---------------------------------------------------------------- public views

View summary_view(const enterprises::EnterpriseSummary& s) {
    View v;
    v.set("id", s.id).set("name", s.name);
    if (s.cvr) v.set("cvr", *s.cvr);
    v.set("kind", std::string(enterprises::kind_code(s.kind)));
    v.set("kind_label", std::string(enterprises::kind_label(s.kind)));
    v.set("municipality", s.municipality);
    v.set("status", std::string(enterprises::status_code(s.status)));
    v.set("status_label", std::string(enterprises::status_label(s.status)));
    v.set("status_since", s.status_since.iso());
    v.set("status_since_text", danish_date(s.status_since));
    return v;
}

View enterprise_view(const enterprises::Enterprise& e) {
    View v;
    v.set("id", e.id).set("name", e.name);
    if (e.cvr) v.set("cvr", *e.cvr);
    if (e.legal_form) {
        v.set("legal_form", *e.legal_form);
        v.set("legal_form_label", e.legal_form_label.value_or(*e.legal_form));
    }
    v.set("kind", std::string(enterprises::kind_code(e.kind)));
    v.set("kind_label", std::string(enterprises::kind_label(e.kind)));
    v.set("municipality", e.municipality);
    if (!e.address.empty()) v.set("address", e.address);
    if (!e.purpose.empty()) v.set("purpose", e.purpose);
    if (!e.description.empty()) v.set("description", e.description);
    if (!e.plans.empty()) v.set("plans", e.plans);
    if (!e.website.empty()) v.set("website", e.website);
    if (e.employees) {
        v.set("employees", *e.employees);
        v.set("employees_text", enterprises::format_int(*e.employees));
    }
    if (e.fte_tenths) {
        v.set("fte_tenths", *e.fte_tenths);  // 1,5 årsværk = 15; exact, unlike a binary double
        v.set("fte_text", enterprises::format_fte(*e.fte_tenths));
    }
    v.set("status", std::string(enterprises::status_code(e.status)));
    v.set("status_label", std::string(enterprises::status_label(e.status)));
    v.set("status_since", e.status_since.iso());
    v.set("status_since_text", danish_date(e.status_since));
    v.set("updated_at", when(e.updated_at));
    View::List groups;
    for (const auto& g : e.target_groups) {
        View gv;
        gv.set("code", g.code).set("label", g.label);
        groups.push_back(std::move(gv));
    }
    v.set("has_target_groups", !groups.empty());
    v.set("target_groups", std::move(groups));
    View::List contacts;
    for (const auto& c : e.contacts) {
        View cv;
        cv.set("id", c.id).set("name", c.name);
        if (!c.title.empty()) cv.set("title", c.title);
        if (!c.email.empty()) cv.set("email", c.email);
        if (!c.phone.empty()) cv.set("phone", c.phone);
        contacts.push_back(std::move(cv));
    }
    v.set("has_contacts", !contacts.empty());
    v.set("contacts", std::move(contacts));
    View::List history;
    for (const auto& h : e.history) {
        View hv;
        hv.set("status", std::string(enterprises::status_code(h.status)));
        hv.set("status_label", std::string(enterprises::status_label(h.status)));
        hv.set("happened_on", h.happened_on.iso());
        hv.set("happened_on_text", danish_date(h.happened_on));
        if (!h.note.empty()) hv.set("note", h.note);
        hv.set("recorded_at", core::iso_timestamp(h.recorded_at));
        hv.set("recorded_at_text", when(h.recorded_at));
        hv.set("recorded_by", h.recorded_by);
        history.push_back(std::move(hv));
    }
    v.set("history", std::move(history));
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, EnterpriseService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access creators = Access::roles({Role::Admin, Role::Consultant});
    const Access editors = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const Access counters = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    EnterpriseService* svc = &service;

    // ---- pages ----
    router.get(
        "/enterprises", readers, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "List enterprises and initiatives (filters, paging)");
    router.get(
        "/enterprises/new", creators,
        [s, svc](RequestContext& ctx) {
            enterprises::EnterpriseInput in;
            in.status_date = svc->today().iso();
            return form_page(*s, *svc, ctx, std::nullopt, in, std::nullopt, 200);
        },
        "New enterprise form");
    router.post(
        "/enterprises", creators,
        [s, svc](RequestContext& ctx) {
            auto in = input_from(ctx.form);
            auto r = svc->create(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(
                    *s, ctx, r.error(),
                    [&](const core::Error& e, int status) {
                        return form_page(*s, *svc, ctx, std::nullopt, in, form_error(e), status);
                    },
                    web::ShownOnForm::ValidationOrConflict);
            return s->redirect_with_flash(ctx, "/enterprises/" + std::to_string(r->id),
                                          r->name + " er oprettet.");
        },
        "Create an enterprise");
    router.get(
        "/enterprises/{id:int}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return detail_page(*s, *svc, ctx, id, std::nullopt, std::nullopt, 200);
        },
        "Enterprise details with status history and contacts");
    router.get(
        "/enterprises/{id:int}/edit", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto e = svc->get(id, *ctx.actor);
            if (!e.ok()) return s->from_error(ctx, e.error());
            return form_page(*s, *svc, ctx, id, input_of(*e), std::nullopt, 200);
        },
        "Edit enterprise form");
    router.post(
        "/enterprises/{id:int}", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = input_from(ctx.form);
            auto r = svc->update(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(
                    *s, ctx, r.error(),
                    [&](const core::Error& error, int status) {
                        if (ctx.actor->role == Role::Enterprise) {
                            // Show the stored locked fields, not what was posted.
                            if (auto e = svc->get(id, *ctx.actor); e.ok()) {
                                in.cvr = e->cvr.value_or("");
                                in.kind = std::string(enterprises::kind_code(e->kind));
                                in.municipality = e->municipality;
                            }
                        }
                        return form_page(*s, *svc, ctx, id, in, form_error(error), status);
                    },
                    web::ShownOnForm::ValidationOrConflict);
            return s->redirect_with_flash(ctx, "/enterprises/" + std::to_string(id), "Ændringerne er gemt.");
        },
        "Save an enterprise");
    router.post(
        "/enterprises/{id:int}/status", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->record_status(
                id, {ctx.form.text("status"), ctx.form.text("happened_on"), ctx.form.text("note")},
                *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return detail_page(*s, *svc, ctx, id, e, std::nullopt, status);
                });
            return s->redirect_with_flash(ctx, "/enterprises/" + std::to_string(id),
                                          "Statusændringen er registreret.");
        },
        "Record a status change (with the date it happened)");
    router.post(
        "/enterprises/{id:int}/contacts", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->add_contact(id,
                                      {ctx.form.text("contact_name"), ctx.form.text("contact_title"),
                                       ctx.form.text("contact_email"), ctx.form.text("contact_phone")},
                                      *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return detail_page(*s, *svc, ctx, id, std::nullopt, e, status);
                });
            return s->redirect_with_flash(ctx, "/enterprises/" + std::to_string(id),
                                          "Kontaktpersonen er tilføjet.");
        },
        "Add a contact person");
    router.post(
        "/enterprises/{id:int}/contacts/{contact_id:int}/delete", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            const std::int64_t contact = ctx.int_param("contact_id");
            auto r = svc->remove_contact(id, contact, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/enterprises/" + std::to_string(id),
                                          "Kontaktpersonen er fjernet.");
        },
        "Remove a contact person");
    // ---- JSON API: the same service functions ----
    router.get(
        "/api/v1/enterprises", readers,
        [s, svc](RequestContext& ctx) {
            auto page = svc->list(filter_from(ctx.query), *ctx.actor);
            if (!page.ok()) return s->from_error(ctx, page.error());
            View::List items;
            for (const auto& e : page->items) items.push_back(summary_view(e));
            View v;
            v.set("total", page->total).set("page", page->page).set("page_size", page->page_size);
            v.set("items", std::move(items));
            return web::Site::json(200, v);
        },
        "List enterprises (same filters as the page; total and items)");
    router.post(
        "/api/v1/enterprises", creators,
        [s, svc](RequestContext& ctx) {
            auto r = svc->create(input_from(ctx.form), *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(201, enterprise_view(*r));
        },
        "Create an enterprise (with status and status_date)");
    router.get(
        "/api/v1/enterprises/{id:int}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->get(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, enterprise_view(*r));
        },
        "One enterprise with target groups, contacts and status history");
    router.post(
        "/api/v1/enterprises/{id:int}", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->update(id, input_from(ctx.form), *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, enterprise_view(*r));
        },
        "Replace an enterprise's data (all fields, as the form)");
    router.post(
        "/api/v1/enterprises/{id:int}/status", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->record_status(
                id, {ctx.form.text("status"), ctx.form.text("happened_on"), ctx.form.text("note")},
                *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, enterprise_view(*r));
        },
        "Record a status change (status, happened_on, note)");
    router.post(
        "/api/v1/enterprises/{id:int}/contacts", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->add_contact(id,
                                      {ctx.form.text("contact_name"), ctx.form.text("contact_title"),
                                       ctx.form.text("contact_email"), ctx.form.text("contact_phone")},
                                      *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            View v;
            v.set("id", r->id)
                .set("enterprise_id", r->enterprise_id)
                .set("name", r->name)
                .set("title", r->title);
            v.set("email", r->email).set("phone", r->phone);
            return web::Site::json(201, v);
        },
        "Add a contact person (contact_name, contact_title, contact_email, contact_phone)");
    router.post(
        "/api/v1/enterprises/{id:int}/contacts/{contact_id:int}/delete", editors,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            const std::int64_t contact = ctx.int_param("contact_id");
            auto r = svc->remove_contact(id, contact, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            View v;
            v.set("deleted", true);
            return web::Site::json(200, v);
        },
        "Remove a contact person");
    register_vocabulary_routes(router, site, service);
    register_count_routes(router, site, service);
}

}  // namespace enterprises_http
