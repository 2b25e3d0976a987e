#pragma once
/// Images of catalogue items (B1): upload, list, delete and the files behind /billeder/.
///
/// Access is the item edit rule of CatalogueService: admin and consultant for every item, an
/// enterprise user only for its own enterprise's items (others' are NotFound, nothing changes),
/// caseworker and buyer Forbidden. The files of a published, public item are served to anyone;
/// those of drafts only to the users who may edit the item (everyone else: NotFound).
///
/// An upload is checked by content (image_codec.hpp) before anything is written; the declared
/// file name is only used in messages. Files go to <images_dir>/<32 hex>.<jpg|png> and
/// <images_dir>/thumbs/<32 hex>.png, names from libsodium's randombytes, each written to a
/// temporary name first and renamed. The row and the audit entry are one transaction; when it
/// fails the files are removed again. At most k_max_images_per_item images per item.
/// Thread-safe: one instance serves all requests.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace catalogue {

inline constexpr int k_max_images_per_item = 6;
inline constexpr std::size_t k_max_alt_text = 200;

struct ItemImage {
    std::int64_t id = 0;
    std::int64_t item_id = 0;
    std::string file_name;   ///< served at /billeder/<file_name>
    std::string thumb_name;  ///< served at /billeder/thumbs/<thumb_name>
    std::string content_type;
    int width = 0;
    int height = 0;
    std::int64_t bytes = 0;
    std::string alt_text;
    int position = 0;
};

struct ImageUpload {
    std::string bytes;          ///< the uploaded file as received
    std::string declared_name;  ///< the client's file name: messages only, never stored
    std::string alt_text;
};

/// A file to send: its absolute path and Content-Type.
struct ImageFile {
    std::filesystem::path path;
    std::string content_type;
};

class ImageService {
public:
    ImageService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                 std::filesystem::path images_dir);
    ImageService(const ImageService&) = delete;
    ImageService& operator=(const ImageService&) = delete;

    /// Adds an image to item `item_id`. Validation on "image" (not JPEG/PNG, over 5 MB, too
    /// many pixels, item already has 6) and "alt_text" (missing, over 200 characters).
    core::Result<ItemImage> add(std::int64_t item_id, const ImageUpload& upload, const core::Actor& actor);
    /// Deletes an image and its two files.
    core::Result<void> remove(std::int64_t image_id, const core::Actor& actor);
    /// The images of an item the actor may edit.
    core::Result<std::vector<ItemImage>> list(std::int64_t item_id, const core::Actor& actor);
    /// The images of an item for its public pages (no access check: callers only ask for items
    /// the public catalogue returned).
    core::Result<std::vector<ItemImage>> public_list(std::int64_t item_id);
    /// The file behind /billeder/<name> (thumb = false) or /billeder/thumbs/<name>. `actor` is
    /// nullptr for visitors. NotFound for malformed or unknown names and non-public images the
    /// actor may not edit.
    core::Result<ImageFile> file(std::string_view name, bool thumb, const core::Actor* actor);
    /// Removes the files of `images` (from public_list, taken before the item was deleted: the
    /// rows go with the item by ON DELETE CASCADE). Call only after the delete committed.
    void remove_files(const std::vector<ItemImage>& images);

    [[nodiscard]] const std::filesystem::path& images_dir() const { return m_dir; }

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    std::filesystem::path m_dir;
};

/// True for names the server generates: 32 lower-case hex characters + ".jpg" or ".png".
bool is_generated_image_name(std::string_view name);

}  // namespace catalogue
