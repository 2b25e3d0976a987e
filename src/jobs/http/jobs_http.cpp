// jobs_http: views and routes of jobs and progression (C5), fleksjob follow-up (C6), job kinds.
#include "jobs/http/jobs_http.hpp"

#include <string>
#include <utility>

#include "core/text.hpp"
#include "jobs/chart.hpp"
#include "jobs/http/jobs_pages.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace jobs_http {
namespace {

using core::Role;
using jobs::JobService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

std::string hours_text(std::int64_t h) {
    return employment::format_hours(h);
}

jobs::JobInput job_input_from(const web::Form& f) {
    jobs::JobInput in;
    in.citizen_ref = f.text("citizen_ref");
    in.enterprise_id = f.text("enterprise_id");
    in.kind = f.text("kind");
    in.channel = f.text("channel");
    in.hired_on = f.text("hired_on");
    in.temporary_fleksjob = f.text("temporary_fleksjob");
    in.placement_id = f.text("placement_id");
    in.weekly_hours = f.text("weekly_hours");
    in.intensity = f.text("intensity");
    in.note = f.get("note").value_or("");
    return in;
}

jobs::HoursInput hours_input_from(const web::Form& f) {
    return {f.text("effective_from"), f.text("weekly_hours"), f.text("intensity"),
            f.get("note").value_or("")};
}

jobs::JobKindInput kind_input_from(const web::Form& f) {
    return {f.text("code"), f.text("label"), f.text("is_fleksjob"), f.text("sort"), f.text("active")};
}

/// The follow-up form's field names ("due", "followup_note") for the service's.
core::Error followup_form_error(core::Error e) {
    for (auto& f : e.fields) {
        if (f.field == "due_on" || f.field == "kind") f.field = "due";
        if (f.field == "note") f.field = "followup_note";
    }
    return e;
}

/// Runs a change on a job; on a validation error re-renders the job page with `state`.
template <class F>
Response change_job(const web::Site& s, JobService& svc, RequestContext& ctx, pages::JobPageState state,
                    F&& change, const std::string& done) {
    const std::int64_t id = ctx.int_param("id");
    auto r = change(id);
    if (!r.ok())
        return web::form_or_error(s, ctx, r.error(), [&](const core::Error& e, int status) {
            auto job = svc.get_job(id, *ctx.actor);
            if (!job.ok()) return s.from_error(ctx, job.error());
            state.error = e;
            state.status = status;
            return pages::job_page(s, svc, ctx, *job, state);
        });
    return s.redirect_with_flash(ctx, "/jobs/" + std::to_string(id), done);
}

}  // namespace

// ---------------------------------------------------------------- views

View hours_view(const jobs::HoursEntry& h) {
    View v;
    v.set("effective_from", h.effective_from.iso()).set("effective_from_text", h.effective_from.danish());
    v.set("weekly_hundredths", h.weekly_hundredths).set("weekly_hours_text", hours_text(h.weekly_hundredths));
    v.set("intensity", h.intensity);
    v.set("effective_hundredths", h.effective_hundredths())
        .set("effective_hours_text", hours_text(h.effective_hundredths()));
    if (!h.note.empty()) v.set("note", h.note);
    return v;
}

View job_view(const jobs::Job& j, bool minimal) {
    View v;
    v.set("id", j.id);
    v.set("href", "/jobs/" + std::to_string(j.id));
    v.set("citizen_name", j.citizen_name);
    if (!minimal) {
        v.set("citizen_id", j.citizen_id);
        v.set("citizen_case_ref", j.citizen_case_ref);
        if (!j.note.empty()) v.set("note", j.note);
        if (j.placement_id) v.set("placement_id", *j.placement_id);
        if (j.hiring_need_id) v.set("hiring_need_id", *j.hiring_need_id);
    }
    v.set("enterprise_id", j.enterprise_id).set("enterprise_name", j.enterprise_name);
    v.set("kind", j.kind).set("kind_label", j.kind_label).set("is_fleksjob", j.kind_is_fleksjob);
    v.set("channel", std::string(jobs::channel_code(j.channel)))
        .set("channel_label", std::string(jobs::channel_label(j.channel)));
    v.set("hired_on", j.hired_on.iso()).set("hired_on_text", j.hired_on.danish());
    if (j.ended_on) v.set("ended_on", j.ended_on->iso()).set("ended_on_text", j.ended_on->danish());
    v.set("active", !j.ended_on.has_value());
    v.set("temporary_fleksjob", j.temporary_fleksjob);
    if (j.current) v.set("current", hours_view(*j.current));
    View::List hours;
    for (const auto& h : j.hours) hours.push_back(hours_view(h));
    v.set("has_hours", !hours.empty());
    v.set("hours", std::move(hours));
    View::List held;
    for (const auto& f : j.followups) {
        View fv;
        fv.set("due_on", f.due_on.iso()).set("due_on_text", f.due_on.danish());
        fv.set("kind", std::string(employment::due_kind_code(f.kind)));
        fv.set("kind_label", std::string(jobs::due_kind_label(f.kind)));
        fv.set("held_on", f.held_on.iso()).set("held_on_text", f.held_on.danish());
        if (!f.note.empty()) fv.set("note", f.note);
        held.push_back(std::move(fv));
    }
    v.set("has_followups", !held.empty());
    v.set("followups", std::move(held));
    return v;
}

View counts_view(const jobs::Counts& c) {
    View v;
    v.set("year", c.year);
    View::List rows;
    for (const auto& r : c.rows) {
        View rv;
        rv.set("kind", r.kind).set("label", r.label);
        rv.set("municipality", r.municipality).set("other", r.other).set("total", r.total());
        rows.push_back(std::move(rv));
    }
    v.set("rows", std::move(rows));
    v.set("municipality", c.municipality).set("other", c.other).set("total", c.total());
    v.set("municipality_label", std::string(jobs::channel_label(jobs::Channel::Municipality)));
    v.set("other_label", std::string(jobs::channel_label(jobs::Channel::Other)));
    return v;
}

View due_item_view(const jobs::DueItem& i) {
    View v;
    v.set("job_id", i.job_id).set("href", "/jobs/" + std::to_string(i.job_id));
    v.set("citizen_id", i.citizen_id)
        .set("citizen_name", i.citizen_name)
        .set("citizen_case_ref", i.citizen_case_ref);
    v.set("enterprise_name", i.enterprise_name);
    v.set("hired_on", i.hired_on.iso()).set("hired_on_text", i.hired_on.danish());
    v.set("due", i.due.iso()).set("due_text", i.due.danish());
    v.set("kind", std::string(employment::due_kind_code(i.kind)));
    v.set("kind_label", std::string(jobs::due_kind_label(i.kind)));
    v.set("overdue", i.overdue);
    return v;
}

View due_list_view(const jobs::DueList& l) {
    View v;
    v.set("today", l.today.iso()).set("today_text", l.today.danish());
    v.set("within_days", l.within_days);
    View::List items;
    std::int64_t overdue = 0;
    for (const auto& i : l.items) {
        items.push_back(due_item_view(i));
        if (i.overdue) ++overdue;
    }
    v.set("has_items", !items.empty());
    v.set("count", static_cast<std::int64_t>(items.size()));
    v.set("overdue", overdue);
    v.set("items", std::move(items));
    return v;
}

View chart_view(const jobs::Job& j, core::Date today) {
    core::Date end = j.ended_on ? *j.ended_on : today;
    const jobs::ProgressionChart c = jobs::progression_chart(j.hours, j.hired_on, end);
    View v;
    v.set("width", c.width).set("height", c.height);
    v.set("left", c.left).set("right", c.right).set("top", c.top).set("bottom", c.bottom);
    v.set("hours_points", jobs::ProgressionChart::points_text(c.hours));
    v.set("effective_points", jobs::ProgressionChart::points_text(c.effective));
    View::List markers;
    for (const auto& m : c.markers) {
        View mv;
        mv.set("x", m.x).set("y", m.y);
        markers.push_back(std::move(mv));
    }
    v.set("markers", std::move(markers));
    View::List xt;
    for (const auto& t : c.x_ticks) {
        View tv;
        tv.set("x", t.pos).set("label", t.label).set("label_y", c.bottom + 18);
        xt.push_back(std::move(tv));
    }
    v.set("x_ticks", std::move(xt));
    View::List yt;
    for (const auto& t : c.y_ticks) {
        View tv;
        tv.set("y", t.pos).set("label", t.label).set("label_y", t.pos + 4).set("label_x", c.left - 6);
        yt.push_back(std::move(tv));
    }
    v.set("y_ticks", std::move(yt));
    std::string desc =
        "Timer om ugen og effektive timer fra " + j.hired_on.danish() + " til " + end.danish() + ".";
    if (!j.hours.empty()) {
        desc += " Start: " + hours_text(j.hours.front().weekly_hundredths) + " timer ved " +
                std::to_string(j.hours.front().intensity) + " % (" +
                hours_text(j.hours.front().effective_hundredths()) + " effektive timer).";
        if (j.hours.size() > 1)
            desc += " Seneste: " + hours_text(j.hours.back().weekly_hundredths) + " timer ved " +
                    std::to_string(j.hours.back().intensity) + " % (" +
                    hours_text(j.hours.back().effective_hundredths()) + " effektive timer).";
    }
    v.set("title", "Progression for " + j.citizen_name);
    v.set("description", desc);
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, JobService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Caseworker, Role::Enterprise});
    const Access caseworkers = Access::roles({Role::Admin, Role::Caseworker});
    const Access figures = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    JobService* svc = &service;

    router.get(
        "/jobs/counts", figures, [s, svc](RequestContext& ctx) { return pages::counts_page(*s, *svc, ctx); },
        "Hires per year by kind and channel, counted by the hiring date (year)");
    router.get(
        "/api/v1/jobs/counts", figures,
        [s, svc](RequestContext& ctx) {
            auto c = svc->counts(ctx.query.text("year"), *ctx.actor);
            if (!c.ok()) return s->from_error(ctx, c.error());
            return web::Site::json(200, counts_view(*c));
        },
        "Hires per year by kind and channel (year)");
    router.get(
        "/jobs/followups", caseworkers,
        [s, svc](RequestContext& ctx) { return pages::followups_page(*s, *svc, ctx); },
        "Fleksjob follow-ups overdue and due within N days (days)");
    router.get(
        "/api/v1/jobs/followups", caseworkers,
        [s, svc](RequestContext& ctx) {
            auto l = svc->due_followups(ctx.query.text("days"), *ctx.actor);
            if (!l.ok()) return s->from_error(ctx, l.error());
            return web::Site::json(200, due_list_view(*l));
        },
        "Fleksjob follow-ups overdue and due within N days (days)");
    router.get(
        "/jobs/new", caseworkers,
        [s, svc](RequestContext& ctx) {
            jobs::JobInput in;
            in.channel = "municipality";
            if (const std::string p = ctx.query.text("placement"); !p.empty()) {
                long long id = 0;
                if (!core::parse_int64(p, id) || id <= 0) return s->error(ctx.request, ctx.actor, 404);
                auto pre = svc->input_from_placement(id, *ctx.actor);
                if (!pre.ok()) return s->from_error(ctx, pre.error());
                in = *pre;
            }
            return pages::job_form(*s, *svc, ctx, in, std::nullopt, 200);
        },
        "New hire form, optionally prefilled from a placement (placement)");
    router.get(
        "/jobs", readers, [s, svc](RequestContext& ctx) { return pages::jobs_list(*s, *svc, ctx); },
        "Jobs (an enterprise's own; all for caseworker and admin) (year, kind, channel, enterprise_id, "
        "citizen)");
    router.post(
        "/jobs", caseworkers,
        [s, svc](RequestContext& ctx) {
            auto in = job_input_from(ctx.form);
            auto r = svc->create_job(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return pages::job_form(*s, *svc, ctx, in, e, status);
                });
            return s->redirect_with_flash(
                ctx, "/jobs/" + std::to_string(r->id),
                "Ansættelsen af " + r->citizen_name + " hos " + r->enterprise_name + " er registreret.");
        },
        "Record a hire with its first weekly hours and intensity");
    router.get(
        "/jobs/{id:int}", readers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto job = svc->get_job(id, *ctx.actor);
            if (!job.ok()) return s->from_error(ctx, job.error());
            return pages::job_page(*s, *svc, ctx, *job, {});
        },
        "One job with hours history, effective hours and the progression chart");
    router.get(
        "/jobs/{id:int}/edit", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto job = svc->get_job(id, *ctx.actor);
            if (!job.ok()) return s->from_error(ctx, job.error());
            jobs::JobEditInput in{job->kind, std::string(jobs::channel_code(job->channel)),
                                  job->temporary_fleksjob ? "1" : "", job->note};
            return pages::job_edit(*s, *svc, ctx, *job, in, std::nullopt, 200);
        },
        "Edit form of a job (kind, channel, temporary flag, note)");
    router.post(
        "/jobs/{id:int}", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            jobs::JobEditInput in{ctx.form.text("kind"), ctx.form.text("channel"),
                                  ctx.form.text("temporary_fleksjob"), ctx.form.get("note").value_or("")};
            auto r = svc->update_job(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    auto job = svc->get_job(id, *ctx.actor);
                    if (!job.ok()) return s->from_error(ctx, job.error());
                    return pages::job_edit(*s, *svc, ctx, *job, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/jobs/" + std::to_string(id), "Jobbet er rettet.");
        },
        "Change a job's kind, channel, temporary flag and note");
    router.post(
        "/jobs/{id:int}/hours", caseworkers,
        [s, svc](RequestContext& ctx) {
            pages::JobPageState state;
            state.hours = hours_input_from(ctx.form);
            return change_job(
                *s, *svc, ctx, state,
                [&](std::int64_t id) { return svc->add_hours(id, state.hours, *ctx.actor); },
                "Ændringen af timer og intensitet er registreret.");
        },
        "Add a dated change of weekly hours and intensity");
    router.post(
        "/jobs/{id:int}/end", caseworkers,
        [s, svc](RequestContext& ctx) {
            pages::JobPageState state;
            state.ended_on = ctx.form.text("ended_on");
            return change_job(
                *s, *svc, ctx, state,
                [&](std::int64_t id) { return svc->end_job(id, state.ended_on, *ctx.actor); },
                "Jobbet er afsluttet.");
        },
        "End a job");
    router.post(
        "/jobs/{id:int}/followups", caseworkers,
        [s, svc](RequestContext& ctx) {
            pages::JobPageState state;
            state.due = ctx.form.text("due");
            state.held_on = ctx.form.text("held_on");
            state.followup_note = ctx.form.get("followup_note").value_or("");
            jobs::FollowupInput in;
            if (const auto colon = state.due.find(':'); colon != std::string::npos) {
                in.kind = state.due.substr(0, colon);
                in.due_on = state.due.substr(colon + 1);
            }
            in.held_on = state.held_on;
            in.note = state.followup_note;
            return change_job(
                *s, *svc, ctx, state,
                [&](std::int64_t id) -> core::Result<jobs::Job> {
                    auto r = svc->record_followup(id, in, *ctx.actor);
                    if (!r.ok()) return followup_form_error(r.take_error());
                    return r;
                },
                "Opfølgningen er registreret som holdt.");
        },
        "Record that a fleksjob follow-up was held");

    // ---- JSON ----
    router.get(
        "/api/v1/jobs", caseworkers,
        [s, svc](RequestContext& ctx) {
            jobs::JobFilter f{ctx.query.text("year"), ctx.query.text("kind"), ctx.query.text("channel"),
                              ctx.query.text("enterprise_id"), ctx.query.text("citizen")};
            auto list = svc->list_jobs(f, *ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            View::List rows;
            for (const auto& j : *list) rows.push_back(job_view(j, false));
            v.set("count", static_cast<std::int64_t>(rows.size()));
            v.set("jobs", std::move(rows));
            return web::Site::json(200, v);
        },
        "Jobs with their current hours (year, kind, channel, enterprise_id, citizen)");
    router.post(
        "/api/v1/jobs", caseworkers,
        [s, svc](RequestContext& ctx) {
            auto r = svc->create_job(job_input_from(ctx.form), *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(201, job_view(*r, false));
        },
        "Record a hire (citizen_ref, enterprise_id, kind, channel, hired_on, weekly_hours, intensity, …)");
    router.get(
        "/api/v1/jobs/{id:int}", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto job = svc->get_job(id, *ctx.actor);
            if (!job.ok()) return s->from_error(ctx, job.error());
            return web::Site::json(200, job_view(*job, false));
        },
        "One job with its hours history and follow-ups held");
    router.post(
        "/api/v1/jobs/{id:int}/hours", caseworkers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto job = svc->add_hours(id, hours_input_from(ctx.form), *ctx.actor);
            if (!job.ok()) return s->from_error(ctx, job.error());
            return web::Site::json(201, job_view(*job, false));
        },
        "Add a dated change of weekly hours and intensity (effective_from, weekly_hours, intensity, note)");

    // ---- job kinds (admin) ----
    router.get(
        "/admin/job-kinds", admin,
        [s, svc](RequestContext& ctx) { return pages::kinds_page(*s, *svc, ctx, {}, std::nullopt, 200); },
        "Job kinds list with the form to add one");
    router.post(
        "/admin/job-kinds", admin,
        [s, svc](RequestContext& ctx) {
            auto in = kind_input_from(ctx.form);
            auto r = svc->create_kind(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return pages::kinds_page(*s, *svc, ctx, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/job-kinds", "Jobtypen " + r->label + " er oprettet.");
        },
        "Add a job kind");
    router.get(
        "/admin/job-kinds/{id:int}", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto k = svc->get_kind(id, *ctx.actor);
            if (!k.ok()) return s->from_error(ctx, k.error());
            jobs::JobKindInput in{k->code, k->label, k->is_fleksjob ? "1" : "", std::to_string(k->sort),
                                  k->active ? "1" : ""};
            return pages::kind_form(*s, ctx, *k, in, std::nullopt, 200);
        },
        "Edit form of a job kind");
    router.post(
        "/admin/job-kinds/{id:int}", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = kind_input_from(ctx.form);
            auto r = svc->update_kind(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    auto k = svc->get_kind(id, *ctx.actor);
                    if (!k.ok()) return s->from_error(ctx, k.error());
                    return pages::kind_form(*s, ctx, *k, in, e, status);
                });
            return s->redirect_with_flash(ctx, "/admin/job-kinds", "Jobtypen " + r->label + " er gemt.");
        },
        "Change a job kind's label, fleksjob flag, order and active flag");
}

}  // namespace jobs_http
