#include "citizens/http/citizens_http.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"
#include "web/json.hpp"

namespace citizens_http {
namespace {

using citizens::CitizenService;
using core::Role;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

std::string href_of(std::int64_t id) {
    return "/citizens/" + std::to_string(id);
}

bool checked(const web::Form& f, std::string_view name) {
    const std::string v = f.text(name);
    return v == "1" || v == "true" || v == "on" || v == "yes";
}

citizens::CitizenInput input_from(const web::Form& f) {
    citizens::CitizenInput in;
    in.case_ref = f.text("case_ref");
    in.name = f.text("name");
    in.target_group = f.text("target_group");
    in.accommodations = f.text("accommodations");
    in.competences = f.text("competences");
    in.interests = f.text("interests");
    in.wished_hours_min = f.text("wished_hours_min");
    in.wished_hours_max = f.text("wished_hours_max");
    in.postcode = f.text("postcode");
    in.transport = f.text("transport");
    in.note = f.get("note").value_or("");
    in.legal_hold = checked(f, "legal_hold");
    in.legal_hold_reason = f.text("legal_hold_reason");
    return in;
}

citizens::CitizenInput input_of(const citizens::Citizen& c) {
    citizens::CitizenInput in;
    in.case_ref = c.case_ref;
    in.name = c.name;
    in.target_group = c.target_group.value_or("");
    in.accommodations = citizens::join_tags(c.accommodations);
    in.competences = citizens::join_tags(c.competences);
    in.interests = citizens::join_tags(c.interests);
    if (c.wished_hours_min) in.wished_hours_min = employment::format_hours(*c.wished_hours_min);
    if (c.wished_hours_max) in.wished_hours_max = employment::format_hours(*c.wished_hours_max);
    in.postcode = c.postcode.value_or("");
    if (c.transport) in.transport = std::string(citizens::transport_code(*c.transport));
    in.note = c.note;
    in.legal_hold = c.legal_hold;
    in.legal_hold_reason = c.legal_hold_reason;
    return in;
}

Options target_group_options(const std::vector<citizens::Choice>& choices, std::string first) {
    Options out{{"", std::move(first)}};
    for (const auto& c : choices) out.emplace_back(c.value, c.label);
    return out;
}

Options transport_options() {
    Options out{{"", "Ikke oplyst"}};
    for (auto t : citizens::k_all_transports)
        out.emplace_back(std::string(citizens::transport_code(t)), std::string(citizens::transport_label(t)));
    return out;
}

View::List tag_list(const std::vector<std::string>& tags) {
    View::List out;
    for (const auto& t : tags) {
        View v;
        v.set("tag", t);
        out.push_back(std::move(v));
    }
    return out;
}

std::string hours_text(const citizens::Citizen& c) {
    if (c.wished_hours_min && c.wished_hours_max)
        return employment::format_hours(*c.wished_hours_min) + "–" +
               employment::format_hours(*c.wished_hours_max) + " timer om ugen";
    if (c.wished_hours_min)
        return "Mindst " + employment::format_hours(*c.wished_hours_min) + " timer om ugen";
    if (c.wished_hours_max)
        return "Højst " + employment::format_hours(*c.wished_hours_max) + " timer om ugen";
    return "";
}

// ---------------------------------------------------------------- pages

Response list_page(const web::Site& site, CitizenService& service, const RequestContext& ctx) {
    citizens::CitizenFilter filter{ctx.query.text("q"), ctx.query.text("target_group")};
    auto groups = service.target_group_choices(*ctx.actor);
    if (!groups.ok()) return site.from_error(ctx, groups.error());
    auto list = service.list(filter, *ctx.actor);
    std::optional<core::Error> error;
    if (!list.ok()) {
        if (!web::shown_on_form(list.error())) return site.from_error(ctx, list.error());
        error = list.error();
    }
    View v;
    v.set("q_field", web::text_field({.id = "q",
                                      .label = "Navn eller sagsnummer",
                                      .value = filter.query,
                                      .autocomplete = "off",
                                      .hint = "Hele eller en del af navnet eller sagsnummeret.",
                                      .optional = true},
                                     error));
    v.set("target_group_field",
          web::select_field({.id = "target_group", .label = "Målgruppe", .optional = true},
                            target_group_options(*groups, "Alle målgrupper"), filter.target_group, error));
    web::set_errors(v, error, "q");
    if (list.ok()) {
        View::List rows;
        for (const auto& c : *list) rows.push_back(citizen_view(c));
        v.set("has_citizens", !rows.empty());
        v.set("citizens", std::move(rows));
        v.set("count", static_cast<std::int64_t>(list->size()));
    }
    return site.page(ctx, "citizens/list", v, error ? "Fejl: Borgere" : "Borgere", error ? 422 : 200);
}

Response form_page(const web::Site& site, CitizenService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const citizens::CitizenInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto groups = service.target_group_choices(*ctx.actor);
    if (!groups.ok()) return site.from_error(ctx, groups.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? href_of(*id) : std::string("/citizens"));
    v.set("cancel_href", id ? href_of(*id) : std::string("/citizens"));
    const std::string heading = id ? "Ret borger" : "Opret borger";
    v.set("heading", heading);
    v.set("case_ref_field",
          web::text_field({.id = "case_ref",
                           .label = "Sagsnummer",
                           .value = in.case_ref,
                           .autocomplete = "off",
                           .hint = "Kommunens sagsnummer, fx SAG-2018-017. Skriv aldrig et CPR-nummer.",
                           .width = "m",
                           .required = true},
                          error));
    v.set("name_field",
          web::text_field(
              {.id = "name", .label = "Navn", .value = in.name, .autocomplete = "off", .required = true},
              error));
    v.set("target_group_field",
          web::select_field({.id = "target_group", .label = "Målgruppe", .optional = true},
                            target_group_options(*groups, "Ingen målgruppe valgt"), in.target_group, error));
    v.set("accommodations_field",
          web::text_field({.id = "accommodations",
                           .label = "Skånehensyn",
                           .value = in.accommodations,
                           .autocomplete = "off",
                           .hint = "Adskil med komma, fx kan ikke løfte, korte dage. Højst 30.",
                           .optional = true},
                          error));
    v.set("competences_field", web::text_field({.id = "competences",
                                                .label = "Kompetencer",
                                                .value = in.competences,
                                                .autocomplete = "off",
                                                .hint = "Adskil med komma, fx truckcertifikat, lager.",
                                                .optional = true},
                                               error));
    v.set("interests_field", web::text_field({.id = "interests",
                                              .label = "Interesser",
                                              .value = in.interests,
                                              .autocomplete = "off",
                                              .hint = "Adskil med komma, fx køkken, dyr.",
                                              .optional = true},
                                             error));
    v.set("hours_min_field", web::text_field({.id = "wished_hours_min",
                                              .label = "Ønsket antal timer om ugen, mindst",
                                              .value = in.wished_hours_min,
                                              .autocomplete = "off",
                                              .hint = "0–37, fx 7,5.",
                                              .width = "xs",
                                              .inputmode = "decimal",
                                              .optional = true},
                                             error));
    v.set("hours_max_field", web::text_field({.id = "wished_hours_max",
                                              .label = "Ønsket antal timer om ugen, højst",
                                              .value = in.wished_hours_max,
                                              .autocomplete = "off",
                                              .hint = "0–37, fx 15.",
                                              .width = "xs",
                                              .inputmode = "decimal",
                                              .optional = true},
                                             error));
    v.set("postcode_field", web::text_field({.id = "postcode",
                                             .label = "Postnummer",
                                             .value = in.postcode,
                                             .autocomplete = "off",
                                             .hint = "Fire cifre, fx 4200.",
                                             .width = "xs",
                                             .inputmode = "numeric",
                                             .optional = true},
                                            error));
    v.set("transport_field", web::select_field({.id = "transport", .label = "Transport", .optional = true},
                                               transport_options(), in.transport, error));
    v.set("note_field", web::text_field({.id = "note",
                                         .label = "Note",
                                         .value = in.note,
                                         .hint = "Kun det, arbejdet kræver. Højst 2.000 tegn.",
                                         .optional = true},
                                        error));
    View hold;
    hold.set("id", "legal_hold")
        .set("name", "legal_hold")
        .set("label", "Retligt krav: borgerens data må ikke slettes");
    hold.set("hint", "Fx en verserende klagesag. Opbevaringsreglen springer borgeren over.");
    if (in.legal_hold) hold.set("checked", true);
    v.set("legal_hold_field", std::move(hold));
    v.set("legal_hold_reason_field", web::text_field({.id = "legal_hold_reason",
                                                      .label = "Begrundelse for retligt krav",
                                                      .value = in.legal_hold_reason,
                                                      .autocomplete = "off",
                                                      .hint = "Skal udfyldes, når retligt krav er markeret.",
                                                      .optional = true},
                                                     error));
    web::set_errors(v, error, "case_ref");
    return site.page(ctx, "citizens/form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

Response detail_page(const web::Site& site, const RequestContext& ctx, const citizens::Citizen& c) {
    View v;
    v.set("citizen", citizen_view(c));
    return site.page(ctx, "citizens/detail", v, c.name + " (" + c.case_ref + ")");
}

Response log_page(const web::Site& site, CitizenService& service, const RequestContext& ctx,
                  std::int64_t id) {
    auto c = service.get(id, *ctx.actor);
    if (!c.ok()) return site.from_error(ctx, c.error());
    auto log = service.access_log(id, *ctx.actor);
    if (!log.ok()) return site.from_error(ctx, log.error());
    View v;
    v.set("citizen", citizen_view(*c));
    View::List rows;
    for (const auto& e : *log) {
        View r;
        r.set("at_text", core::danish_local_time(e.at)).set("action", e.action).set("purpose", e.purpose);
        auto role = core::parse_role(e.role);
        r.set("role", role ? std::string(core::role_label(*role)) : (e.role.empty() ? "System" : e.role));
        rows.push_back(std::move(r));
    }
    v.set("has_rows", !rows.empty());
    v.set("count", static_cast<std::int64_t>(rows.size()));
    v.set("rows", std::move(rows));
    return site.page(ctx, "citizens/log", v, "Adgangslog for " + c->case_ref);
}

View record_view(const citizens::ExportRecord& r) {
    View v;
    for (const auto& [k, value] : r.fields)
        if (value) v.set(k, *value);
    return v;
}

View::List children(const std::vector<citizens::ExportRecord>& list, std::string_view key,
                    const std::string& id) {
    View::List out;
    for (const auto& r : list)
        if (r.get(key).value_or("") == id) out.push_back(record_view(r));
    return out;
}

Response export_response(const citizens::SubjectExport& x) {
    Response res = web::Site::json(200, export_view(x));
    res.set_header("Content-Disposition",
                   "attachment; filename=\"borger-" + std::to_string(x.citizen.id) + "-indsigt.json\"");
    return res;
}

}  // namespace

// ---------------------------------------------------------------- views

View citizen_view(const citizens::Citizen& c) {
    View v;
    v.set("id", c.id);
    const std::string href = href_of(c.id);
    v.set("href", href).set("edit_href", href + "/edit").set("export_href", href + "/export.json");
    v.set("log_href", href + "/log");
    v.set("placements_href", "/placements?citizen=" + std::to_string(c.id));
    v.set("jobs_href", "/jobs?citizen=" + std::to_string(c.id));
    v.set("suggestions_href", href + "/suggestions");
    v.set("case_ref", c.case_ref).set("name", c.name);
    if (c.target_group) {
        v.set("target_group", *c.target_group);
        v.set("target_group_label", c.target_group_label.empty() ? *c.target_group : c.target_group_label);
    }
    const std::pair<const char*, const std::vector<std::string>*> tags[] = {
        {"accommodations", &c.accommodations}, {"competences", &c.competences}, {"interests", &c.interests}};
    for (const auto& [key, list] : tags) {
        v.set(key, tag_list(*list));
        v.set(std::string("has_") + key, !list->empty());
    }
    if (c.wished_hours_min) v.set("wished_hours_min", *c.wished_hours_min);
    if (c.wished_hours_max) v.set("wished_hours_max", *c.wished_hours_max);
    if (auto h = hours_text(c); !h.empty()) v.set("wished_hours_text", h);
    if (c.postcode) v.set("postcode", *c.postcode);
    if (c.transport) {
        v.set("transport", std::string(citizens::transport_code(*c.transport)));
        v.set("transport_label", std::string(citizens::transport_label(*c.transport)));
    }
    if (!c.note.empty()) v.set("note", c.note);
    v.set("legal_hold", c.legal_hold);
    if (c.legal_hold && !c.legal_hold_reason.empty()) v.set("legal_hold_reason", c.legal_hold_reason);
    v.set("anonymised", c.anonymised_at.has_value());
    if (c.anonymised_at) {
        v.set("anonymised_at", core::iso_timestamp(*c.anonymised_at));
        v.set("anonymised_at_text", core::danish_local_time(*c.anonymised_at));
    }
    v.set("created_at", core::iso_timestamp(c.created_at))
        .set("created_at_text", core::danish_local_time(c.created_at));
    v.set("updated_at", core::iso_timestamp(c.updated_at));
    return v;
}

View export_view(const citizens::SubjectExport& x) {
    View v;
    v.set("exported_at", core::iso_timestamp(x.exported_at));
    v.set("citizen", citizen_view(x.citizen));
    View::List placements;
    for (const auto& p : x.placements) {
        View pv = record_view(p);
        const std::string id = p.get("id").value_or("");
        pv.set("followups", children(x.placement_followups, "placement_id", id));
        pv.set("attendance", children(x.placement_attendance, "placement_id", id));
        pv.set("extensions", children(x.placement_extensions, "placement_id", id));
        pv.set("notes", children(x.placement_notes, "placement_id", id));
        placements.push_back(std::move(pv));
    }
    v.set("placements", std::move(placements));
    View::List jobs;
    for (const auto& j : x.jobs) {
        View jv = record_view(j);
        const std::string id = j.get("id").value_or("");
        jv.set("hours", children(x.job_hours, "job_id", id));
        jv.set("followups", children(x.job_followups, "job_id", id));
        jobs.push_back(std::move(jv));
    }
    v.set("jobs", std::move(jobs));
    View::List report;
    for (const auto& e : x.access_report) {
        View r;
        r.set("at", core::iso_timestamp(e.at))
            .set("action", e.action)
            .set("purpose", e.purpose)
            .set("role", e.role);
        report.push_back(std::move(r));
    }
    v.set("access_report", std::move(report));
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, CitizenService& service) {
    const Access caseworkers = Access::roles({Role::Admin, Role::Caseworker});
    const web::Site* s = &site;
    CitizenService* svc = &service;

    router.get(
        "/citizens", caseworkers, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "Citizens with search (q: name or case reference, target_group); audited as a search");
    auto resource = web::form_resource("/citizens", form_page, input_of);
    resource.readers = caseworkers;
    resource.writers = caseworkers;
    resource.input_from = input_from;
    resource.detail = detail_page;
    resource.created = [](const citizens::Citizen& c) {
        return web::Redirect{href_of(c.id), "Borgeren " + c.case_ref + " er oprettet."};
    };
    resource.updated = [](const citizens::Citizen& c) {
        return web::Redirect{href_of(c.id), "Oplysningerne om " + c.case_ref + " er gemt."};
    };
    resource.summaries = {
        .new_form = "New citizen form",
        .create = "Create a citizen",
        .detail = "One citizen's profile with links to placements, jobs, export and audit view",
        .edit_form = "Edit form of a citizen",
        .update = "Change a citizen's data"};
    web::register_form_routes(router, site, service, std::move(resource));
    router.get(
        "/citizens/{id:int}/export.json", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->export_subject(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return export_response(*r);
        },
        "Everything held about one citizen as a JSON download (GDPR art. 15)");
    router.get(
        "/citizens/{id:int}/log", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return log_page(*s, *svc, ctx, id);
        },
        "Audit view for one citizen: dates, actions, purposes and roles");

    // ---- JSON API: the same service functions and views ----
    router.get(
        "/api/v1/citizens", caseworkers,
        [s, svc](RequestContext& ctx) {
            auto list = svc->list({ctx.query.text("q"), ctx.query.text("target_group")}, *ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List items;
            for (const auto& c : *list) items.push_back(citizen_view(c));
            View v;
            v.set("total", static_cast<std::int64_t>(list->size()));
            v.set("items", std::move(items));
            return web::Site::json(200, v);
        },
        "Search citizens (q, target_group); audited as a search");
    router.post(
        "/api/v1/citizens", caseworkers,
        [s, svc](RequestContext& ctx) {
            auto r = svc->create(input_from(ctx.form), *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(201, citizen_view(*r));
        },
        "Create a citizen (fields as the form; tags comma-separated)");
    router.get(
        "/api/v1/citizens/{id:int}", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->get(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, citizen_view(*r));
        },
        "One citizen");
    router.post(
        "/api/v1/citizens/{id:int}", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->update(id, input_from(ctx.form), *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, citizen_view(*r));
        },
        "Replace a citizen's data (all fields, as the form)");

    detail::register_retention_routes(router, site, service);
}

}  // namespace citizens_http
