// Strict framing (HT-02) and methods (HT-08): the request-smuggling corpus, 405s, OPTIONS *.
#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST_F(ServerTest, SmugglingCorpusGives400AndClose) {
    start();
    const std::string post = "POST / HTTP/1.1\r\nHost: test\r\n";
    const std::pair<std::string, std::string> corpus[] = {
        {"CL.TE", post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"TE.CL", post + "Transfer-Encoding: chunked\r\nContent-Length: 4\r\n\r\n0\r\n\r\n"},
        {"duplicate CL", post + "Content-Length: 3\r\nContent-Length: 3\r\n\r\nabc"},
        {"conflicting CL", post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"},
        {"CL list", post + "Content-Length: 3, 3\r\n\r\nabc"},
        {"negative CL", post + "Content-Length: -1\r\n\r\n"},
        {"signed CL", post + "Content-Length: +3\r\n\r\nabc"},
        {"hex CL", post + "Content-Length: 0x3\r\n\r\nabc"},
        {"chunk -2", post + "Transfer-Encoding: chunked\r\n\r\n-2\r\nab\r\n0\r\n\r\n"},
        {"chunk 0x10", post + "Transfer-Encoding: chunked\r\n\r\n0x10\r\n0123456789abcdef\r\n0\r\n\r\n"},
        {"chunk overflow",
         post + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffffffff\r\nab\r\n0\r\n\r\n"},
        {"chunk no size", post + "Transfer-Encoding: chunked\r\n\r\n\r\nab\r\n0\r\n\r\n"},
        {"TE gzip", post + "Transfer-Encoding: gzip\r\n\r\n"},
        {"TE gzip,chunked", post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"},
        {"TE xchunked", post + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n"},
        {"TE twice", post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"TE space before colon", post + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n"},
        {"TE in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"},
        {"obs-fold", "GET / HTTP/1.1\r\nHost: test\r\nX-A: a\r\n b\r\n\r\n"},
        {"obs-fold tab", "GET / HTTP/1.1\r\nHost: test\r\nX-A: a\r\n\tb\r\n\r\n"},
        {"bare LF", "GET / HTTP/1.1\nHost: test\n\n"},
        {"bare LF in fields", "GET / HTTP/1.1\r\nHost: test\nX-A: b\r\n\r\n"},
        {"bare CR", "GET / HTTP/1.1\r\nHost: test\rX-A: b\r\n\r\n"},
        {"non-ASCII request line",
         "GET /\xc3\xa6"
         "ble HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"control in request line", "GET /\x01 HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"NUL in header", std::string("GET / HTTP/1.1\r\nHost: test\r\nX-A: a") + '\0' + "b\r\n\r\n"},
        {"no Host", "GET / HTTP/1.1\r\n\r\n"},
        {"two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"},
        {"bad version", "GET / HTTP/1.2\r\nHost: test\r\n\r\n"},
        {"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"},
        {"absolute-form", "GET http://evil/ HTTP/1.1\r\nHost: test\r\n\r\n"},
        {"missing target", "GET HTTP/1.1\r\nHost: test\r\n\r\n"},
    };
    for (const auto& [label, payload] : corpus) expect_refused(payload, 400, label);
}

TEST_F(ServerTest, TraceConnectAndUnknownMethodsGive405) {
    start();
    expect_refused("TRACE / HTTP/1.1\r\nHost: test\r\n\r\n", 405, "TRACE");
    expect_refused("CONNECT test:443 HTTP/1.1\r\nHost: test:443\r\n\r\n", 405, "CONNECT");
    expect_refused("BREW /pot HTTP/1.1\r\nHost: test\r\n\r\n", 405, "BREW");
    Client c(port());
    c.send("TRACE / HTTP/1.1\r\nHost: test\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->header("allow"), "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    EXPECT_EQ(r->header("server"), "brobygger");
}

TEST_F(ServerTest, OptionsAsteriskReachesTheHandler) {
    start();
    Client c(port());
    c.send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n");
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("method=OPTIONS path=*"), std::string::npos);
}

}  // namespace
