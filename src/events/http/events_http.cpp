#include "events/http/events_http.hpp"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace events_http {
namespace {

using core::Role;
using events::EventService;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

/// Rows for organisations not in the registry shown on the form (plus the ones already typed).
constexpr int k_extra_rows = 3;

View checkbox(std::string id, std::string label, bool checked) {
    View v;
    v.set("id", id).set("name", id).set("label", std::move(label)).set("checked", checked);
    return v;
}

events::EventInput input_from(const web::Form& f, const std::vector<events::Choice>& registry) {
    events::EventInput in;
    in.held_on = f.text("held_on");
    in.kind = f.text("kind");
    in.title = f.text("title");
    in.theme = f.text("theme");
    in.place = f.text("place");
    in.summary = f.get("summary").value_or("");
    for (const auto& c : registry) {
        const bool invited = f.has("invited_" + c.value);
        const bool present = f.has("present_" + c.value);
        if (invited || present) in.participants.push_back({c.value, "", invited, present});
    }
    for (int i = 0; i < 200; ++i) {
        const std::string n = std::to_string(i);
        if (!f.has("other_name_" + n)) {
            if (i >= k_extra_rows) break;
            continue;
        }
        events::ParticipantInput p;
        p.name = f.text("other_name_" + n);
        p.invited = f.has("other_invited_" + n);
        p.present = f.has("other_present_" + n);
        if (!core::trim(p.name).empty()) in.participants.push_back(std::move(p));
    }
    return in;
}

events::EventInput input_of(const events::Event& e) {
    events::EventInput in;
    in.held_on = e.held_on.iso();
    in.kind = e.kind;
    in.title = e.title;
    in.theme = e.theme;
    in.place = e.place;
    in.summary = e.summary;
    for (const auto& p : e.participants)
        in.participants.push_back(
            {p.enterprise_id > 0 ? std::to_string(p.enterprise_id) : "", p.name, p.invited, p.present});
    return in;
}

Response form_page(const web::Site& site, EventService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const events::EventInput& in,
                   const std::optional<core::Error>& error, int status) {
    auto registry = service.enterprise_choices(*ctx.actor);
    if (!registry.ok()) return site.from_error(ctx, registry.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("action", id ? "/events/" + std::to_string(*id) : std::string("/events"));
    if (id)
        v.set("cancel_href", "/events/" + std::to_string(*id));
    else
        v.set("cancel_href", "/events");
    const std::string heading = id ? "Ret arrangement" : "Registrér netværksmøde eller arrangement";
    v.set("heading", heading);
    v.set("held_on_field",
          web::text_field(
              {.id = "held_on",
               .label = "Dato",
               .value = in.held_on,
               .type = "date",
               .autocomplete = "off",
               .hint = "Skrives ÅÅÅÅ-MM-DD, fx 2018-05-23. En dato frem i tiden er et planlagt møde.",
               .width = "s",
               .required = true},
              error));
    Options kinds{{"", "Vælg type"}};
    for (const auto& k : events::kind_choices()) kinds.emplace_back(k.value, k.label);
    v.set("kind_field",
          web::select_field({.id = "kind", .label = "Type", .required = true}, kinds,
                            in.kind.empty() && !error ? std::string("network_meeting") : in.kind, error));
    v.set("title_field", web::text_field({.id = "title",
                                          .label = "Titel",
                                          .value = in.title,
                                          .autocomplete = "off",
                                          .hint = "Fx Netværksmøde om fundraising. Højst 200 tegn.",
                                          .required = true},
                                         error));
    v.set("theme_field",
          web::text_field(
              {.id = "theme", .label = "Tema", .value = in.theme, .autocomplete = "off", .optional = true},
              error));
    v.set("place_field",
          web::text_field(
              {.id = "place", .label = "Sted", .value = in.place, .autocomplete = "off", .optional = true},
              error));
    v.set("summary_field", web::text_field({.id = "summary",
                                            .label = "Referat og oplæg",
                                            .value = in.summary,
                                            .hint = "Hvad mødet handlede om. Højst 4.000 tegn.",
                                            .optional = true},
                                           error));
    std::map<std::string, std::pair<bool, bool>> chosen;  // enterprise id → (invited, present)
    std::vector<events::ParticipantInput> typed;
    for (const auto& p : in.participants) {
        if (!p.enterprise_id.empty() && p.enterprise_id != "0")
            chosen[p.enterprise_id] = {p.invited, p.present};
        else
            typed.push_back(p);
    }
    View::List rows;
    for (const auto& c : *registry) {
        auto it = chosen.find(c.value);
        View r;
        r.set("name", c.label);
        r.set("invited", checkbox("invited_" + c.value, c.label, it != chosen.end() && it->second.first));
        r.set("present", checkbox("present_" + c.value, c.label, it != chosen.end() && it->second.second));
        rows.push_back(std::move(r));
    }
    v.set("has_registry", !rows.empty());
    v.set("registry", std::move(rows));
    View::List others;
    const std::size_t n = typed.size() + k_extra_rows;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string idx = std::to_string(i);
        View r;
        r.set("index", idx).set("number", static_cast<std::int64_t>(i + 1));
        r.set("name_id", "other_name_" + idx);
        r.set("name", i < typed.size() ? typed[i].name : std::string());
        r.set("invited", checkbox("other_invited_" + idx, "organisation " + std::to_string(i + 1),
                                  i < typed.size() ? typed[i].invited : false));
        r.set("present", checkbox("other_present_" + idx, "organisation " + std::to_string(i + 1),
                                  i < typed.size() ? typed[i].present : false));
        others.push_back(std::move(r));
    }
    v.set("others", std::move(others));
    if (auto e = web::field_error(error, "participants")) v.set("participants_error", *e);
    web::set_errors(v, error, "title");
    return site.page(ctx, "events/form", v, std::string(error ? "Fejl: " : "") + heading, status);
}

Response list_page(const web::Site& site, EventService& service, const RequestContext& ctx) {
    const web::YearListPage page{"/events", "events/list", "Netværksmøder og arrangementer",
                                 ctx.actor->is_staff()};
    return web::year_list_page(
        site, ctx, page,
        core::year_or("year", ctx.query.text("year"), core::years::planning(service.today().year),
                      service.today().year),
        [&](int year, View& v) -> core::Result<void> {
            BB_ASSIGN(auto summary, service.year_summary(year, *ctx.actor));
            v.set("summary", summary_view(summary));
            v.set("prev_href", "/events?year=" + std::to_string(year - 1));
            v.set("prev_year", year - 1);
            v.set("next_href", "/events?year=" + std::to_string(year + 1));
            v.set("next_year", year + 1);
            if (ctx.actor->is_staff()) v.set("themes_href", "/event-themes?year=" + std::to_string(year + 1));
            return {};
        },
        [&] { return service.years(*ctx.actor); });
}

std::string join_lines(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += '\n';
        out += i;
    }
    return out;
}

Response themes_page(const web::Site& site, EventService& service, const RequestContext& ctx, int year,
                     const std::vector<std::string>& themes, const std::optional<core::Error>& error,
                     int status) {
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("year", year);
    v.set("back_href", "/events?year=" + std::to_string(year - 1));
    v.set("themes_field",
          web::text_field({.id = "themes",
                           .label = "Temaer, ét pr. linje i den valgte rækkefølge",
                           .value = join_lines(themes),
                           .hint = "Højst 30 temaer på hver højst 300 tegn. Tomme linjer springes over.",
                           .optional = true},
                          error));
    web::set_errors(v, error, "themes");
    (void)service;
    return site.page(ctx, "events/themes", v,
                     std::string(error ? "Fejl: " : "") + "Temaer for " + std::to_string(year), status);
}

std::vector<std::string> lines(const std::string& text) {
    // Accept CRLF from browsers.
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        out.emplace_back(core::trim(std::string_view(text).substr(start, end - start)));
        start = end + 1;
    }
    return out;
}

}  // namespace

View event_view(const events::Event& e) {
    View v;
    v.set("id", e.id);
    v.set("href", "/events/" + std::to_string(e.id));
    v.set("held_on", e.held_on.iso()).set("held_on_text", e.held_on.danish());
    v.set("kind", e.kind).set("kind_label", e.kind_label);
    v.set("title", e.title);
    if (!e.theme.empty()) v.set("theme", e.theme);
    if (!e.place.empty()) v.set("place", e.place);
    if (!e.summary.empty()) v.set("summary", e.summary);
    View::List parts;
    for (const auto& p : e.participants) {
        View pv;
        pv.set("enterprise_id", p.enterprise_id).set("name", p.name);
        pv.set("in_registry", p.enterprise_id > 0);
        pv.set("invited", p.invited).set("present", p.present);
        pv.set("invited_text", p.invited ? "Ja" : "Nej").set("present_text", p.present ? "Ja" : "Nej");
        parts.push_back(std::move(pv));
    }
    v.set("has_participants", !parts.empty());
    v.set("participants", std::move(parts));
    v.set("invited_count", e.invited_count).set("present_count", e.present_count);
    return v;
}

View summary_view(const events::YearSummary& s) {
    View v;
    v.set("year", s.year).set("next_year", s.year + 1);
    View::List list;
    for (const auto& e : s.events) list.push_back(event_view(e));
    v.set("has_events", !list.empty());
    v.set("event_count", static_cast<std::int64_t>(list.size()));
    v.set("events", std::move(list));
    v.set("network_meetings", s.network_meetings);
    v.set("network_meetings_next_year", s.network_meetings_next_year);
    View::List themes;
    std::int64_t n = 0;
    for (const auto& t : s.themes_next_year) {
        View tv;
        tv.set("position", ++n).set("theme", t);
        themes.push_back(std::move(tv));
    }
    v.set("has_themes_next_year", !themes.empty());
    v.set("themes_next_year", std::move(themes));
    return v;
}

void register_routes(web::Router& router, const web::Site& site, EventService& service) {
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const Access writers = Access::roles({Role::Admin, Role::Consultant});
    const web::Site* s = &site;
    EventService* svc = &service;

    router.get(
        "/events", readers, [s, svc](RequestContext& ctx) { return list_page(*s, *svc, ctx); },
        "Network meetings and events of a year with counts and next year's themes (year)");
    auto resource = web::form_resource("/events", form_page, input_of);
    resource.readers = readers;
    resource.writers = writers;
    resource.read_form = [](EventService& service,
                            const RequestContext& ctx) -> core::Result<events::EventInput> {
        BB_ASSIGN(auto registry, service.enterprise_choices(*ctx.actor));
        return input_from(ctx.form, registry);
    };
    resource.detail = [](const web::Site& site, const RequestContext& ctx, const events::Event& e) {
        View v;
        v.set("csrf_token", ctx.csrf_token);
        v.set("event", event_view(e));
        v.set("back_href", "/events?year=" + std::to_string(e.held_on.year));
        if (ctx.actor->is_staff()) {
            v.set("can_write", true);
            v.set("edit_href", "/events/" + std::to_string(e.id) + "/edit");
            v.set("delete_action", "/events/" + std::to_string(e.id) + "/delete");
        }
        return site.page(ctx, "events/detail", v, e.title);
    };
    resource.created = [](const events::Event& e) {
        return web::Redirect{"/events/" + std::to_string(e.id), "\"" + e.title + "\" er registreret."};
    };
    resource.updated = [](const events::Event& e) {
        return web::Redirect{"/events/" + std::to_string(e.id), "Ændringerne er gemt."};
    };
    resource.removed = [](const events::Event& e) {
        return web::Redirect{"/events?year=" + std::to_string(e.held_on.year),
                             "\"" + e.title + "\" er slettet."};
    };
    resource.summaries = {.new_form = "New event form",
                          .create = "Record an event with its participants",
                          .detail = "One event with its participants",
                          .edit_form = "Edit event form",
                          .update = "Save an edited event",
                          .remove = "Delete an event"};
    web::register_form_routes(router, site, service, std::move(resource));
    router.get(
        "/event-themes", writers,
        [s, svc](RequestContext& ctx) {
            const int this_year = svc->today().year;
            auto year = core::year_or("year", ctx.query.text("year"), core::years::planning(this_year),
                                      this_year + 1);
            if (!year.ok()) return s->from_error(ctx, year.error());
            auto themes = svc->themes(*year, *ctx.actor);
            if (!themes.ok()) return s->from_error(ctx, themes.error());
            return themes_page(*s, *svc, ctx, *year, *themes, std::nullopt, 200);
        },
        "The themes chosen for a year's network meetings, as an ordered list (year)");
    router.post(
        "/event-themes", writers,
        [s, svc](RequestContext& ctx) {
            const int this_year = svc->today().year;
            auto year =
                core::year_or("year", ctx.form.text("year"), core::years::planning(this_year), this_year + 1);
            if (!year.ok()) return s->from_error(ctx, year.error());
            const auto themes = lines(ctx.form.get("themes").value_or(""));
            auto r = svc->set_themes(*year, themes, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return themes_page(*s, *svc, ctx, *year, themes, e, status);
                });
            return s->redirect_with_flash(ctx, "/events?year=" + std::to_string(*year - 1),
                                          "Temaerne for " + std::to_string(*year) + " er gemt.");
        },
        "Save the ordered themes of a year");
    router.get(
        "/api/v1/events", readers,
        [s, svc](RequestContext& ctx) {
            const int this_year = svc->today().year;
            auto year =
                core::year_or("year", ctx.query.text("year"), core::years::planning(this_year), this_year);
            if (!year.ok()) return s->from_error(ctx, year.error());
            auto summary = svc->year_summary(*year, *ctx.actor);
            if (!summary.ok()) return s->from_error(ctx, summary.error());
            return web::Site::json(200, summary_view(*summary));
        },
        "Events of a year with participants, meeting counts and next year's themes (year)");
}

}  // namespace events_http
