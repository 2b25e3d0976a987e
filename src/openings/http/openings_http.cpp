#include "openings/http/openings_http.hpp"

#include <string>

#include "citizens/model.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "openings/http/common.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace openings_http {

namespace detail {

std::string hours_text(const openings::Attributes& a) {
    if (a.hours_min && a.hours_max) {
        if (*a.hours_min == *a.hours_max) return employment::format_hours(*a.hours_min) + " timer";
        return employment::format_hours(*a.hours_min) + "–" + employment::format_hours(*a.hours_max) +
               " timer";
    }
    if (a.hours_min) return "mindst " + employment::format_hours(*a.hours_min) + " timer";
    if (a.hours_max) return "højst " + employment::format_hours(*a.hours_max) + " timer";
    return "";
}

web::View suggestion_view(const matching::Suggestion& s) {
    web::View v;
    v.set("score", s.score);
    web::View::List factors;
    for (const auto& c : s.contributions) {
        web::View f;
        f.set("label", openings::factor_label(c.factor));
        f.set("points", c.points).set("max_points", c.max_points).set("explanation", c.explanation);
        factors.push_back(std::move(f));
    }
    v.set("factors", std::move(factors));
    return v;
}

}  // namespace detail

namespace {

using core::Role;
using detail::Options;
using openings::OpeningsService;
using openings::Source;
using web::Access;
using web::not_found;
using web::RequestContext;
using web::Response;
using web::View;

}  // namespace

View opening_view(const openings::Opening& o) {
    View v;
    v.set("source", openings::source_code(o.source));
    v.set("source_label", openings::source_label(o.source));
    v.set("id", o.id);
    v.set("title", o.title);
    v.set("enterprise_id", o.enterprise_id);
    v.set("enterprise_name", o.enterprise_name);
    v.set("capacity", o.capacity);
    v.set("taken", o.taken);
    v.set("capacity_left", o.capacity_left);
    v.set("open", o.open);
    v.set("status_label", o.open ? "Åben" : "Lukket");
    if (!o.attributes.tasks.empty()) v.set("tasks", citizens::join_tags(o.attributes.tasks));
    if (const std::string h = detail::hours_text(o.attributes); !h.empty()) v.set("hours", h);
    if (!o.attributes.accommodations.empty())
        v.set("accommodations", citizens::join_tags(o.attributes.accommodations));
    if (!o.attributes.target_groups.empty())
        v.set("target_groups", citizens::join_tags(o.attributes.target_groups));
    if (!o.attributes.postcode.empty()) v.set("postcode", o.attributes.postcode);
    if (o.attributes.start_date) v.set("start_date", o.attributes.start_date->danish());
    if (o.attributes.min_intensity) v.set("min_intensity", *o.attributes.min_intensity);
    const std::string base =
        "/openings/" + std::string(openings::source_code(o.source)) + "/" + std::to_string(o.id);
    v.set("candidates_href", base + "/candidates");
    if (o.source == Source::Posted)
        v.set("edit_href", "/openings/posted/" + std::to_string(o.id) + "/edit");
    else
        v.set("attributes_href", base + "/attributes");
    return v;
}

namespace {

Response openings_page(const web::Site& site, OpeningsService& service, const RequestContext& ctx) {
    auto list = service.list_openings(*ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    View::List rows;
    const Role role = ctx.actor->role;
    const bool casework = ctx.actor->is_casework();
    for (const auto& o : *list) {
        View row = opening_view(o);
        if (casework) row.set("show_candidates", true);
        if (o.source == Source::Posted && (casework || role == Role::Enterprise)) row.set("can_edit", true);
        if (o.source == Source::Agreement && casework) row.set("can_attributes", true);
        if (o.source == Source::Need && (casework || role == Role::Enterprise))
            row.set("can_attributes", true);
        rows.push_back(std::move(row));
    }
    v.set("has_openings", !rows.empty());
    v.set("openings", std::move(rows));
    v.set("count", static_cast<std::int64_t>(list->size()));
    if (casework || role == Role::Enterprise) v.set("can_post", true);
    if (casework) v.set("casework", true);
    return site.page(ctx, "openings/openings", v, "Stillinger og pladser");
}

openings::AttributesInput attributes_from(const web::Form& f) {
    openings::AttributesInput in;
    in.tasks = f.text("tasks");
    in.hours_min = f.text("hours_min");
    in.hours_max = f.text("hours_max");
    in.min_intensity = f.text("min_intensity");
    in.accommodations = f.text("accommodations");
    in.target_groups = f.text("target_groups");
    in.tags = f.text("tags");
    in.postcode = f.text("postcode");
    in.start_date = f.text("start_date");
    return in;
}

void attribute_fields(View& v, const openings::AttributesInput& in, const std::optional<core::Error>& error) {
    v.set("tasks_field", web::text_field({.id = "tasks",
                                          .label = "Opgaver",
                                          .value = in.tasks,
                                          .autocomplete = "off",
                                          .hint = "Adskilt med komma, fx lager, rengøring, kundeservice.",
                                          .optional = true},
                                         error));
    v.set("hours_min_field", web::text_field({.id = "hours_min",
                                              .label = "Timer om ugen, mindst",
                                              .value = in.hours_min,
                                              .autocomplete = "off",
                                              .hint = "Fx 10 eller 7,5.",
                                              .width = "xs",
                                              .inputmode = "decimal",
                                              .optional = true},
                                             error));
    v.set("hours_max_field", web::text_field({.id = "hours_max",
                                              .label = "Timer om ugen, højst",
                                              .value = in.hours_max,
                                              .autocomplete = "off",
                                              .hint = "Fx 20. Højst 37.",
                                              .width = "xs",
                                              .inputmode = "decimal",
                                              .optional = true},
                                             error));
    v.set("min_intensity_field", web::text_field({.id = "min_intensity",
                                                  .label = "Mindste intensitet i procent",
                                                  .value = in.min_intensity,
                                                  .autocomplete = "off",
                                                  .hint = "Et helt tal mellem 1 og 100, fx 80.",
                                                  .width = "xs",
                                                  .inputmode = "numeric",
                                                  .optional = true},
                                                 error));
    v.set("accommodations_field",
          web::text_field({.id = "accommodations",
                           .label = "Skånehensyn, der kan tilbydes",
                           .value = in.accommodations,
                           .autocomplete = "off",
                           .hint = "Adskilt med komma, fx ingen tunge løft, stille rum.",
                           .optional = true},
                          error));
    v.set("target_groups_field",
          web::text_field(
              {.id = "target_groups",
               .label = "Målgrupper",
               .value = in.target_groups,
               .autocomplete = "off",
               .hint = "Koder adskilt med komma, fx forloebsdeltagere, fleksjobbere. Tom: alle målgrupper.",
               .optional = true},
              error));
    v.set("tags_field", web::text_field({.id = "tags",
                                         .label = "Kendetegn ved arbejdspladsen",
                                         .value = in.tags,
                                         .autocomplete = "off",
                                         .hint = "Adskilt med komma, fx udendørs, lille arbejdsplads.",
                                         .optional = true},
                                        error));
    v.set("postcode_field", web::text_field({.id = "postcode",
                                             .label = "Postnummer for arbejdsstedet",
                                             .value = in.postcode,
                                             .autocomplete = "off",
                                             .hint = "Fire cifre, fx 4200.",
                                             .width = "xs",
                                             .inputmode = "numeric",
                                             .optional = true},
                                            error));
    v.set("start_date_field", web::text_field({.id = "start_date",
                                               .label = "Startdato",
                                               .value = in.start_date,
                                               .type = "date",
                                               .autocomplete = "off",
                                               .hint = "Skrives ÅÅÅÅ-MM-DD.",
                                               .width = "s",
                                               .optional = true},
                                              error));
}

Response job_form_page(const web::Site& site, OpeningsService& service, const RequestContext& ctx,
                       std::optional<std::int64_t> id, const openings::JobOpeningInput& in,
                       const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/openings/posted/" + std::to_string(*id) : std::string("/openings"));
    if (!id && ctx.actor->role != Role::Enterprise) {
        auto choices = service.enterprise_choices(*ctx.actor);
        if (!choices.ok()) return site.from_error(ctx, choices.error());
        Options opts{{"", "Vælg virksomhed"}};
        for (const auto& c : *choices) opts.emplace_back(c.value, c.label);
        v.set("enterprise_field",
              web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true}, opts,
                                in.enterprise_id, error));
    }
    v.set("title_field", web::text_field({.id = "title",
                                          .label = "Stillingens titel",
                                          .value = in.title,
                                          .autocomplete = "off",
                                          .hint = "Fx Lagermedhjælper. Højst 200 tegn.",
                                          .required = true},
                                         error));
    v.set("capacity_field", web::text_field({.id = "capacity",
                                             .label = "Antal pladser",
                                             .value = in.capacity,
                                             .autocomplete = "off",
                                             .hint = "Et helt tal mellem 1 og 100.",
                                             .width = "xs",
                                             .inputmode = "numeric",
                                             .required = true},
                                            error));
    if (id)
        v.set("status_field", web::select_field({.id = "status", .label = "Status", .required = true},
                                                {{"open", "Åben"}, {"closed", "Lukket"}},
                                                in.status.empty() ? "open" : in.status, error));
    attribute_fields(v, in.attributes, error);
    web::set_errors(v, error, "title");
    const std::string heading = id ? "Ret jobopslag" : "Slå en stilling op";
    v.set("heading", heading);
    return site.page(ctx, "openings/job_form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

Response attributes_page(const web::Site& site, const RequestContext& ctx, const openings::Opening& o,
                         const openings::AttributesInput& in, const std::optional<core::Error>& error,
                         int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("opening", opening_view(o));
    v.set("action", "/openings/" + std::string(openings::source_code(o.source)) + "/" + std::to_string(o.id) +
                        "/attributes");
    attribute_fields(v, in, error);
    web::set_errors(v, error, "tasks");
    return site.page(ctx, "openings/attributes_form", v,
                     std::string(error ? "Fejl: " : "") + "Matchoplysninger for " + o.title, status);
}

openings::WeightsInput weights_from(const web::Form& f) {
    openings::WeightsInput in;
    in.competences = f.text("competences");
    in.interests = f.text("interests");
    in.hours = f.text("hours");
    in.distance = f.text("distance");
    in.preferences = f.text("preferences");
    in.max_km_walk = f.text("max_km_walk");
    in.max_km_bike = f.text("max_km_bike");
    in.max_km_public_transport = f.text("max_km_public_transport");
    in.max_km_car = f.text("max_km_car");
    in.start_tolerance_days = f.text("start_tolerance_days");
    return in;
}

Response weights_page(const web::Site& site, const RequestContext& ctx, const openings::WeightsInput& in,
                      const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    auto field = [&](const char* id, const char* label, const std::string& value, const char* hint) {
        return web::text_field({.id = id,
                                .label = label,
                                .value = value,
                                .autocomplete = "off",
                                .hint = hint,
                                .width = "xs",
                                .inputmode = "decimal",
                                .required = true},
                               error);
    };
    const char* weight_hint = "Et tal på 0 eller mere. Vægtene regnes om til point ud af 1.000.";
    v.set("competences_field", field("competences", "Kompetencer", in.competences, weight_hint));
    v.set("interests_field", field("interests", "Interesser", in.interests, weight_hint));
    v.set("hours_field", field("hours", "Timer", in.hours, weight_hint));
    v.set("distance_field", field("distance", "Afstand", in.distance, weight_hint));
    v.set("preferences_field", field("preferences", "Ønsker", in.preferences, weight_hint));
    const char* km_hint = "Kilometer; længere væk udelukker stillingen.";
    v.set("walk_field", field("max_km_walk", "Til fods", in.max_km_walk, km_hint));
    v.set("bike_field", field("max_km_bike", "Cykel", in.max_km_bike, km_hint));
    v.set("public_field",
          field("max_km_public_transport", "Offentlig transport", in.max_km_public_transport, km_hint));
    v.set("car_field", field("max_km_car", "Bil", in.max_km_car, km_hint));
    v.set("tolerance_field",
          field("start_tolerance_days", "Tolerance for startdato i dage", in.start_tolerance_days,
                "Hvor mange dage efter stillingens start borgeren må kunne starte (0–365)."));
    web::set_errors(v, error, "competences");
    return site.page(ctx, "openings/weights", v, std::string(error ? "Fejl: " : "") + "Vægte for match",
                     status);
}

}  // namespace

void register_routes(web::Router& router, const web::Site& site, OpeningsService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Caseworker, Role::Consultant, Role::Enterprise});
    const Access posters = Access::roles({Role::Admin, Role::Caseworker, Role::Enterprise});
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    OpeningsService* svc = &service;

    router.get(
        "/openings", readers, [s, svc](RequestContext& ctx) { return openings_page(*s, *svc, ctx); },
        "Openings: agreement slots, hiring needs and job openings with capacity left");
    router.get(
        "/openings/new", posters,
        [s, svc](RequestContext& ctx) {
            return job_form_page(*s, *svc, ctx, std::nullopt, {}, std::nullopt, 200);
        },
        "New job opening form");
    router.post(
        "/openings", posters,
        [s, svc](RequestContext& ctx) {
            openings::JobOpeningInput in{ctx.form.text("enterprise_id"), ctx.form.text("title"),
                                         ctx.form.text("capacity"), "", attributes_from(ctx.form)};
            auto r = svc->create_job_opening(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return job_form_page(*s, *svc, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/openings", "Stillingen \"" + r->title + "\" er slået op.");
        },
        "Post a job opening (enterprise users: their own enterprise)");
    router.get(
        "/openings/posted/{id:int}/edit", posters,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto o = svc->get_opening(Source::Posted, id, *ctx.actor);
            if (!o.ok()) return s->from_error(ctx, o.error());
            openings::JobOpeningInput in{"", o->title, std::to_string(o->capacity),
                                         o->open ? "open" : "closed",
                                         openings::attributes_input(o->attributes)};
            return job_form_page(*s, *svc, ctx, id, in, std::nullopt, 200);
        },
        "Edit a job opening");
    router.post(
        "/openings/posted/{id:int}", posters,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            openings::JobOpeningInput in{"", ctx.form.text("title"), ctx.form.text("capacity"),
                                         ctx.form.text("status"), attributes_from(ctx.form)};
            auto r = svc->update_job_opening(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return job_form_page(*s, *svc, ctx, id, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/openings", "Jobopslaget \"" + r->title + "\" er gemt.");
        },
        "Save a job opening");
    router.get(
        "/openings/{source}/{id:int}/attributes", posters,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto source = openings::parse_source(ctx.params["source"]);
            if (!source || *source == Source::Posted) return not_found(*s, ctx);
            auto o = svc->get_opening(*source, id, *ctx.actor);
            if (!o.ok()) return s->from_error(ctx, o.error());
            return attributes_page(*s, ctx, *o, openings::attributes_input(o->attributes), std::nullopt, 200);
        },
        "Matching attributes of an agreement or a hiring need");
    router.post(
        "/openings/{source}/{id:int}/attributes", posters,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto source = openings::parse_source(ctx.params["source"]);
            if (!source || *source == Source::Posted) return not_found(*s, ctx);
            auto in = attributes_from(ctx.form);
            auto r = svc->set_attributes(*source, id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    auto o = svc->get_opening(*source, id, *ctx.actor);
                    if (!o.ok()) return s->from_error(ctx, o.error());
                    return attributes_page(*s, ctx, *o, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/openings",
                                          "Matchoplysningerne for \"" + r->title + "\" er gemt.");
        },
        "Save the matching attributes of an agreement or a hiring need");

    router.get(
        "/admin/matching", admin,
        [s, svc](RequestContext& ctx) {
            auto w = svc->weights(*ctx.actor);
            if (!w.ok()) return s->from_error(ctx, w.error());
            return weights_page(*s, ctx, openings::weights_input(*w), std::nullopt, 200);
        },
        "Matching weights, distance limits and start tolerance (admin)");
    router.post(
        "/admin/matching", admin,
        [s, svc](RequestContext& ctx) {
            auto in = weights_from(ctx.form);
            auto r = svc->set_weights(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return weights_page(*s, ctx, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/matching", "Vægtene er gemt.");
        },
        "Save the matching weights (admin)");

    detail::register_matching_routes(router, site, service);
}

}  // namespace openings_http
