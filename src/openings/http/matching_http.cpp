// Pages of matching: a citizen's suggestions, an opening's candidates, the cohort, decisions.
#include <string>

#include "core/text.hpp"
#include "openings/http/common.hpp"
#include "openings/http/openings_http.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"

namespace openings_http {

using core::Role;
using detail::Options;
using detail::suggestion_view;
using openings::OpeningsService;
using openings::Source;
using web::Access;
using web::not_found;
using web::RequestContext;
using web::Response;
using web::View;

View suggestions_view(const openings::CitizenSuggestions& s) {
    View v;
    View c;
    c.set("id", s.citizen.id).set("name", s.citizen.name).set("case_ref", s.citizen.case_ref);
    if (!s.citizen.target_group.empty()) c.set("target_group", s.citizen.target_group);
    v.set("citizen", std::move(c));
    View::List ranked;
    int rank = 0;
    for (const auto& r : s.ranked) {
        View row = suggestion_view(r.suggestion);
        row.set("rank", ++rank);
        row.set("opening", opening_view(r.opening));
        row.set("explanation", r.explanation);
        ranked.push_back(std::move(row));
    }
    v.set("has_ranked", !ranked.empty());
    v.set("ranked", std::move(ranked));
    View::List left;
    for (const auto& l : s.left_out) {
        View row;
        row.set("opening", opening_view(l.opening));
        View::List reasons;
        for (const auto& r : l.reasons) reasons.push_back(View().set("reason", r.reason));
        row.set("reasons", std::move(reasons));
        left.push_back(std::move(row));
    }
    v.set("has_left_out", !left.empty());
    v.set("left_out_count", static_cast<std::int64_t>(left.size()));
    v.set("left_out", std::move(left));
    return v;
}

namespace {

Options type_options(OpeningsService& service, const core::Actor& actor) {
    Options out;
    auto types = service.intervention_type_choices(actor);
    if (types.ok())
        for (const auto& t : *types) out.emplace_back(t.value, t.label);
    return out;
}

Response suggestions_page(const web::Site& site, OpeningsService& service, const RequestContext& ctx) {
    const std::int64_t id = ctx.int_param("id");
    auto s = service.suggestions(id, *ctx.actor);
    if (!s.ok()) return site.from_error(ctx, s.error());
    View v = suggestions_view(*s);
    v.set("csrf_token", ctx.csrf_token);
    const Options types = type_options(service, *ctx.actor);
    // Each agreement suggestion gets its own type select (ids must be unique on the page).
    View::List ranked;
    int n = 0;
    for (const auto& r : s->ranked) {
        View row = suggestion_view(r.suggestion);
        row.set("opening", opening_view(r.opening));
        row.set("citizen_id", id);
        if (r.opening.source == Source::Agreement) {
            View field = web::select_field({.id = "intervention_type_id-" + std::to_string(n + 1),
                                            .label = "Indsatstype for henvisningen",
                                            .required = true},
                                           types, types.empty() ? "" : types.front().first);
            field.set("name", "intervention_type_id");  // unique id on the page, common form name
            row.set("type_field", std::move(field));
        }
        row.set("rank", ++n);
        ranked.push_back(std::move(row));
    }
    v.set("ranked_count", static_cast<std::int64_t>(ranked.size()));
    v.set("ranked", std::move(ranked));
    return site.page(ctx, "openings/suggestions", v, "Forslag til " + s->citizen.name);
}

Response candidates_page(const web::Site& site, OpeningsService& service, RequestContext& ctx) {
    const std::int64_t id = ctx.int_param("id");
    auto source = openings::parse_source(ctx.params["source"]);
    if (!source) return not_found(site, ctx);
    auto c = service.candidates(*source, id, *ctx.actor);
    if (!c.ok()) return site.from_error(ctx, c.error());
    View v;
    v.set("opening", opening_view(c->opening));
    View::List rows;
    int n = 0;
    for (const auto& cand : c->ranked) {
        View row = suggestion_view(cand.suggestion);
        row.set("rank", ++n);
        row.set("name", cand.citizen.name).set("case_ref", cand.citizen.case_ref);
        row.set("href", "/citizens/" + std::to_string(cand.citizen.id) + "/suggestions");
        rows.push_back(std::move(row));
    }
    v.set("has_candidates", !rows.empty());
    v.set("candidates", std::move(rows));
    v.set("left_out", c->left_out);
    return site.page(ctx, "openings/candidates", v, "Kandidater til " + c->opening.title);
}

Response cohort_page(const web::Site& site, OpeningsService& service, const RequestContext& ctx,
                     const openings::CohortFilter& filter, const openings::CohortResult* result) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    Options groups{{"", "Alle målgrupper"}};
    auto tg = service.target_group_choices(*ctx.actor);
    if (tg.ok())
        for (const auto& c : *tg) groups.emplace_back(c.value, c.label);
    v.set("target_group_field",
          web::select_field({.id = "target_group", .label = "Målgruppe"}, groups, filter.target_group));
    v.set("source_field", web::select_field({.id = "source", .label = "Stillinger"},
                                            {{"", "Alle åbne stillinger og pladser"},
                                             {"agreement", "Ledige pladser i samarbejdsaftaler"},
                                             {"need", "Rekrutteringsbehov"},
                                             {"posted", "Jobopslag"}},
                                            filter.source));
    if (filter.without_active_placement) v.set("without_active", true);
    if (result) {
        View r;
        r.set("run_id", result->run_id);
        r.set("total_fit", result->total_fit);
        r.set("citizens", result->citizens).set("openings", result->openings);
        r.set("placed_count", static_cast<std::int64_t>(result->placed.size()));
        if (result->feasible_pairs == 0) r.set("no_feasible_pair", true);
        View::List placed;
        for (const auto& p : result->placed) {
            View row = suggestion_view(p.suggestion);
            row.set("proposal_id", p.proposal_id);
            row.set("name", p.citizen.name).set("case_ref", p.citizen.case_ref);
            row.set("opening", opening_view(p.opening));
            if (p.opening.source == Source::Agreement) row.set("is_agreement", true);
            placed.push_back(std::move(row));
        }
        r.set("has_placed", !placed.empty());
        r.set("placed", std::move(placed));
        View::List unplaced;
        for (const auto& u : result->unplaced)
            unplaced.push_back(View()
                                   .set("name", u.citizen.name)
                                   .set("case_ref", u.citizen.case_ref)
                                   .set("reason", u.reason));
        r.set("has_unplaced", !unplaced.empty());
        r.set("unplaced", std::move(unplaced));
        v.set("result", std::move(r));
        Options types = type_options(service, *ctx.actor);
        View::List type_list;
        for (const auto& [value, label] : types)
            type_list.push_back(View().set("value", value).set("label", label));
        v.set("types", std::move(type_list));
    }
    return site.page(ctx, "openings/cohort", v, "Samlet fordeling");
}

Response proposals_page(const web::Site& site, OpeningsService& service, const RequestContext& ctx) {
    auto list = service.list_proposals(*ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    View::List rows;
    for (const auto& p : *list) {
        View row;
        row.set("id", p.id).set("citizen_name", p.citizen_name).set("opening_title", p.opening_title);
        row.set("source_label", openings::source_label(p.source));
        row.set("score", p.score);
        row.set("run", p.run_id.empty() ? std::string("Enkelt forslag") : "Fordeling " + p.run_id);
        row.set("proposed_at", p.proposed_at.substr(0, 10));
        row.set("explanation", p.explanation);
        row.set("citizen_href", "/citizens/" + std::to_string(p.citizen_id) + "/suggestions");
        if (p.decision == "accepted")
            row.set("decision", "Accepteret");
        else if (p.decision == "declined")
            row.set("decision", "Afvist");
        else
            row.set("decision", "Ikke besluttet");
        if (!p.decline_reason.empty()) row.set("reason", p.decline_reason);
        if (p.placement_id) row.set("placement_href", "/placements/" + std::to_string(*p.placement_id));
        rows.push_back(std::move(row));
    }
    v.set("has_proposals", !rows.empty());
    v.set("proposals", std::move(rows));
    v.set("count", static_cast<std::int64_t>(list->size()));
    return site.page(ctx, "openings/proposals", v, "Forslag og beslutninger");
}

}  // namespace

namespace detail {

void register_matching_routes(web::Router& router, const web::Site& site, OpeningsService& service) {
    const Access casework = Access::roles({Role::Admin, Role::Caseworker});
    const web::Site* s = &site;
    OpeningsService* svc = &service;

    router.get(
        "/citizens/{id:int}/suggestions", casework,
        [s, svc](RequestContext& ctx) { return suggestions_page(*s, *svc, ctx); },
        "A citizen's ranked openings with explanations and the ones left out");
    router.get(
        "/api/v1/citizens/{id:int}/suggestions", casework,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->suggestions(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(200, suggestions_view(*r));
        },
        "A citizen's ranked openings with explanations (JSON)");
    router.get(
        "/openings/{source}/{id:int}/candidates", casework,
        [s, svc](RequestContext& ctx) { return candidates_page(*s, *svc, ctx); },
        "An opening's ranked candidates (caseworker)");
    router.get(
        "/matching/cohort", casework,
        [s, svc](RequestContext& ctx) { return cohort_page(*s, *svc, ctx, {}, nullptr); },
        "Cohort allocation form");
    router.post(
        "/matching/cohort", casework,
        [s, svc](RequestContext& ctx) {
            openings::CohortFilter f;
            f.target_group = ctx.form.text("target_group");
            f.source = ctx.form.text("source");
            f.without_active_placement = ctx.form.text("without_active") == "1";
            auto r = svc->cohort(f, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return cohort_page(*s, *svc, ctx, f, &*r);
        },
        "Run the optimal cohort allocation and store the proposal");
    router.post(
        "/matching/accept", casework,
        [s, svc](RequestContext& ctx) {
            openings::AcceptInput in{ctx.form.text("intervention_type_id")};
            core::Result<openings::Proposal> r = core::Error::not_found();
            std::string back = "/matching/proposals";
            long long pid = 0, cid = 0, oid = 0;
            if (core::parse_int64(ctx.form.text("proposal_id"), pid) && pid > 0) {
                r = svc->accept_proposal(pid, in, *ctx.actor);
            } else {
                auto source = openings::parse_source(ctx.form.text("source"));
                if (!source || !core::parse_int64(ctx.form.text("citizen_id"), cid) ||
                    !core::parse_int64(ctx.form.text("opening_id"), oid))
                    return not_found(*s, ctx);
                back = "/citizens/" + std::to_string(cid) + "/suggestions";
                r = svc->accept_suggestion(cid, *source, oid, in, *ctx.actor);
            }
            if (!r.ok()) {
                const auto c = r.error().code;
                if (c == core::ErrorCode::Validation || c == core::ErrorCode::Conflict) {
                    std::string msg =
                        r.error().fields.empty() ? r.error().message : r.error().fields.front().message;
                    return s->redirect_with_flash(ctx, back, msg, true);
                }
                return s->from_error(ctx, r.error());
            }
            if (r->placement_id)
                return s->redirect_with_flash(ctx, "/placements/" + std::to_string(*r->placement_id),
                                              r->citizen_name + " er henvist til " + r->opening_title + ".");
            return s->redirect_with_flash(
                ctx, back, "Forslaget er accepteret: " + r->citizen_name + " til " + r->opening_title + ".");
        },
        "Accept a suggestion (agreement slot: a referral)");
    router.post(
        "/matching/decline", casework,
        [s, svc](RequestContext& ctx) {
            const std::string reason = ctx.form.get("reason").value_or("");
            core::Result<openings::Proposal> r = core::Error::not_found();
            std::string back = "/matching/proposals";
            long long pid = 0, cid = 0, oid = 0;
            if (core::parse_int64(ctx.form.text("proposal_id"), pid) && pid > 0) {
                r = svc->decline_proposal(pid, reason, *ctx.actor);
            } else {
                auto source = openings::parse_source(ctx.form.text("source"));
                if (!source || !core::parse_int64(ctx.form.text("citizen_id"), cid) ||
                    !core::parse_int64(ctx.form.text("opening_id"), oid))
                    return not_found(*s, ctx);
                back = "/citizens/" + std::to_string(cid) + "/suggestions";
                r = svc->decline_suggestion(cid, *source, oid, reason, *ctx.actor);
            }
            if (!r.ok()) {
                const auto c = r.error().code;
                if (c == core::ErrorCode::Validation || c == core::ErrorCode::Conflict) {
                    std::string msg =
                        r.error().fields.empty() ? r.error().message : r.error().fields.front().message;
                    return s->redirect_with_flash(ctx, back, msg, true);
                }
                return s->from_error(ctx, r.error());
            }
            return s->redirect_with_flash(ctx, back, "Forslaget er afvist og gemt.");
        },
        "Decline a suggestion with an optional reason");
    router.get(
        "/matching/proposals", casework,
        [s, svc](RequestContext& ctx) { return proposals_page(*s, *svc, ctx); },
        "Past proposals with what was chosen");
}

}  // namespace detail
}  // namespace openings_http
