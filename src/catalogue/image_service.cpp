// ImageService: checked uploads, generated file names, files and rows kept together.
#include "catalogue/image_service.hpp"

#include <sodium.h>

#include <fstream>
#include <system_error>

#include "catalogue/image_codec.hpp"
#include "catalogue/sql.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"

namespace catalogue {
namespace {

namespace fs = std::filesystem;

core::Result<void> check_manager(const core::Actor& a) {
    if (a.is_staff() || a.role == core::Role::Enterprise) return {};
    return core::Error::forbidden("Kun virksomheder og kommunens konsulenter kan redigere kataloget.");
}

bool may_edit(const core::Actor& a, std::int64_t enterprise_id) {
    if (a.is_staff()) return true;
    return a.role == core::Role::Enterprise && a.enterprise_id && *a.enterprise_id == enterprise_id;
}

/// The enterprise of item `item_id` after the edit-access check.
core::Result<std::int64_t> checked_item(db::Connection& conn, std::int64_t item_id,
                                        const core::Actor& actor) {
    BB_ASSIGN(auto rows, conn.query(sql::image_item_ref, {item_id}));
    if (rows.empty()) return core::Error::not_found();
    const std::int64_t enterprise_id = rows.first().int64(0);
    if (!may_edit(actor, enterprise_id)) return core::Error::not_found();
    return enterprise_id;
}

ItemImage image_from_row(const db::Row& r) {
    ItemImage m;
    m.id = r.int64(0);
    m.item_id = r.int64(1);
    m.file_name = r.text(2);
    m.thumb_name = r.text(3);
    m.content_type = r.text(4);
    m.width = static_cast<int>(r.int64(5));
    m.height = static_cast<int>(r.int64(6));
    m.bytes = r.int64(7);
    m.alt_text = r.text(8);
    m.position = static_cast<int>(r.int64(9));
    return m;
}

std::string random_hex() {
    unsigned char buf[16];
    randombytes_buf(buf, sizeof buf);
    char hex[sizeof buf * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, buf, sizeof buf);
    return hex;
}

/// Writes `bytes` to a temporary file in the directory of `target`, then renames it.
bool write_file(const fs::path& target, std::string_view bytes) {
    const fs::path tmp = target.parent_path() / (".tmp-" + random_hex());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) fs::remove(tmp, ec);
    return !ec;
}

void remove_quietly(const fs::path& p) {
    std::error_code ec;
    fs::remove(p, ec);
}

}  // namespace

bool is_generated_image_name(std::string_view name) {
    if (name.size() != 36) return false;
    const std::string_view ext = name.substr(32);
    if (ext != ".jpg" && ext != ".png") return false;
    for (char c : name.substr(0, 32))
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

ImageService::ImageService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                           std::filesystem::path images_dir)
    : m_db(db), m_clock(clock), m_audit(audit), m_dir(std::move(images_dir)) {
    if (sodium_init() < 0) std::abort();
}

core::Result<ItemImage> ImageService::add(std::int64_t item_id, const ImageUpload& upload,
                                          const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    // Access first: someone else's item is NotFound whatever the upload holds.
    BB_TRY(m_db.read([&](db::Connection& conn) -> core::Result<void> {
        BB_TRY(checked_item(conn, item_id, actor));
        return {};
    }));
    core::Validator v;
    const std::string alt(core::trim(upload.alt_text));
    if (alt.empty())
        v.add("alt_text", "Skriv en billedtekst, der beskriver billedet (alternativ tekst).");
    else
        core::check_text(v, "alt_text", alt, k_max_alt_text, "Billedteksten");
    std::optional<CheckedImage> checked;
    if (upload.bytes.empty()) {
        v.add("image", "Vælg en billedfil (JPEG eller PNG).");
    } else {
        auto c = check_image(upload.bytes);
        if (c.ok()) {
            checked = std::move(c).value();
        } else if (c.error().code == core::ErrorCode::Validation) {
            for (const auto& f : c.error().fields) v.add(f.field, f.message);
        } else {
            return c.take_error();
        }
    }
    if (!v.ok()) return v.error();

    // Files first (nothing refers to them until the row exists), the row second.
    std::error_code ec;
    fs::create_directories(m_dir / "thumbs", ec);
    if (ec) return core::Error::internal("Billedet kunne ikke gemmes.");
    const std::string file_name = random_hex() + checked->extension;
    const std::string thumb_name = random_hex() + ".png";
    const fs::path file_path = m_dir / file_name;
    const fs::path thumb_path = m_dir / "thumbs" / thumb_name;
    if (!write_file(file_path, upload.bytes)) return core::Error::internal("Billedet kunne ikke gemmes.");
    if (!write_file(thumb_path, checked->thumbnail_png)) {
        remove_quietly(file_path);
        return core::Error::internal("Billedet kunne ikke gemmes.");
    }
    auto stored = m_db.write([&](db::Connection& conn) -> core::Result<ItemImage> {
        BB_TRY(checked_item(conn, item_id, actor));
        BB_ASSIGN(auto count, conn.query(sql::image_count, {item_id}));
        if (count.first().int64(0) >= k_max_images_per_item)
            return core::Error::validation(
                "image", "En vare kan højst have " + std::to_string(k_max_images_per_item) + " billeder.");
        const std::int64_t position = count.first().int64(1);
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto ins,
                  conn.query(sql::image_insert, {item_id, file_name, thumb_name, checked->content_type,
                                                 static_cast<std::int64_t>(checked->width),
                                                 static_cast<std::int64_t>(checked->height),
                                                 static_cast<std::int64_t>(upload.bytes.size()), alt,
                                                 position, now, audit::user_ref(actor)}));
        const std::int64_t id = ins.first().int64(0);
        BB_TRY(
            m_audit.record(conn, actor, "image_add", "catalogue_item", std::to_string(item_id), file_name));
        ItemImage m;
        m.id = id;
        m.item_id = item_id;
        m.file_name = file_name;
        m.thumb_name = thumb_name;
        m.content_type = checked->content_type;
        m.width = checked->width;
        m.height = checked->height;
        m.bytes = static_cast<std::int64_t>(upload.bytes.size());
        m.alt_text = alt;
        m.position = static_cast<int>(position);
        return m;
    });
    if (!stored.ok()) {
        remove_quietly(file_path);
        remove_quietly(thumb_path);
    }
    return stored;
}

core::Result<void> ImageService::remove(std::int64_t image_id, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    std::string file_name, thumb_name;
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto rows, conn.query(sql::image_by_id, {image_id}));
        if (rows.empty()) return core::Error::not_found();
        const ItemImage m = image_from_row(rows.first());
        if (!may_edit(actor, rows.first().int64(10))) return core::Error::not_found();
        file_name = m.file_name;
        thumb_name = m.thumb_name;
        BB_TRY(conn.query(sql::image_delete, {image_id}));
        return m_audit.record(conn, actor, "image_delete", "catalogue_item", std::to_string(m.item_id),
                              m.file_name);
    }));
    // After the commit: a failed transaction leaves the files in place.
    if (is_generated_image_name(file_name)) remove_quietly(m_dir / file_name);
    if (is_generated_image_name(thumb_name)) remove_quietly(m_dir / "thumbs" / thumb_name);
    return {};
}

core::Result<std::vector<ItemImage>> ImageService::list(std::int64_t item_id, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<ItemImage>> {
        BB_TRY(checked_item(conn, item_id, actor));
        BB_ASSIGN(auto rows, conn.query(sql::image_list, {item_id}));
        std::vector<ItemImage> out;
        for (const auto& r : rows.rows) out.push_back(image_from_row(r));
        return out;
    });
}

core::Result<std::vector<ItemImage>> ImageService::public_list(std::int64_t item_id) {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<ItemImage>> {
        BB_ASSIGN(auto rows, conn.query(sql::image_list, {item_id}));
        std::vector<ItemImage> out;
        for (const auto& r : rows.rows) out.push_back(image_from_row(r));
        return out;
    });
}

core::Result<ImageFile> ImageService::file(std::string_view name, bool thumb, const core::Actor* actor) {
    if (!is_generated_image_name(name) || (thumb && !name.ends_with(".png"))) return core::Error::not_found();
    BB_ASSIGN(auto rows, m_db.read([&](db::Connection& conn) {
        return conn.query(sql::image_by_name, {std::string(name)});
    }));
    for (const auto& r : rows.rows) {
        const std::string stored = thumb ? r.text(1) : r.text(0);
        if (stored != name) continue;
        const bool is_public = r.int64(4) == 1;
        if (!is_public && !(actor && may_edit(*actor, r.int64(3)))) return core::Error::not_found();
        ImageFile f;
        f.path = thumb ? m_dir / "thumbs" / stored : m_dir / stored;
        f.content_type = thumb ? "image/png" : r.text(2);
        std::error_code ec;
        if (!fs::is_regular_file(f.path, ec)) return core::Error::not_found();
        return f;
    }
    return core::Error::not_found();
}

void ImageService::remove_files(const std::vector<ItemImage>& images) {
    for (const auto& m : images) {
        if (is_generated_image_name(m.file_name)) remove_quietly(m_dir / m.file_name);
        if (is_generated_image_name(m.thumb_name)) remove_quietly(m_dir / "thumbs" / m.thumb_name);
    }
}

}  // namespace catalogue
