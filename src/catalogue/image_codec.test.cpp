// image_codec: content detection, limits, decompression bombs, truncation and thumbnails.
#include "catalogue/image_codec.hpp"

#include <gtest/gtest.h>

#include "catalogue/image_test_files.hpp"

namespace catalogue {
namespace {

std::string message_of(const core::Result<CheckedImage>& r) {
    if (r.ok() || r.error().fields.empty()) return {};
    EXPECT_EQ(r.error().fields.front().field, "image");
    return r.error().fields.front().message;
}

/// Width and height from a PNG's IHDR.
std::pair<int, int> png_size(const std::string& png) {
    auto be = [&](std::size_t at) {
        return (static_cast<unsigned char>(png[at]) << 24) | (static_cast<unsigned char>(png[at + 1]) << 16) |
               (static_cast<unsigned char>(png[at + 2]) << 8) | static_cast<unsigned char>(png[at + 3]);
    };
    return {be(16), be(20)};
}

TEST(ImageCodec, AcceptsAPngAndMakesAThumbnailWithinTheBox) {
    auto r = check_image(test_images::png(800, 400));
    ASSERT_TRUE(r.ok()) << message_of(r);
    EXPECT_EQ(r->content_type, "image/png");
    EXPECT_EQ(r->extension, ".png");
    EXPECT_EQ(r->width, 800);
    EXPECT_EQ(r->height, 400);
    EXPECT_EQ(png_size(r->thumbnail_png), std::make_pair(400, 200));  // aspect kept
}

TEST(ImageCodec, AcceptsAJpegAndMakesAPngThumbnail) {
    auto r = check_image(test_images::jpeg(1200, 1200));
    ASSERT_TRUE(r.ok()) << message_of(r);
    EXPECT_EQ(r->content_type, "image/jpeg");
    EXPECT_EQ(r->extension, ".jpg");
    EXPECT_EQ(r->width, 1200);
    EXPECT_EQ(r->height, 1200);
    ASSERT_GT(r->thumbnail_png.size(), 8u);
    EXPECT_EQ(r->thumbnail_png.substr(1, 3), "PNG");
    EXPECT_EQ(png_size(r->thumbnail_png), std::make_pair(300, 300));  // height is the limit
}

TEST(ImageCodec, SmallImagesAreNotEnlarged) {
    auto r = check_image(test_images::jpeg(40, 30));
    ASSERT_TRUE(r.ok()) << message_of(r);
    EXPECT_EQ(png_size(r->thumbnail_png), std::make_pair(40, 30));
}

TEST(ImageCodec, TextRenamedToJpgIsNotAnImage) {
    EXPECT_EQ(message_of(check_image("Dette er ikke et billede, selv om filen hedder foto.jpg\n")),
              "Filen er ikke et billede i JPEG- eller PNG-format.");
}

TEST(ImageCodec, OtherFormatsAreRefused) {
    EXPECT_EQ(message_of(check_image("GIF89a\x01\x00\x01\x00")), std::string(k_msg_not_image));
    EXPECT_EQ(message_of(check_image(std::string("%PDF-1.7\n"))), std::string(k_msg_not_image));
}

TEST(ImageCodec, OversizedFileIsRefusedBeforeDecoding) {
    std::string big = test_images::jpeg(16, 16);
    big.resize(k_max_image_bytes + 1, '\0');
    EXPECT_EQ(message_of(check_image(big)), "Billedet må højst fylde 5 MB.");
}

TEST(ImageCodec, PngHeaderClaiming100000x100000IsRefusedFromTheHeader) {
    std::string png = test_images::png(10, 10);
    const unsigned char big[8] = {0x00, 0x01, 0x86, 0xA0, 0x00, 0x01, 0x86, 0xA0};  // 100000 × 100000
    png.replace(16, 8, reinterpret_cast<const char*>(big), 8);
    EXPECT_EQ(message_of(check_image(png)), "Billedet må højst være 6000 × 6000 punkter.");
}

TEST(ImageCodec, JpegHeaderClaimingTooManyPixelsIsRefused) {
    // A real 7000 × 10 JPEG: refused from its header.
    EXPECT_EQ(message_of(check_image(test_images::jpeg(7000, 10))),
              "Billedet må højst være 6000 × 6000 punkter.");
}

TEST(ImageCodec, TruncatedJpegIsNotAnImage) {
    const std::string full = test_images::jpeg(200, 150);
    EXPECT_EQ(message_of(check_image(full.substr(0, full.size() / 2))), std::string(k_msg_not_image));
    EXPECT_EQ(message_of(check_image(full.substr(0, 3))), std::string(k_msg_not_image));
}

TEST(ImageCodec, TruncatedOrCorruptPngIsNotAnImage) {
    const std::string full = test_images::png(200, 150);
    EXPECT_EQ(message_of(check_image(full.substr(0, full.size() - 20))), std::string(k_msg_not_image));
    EXPECT_EQ(message_of(check_image(full.substr(0, 20))), std::string(k_msg_not_image));
}

}  // namespace
}  // namespace catalogue
