#pragma once
/// Checks uploaded catalogue images by their CONTENT and makes thumbnails. The only place that
/// touches libjpeg and cairo's PNG reader/writer.
///
/// Accepted: JPEG (magic FF D8 FF, decoded with libjpeg) and PNG (8-byte signature, decoded with
/// cairo). The declared file name and content type of an upload are never trusted. Refused,
/// with Danish messages on field "image":
///   - more than k_max_image_bytes bytes;
///   - anything that is not a JPEG or PNG, or does not decode completely (truncated, corrupt,
///     text renamed to .jpg);
///   - a width or height above k_max_image_side, read from the header BEFORE any pixels are
///     decoded (decompression bombs never allocate).
/// The thumbnail is a PNG at most k_thumb_width × k_thumb_height, aspect ratio kept, never
/// enlarged. Thread-safe (no shared state).
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace catalogue {

inline constexpr std::size_t k_max_image_bytes = 5 * 1024 * 1024;
inline constexpr int k_max_image_side = 6000;
inline constexpr int k_thumb_width = 400;
inline constexpr int k_thumb_height = 300;

inline constexpr std::string_view k_msg_not_image = "Filen er ikke et billede i JPEG- eller PNG-format.";
inline constexpr std::string_view k_msg_too_big = "Billedet må højst fylde 5 MB.";

struct CheckedImage {
    std::string content_type;  ///< "image/jpeg" or "image/png"
    std::string extension;     ///< ".jpg" or ".png"
    int width = 0;
    int height = 0;
    std::string thumbnail_png;  ///< encoded PNG bytes
};

/// Validates `bytes` completely and renders the thumbnail. Validation errors on field "image".
core::Result<CheckedImage> check_image(std::string_view bytes);

}  // namespace catalogue
