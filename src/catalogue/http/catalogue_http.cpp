#include "catalogue/http/catalogue_http.hpp"

#include <string>
#include <utility>
#include <vector>

#include "catalogue/http/image_http.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"

namespace catalogue_http {
namespace {

using catalogue::CatalogueService;
using core::Role;
using web::Access;
using web::Options;
using web::RequestContext;
using web::Response;
using web::View;

using web::shown_on_form;

std::string price_text(const catalogue::Item& i) {
    if (!i.price_oere) return "Pris efter aftale";
    if (*i.price_oere == 0) return i.unit.empty() ? std::string("Gratis") : "Gratis pr. " + i.unit;
    std::string text = catalogue::format_price(*i.price_oere) + " kr.";
    if (!i.unit.empty()) text += " pr. " + i.unit;
    return text;
}

/// A short teaser of a description for result lists (at most ~200 characters, whole words).
std::string teaser(const std::string& text) {
    constexpr std::size_t k_max = 200;
    if (core::utf8_length(text) <= k_max) return text;
    std::size_t bytes = 0;
    std::size_t chars = 0;
    while (bytes < text.size() && chars < k_max) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
        ++chars;
    }
    std::string out = text.substr(0, bytes);
    if (auto space = out.rfind(' '); space != std::string::npos && space > bytes / 2) out.resize(space);
    return out + " …";
}

// ---------------------------------------------------------------- parsing

catalogue::SearchQuery search_from(const web::Form& q) {
    catalogue::SearchQuery s;
    s.q = q.get("q").value_or("");
    s.category = q.text("category");
    s.municipality = q.text("municipality");
    s.target_group = q.text("target_group");
    s.rsv = q.text("rsv");
    s.sort = q.text("sort");
    long long n = 0;
    if (core::parse_int64(q.text("page"), n) && n > 0 && n < 100'000) s.page = static_cast<int>(n);
    if (core::parse_int64(q.text("page_size"), n) && n > 0 && n <= 100) s.page_size = static_cast<int>(n);
    return s;
}

catalogue::ItemInput input_from(const web::Form& f) {
    catalogue::ItemInput in;
    in.enterprise_id = f.text("enterprise_id");
    in.title = f.text("title");
    in.description = f.get("description").value_or("");
    in.category = f.text("category");
    in.price = f.text("price");
    in.unit = f.text("unit");
    in.delivery_area = f.text("delivery_area");
    return in;
}

catalogue::ItemInput input_of(const catalogue::Item& i) {
    catalogue::ItemInput in;
    in.enterprise_id = std::to_string(i.enterprise_id);
    in.title = i.title;
    in.description = i.description;
    in.category = i.category;
    in.price = i.price_oere ? catalogue::price_input_text(*i.price_oere) : std::string();
    in.unit = i.unit;
    in.delivery_area = i.delivery_area;
    return in;
}

// ---------------------------------------------------------------- public search page

std::string search_href(const catalogue::SearchQuery& s, int page) {
    std::string q;
    auto add = [&](std::string_view key, const std::string& value) {
        if (value.empty()) return;
        q += q.empty() ? "?" : "&";
        q += key;
        q += '=';
        q += web::encode_query_value(value);
    };
    add("q", s.q);
    add("category", s.category);
    add("municipality", s.municipality);
    add("target_group", s.target_group);
    add("rsv", s.rsv);
    add("sort", s.sort);
    if (page > 1) add("page", std::to_string(page));
    return "/katalog" + q;
}

Options choices(const std::vector<catalogue::Choice>& list, std::string first) {
    Options out{{"", std::move(first)}};
    for (const auto& c : list) out.emplace_back(c.value, c.label);
    return out;
}

Response search_page(const web::Site& site, CatalogueService& service, const RequestContext& ctx) {
    catalogue::SearchQuery query = search_from(ctx.query);
    auto result = service.search(query);
    std::optional<core::Error> error;
    if (!result.ok()) {
        if (!shown_on_form(result.error())) return site.from_error(ctx, result.error());
        error = result.error();
        // Show the form again; an oversized text is not echoed back in full.
        if (core::utf8_length(query.q) > catalogue::k_max_query || !core::is_valid_utf8(query.q))
            query.q.clear();
    }
    View v;
    catalogue::FilterOptions options;
    if (auto o = service.filter_options(); o.ok()) options = std::move(*o);
    Options municipalities{{"", "Alle kommuner"}};
    for (const auto& m : options.municipalities) municipalities.emplace_back(m, m);
    Options sorts;
    for (auto s : catalogue::k_all_sorts)
        sorts.emplace_back(std::string(catalogue::sort_code(s)), std::string(catalogue::sort_label(s)));
    const std::string chosen_sort =
        result.ok() ? std::string(catalogue::sort_code(result->sort)) : std::string(core::trim(query.sort));
    v.set("q_field", web::text_field({.id = "q",
                                      .label = "Søg efter varer og ydelser",
                                      .value = query.q,
                                      .type = "search",
                                      .autocomplete = "off",
                                      .hint = "Fx frokost, cykelreparation eller grydelapper."},
                                     error));
    v.set("category_field",
          web::select_field({.id = "category", .label = "Kategori"},
                            choices(options.categories, "Alle kategorier"), query.category, error));
    v.set("municipality_field", web::select_field({.id = "municipality", .label = "Kommune"}, municipalities,
                                                  query.municipality, error));
    v.set("target_group_field",
          web::select_field({.id = "target_group", .label = "Virksomhedens målgruppe"},
                            choices(options.target_groups, "Alle målgrupper"), query.target_group, error));
    v.set("rsv_field",
          web::select_field({.id = "rsv", .label = "Registreret socialøkonomisk virksomhed (RSV)"},
                            {{"", "Alle"}, {"yes", "Ja"}, {"no", "Nej"}}, query.rsv, error));
    v.set("sort_field",
          web::select_field({.id = "sort", .label = "Sortér efter"}, sorts, chosen_sort, error));
    web::set_errors(v, error, "q");
    if (!query.category.empty() || !query.municipality.empty() || !query.target_group.empty() ||
        !query.rsv.empty() || !query.sort.empty() ||
        (error && error->fields.size() > 0 && error->fields[0].field != "q"))
        v.set("filters_open", true);
    if (result.ok()) {
        View::List items;
        for (const auto& i : result->items) items.push_back(item_view(i));
        v.set("searched", true);
        v.set("has_results", !items.empty());
        v.set("results", std::move(items));
        v.set("total", result->total);
        v.set("total_text", result->total == 1 ? std::string("1 vare eller ydelse")
                                               : std::to_string(result->total) + " varer og ydelser");
        const std::int64_t pages = (result->total + result->page_size - 1) / result->page_size;
        if (pages > 1) {
            View p;
            p.set("page", result->page).set("pages", pages);
            if (result->page > 1) p.set("prev_href", search_href(query, result->page - 1));
            if (result->page < pages) p.set("next_href", search_href(query, result->page + 1));
            v.set("pagination", std::move(p));
        }
    }
    return site.page(ctx, "catalogue/search", v, error ? "Fejl: Katalog" : "Katalog",
                     error ? web::status_for(error->code) : 200);
}

// ---------------------------------------------------------------- management

std::string status_flash(const catalogue::Item& i) {
    return i.status == catalogue::ItemStatus::Published
               ? "\"" + i.title + "\" er offentliggjort i kataloget."
               : "\"" + i.title + "\" er nu en kladde og vises ikke offentligt.";
}

Response manage_page(const web::Site& site, CatalogueService& service, const RequestContext& ctx) {
    catalogue::ManageFilter filter;
    filter.status = ctx.query.text("status");
    long long n = 0;
    if (core::parse_int64(ctx.query.text("page"), n) && n > 0 && n < 1'000'000)
        filter.page = static_cast<int>(n);
    auto page = service.list(filter, *ctx.actor);
    if (!page.ok()) return site.from_error(ctx, page.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    View::List rows;
    for (const auto& i : page->items) rows.push_back(item_view(i, true));
    v.set("has_items", !rows.empty());
    v.set("items", std::move(rows));
    v.set("total", page->total);
    v.set("status_field",
          web::select_field({.id = "status", .label = "Status"},
                            {{"", "Alle"}, {"published", "Offentliggjort"}, {"draft", "Kladde"}},
                            filter.status));
    const std::int64_t pages = (page->total + page->page_size - 1) / page->page_size;
    if (pages > 1) {
        auto href = [&](int p) {
            std::string h = "/catalogue/items?page=" + std::to_string(p);
            if (!filter.status.empty()) h += "&status=" + web::encode_query_value(filter.status);
            return h;
        };
        View p;
        p.set("page", page->page).set("pages", pages);
        if (page->page > 1) p.set("prev_href", href(page->page - 1));
        if (page->page < pages) p.set("next_href", href(page->page + 1));
        v.set("pagination", std::move(p));
    }
    const std::string heading =
        ctx.actor->role == Role::Enterprise ? "Mine varer og ydelser" : "Varer og ydelser i kataloget";
    v.set("page_heading", heading);
    return site.page(ctx, "catalogue/manage", v, heading);
}

Response form_page(const web::Site& site, CatalogueService& service, const RequestContext& ctx,
                   std::optional<std::int64_t> id, const catalogue::ItemInput& in,
                   const std::optional<core::Error>& error, int status, std::string stored_category = {}) {
    const bool creating = !id.has_value();
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("creating", creating);
    v.set("action", creating ? std::string("/catalogue/items") : "/catalogue/items/" + std::to_string(*id));
    auto enterprises = service.enterprise_choices(*ctx.actor);
    if (!enterprises.ok()) return site.from_error(ctx, enterprises.error());
    if (ctx.actor->role == Role::Enterprise) {
        if (!enterprises->empty()) v.set("locked_enterprise", enterprises->front().label);
    } else {
        v.set("enterprise_field",
              web::select_field({.id = "enterprise_id", .label = "Virksomhed", .required = true},
                                choices(*enterprises, "Vælg virksomhed"), in.enterprise_id, error));
    }
    v.set("title_field", web::text_field({.id = "title",
                                          .label = "Titel",
                                          .value = in.title,
                                          .autocomplete = "off",
                                          .hint = "Højst 200 tegn.",
                                          .required = true},
                                         error));
    v.set("description_field",
          web::text_field({.id = "description",
                           .label = "Beskrivelse",
                           .value = in.description,
                           .hint = "Hvad køberen får, og hvordan det leveres. Højst 5.000 tegn.",
                           .optional = true},
                          error));
    auto categories = service.categories(stored_category);
    if (!categories.ok()) return site.from_error(ctx, categories.error());
    v.set("category_field", web::select_field({.id = "category", .label = "Kategori", .required = true},
                                              choices(*categories, "Vælg kategori"), in.category, error));
    v.set(
        "price_field",
        web::text_field({.id = "price",
                         .label = "Pris i kroner",
                         .value = in.price,
                         .autocomplete = "off",
                         .hint = "Uden moms, fx 125 eller 89,50. Lad feltet stå tomt ved pris efter aftale.",
                         .width = "s",
                         .inputmode = "decimal",
                         .optional = true},
                        error));
    v.set("unit_field", web::text_field({.id = "unit",
                                         .label = "Enhed",
                                         .value = in.unit,
                                         .autocomplete = "off",
                                         .hint = "Hvad prisen gælder for, fx stk., time eller kuvert.",
                                         .width = "m",
                                         .optional = true},
                                        error));
    v.set("delivery_area_field", web::text_field({.id = "delivery_area",
                                                  .label = "Leveringsområde",
                                                  .value = in.delivery_area,
                                                  .autocomplete = "off",
                                                  .hint = "Fx Slagelse Kommune eller Hele landet.",
                                                  .optional = true},
                                                 error));
    web::set_errors(v, error, "title");
    const std::string title = creating ? "Opret vare eller ydelse" : "Rediger " + in.title;
    return site.page(ctx, "catalogue/form", v, (error ? "Fejl: " : "") + title, status);
}

}  // namespace

// ---------------------------------------------------------------- views

View item_view(const catalogue::Item& i, bool with_status) {
    View v;
    v.set("id", i.id);
    v.set("href", "/katalog/" + std::to_string(i.id));
    v.set("title", i.title);
    if (!i.description.empty()) {
        v.set("description", i.description);
        v.set("teaser", teaser(i.description));
    }
    v.set("category", i.category).set("category_label", i.category_label);
    if (i.price_oere) v.set("price_oere", *i.price_oere);
    v.set("price_text", price_text(i));
    if (!i.unit.empty()) v.set("unit", i.unit);
    if (!i.delivery_area.empty()) v.set("delivery_area", i.delivery_area);
    v.set("enterprise_id", i.enterprise_id);
    v.set("enterprise_name", i.enterprise_name);
    v.set("enterprise_href", "/virksomheder/" + std::to_string(i.enterprise_id));
    v.set("municipality", i.municipality);
    if (with_status) {
        v.set("status", std::string(catalogue::item_status_code(i.status)));
        v.set("status_label", std::string(catalogue::item_status_label(i.status)));
        v.set("published", i.status == catalogue::ItemStatus::Published);
        v.set("updated_at", core::iso_timestamp(i.updated_at));
        v.set("updated_at_text", core::danish_local_time(i.updated_at));
    }
    return v;
}

View profile_view(const catalogue::PublicProfile& p) {
    View v;
    v.set("id", p.id).set("name", p.name).set("kind_label", p.kind_label).set("municipality", p.municipality);
    if (!p.purpose.empty()) v.set("purpose", p.purpose);
    if (!p.description.empty()) v.set("description", p.description);
    if (!p.website.empty()) v.set("website", p.website);
    v.set("registered_rsv", p.registered_rsv);
    View::List groups;
    for (const auto& g : p.target_groups) {
        View gv;
        gv.set("label", g);
        groups.push_back(std::move(gv));
    }
    v.set("has_target_groups", !groups.empty());
    v.set("target_groups", std::move(groups));
    View::List items;
    for (const auto& i : p.items) items.push_back(item_view(i));
    v.set("items", std::move(items));
    return v;
}

// ---------------------------------------------------------------- routes

void register_routes(web::Router& router, const web::Site& site, CatalogueService& service,
                     catalogue::ImageService* images) {
    const Access everyone = Access::everyone();
    const Access managers = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const web::Site* s = &site;
    CatalogueService* svc = &service;
    catalogue::ImageService* img = images;
    if (img) register_image_routes(router, site, service, *img);

    // ---- public pages ----
    router.get(
        "/katalog", everyone, [s, svc](RequestContext& ctx) { return search_page(*s, *svc, ctx); },
        "Public catalogue search (q, category, municipality, target_group, rsv, sort, page)");
    router.get(
        "/katalog/{id:int}", everyone,
        [s, svc, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto item = svc->public_item(id);
            if (!item.ok()) return s->from_error(ctx, item.error());
            View v;
            View iv = item_view(*item);
            core::Result<std::vector<catalogue::ItemImage>> list = std::vector<catalogue::ItemImage>{};
            if (img) list = img->public_list(id);
            if (list.ok() && !list->empty()) {
                View::List pics;
                for (const auto& m : *list) pics.push_back(image_view(m));
                iv.set("has_images", true);
                iv.set("images", std::move(pics));
            }
            v.set("item", std::move(iv));
            // A logged-in buyer can ask the enterprise about the item (B2).
            if (ctx.actor && ctx.actor->role == core::Role::Buyer)
                v.set("request_href", "/buying/requests/new?item=" + std::to_string(id));
            return s->page(ctx, "catalogue/item", v, item->title);
        },
        "One published catalogue item");
    router.get(
        "/virksomheder/{id:int}", everyone,
        [s, svc, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto profile = svc->public_profile(id);
            if (!profile.ok()) return s->from_error(ctx, profile.error());
            View v;
            View pv = profile_view(*profile);
            if (img) {
                View::List items;
                for (const auto& i : profile->items) {
                    View iv = item_view(i);
                    if (auto list = img->public_list(i.id); list.ok() && !list->empty())
                        iv.set("thumb", image_view(list->front()));
                    items.push_back(std::move(iv));
                }
                pv.set("items", std::move(items));
            }
            v.set("profile", std::move(pv));
            return s->page(ctx, "catalogue/profile", v, profile->name);
        },
        "Public profile of an enterprise with its published items");

    // ---- management pages ----
    router.get(
        "/catalogue/items", managers, [s, svc](RequestContext& ctx) { return manage_page(*s, *svc, ctx); },
        "Catalogue items for management (an enterprise user's own)");
    router.get(
        "/catalogue/items/new", managers,
        [s, svc](RequestContext& ctx) {
            return form_page(*s, *svc, ctx, std::nullopt, {}, std::nullopt, 200);
        },
        "New catalogue item form");
    router.post(
        "/catalogue/items", managers,
        [s, svc](RequestContext& ctx) {
            auto in = input_from(ctx.form);
            auto r = svc->create(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return form_page(*s, *svc, ctx, std::nullopt, in, e, status);
                });
            return s->redirect_with_flash(
                ctx, "/catalogue/items",
                "\"" + r->title + "\" er oprettet som kladde. Offentliggør den, når den er klar.");
        },
        "Create a catalogue item (as a draft)");
    router.get(
        "/catalogue/items/{id:int}/edit", managers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto item = svc->get(id, *ctx.actor);
            if (!item.ok()) return s->from_error(ctx, item.error());
            return form_page(*s, *svc, ctx, id, input_of(*item), std::nullopt, 200, item->category);
        },
        "Edit catalogue item form");
    router.post(
        "/catalogue/items/{id:int}", managers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = input_from(ctx.form);
            auto r = svc->update(id, in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    auto stored = svc->get(id, *ctx.actor);
                    return form_page(*s, *svc, ctx, id, in, e, status,
                                     stored.ok() ? stored->category : std::string());
                });
            return s->redirect_with_flash(ctx, "/catalogue/items",
                                          "Ændringerne i \"" + r->title + "\" er gemt.");
        },
        "Save a catalogue item");
    router.post(
        "/catalogue/items/{id:int}/publish", managers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->publish(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/catalogue/items", status_flash(*r));
        },
        "Publish a catalogue item");
    router.post(
        "/catalogue/items/{id:int}/unpublish", managers,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->unpublish(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, "/catalogue/items", status_flash(*r));
        },
        "Unpublish a catalogue item (back to draft)");
    router.post(
        "/catalogue/items/{id:int}/delete", managers,
        [s, svc, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            // The image rows go with the item (ON DELETE CASCADE); their files after the commit.
            std::vector<catalogue::ItemImage> pictures;
            if (img)
                if (auto list = img->public_list(id); list.ok()) pictures = std::move(*list);
            auto r = svc->remove(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            if (img) img->remove_files(pictures);
            return s->redirect_with_flash(ctx, "/catalogue/items", "Varen eller ydelsen er slettet.");
        },
        "Delete a catalogue item");

    // ---- public JSON API: the same service functions ----
    router.get(
        "/api/v1/catalogue", everyone,
        [s, svc](RequestContext& ctx) {
            auto page = svc->search(search_from(ctx.query));
            if (!page.ok()) return s->from_error(ctx, page.error());
            View::List items;
            for (const auto& i : page->items) items.push_back(item_view(i));
            View v;
            v.set("total", page->total).set("page", page->page).set("page_size", page->page_size);
            v.set("sort", std::string(catalogue::sort_code(page->sort)));
            v.set("items", std::move(items));
            return web::Site::json(200, v);
        },
        "Public catalogue search (same filters as /katalog, plus page_size; total and items)");
    router.get(
        "/api/v1/catalogue/{id:int}", everyone,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto item = svc->public_item(id);
            if (!item.ok()) return s->from_error(ctx, item.error());
            return web::Site::json(200, item_view(*item));
        },
        "One published catalogue item");
}

}  // namespace catalogue_http
