// Content checks and thumbnails for catalogue images: libjpeg for JPEG, cairo for PNG.
#include "catalogue/image_codec.hpp"

#include <cairo.h>
#include <jpeglib.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace catalogue {
namespace {

core::Error not_image() {
    return core::Error::validation("image", std::string(k_msg_not_image));
}

bool starts_with(std::string_view bytes, std::string_view magic) {
    return bytes.size() >= magic.size() && bytes.substr(0, magic.size()) == magic;
}

constexpr std::string_view k_png_magic{"\x89PNG\r\n\x1a\n", 8};
constexpr std::string_view k_jpeg_magic{"\xff\xd8\xff", 3};

std::uint32_t be32(std::string_view b, std::size_t at) {
    auto u = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + i])); };
    return (u(0) << 24) | (u(1) << 16) | (u(2) << 8) | u(3);
}

bool dimensions_ok(long long w, long long h) {
    return w >= 1 && h >= 1 && w <= k_max_image_side && h <= k_max_image_side;
}

std::string too_many_pixels() {
    return "Billedet må højst være " + std::to_string(k_max_image_side) + " × " +
           std::to_string(k_max_image_side) + " punkter.";
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

/// Scales `source` (any size) into a PNG no larger than the thumbnail box for an image of
/// `width` × `height`.
core::Result<std::string> thumbnail(cairo_surface_t* source, int width, int height) {
    const double s = std::min({1.0, double(k_thumb_width) / width, double(k_thumb_height) / height});
    const int tw = std::max(1, static_cast<int>(std::lround(width * s)));
    const int th = std::max(1, static_cast<int>(std::lround(height * s)));
    Surface out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, tw, th));
    if (cairo_surface_status(out.get()) != CAIRO_STATUS_SUCCESS) return core::Error::internal();
    cairo_t* cr = cairo_create(out.get());
    cairo_scale(cr, double(tw) / cairo_image_surface_get_width(source),
                double(th) / cairo_image_surface_get_height(source));
    cairo_set_source_surface(cr, source, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    const bool ok = cairo_status(cr) == CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    if (!ok) return core::Error::internal();
    std::string png;
    auto writer = [](void* closure, const unsigned char* data, unsigned int length) -> cairo_status_t {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    };
    if (cairo_surface_write_to_png_stream(out.get(), writer, &png) != CAIRO_STATUS_SUCCESS)
        return core::Error::internal();
    return png;
}

// ---- PNG ------------------------------------------------------------------------------------

struct PngReader {
    std::string_view data;
    std::size_t at = 0;
};

core::Result<CheckedImage> check_png(std::string_view bytes) {
    // Signature, then the IHDR chunk: length (13), "IHDR", width, height (big-endian).
    if (bytes.size() < 33 || be32(bytes, 8) != 13 || bytes.substr(12, 4) != "IHDR") return not_image();
    const long long w = be32(bytes, 16);
    const long long h = be32(bytes, 20);
    if (w < 1 || h < 1) return not_image();
    if (!dimensions_ok(w, h)) return core::Error::validation("image", too_many_pixels());
    PngReader reader{bytes, 0};
    auto read = [](void* closure, unsigned char* data, unsigned int length) -> cairo_status_t {
        auto* r = static_cast<PngReader*>(closure);
        if (r->data.size() - r->at < length) return CAIRO_STATUS_READ_ERROR;
        std::memcpy(data, r->data.data() + r->at, length);
        r->at += length;
        return CAIRO_STATUS_SUCCESS;
    };
    Surface surface(cairo_image_surface_create_from_png_stream(read, &reader));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return not_image();
    if (cairo_image_surface_get_width(surface.get()) != w ||
        cairo_image_surface_get_height(surface.get()) != h)
        return not_image();
    CheckedImage img;
    img.content_type = "image/png";
    img.extension = ".png";
    img.width = static_cast<int>(w);
    img.height = static_cast<int>(h);
    BB_ASSIGN(img.thumbnail_png, thumbnail(surface.get(), img.width, img.height));
    return img;
}

// ---- JPEG -----------------------------------------------------------------------------------

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
    std::longjmp(reinterpret_cast<JpegError*>(cinfo->err)->jump, 1);
}
void jpeg_silent(j_common_ptr) {}

enum class JpegOutcome { Ok, NotImage, TooLarge };

/// Decodes every scan of the JPEG (at a reduced scale when that still covers the thumbnail) into
/// `pixels` (BGRA rows = cairo ARGB32 on little-endian). No C++ object with a destructor lives
/// between setjmp and a possible longjmp except those declared by the caller.
JpegOutcome decode_jpeg(std::string_view bytes, std::vector<unsigned char>& pixels, int& width, int& height,
                        int& out_w, int& out_h, int& stride) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.output_message = jpeg_silent;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return JpegOutcome::NotImage;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()),
                 static_cast<unsigned long>(bytes.size()));
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
        jpeg_destroy_decompress(&cinfo);
        return JpegOutcome::NotImage;
    }
    width = static_cast<int>(cinfo.image_width);
    height = static_cast<int>(cinfo.image_height);
    if (!dimensions_ok(cinfo.image_width, cinfo.image_height)) {
        jpeg_destroy_decompress(&cinfo);
        return JpegOutcome::TooLarge;
    }
    // Smallest scale n/8 whose output still covers the thumbnail box.
    const double need = std::min({1.0, double(k_thumb_width) / width, double(k_thumb_height) / height});
    unsigned n = 1;
    while (n < 8 && (width * n / 8.0 < width * need || height * n / 8.0 < height * need)) ++n;
    cinfo.scale_num = n;
    cinfo.scale_denom = 8;
    cinfo.out_color_space = JCS_EXT_BGRA;
    jpeg_start_decompress(&cinfo);
    out_w = static_cast<int>(cinfo.output_width);
    out_h = static_cast<int>(cinfo.output_height);
    stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, out_w);
    pixels.assign(static_cast<std::size_t>(stride) * out_h, 0);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels.data() + static_cast<std::size_t>(stride) * cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    // Truncated or corrupt data only produces warnings (libjpeg pads with grey): refuse them.
    const bool clean = err.mgr.num_warnings == 0;
    jpeg_destroy_decompress(&cinfo);
    return clean ? JpegOutcome::Ok : JpegOutcome::NotImage;
}

core::Result<CheckedImage> check_jpeg(std::string_view bytes) {
    std::vector<unsigned char> pixels;
    int width = 0, height = 0, out_w = 0, out_h = 0, stride = 0;
    switch (decode_jpeg(bytes, pixels, width, height, out_w, out_h, stride)) {
        case JpegOutcome::NotImage:
            return not_image();
        case JpegOutcome::TooLarge:
            return core::Error::validation("image", too_many_pixels());
        case JpegOutcome::Ok:
            break;
    }
    Surface surface(
        cairo_image_surface_create_for_data(pixels.data(), CAIRO_FORMAT_ARGB32, out_w, out_h, stride));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return core::Error::internal();
    CheckedImage img;
    img.content_type = "image/jpeg";
    img.extension = ".jpg";
    img.width = width;
    img.height = height;
    BB_ASSIGN(img.thumbnail_png, thumbnail(surface.get(), width, height));
    return img;
}

}  // namespace

core::Result<CheckedImage> check_image(std::string_view bytes) {
    if (bytes.size() > k_max_image_bytes) return core::Error::validation("image", std::string(k_msg_too_big));
    if (starts_with(bytes, k_png_magic)) return check_png(bytes);
    if (starts_with(bytes, k_jpeg_magic)) return check_jpeg(bytes);
    return not_image();
}

}  // namespace catalogue
