#include "stories/http/stories_http.hpp"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace stories_http {
namespace {

using core::Role;
using stories::StoryService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

stories::StoryInput input_from(const web::Form& f) {
    stories::StoryInput in;
    in.title = f.text("title");
    in.body = f.get("body").value_or("");
    in.story_date = f.text("story_date");
    in.published = f.has("published");
    in.enterprise_ids = f.get_all("enterprise_ids");
    return in;
}

stories::StoryInput input_of(const stories::Story& s) {
    stories::StoryInput in;
    in.title = s.title;
    in.body = s.body;
    in.story_date = s.story_date.iso();
    in.published = s.published;
    for (const auto& e : s.enterprises) in.enterprise_ids.push_back(std::to_string(e.id));
    return in;
}

Response form_page(const web::Site& site, StoryService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const stories::StoryInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto registry = service.enterprise_choices(*ctx.actor);
    if (!registry.ok()) return site.from_error(ctx, registry.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    const std::string heading = id ? "Ret historie" : "Skriv en historie";
    v.set("heading", heading);
    v.set("action", id ? "/stories/" + std::to_string(*id) : std::string("/stories"));
    v.set("cancel_href", id ? "/stories/" + std::to_string(*id) : std::string("/stories"));
    v.set("title_field", web::text_field({.id = "title",
                                          .label = "Overskrift",
                                          .value = in.title,
                                          .autocomplete = "off",
                                          .hint = "Højst 200 tegn.",
                                          .required = true},
                                         error));
    v.set("story_date_field", web::text_field({.id = "story_date",
                                               .label = "Dato",
                                               .value = in.story_date,
                                               .type = "date",
                                               .autocomplete = "off",
                                               .hint = "Skrives ÅÅÅÅ-MM-DD, fx 2018-06-15.",
                                               .width = "s",
                                               .required = true},
                                              error));
    View body =
        web::text_field({.id = "body",
                         .label = "Tekst",
                         .value = in.body,
                         .hint = "Almindelig tekst; en tom linje starter et nyt afsnit. Højst 20.000 tegn.",
                         .required = true},
                        error);
    body.set("rows", static_cast<std::int64_t>(12));
    v.set("body_field", std::move(body));
    View published;
    published.set("id", "published").set("name", "published").set("label", "Offentliggjort");
    published.set("hint", "Kladder kan kun ses af konsulenter og administratorer.");
    published.set("checked", in.published);
    v.set("published_field", std::move(published));
    const std::set<std::string> chosen(in.enterprise_ids.begin(), in.enterprise_ids.end());
    View::List options;
    for (const auto& c : *registry) {
        View o;
        o.set("id", "enterprise_" + c.value).set("value", c.value).set("label", c.label);
        o.set("checked", chosen.count(c.value) > 0);
        options.push_back(std::move(o));
    }
    v.set("has_enterprises", !options.empty());
    v.set("enterprises", std::move(options));
    if (auto e = web::field_error(error, "enterprise_ids")) v.set("enterprises_error", *e);
    web::set_errors(v, error, "title");
    return site.page(ctx, "stories/form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

Response list_page(const web::Site& site, StoryService& service, const RequestContext& ctx) {
    const web::YearListPage page{"/stories", "stories/list", "Historier", ctx.actor->is_staff()};
    return web::year_list_page(
        site, ctx, page,
        core::year_or("year", ctx.query.text("year"), core::years::records, service.today().year),
        [&](int year, View& v) -> core::Result<void> {
            BB_ASSIGN(auto list, service.for_year(year, false, *ctx.actor));
            View::List rows;
            for (const auto& s : list) rows.push_back(story_view(s));
            v.set("year", year);
            v.set("has_stories", !rows.empty());
            v.set("stories", std::move(rows));
            v.set("shown", true);
            return {};
        },
        [&] { return service.years(*ctx.actor); });
}

}  // namespace

View story_view(const stories::Story& s) {
    View v;
    v.set("id", s.id);
    v.set("href", "/stories/" + std::to_string(s.id));
    v.set("title", s.title);
    v.set("body", s.body);
    View::List paragraphs;
    for (const auto& p : stories::paragraphs(s.body)) {
        View pv;
        pv.set("text", p);
        paragraphs.push_back(std::move(pv));
    }
    v.set("paragraphs", std::move(paragraphs));
    v.set("story_date", s.story_date.iso()).set("story_date_text", s.story_date.danish());
    v.set("published", s.published);
    v.set("status_label", s.published ? "Offentliggjort" : "Kladde");
    View::List refs;
    std::string names;
    for (const auto& e : s.enterprises) {
        View ev;
        ev.set("id", e.id).set("name", e.name);
        refs.push_back(std::move(ev));
        if (!names.empty()) names += ", ";
        names += e.name;
    }
    v.set("has_enterprises", !refs.empty());
    v.set("enterprises", std::move(refs));
    if (!names.empty()) v.set("enterprise_names", names);
    return v;
}

void register_routes(web::Router& router, const web::Site& site, StoryService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access writers = Access::roles({Role::Admin, Role::Consultant});
    const web::Site* s = &site;
    StoryService* svc = &service;

    router.get(
        "/stories", readers, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "Stories of a year: published ones, drafts too for consultant and admin (year)");
    auto resource = web::form_resource("/stories", form_page, input_of);
    resource.readers = readers;
    resource.writers = writers;
    resource.input_from = input_from;
    resource.blank = [](StoryService& service) {
        stories::StoryInput in;
        in.story_date = service.today().iso();
        return in;
    };
    resource.detail = [](const web::Site& site, const RequestContext& ctx, const stories::Story& story) {
        View v;
        v.set("csrf_token", ctx.csrf_token);
        v.set("story", story_view(story));
        v.set("back_href", "/stories?year=" + std::to_string(story.story_date.year));
        if (ctx.actor->is_staff()) {
            v.set("can_write", true);
            v.set("edit_href", "/stories/" + std::to_string(story.id) + "/edit");
            v.set("delete_action", "/stories/" + std::to_string(story.id) + "/delete");
        }
        return site.page(ctx, "stories/detail", v, story.title);
    };
    resource.created = [](const stories::Story& story) {
        return web::Redirect{"/stories/" + std::to_string(story.id), "Historien er gemt."};
    };
    resource.updated = [](const stories::Story& story) {
        return web::Redirect{"/stories/" + std::to_string(story.id), "Ændringerne er gemt."};
    };
    resource.removed = [](const stories::Story& story) {
        return web::Redirect{"/stories?year=" + std::to_string(story.story_date.year),
                             "Historien er slettet."};
    };
    resource.summaries = {.new_form = "New story form",
                          .create = "Save a new story",
                          .detail = "One story",
                          .edit_form = "Edit story form",
                          .update = "Save an edited story",
                          .remove = "Delete a story"};
    web::register_form_routes(router, site, service, std::move(resource));
    router.get(
        "/api/v1/stories", readers,
        [s, svc](RequestContext& ctx) {
            auto year =
                core::year_or("year", ctx.query.text("year"), core::years::records, svc->today().year);
            if (!year.ok()) return s->from_error(ctx, year.error());
            auto list = svc->for_year(*year, false, *ctx.actor);
            if (!list.ok()) return s->from_error(ctx, list.error());
            View v;
            v.set("year", *year);
            View::List rows;
            for (const auto& st : *list) rows.push_back(story_view(st));
            v.set("stories", std::move(rows));
            return web::Site::json(200, v);
        },
        "Stories of a year (drafts only for consultant and admin) (year)");
}

}  // namespace stories_http
