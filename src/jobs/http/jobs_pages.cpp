// The pages of jobs_http: list, forms, the job with its progression chart, counts, follow-ups
// and the job kinds list.
#include "jobs/http/jobs_pages.hpp"

#include <utility>
#include <vector>

#include "core/text.hpp"
#include "jobs/http/jobs_http.hpp"
#include "web/form_views.hpp"

namespace jobs_http::pages {
namespace {

using core::Role;
using web::Options;
using web::View;

Options kind_options(const std::vector<jobs::JobKind>& kinds, std::string first) {
    Options out{{"", std::move(first)}};
    for (const auto& k : kinds) out.emplace_back(k.code, k.label);
    return out;
}

Options channel_options(std::string first) {
    Options out;
    if (!first.empty()) out.emplace_back("", std::move(first));
    for (auto c : jobs::k_channels)
        out.emplace_back(std::string(jobs::channel_code(c)), std::string(jobs::channel_label(c)));
    return out;
}

View checkbox(std::string id, std::string label, bool checked, std::string hint,
              const std::optional<core::Error>& error) {
    View v;
    v.set("id", id).set("name", id).set("label", std::move(label)).set("checked", checked);
    if (!hint.empty()) v.set("hint", std::move(hint));
    if (auto e = web::field_error(error, id)) v.set("error", *e);
    return v;
}

bool flag(const std::string& s) {
    return s == "1" || s == "on" || s == "true";
}

}  // namespace

Response jobs_list(const web::Site& site, jobs::JobService& service, const RequestContext& ctx) {
    jobs::JobFilter f;
    f.year = ctx.query.text("year");
    f.kind = ctx.query.text("kind");
    f.channel = ctx.query.text("channel");
    f.enterprise_id = ctx.query.text("enterprise_id");
    f.citizen_id = ctx.query.text("citizen");
    auto list = service.list_jobs(f, *ctx.actor);
    std::optional<core::Error> error;
    if (!list.ok()) {
        if (list.error().code != core::ErrorCode::Validation) return site.from_error(ctx, list.error());
        error = list.error();
    }
    const bool caseworker = ctx.actor->is_casework();
    View v;
    v.set("is_caseworker", caseworker);
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = f.year,
                                         .autocomplete = "off",
                                         .hint = "Ansættelsesdatoens år, fx 2018. Tomt viser alle.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .optional = true},
                                        error));
    if (caseworker) {
        auto kinds = service.list_kinds(*ctx.actor);
        if (!kinds.ok()) return site.from_error(ctx, kinds.error());
        v.set("kind_field", web::select_field({.id = "kind", .label = "Jobtype", .optional = true},
                                              kind_options(*kinds, "Alle"), f.kind, error));
        v.set("channel_field", web::select_field({.id = "channel", .label = "Kanal", .optional = true},
                                                 channel_options("Alle"), f.channel, error));
        auto enterprises = service.enterprise_choices(*ctx.actor);
        if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
        Options e{{"", "Alle"}};
        for (const auto& c : *enterprises) e.emplace_back(c.value, c.label);
        v.set("enterprise_field",
              web::select_field({.id = "enterprise_id", .label = "Virksomhed", .optional = true}, e,
                                f.enterprise_id, error));
    }
    if (!f.citizen_id.empty() && !error) v.set("citizen", f.citizen_id);
    web::set_errors(v, error, "year");
    if (list.ok()) {
        View::List rows;
        for (const auto& j : *list) rows.push_back(job_view(j, !caseworker));
        v.set("has_jobs", !rows.empty());
        v.set("jobs", std::move(rows));
        v.set("count", static_cast<std::int64_t>(list->size()));
    }
    const std::string title = caseworker ? "Job" : "Job i virksomheden";
    v.set("page_heading", title);
    return site.page(ctx, "jobs/jobs", v, std::string(error ? "Fejl: " : "") + title, error ? 422 : 200);
}

Response job_form(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::JobInput& in, const std::optional<core::Error>& error, int status) {
    auto kinds = service.list_kinds(*ctx.actor);
    if (!kinds.ok()) return site.from_error(ctx, kinds.error());
    auto enterprises = service.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    Options e{{"", "Vælg virksomhed"}};
    for (const auto& c : *enterprises) e.emplace_back(c.value, c.label);
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("citizen_field", web::text_field({.id = "citizen_ref",
                                            .label = "Borgerens sagsnummer",
                                            .value = in.citizen_ref,
                                            .autocomplete = "off",
                                            .hint = "Kommunens sagsnummer, fx SAG-1001 (aldrig CPR-nummer).",
                                            .width = "m",
                                            .required = true},
                                           error));
    v.set("enterprise_field",
          web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true}, e,
                            in.enterprise_id, error));
    v.set("kind_field", web::select_field({.id = "kind", .label = "Jobtype", .required = true},
                                          kind_options(*kinds, "Vælg jobtype"), in.kind, error));
    v.set("channel_field",
          web::select_field({.id = "channel",
                             .label = "Kanal",
                             .hint = "Via jobcentret eller via andre kanaler (virksomheden selv).",
                             .required = true},
                            channel_options(in.channel.empty() ? "Vælg kanal" : ""), in.channel, error));
    v.set("hired_field", web::text_field({.id = "hired_on",
                                          .label = "Ansat fra",
                                          .value = in.hired_on,
                                          .type = "date",
                                          .autocomplete = "off",
                                          .hint = "Skrives ÅÅÅÅ-MM-DD, fx 2016-09-08.",
                                          .width = "s",
                                          .required = true},
                                         error));
    v.set("temporary_field",
          checkbox("temporary_fleksjob", "Midlertidigt fleksjob", flag(in.temporary_fleksjob),
                   "Kun for fleksjob. Giver en status ved 4½ år.", error));
    v.set("hours_field", web::text_field({.id = "weekly_hours",
                                          .label = "Timer om ugen",
                                          .value = in.weekly_hours,
                                          .autocomplete = "off",
                                          .hint = "Mellem 0 og 37, fx 4,5.",
                                          .width = "xs",
                                          .inputmode = "decimal",
                                          .required = true},
                                         error));
    v.set("intensity_field", web::text_field({.id = "intensity",
                                              .label = "Intensitet i procent",
                                              .value = in.intensity,
                                              .autocomplete = "off",
                                              .hint = "Mellem 1 og 100, fx 80.",
                                              .width = "xs",
                                              .inputmode = "numeric",
                                              .required = true},
                                             error));
    v.set("placement_field",
          web::text_field({.id = "placement_id",
                           .label = "Forløb, ansættelsen kom fra",
                           .value = in.placement_id,
                           .autocomplete = "off",
                           .hint = "Forløbets nummer. Samme borger og virksomhed som jobbet.",
                           .width = "xs",
                           .inputmode = "numeric",
                           .optional = true},
                          error));
    v.set("note_field",
          web::text_field(
              {.id = "note", .label = "Note", .value = in.note, .hint = "Højst 2000 tegn.", .optional = true},
              error));
    web::set_errors(v, error, "citizen_ref");
    return site.page(ctx, "jobs/job_form", v, std::string(error ? "Fejl: " : "") + "Registrér ansættelse",
                     status);
}

Response job_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::Job& job, const JobPageState& state) {
    const bool caseworker = ctx.actor->is_casework();
    const std::optional<core::Error>& error = state.error;
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("job", job_view(job, !caseworker));
    v.set("chart", chart_view(job, service.today()));
    if (caseworker) {
        v.set("is_caseworker", true);
        const std::string base = "/jobs/" + std::to_string(job.id);
        v.set("hours_action", base + "/hours")
            .set("end_action", base + "/end")
            .set("edit_href", base + "/edit");
        v.set("followup_action", base + "/followups");
        v.set("citizen_jobs_href", "/jobs?citizen=" + std::to_string(job.citizen_id));
        v.set("from_field", web::text_field({.id = "effective_from",
                                             .label = "Gælder fra",
                                             .value = state.hours.effective_from,
                                             .type = "date",
                                             .autocomplete = "off",
                                             .hint = "Skrives ÅÅÅÅ-MM-DD.",
                                             .width = "s",
                                             .required = true},
                                            error));
        v.set("hours_field", web::text_field({.id = "weekly_hours",
                                              .label = "Timer om ugen",
                                              .value = state.hours.weekly_hours,
                                              .autocomplete = "off",
                                              .hint = "Mellem 0 og 37, fx 15.",
                                              .width = "xs",
                                              .inputmode = "decimal",
                                              .required = true},
                                             error));
        v.set("intensity_field", web::text_field({.id = "intensity",
                                                  .label = "Intensitet i procent",
                                                  .value = state.hours.intensity,
                                                  .autocomplete = "off",
                                                  .hint = "Mellem 1 og 100.",
                                                  .width = "xs",
                                                  .inputmode = "numeric",
                                                  .required = true},
                                                 error));
        if (!job.ended_on)
            v.set("ended_field", web::text_field({.id = "ended_on",
                                                  .label = "Slutdato",
                                                  .value = state.ended_on,
                                                  .type = "date",
                                                  .autocomplete = "off",
                                                  .hint = "Skrives ÅÅÅÅ-MM-DD. Ikke før ansættelsesdatoen.",
                                                  .width = "s",
                                                  .required = true},
                                                 error));
        if (job.kind_is_fleksjob) {
            // Due dates up to a year ahead that are not yet recorded as held.
            Options due{{"", "Vælg frist"}};
            for (const auto& d : employment::fleksjob_due_dates(job.hired_on, job.temporary_fleksjob,
                                                                service.today().add_days(365))) {
                bool held = false;
                for (const auto& f : job.followups) held = held || (f.due_on == d.due && f.kind == d.kind);
                if (!held)
                    due.emplace_back(std::string(employment::due_kind_code(d.kind)) + ":" + d.due.iso(),
                                     d.due.danish() + " – " + std::string(jobs::due_kind_label(d.kind)));
            }
            if (due.size() > 1) {
                v.set("due_field", web::select_field({.id = "due", .label = "Frist", .required = true}, due,
                                                     state.due, error));
                v.set("held_field", web::text_field({.id = "held_on",
                                                     .label = "Holdt den",
                                                     .value = state.held_on,
                                                     .type = "date",
                                                     .autocomplete = "off",
                                                     .hint = "Skrives ÅÅÅÅ-MM-DD.",
                                                     .width = "s",
                                                     .required = true},
                                                    error));
                v.set("followup_note_field",
                      web::text_field({.id = "followup_note",
                                       .label = "Note",
                                       .value = state.followup_note,
                                       .hint = "Fx om borgeren fortsat opfylder betingelserne.",
                                       .optional = true},
                                      error));
            }
        }
    }
    web::set_errors(v, error, "effective_from");
    const std::string title = "Job: " + job.citizen_name + " hos " + job.enterprise_name;
    return site.page(ctx, "jobs/job", v, std::string(error ? "Fejl: " : "") + title, state.status);
}

Response job_edit(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::Job& job, const jobs::JobEditInput& in, const std::optional<core::Error>& error,
                  int status) {
    auto kinds = service.list_kinds(*ctx.actor);
    if (!kinds.ok()) return site.from_error(ctx, kinds.error());
    Options k = kind_options(*kinds, "Vælg jobtype");
    bool listed = false;
    for (const auto& o : k) listed = listed || o.first == job.kind;
    if (!listed) k.emplace_back(job.kind, job.kind_label);  // a job keeps a kind that was since deactivated
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("job", job_view(job, false));
    v.set("action", "/jobs/" + std::to_string(job.id));
    v.set("kind_field",
          web::select_field({.id = "kind", .label = "Jobtype", .required = true}, k, in.kind, error));
    v.set("channel_field", web::select_field({.id = "channel", .label = "Kanal", .required = true},
                                             channel_options(""), in.channel, error));
    v.set("temporary_field", checkbox("temporary_fleksjob", "Midlertidigt fleksjob",
                                      flag(in.temporary_fleksjob), "Kun for fleksjob.", error));
    v.set("note_field",
          web::text_field(
              {.id = "note", .label = "Note", .value = in.note, .hint = "Højst 2000 tegn.", .optional = true},
              error));
    web::set_errors(v, error, "kind");
    return site.page(ctx, "jobs/job_edit", v, std::string(error ? "Fejl: " : "") + "Ret job", status);
}

Response counts_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx) {
    const std::string year = ctx.query.text("year");
    auto counts = service.counts(year, *ctx.actor);
    std::optional<core::Error> error;
    if (!counts.ok()) {
        if (counts.error().code != core::ErrorCode::Validation) return site.from_error(ctx, counts.error());
        error = counts.error();
    }
    View v;
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = counts.ok() ? std::to_string(counts->year) : year,
                                         .autocomplete = "off",
                                         .hint = "Ansættelsesdatoens år, fx 2018.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .required = true},
                                        error));
    web::set_errors(v, error, "year");
    if (counts.ok()) v.set("counts", counts_view(*counts));
    return site.page(ctx, "jobs/counts", v, error ? "Fejl: Job i tal" : "Job i tal", error ? 422 : 200);
}

Response followups_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx) {
    const std::string days = ctx.query.text("days");
    auto list = service.due_followups(days, *ctx.actor);
    std::optional<core::Error> error;
    if (!list.ok()) {
        if (list.error().code != core::ErrorCode::Validation) return site.from_error(ctx, list.error());
        error = list.error();
    }
    View v;
    v.set("days_field", web::text_field({.id = "days",
                                         .label = "Dage frem",
                                         .value = list.ok() ? std::to_string(list->within_days) : days,
                                         .autocomplete = "off",
                                         .hint = "Vis frister de næste antal dage, fx 90.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .required = true},
                                        error));
    web::set_errors(v, error, "days");
    if (list.ok()) v.set("due", due_list_view(*list));
    return site.page(ctx, "jobs/followups", v,
                     error ? "Fejl: Opfølgning på fleksjob" : "Opfølgning på fleksjob", error ? 422 : 200);
}

Response kinds_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                    const jobs::JobKindInput& in, const std::optional<core::Error>& error, int status) {
    auto kinds = service.list_kinds(*ctx.actor, true);
    if (!kinds.ok()) return site.from_error(ctx, kinds.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View::List rows;
    for (const auto& k : *kinds) {
        View r;
        r.set("id", k.id).set("code", k.code).set("label", k.label).set("sort", k.sort);
        r.set("is_fleksjob", k.is_fleksjob).set("active", k.active);
        r.set("href", "/admin/job-kinds/" + std::to_string(k.id));
        rows.push_back(std::move(r));
    }
    v.set("kinds", std::move(rows));
    v.set("code_field",
          web::text_field({.id = "code",
                           .label = "Kode",
                           .value = in.code,
                           .autocomplete = "off",
                           .hint = "Små bogstaver a–z, tal og _, fx mini_fleksjob. Kan ikke ændres senere.",
                           .width = "m",
                           .required = true},
                          error));
    v.set("label_field", web::text_field({.id = "label",
                                          .label = "Navn",
                                          .value = in.label,
                                          .autocomplete = "off",
                                          .hint = "Fx Minifleksjob.",
                                          .required = true},
                                         error));
    v.set("fleksjob_field",
          checkbox("is_fleksjob", "Fleksjob (får opfølgning hvert 2½ år)", flag(in.is_fleksjob), "", error));
    v.set("sort_field", web::text_field({.id = "sort",
                                         .label = "Rækkefølge",
                                         .value = in.sort,
                                         .autocomplete = "off",
                                         .hint = "Et helt tal; lavest vises først.",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .optional = true},
                                        error));
    web::set_errors(v, error, "code");
    return site.page(ctx, "jobs/kinds", v, std::string(error ? "Fejl: " : "") + "Jobtyper", status);
}

Response kind_form(const web::Site& site, const RequestContext& ctx, const jobs::JobKind& kind,
                   const jobs::JobKindInput& in, const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("code", kind.code);
    v.set("action", "/admin/job-kinds/" + std::to_string(kind.id));
    v.set("label_field",
          web::text_field(
              {.id = "label", .label = "Navn", .value = in.label, .autocomplete = "off", .required = true},
              error));
    v.set("fleksjob_field",
          checkbox("is_fleksjob", "Fleksjob (får opfølgning hvert 2½ år)", flag(in.is_fleksjob), "", error));
    v.set("active_field",
          checkbox("active", "Aktiv", flag(in.active),
                   "Fjern markeringen for at deaktivere: typen kan ikke vælges til nye job, men job "
                   "med typen beholder den.",
                   error));
    v.set("sort_field", web::text_field({.id = "sort",
                                         .label = "Rækkefølge",
                                         .value = in.sort,
                                         .autocomplete = "off",
                                         .width = "xs",
                                         .inputmode = "numeric",
                                         .optional = true},
                                        error));
    web::set_errors(v, error, "label");
    return site.page(ctx, "jobs/kind_form", v,
                     std::string(error ? "Fejl: " : "") + "Ret jobtype " + kind.label, status);
}

}  // namespace jobs_http::pages
