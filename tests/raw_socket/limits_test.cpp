// Limits (HT-01): header count and size, request line, bodies (Content-Length and chunked),
// upload prefixes.
#include <gtest/gtest.h>

#include <string>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST_F(ServerTest, HundredThousandHeadersGive431AndClose) {
    start();
    std::string payload = "GET / HTTP/1.1\r\nHost: test\r\n";
    for (int i = 0; i < 100000; ++i) payload += "X-H" + std::to_string(i) + ": v\r\n";
    payload += "\r\n";
    {
        Client c(port());
        c.send_in_background(payload);
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 431);
        EXPECT_TRUE(c.wait_closed());
    }
    expect_healthy();
}

TEST_F(ServerTest, HugeHeaderLineGives431AndClose) {
    start();
    Client c(port());
    c.send_in_background("GET / HTTP/1.1\r\nHost: test\r\nX-Big: " + std::string(64 * 1024, 'a') +
                         "\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 431);
    EXPECT_TRUE(c.wait_closed());
    c.close();
    expect_healthy();
}

TEST_F(ServerTest, LongRequestLineGives414) {
    start();
    expect_refused("GET /" + std::string(2000, 'a') + " HTTP/1.1\r\nHost: test\r\n\r\n", 414, "long target");
}

TEST_F(ServerTest, TooManyHeaderFieldsGive431) {
    start();
    std::string headers;
    for (int i = 0; i < 21; ++i) headers += "X-" + std::to_string(i) + ": v\r\n";
    expect_refused("GET / HTTP/1.1\r\nHost: test\r\n" + headers + "\r\n", 431, "21 fields");
}

TEST_F(ServerTest, EndlessChunkedBodyGives413AndClose) {
    start();
    std::string payload = "POST /chunks HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n";
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
    while (payload.size() < 10u * 1024 * 1024) payload += chunk;  // no final 0 chunk
    const std::size_t before = resident_bytes();
    {
        Client c(port());
        c.send_in_background(std::move(payload));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
        EXPECT_TRUE(c.wait_closed());
        // The server never holds more than the body limit plus its read buffer (HT-01).
        EXPECT_LT(resident_bytes(), before + 8u * 1024 * 1024);
    }
    expect_healthy();
}

TEST_F(ServerTest, OneHugeChunkSizeGives413) {
    start();
    expect_refused("POST / HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nfffffffff\r\nabc", 413,
                   "64 GiB chunk");
}

TEST_F(ServerTest, PostWithoutContentLengthIsRefused) {
    start();
    {
        Client c(port());
        c.send_in_background("POST /nolength HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" +
                             std::string(10u * 1024 * 1024, 'x'));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_TRUE(r->status == 400 || r->status == 413) << r->status;
        EXPECT_TRUE(c.wait_closed());
    }
    expect_healthy();
}

TEST_F(ServerTest, ContentLengthOverLimitGives413BeforeTheBody) {
    start();
    expect_refused("POST /x HTTP/1.1\r\nHost: test\r\nContent-Length: 65537\r\n\r\n", 413, "CL > limit");
}

TEST_F(ServerTest, UploadPrefixGetsTheLargerLimit) {
    start();
    const std::string body(100 * 1024, 'u');
    {
        Client c(port());
        c.send_in_background("POST /upload/file HTTP/1.1\r\nHost: test\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body);
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=102400"), std::string::npos);
    }
    {
        Client c(port());
        c.send_in_background("POST /other HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n" +
                             std::string("19000\r\n") + body + "\r\n0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 413);
    }
}

}  // namespace
