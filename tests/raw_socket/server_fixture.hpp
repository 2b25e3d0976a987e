#pragma once
// The server under test for the raw-socket suites: an echoing handler, small limits on an
// ephemeral port, and the ServerTest fixture with its "still healthy" / "refused" checks.
#include <gtest/gtest.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "raw_client.hpp"
#include "web/http.hpp"
#include "web/server.hpp"

namespace raw_socket {

/// Resident set size of this process (client and server together) in bytes.
std::size_t resident_bytes();

/// "GET <path> HTTP/1.1" with Host and `extra_headers` (each ending in CRLF).
std::string get(std::string_view path, std::string_view extra_headers = "");

/// The test handler: echoes what the server handed over ("/throw" throws, "/bad-header"
/// returns headers the server must drop).
web::Response echo(web::Request& r);

web::Response error_page(int status);

/// Small limits and timeouts (request line 1024, 20 fields, body 64 KiB, header/body timeout
/// 2 s), uploads under "/upload", no access log.
web::ServerOptions small_options();

class ServerTest : public ::testing::Test {
protected:
    void start(web::ServerOptions options = small_options(), web::Handler handler = echo) {
        m_server = std::make_unique<web::Server>(std::move(options), std::move(handler), error_page);
        m_server->start();
        ASSERT_NE(m_server->port(), 0);
    }
    void SetUp() override {}
    void TearDown() override {
        if (m_server) m_server->stop();
    }

    unsigned short port() const { return m_server->port(); }

    /// A fresh client still gets a 200: the server keeps serving after whatever came before.
    void expect_healthy() {
        Client c(port());
        ASSERT_TRUE(c.send(get("/healthy")));
        auto r = c.read_response();
        ASSERT_TRUE(r) << "no response from a fresh client";
        EXPECT_EQ(r->status, 200);
    }

    /// Sends raw bytes on a new connection; expects `status` and then a closed connection.
    void expect_refused(const std::string& payload, int status, const std::string& label) {
        SCOPED_TRACE(label);
        {
            Client c(port());
            c.send(payload);
            auto r = c.read_response();
            ASSERT_TRUE(r) << "no response";
            EXPECT_EQ(r->status, status);
            EXPECT_EQ(r->header("connection"), "close");
            EXPECT_TRUE(c.wait_closed()) << "connection left open";
        }
        expect_healthy();
    }

    std::unique_ptr<web::Server> m_server;
};

}  // namespace raw_socket
