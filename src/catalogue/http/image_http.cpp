// Image management pages and the /billeder/ files of catalogue items.
#include "catalogue/http/image_http.hpp"

#include <fstream>
#include <iterator>
#include <string>

#include "core/text.hpp"
#include "web/form_views.hpp"
#include "web/handlers.hpp"

namespace catalogue_http {
namespace {

using core::Role;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

std::string images_href(std::int64_t item_id) {
    return "/catalogue/items/" + std::to_string(item_id) + "/images";
}
/// The upload target lives under the server's upload prefix "/catalogue/images/" (12 MB
/// bodies; every other form keeps the 1 MB limit).
std::string upload_href(std::int64_t item_id) {
    return "/catalogue/images/" + std::to_string(item_id);
}

Response images_page(const web::Site& site, catalogue::CatalogueService& catalogue,
                     catalogue::ImageService& images, const RequestContext& ctx, std::int64_t item_id,
                     const std::string& alt_text, const std::optional<core::Error>& error, int status) {
    auto item = catalogue.get(item_id, *ctx.actor);
    if (!item.ok()) return site.from_error(ctx, item.error());
    auto list = images.list(item_id, *ctx.actor);
    if (!list.ok()) return site.from_error(ctx, list.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    v.set("item_title", item->title);
    v.set("edit_href", "/catalogue/items/" + std::to_string(item_id) + "/edit");
    v.set("action", upload_href(item_id));
    View::List rows;
    for (const auto& m : *list) {
        View r = image_view(m);
        r.set("delete_action", images_href(item_id) + "/" + std::to_string(m.id) + "/delete");
        r.set("size_text", std::to_string(m.width) + " × " + std::to_string(m.height) + " punkter");
        rows.push_back(std::move(r));
    }
    v.set("has_images", !rows.empty());
    const bool full = static_cast<int>(rows.size()) >= catalogue::k_max_images_per_item;
    v.set("images", std::move(rows));
    if (full)
        v.set("full", true);
    else
        v.set("can_upload", true);
    if (auto e = web::field_error(error, "image")) v.set("image_error", *e);
    v.set(
        "alt_text_field",
        web::text_field({.id = "alt_text",
                         .label = "Billedtekst (alternativ tekst)",
                         .value = alt_text,
                         .autocomplete = "off",
                         .hint = "Beskriv, hvad billedet viser, for dem der ikke kan se det. Højst 200 tegn.",
                         .required = true},
                        error));
    web::set_errors(v, error, "image");
    const std::string title = "Billeder til " + item->title;
    return site.page(ctx, "catalogue/images", v, (error ? "Fejl: " : "") + title, status);
}

Response send_file(const web::Site& site, const RequestContext& ctx, catalogue::ImageService& images,
                   bool thumb) {
    const auto it = ctx.params.find("name");
    if (it == ctx.params.end()) return site.error(ctx.request, ctx.actor, 404);
    const core::Actor* actor = ctx.actor ? &*ctx.actor : nullptr;
    auto file = images.file(it->second, thumb, actor);
    if (!file.ok()) return site.error(ctx.request, ctx.actor, 404);
    std::ifstream in(file->path, std::ios::binary);
    if (!in) return site.error(ctx.request, ctx.actor, 404);
    Response r;
    r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    r.set_header("Content-Type", file->content_type);
    r.set_header("X-Content-Type-Options", "nosniff");
    // The names never change content: public images may be cached long; drafts only privately.
    auto pub = images.file(it->second, thumb, nullptr);
    r.set_header("Cache-Control", pub.ok() ? "public, max-age=86400" : "private, no-store");
    return r;
}

}  // namespace

View image_view(const catalogue::ItemImage& m) {
    View v;
    v.set("id", m.id);
    v.set("src", "/billeder/" + m.file_name);
    v.set("thumb_src", "/billeder/thumbs/" + m.thumb_name);
    v.set("alt", m.alt_text);
    v.set("width", static_cast<std::int64_t>(m.width)).set("height", static_cast<std::int64_t>(m.height));
    return v;
}

void register_image_routes(web::Router& router, const web::Site& site, catalogue::CatalogueService& catalogue,
                           catalogue::ImageService& images) {
    const Access everyone = Access::everyone();
    const Access managers = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const web::Site* s = &site;
    catalogue::CatalogueService* cat = &catalogue;
    catalogue::ImageService* img = &images;

    router.get(
        "/catalogue/items/{id:int}/images", managers,
        [s, cat, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            return images_page(*s, *cat, *img, ctx, id, {}, std::nullopt, 200);
        },
        "Images of a catalogue item (list, upload form, delete)");
    router.post(
        "/catalogue/images/{id:int}", managers,
        [s, cat, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            catalogue::ImageUpload up;
            up.alt_text = ctx.form.text("alt_text");
            for (const auto& f : ctx.files) {
                if (f.field != "image") continue;
                up.bytes = f.data;
                up.declared_name = f.filename;
            }
            auto r = img->add(id, up, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int status) {
                    return images_page(*s, *cat, *img, ctx, id, up.alt_text, e, status);
                });
            return s->redirect_with_flash(ctx, images_href(id), "Billedet er gemt.");
        },
        "Upload an image to a catalogue item (multipart: image, alt_text)");
    router.post(
        "/catalogue/items/{id:int}/images/{image_id:int}/delete", managers,
        [s, img](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            const std::int64_t image_id = ctx.int_param("image_id");
            auto r = img->remove(image_id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return s->redirect_with_flash(ctx, images_href(id), "Billedet er slettet.");
        },
        "Delete an image of a catalogue item");

    router.get(
        "/billeder/{name}", everyone,
        [s, img](RequestContext& ctx) { return send_file(*s, ctx, *img, false); },
        "An image of a catalogue item (public when the item is published)");
    router.get(
        "/billeder/thumbs/{name}", everyone,
        [s, img](RequestContext& ctx) { return send_file(*s, ctx, *img, true); },
        "A thumbnail of a catalogue item image (public when the item is published)");
}

}  // namespace catalogue_http
