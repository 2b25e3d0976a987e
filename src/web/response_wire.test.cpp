#include "web/response_wire.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(ResponseWire, TokensAndSafeValues) {
    EXPECT_TRUE(web::is_token("X-Custom_1.a~"));
    EXPECT_FALSE(web::is_token(""));
    EXPECT_FALSE(web::is_token("Bad Name"));
    EXPECT_FALSE(web::is_token("a:b"));
    EXPECT_TRUE(web::is_safe_value("text/html; charset=utf-8\t\xc3\xa6"));
    EXPECT_FALSE(web::is_safe_value("a\r\nSet-Cookie: x=1"));
    EXPECT_FALSE(web::is_safe_value(std::string("a\0b", 3)));
    EXPECT_FALSE(web::is_safe_value("a\x7f"));
    EXPECT_TRUE(web::is_server_owned("Content-Length"));
    EXPECT_TRUE(web::is_server_owned("TRAILER"));
    EXPECT_FALSE(web::is_server_owned("Content-Type"));
}

TEST(ResponseWire, HttpDateHasTheImfFixdateShape) {
    const auto d = web::http_date();
    ASSERT_EQ(d.size(), 29u) << d;
    EXPECT_EQ(d.substr(3, 2), ", ");
    EXPECT_EQ(d.substr(25), " GMT");
}

TEST(ResponseWire, SerializesHeadersBodyAndConnection) {
    web::Response res = web::Response::text(200, "hello");
    res.headers.emplace_back("X-Evil", "a\r\nSet-Cookie: injected=1");
    res.headers.emplace_back("Content-Length", "999");
    const auto out = web::serialize_response(res, "OK", "DATE", false, true, false);
    EXPECT_EQ(out.body_bytes, 5u);
    EXPECT_EQ(out.bytes.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
    EXPECT_NE(out.bytes.find("Server: brobygger\r\nDate: DATE\r\n"), std::string::npos);
    EXPECT_NE(out.bytes.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos);
    EXPECT_NE(out.bytes.find("Content-Length: 5\r\n\r\nhello"), std::string::npos);
    EXPECT_EQ(out.bytes.find("999"), std::string::npos);
    EXPECT_EQ(out.bytes.find("injected"), std::string::npos);
    EXPECT_EQ(out.bytes.find("Connection:"), std::string::npos);

    const auto closing = web::serialize_response(res, "OK", "DATE", true, false, false);
    EXPECT_EQ(closing.body_bytes, 0u);
    EXPECT_NE(closing.bytes.find("Content-Length: 5\r\nConnection: close\r\n\r\n"), std::string::npos);
    EXPECT_EQ(closing.bytes.substr(closing.bytes.size() - 4), "\r\n\r\n");

    const auto old = web::serialize_response(res, "OK", "DATE", false, true, true);
    EXPECT_NE(old.bytes.find("Connection: keep-alive\r\n"), std::string::npos);

    web::Response empty;
    empty.status = 204;
    empty.body = "ignored";
    const auto nc = web::serialize_response(empty, "No Content", "DATE", false, true, false);
    EXPECT_EQ(nc.bytes.find("Content-Length"), std::string::npos);
    EXPECT_EQ(nc.bytes.find("ignored"), std::string::npos);
}

}  // namespace
