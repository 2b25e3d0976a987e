// multipart/form-data: boundaries, fields, one file, framing errors and limits.
#include "web/multipart.hpp"

#include <gtest/gtest.h>

namespace web {
namespace {

const std::string k_ct = "multipart/form-data; boundary=----WebKitFormBoundaryX7";

std::string body_with(const std::string& file_data) {
    return "------WebKitFormBoundaryX7\r\n"
           "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
           "tok123\r\n"
           "------WebKitFormBoundaryX7\r\n"
           "Content-Disposition: form-data; name=\"file\"; filename=\"../../virk som\\\"heder.csv\"\r\n"
           "Content-Type: text/csv\r\n\r\n" +
           file_data + "\r\n------WebKitFormBoundaryX7--\r\n";
}

TEST(Multipart, Boundary) {
    EXPECT_EQ(multipart_boundary(k_ct), "----WebKitFormBoundaryX7");
    EXPECT_EQ(multipart_boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""), "a b");
    EXPECT_FALSE(multipart_boundary("multipart/form-data"));
    EXPECT_FALSE(multipart_boundary("multipart/mixed; boundary=x"));
    EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
    EXPECT_FALSE(multipart_boundary("multipart/form-data; boundary=\"x"));
}

TEST(Multipart, FieldsAndOneFile) {
    std::string data = "navn;cvr\r\nA;1\r\n--not-the-boundary\r\n";
    auto r = parse_multipart(k_ct, body_with(data));
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->fields.get("csrf_token"), "tok123");
    ASSERT_EQ(r->files.size(), 1u);
    EXPECT_EQ(r->files[0].field, "file");
    EXPECT_EQ(r->files[0].filename, "../../virk som\"heder.csv");
    EXPECT_EQ(r->files[0].content_type, "text/csv");
    EXPECT_EQ(r->files[0].data, data);
}

TEST(Multipart, EmptyFileAndBinary) {
    auto r = parse_multipart(k_ct, body_with(""));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->files.at(0).data, "");
    std::string bin("PK\3\4\0\r\n\xff", 8);
    auto b = parse_multipart(k_ct, body_with(bin));
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(b->files.at(0).data, bin);
}

TEST(Multipart, FramingErrors) {
    EXPECT_FALSE(parse_multipart(k_ct, "").ok());
    EXPECT_FALSE(parse_multipart(k_ct, "garbage").ok());
    std::string unterminated = body_with("x");
    unterminated.resize(unterminated.size() - 30);
    EXPECT_FALSE(parse_multipart(k_ct, unterminated).ok());
    EXPECT_FALSE(parse_multipart(k_ct,
                                 "------WebKitFormBoundaryX7\r\nContent-Type: text/plain\r\n\r\nx\r\n"
                                 "------WebKitFormBoundaryX7--")
                     .ok());  // no Content-Disposition
    EXPECT_FALSE(parse_multipart(
                     k_ct,
                     "------WebKitFormBoundaryX7\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n"
                     "------WebKitFormBoundaryX7--")
                     .ok());
    EXPECT_FALSE(parse_multipart("text/plain", body_with("x")).ok());
}

TEST(Multipart, Limits) {
    std::string two =
        "------WebKitFormBoundaryX7\r\n"
        "Content-Disposition: form-data; name=\"a\"; filename=\"a\"\r\n\r\nx\r\n"
        "------WebKitFormBoundaryX7\r\n"
        "Content-Disposition: form-data; name=\"b\"; filename=\"b\"\r\n\r\ny\r\n"
        "------WebKitFormBoundaryX7--\r\n";
    auto r = parse_multipart(k_ct, two);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().message, "Send én fil ad gangen.");

    MultipartLimits small;
    small.max_file_bytes = 3;
    EXPECT_FALSE(parse_multipart(k_ct, body_with("abcd"), small).ok());
    small = MultipartLimits{};
    small.max_parts = 1;
    EXPECT_FALSE(parse_multipart(k_ct, body_with("a"), small).ok());
    std::string bad_utf8 =
        "------WebKitFormBoundaryX7\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\r\n"
        "------WebKitFormBoundaryX7--";
    EXPECT_FALSE(parse_multipart(k_ct, bad_utf8).ok());
}

}  // namespace
}  // namespace web
