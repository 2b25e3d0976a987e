// Normal traffic over raw sockets: keep-alive, pipelining, HEAD, HTTP/1.0, chunked bodies,
// opaque header values (HT-03), handler failures and the access log.
#include <gtest/gtest.h>

#include <string>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
    start();
    Client c(port());
    ASSERT_TRUE(c.send(get("/a?q=1")));
    auto r1 = c.read_response();
    ASSERT_TRUE(r1);
    EXPECT_EQ(r1->status, 200);
    EXPECT_NE(r1->body.find("method=GET path=/a query=q=1"), std::string::npos) << r1->body;
    EXPECT_EQ(r1->header("server"), "brobygger");
    EXPECT_FALSE(r1->header("date").empty());
    EXPECT_EQ(r1->header("content-length"), std::to_string(r1->body.size()));
    EXPECT_TRUE(r1->header("connection").empty());

    ASSERT_TRUE(c.send(get("/b")));
    auto r2 = c.read_response();
    ASSERT_TRUE(r2);
    EXPECT_EQ(r2->status, 200);
    EXPECT_NE(r2->body.find("path=/b"), std::string::npos);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
    start();
    Client c(port());
    const std::string post = "POST /p HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello";
    ASSERT_TRUE(c.send(get("/one") + post + get("/three")));
    auto r1 = c.read_response();
    auto r2 = c.read_response();
    auto r3 = c.read_response();
    ASSERT_TRUE(r1 && r2 && r3);
    EXPECT_NE(r1->body.find("path=/one"), std::string::npos);
    EXPECT_NE(r2->body.find("method=POST path=/p query= body=5"), std::string::npos) << r2->body;
    EXPECT_NE(r3->body.find("path=/three"), std::string::npos);
}

TEST_F(ServerTest, RequestIdIsSixteenHexCharsAndChangesPerRequest) {
    start();
    Client c(port());
    auto id_of = [&] {
        c.send(get("/id"));
        auto r = c.read_response();
        EXPECT_TRUE(r);
        const auto pos = r->body.find("id=");
        return r->body.substr(pos + 3, 16);
    };
    const auto a = id_of();
    const auto b = id_of();
    EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
    EXPECT_EQ(a.size(), 16u);
    EXPECT_NE(a, b);
}

TEST_F(ServerTest, HeadSendsHeadersOnly) {
    start();
    Client c(port());
    ASSERT_TRUE(c.send(get("/h")));
    auto g = c.read_response();
    ASSERT_TRUE(g);
    ASSERT_TRUE(c.send("HEAD /h HTTP/1.1\r\nHost: test\r\n\r\n"));
    auto h = c.read_response(/*head_request=*/true);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->status, 200);
    // The handler's HEAD body is one byte longer ("method=HEAD" instead of "method=GET").
    EXPECT_EQ(h->header("content-length"), std::to_string(g->body.size() + 1));
    // Nothing but the next response may follow: a body here would corrupt it.
    ASSERT_TRUE(c.send(get("/after")));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
    EXPECT_NE(next->body.find("path=/after"), std::string::npos);
}

TEST_F(ServerTest, ConnectionCloseAndHttp10AreHonoured) {
    start();
    {
        Client c(port());
        c.send(get("/c", "Connection: close\r\n"));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->header("connection"), "close");
        EXPECT_TRUE(c.wait_closed());
    }
    {
        Client c(port());
        c.send("GET /old HTTP/1.0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_TRUE(c.wait_closed());
    }
    {
        Client c(port());
        c.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->header("connection"), "keep-alive");
        c.send("GET /again HTTP/1.0\r\n\r\n");
        ASSERT_TRUE(c.read_response());
        EXPECT_TRUE(c.wait_closed());
    }
}

TEST_F(ServerTest, MaxRequestsPerConnectionClosesAfterTheLastOne) {
    auto o = small_options();
    o.max_requests_per_connection = 2;
    start(o);
    Client c(port());
    c.send(get("/1") + get("/2") + get("/3"));
    auto r1 = c.read_response();
    auto r2 = c.read_response();
    ASSERT_TRUE(r1 && r2);
    EXPECT_TRUE(r1->header("connection").empty());
    EXPECT_EQ(r2->header("connection"), "close");
    EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, ChunkedBodyAndExpectContinueAreRead) {
    start();
    {
        Client c(port());
        c.send(
            "POST /c HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\n");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=11"), std::string::npos) << r->body;
    }
    {
        Client c(port());
        c.send("POST /e HTTP/1.1\r\nHost: test\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        auto cont = c.read_response();
        ASSERT_TRUE(cont);
        EXPECT_EQ(cont->status, 100);
        c.send("abc");
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_EQ(r->status, 200);
        EXPECT_NE(r->body.find("body=3"), std::string::npos);
    }
}

TEST_F(ServerTest, HeaderValuesAreOpaqueAndResponseHeadersCannotInject) {
    start();
    Client c(port());
    c.send(get("/x", "X-Test: a%0D%0AInjected: 1\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("x-test=a%0D%0AInjected: 1"), std::string::npos) << r->body;

    c.send(get("/bad-header"));
    auto bad = c.read_response();
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 200);
    EXPECT_EQ(bad->body, "ok");
    EXPECT_FALSE(bad->headers.count("set-cookie"));
    EXPECT_FALSE(bad->headers.count("x-evil"));
    EXPECT_EQ(bad->header("content-length"), "2");
    // The connection is still in sync.
    c.send(get("/sync"));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_NE(next->body.find("path=/sync"), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionGives500AndServingContinues) {
    start();
    Client c(port());
    c.send(get("/throw"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 500);
    EXPECT_EQ(r->body.find("SELECT"), std::string::npos);
    EXPECT_EQ(r->body.find("boom"), std::string::npos);
    c.send(get("/fine"));
    auto next = c.read_response();
    ASSERT_TRUE(next);
    EXPECT_EQ(next->status, 200);
}

TEST_F(ServerTest, AccessLogDoesNotBreakServing) {
    auto o = small_options();
    o.log_access = true;
    start(o);
    expect_healthy();
}

}  // namespace
