// The registry's vocabularies (legal forms, target groups, catalogue categories): the admin page
// and the JSON API, on the same service functions.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "enterprises/http/enterprises_http.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"
#include "web/json.hpp"

namespace enterprises_http {
namespace {

using core::Role;
using enterprises::EnterpriseService;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

Response vocabularies_page(const web::Site& site, EnterpriseService& service, const RequestContext& ctx,
                           const std::optional<core::Error>& error, int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View::List kinds;
    for (auto kind : enterprises::k_all_vocabulary_kinds) {
        auto list = service.vocabulary(kind, true);
        if (!list.ok()) return site.from_error(ctx, list.error());
        View k;
        k.set("kind", std::string(enterprises::vocabulary_kind_code(kind)));
        k.set("kind_label", std::string(enterprises::vocabulary_kind_label(kind)));
        View::List entries;
        for (const auto& e : *list) {
            View ev;
            ev.set("entry_id", e.id).set("code", e.code).set("entry_label", e.label).set("active", e.active);
            entries.push_back(std::move(ev));
        }
        k.set("entries", std::move(entries));
        kinds.push_back(std::move(k));
    }
    v.set("kinds", std::move(kinds));
    const web::Form empty;
    const web::Form& f = error ? ctx.form : empty;
    Options kind_opts{{"", "Vælg liste"}};
    for (auto kind : enterprises::k_all_vocabulary_kinds)
        kind_opts.emplace_back(std::string(enterprises::vocabulary_kind_code(kind)),
                               std::string(enterprises::vocabulary_kind_label(kind)));
    v.set("kind_field", web::select_field({.id = "kind", .label = "Liste", .required = true}, kind_opts,
                                          f.text("kind"), error));
    v.set("label_field", web::text_field({.id = "label",
                                          .label = "Ny værdi",
                                          .value = f.text("label"),
                                          .autocomplete = "off",
                                          .required = true},
                                         error));
    web::set_errors(v, error, "label");
    return site.page(ctx, "enterprises/vocabularies", v, error ? "Fejl: Ordlister" : "Ordlister", status);
}

core::Result<enterprises::VocabularyEntry> add_vocabulary_from(EnterpriseService& service,
                                                               const RequestContext& ctx) {
    auto kind = enterprises::parse_vocabulary_kind(ctx.form.text("kind"));
    if (!kind) return core::Error::validation("kind", "Vælg, hvilken liste værdien skal på.");
    return service.add_vocabulary(*kind, ctx.form.text("label"), *ctx.actor);
}

View vocabulary_entry_view(const enterprises::VocabularyEntry& e) {
    View v;
    v.set("id", e.id).set("kind", std::string(enterprises::vocabulary_kind_code(e.kind)));
    v.set("code", e.code).set("label", e.label).set("active", e.active).set("sort", e.sort);
    return v;
}

}  // namespace

void register_vocabulary_routes(web::Router& router, const web::Site& site, EnterpriseService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access admin = Access::roles({Role::Admin});
    const web::Site* s = &site;
    EnterpriseService* svc = &service;

    router.get(
        "/admin/vocabularies", admin,
        [s, svc](RequestContext& ctx) { return vocabularies_page(*s, *svc, ctx, std::nullopt, 200); },
        "Vocabularies (legal forms, target groups, catalogue categories)");
    router.post(
        "/admin/vocabularies", admin,
        [s, svc](RequestContext& ctx) {
            auto r = add_vocabulary_from(*svc, ctx);
            if (!r.ok())
                return web::form_or_error(
                    *s, ctx, r.error(),
                    [&](core::Error e, int status) {
                        if (e.fields.empty()) e.fields.push_back({"label", e.message});
                        return vocabularies_page(*s, *svc, ctx, e, status);
                    },
                    web::ShownOnForm::ValidationOrConflict);
            return s->redirect_with_flash(ctx, "/admin/vocabularies", "\"" + r->label + "\" er tilføjet.");
        },
        "Add a vocabulary value");
    for (bool active : {false, true}) {
        router.post(
            std::string("/admin/vocabularies/{id:int}/") + (active ? "activate" : "deactivate"), admin,
            [s, svc, active](RequestContext& ctx) {
                const std::int64_t id = ctx.int_param("id");
                auto r = svc->set_vocabulary_active(id, active, *ctx.actor);
                if (!r.ok()) return s->from_error(ctx, r.error());
                return s->redirect_with_flash(
                    ctx, "/admin/vocabularies",
                    active ? "Værdien er aktiveret igen." : "Værdien er deaktiveret.");
            },
            active ? "Re-activate a vocabulary value" : "Deactivate a vocabulary value");
    }

    router.get(
        "/api/v1/vocabularies", readers,
        [s, svc](RequestContext& ctx) {
            auto kind = enterprises::parse_vocabulary_kind(ctx.query.text("kind"));
            if (!kind)
                return s->from_error(
                    ctx, core::Error::validation(
                             "kind", "Vælg en liste: legal_form, target_group eller catalogue_category."));
            auto list = svc->vocabulary(*kind, ctx.actor->is_admin() && ctx.query.text("all") == "1");
            if (!list.ok()) return s->from_error(ctx, list.error());
            View::List items;
            for (const auto& e : *list) items.push_back(vocabulary_entry_view(e));
            View v;
            v.set("total", static_cast<std::int64_t>(items.size()));
            v.set("items", std::move(items));
            return web::Site::json(200, v);
        },
        "Vocabulary values of one kind (?kind=legal_form|target_group|catalogue_category)");
    router.post(
        "/api/v1/vocabularies", admin,
        [s, svc](RequestContext& ctx) {
            auto r = add_vocabulary_from(*svc, ctx);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return web::Site::json(201, vocabulary_entry_view(*r));
        },
        "Add a vocabulary value (kind, label; admin)");
}

}  // namespace enterprises_http
