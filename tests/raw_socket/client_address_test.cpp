// Client address (HT-04): X-Forwarded-For/-Proto from untrusted and trusted peers, and
// configuration errors.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST_F(ServerTest, ForwardedHeadersFromUntrustedPeerAreIgnored) {
    start();
    Client c(port());
    c.send(get("/ip", "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-Proto: https\r\nREMOTE_ADDR: 1.2.3.4\r\n"));
    auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("ip=127.0.0.1 secure=0"), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("remote_addr_header=1.2.3.4"), std::string::npos);  // a plain header, nothing more
}

TEST_F(ServerTest, ForwardedHeadersFromTrustedProxyAreHonoured) {
    auto o = small_options();
    o.trusted_proxies = {"127.0.0.1", "10.0.0.0/8"};
    start(o);
    const std::pair<std::string, std::string> cases[] = {
        {"X-Forwarded-For: 1.2.3.4\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 9.9.9.9, 1.2.3.4\r\n", "ip=1.2.3.4 "},   // rightmost untrusted
        {"X-Forwarded-For: 1.2.3.4, 10.1.2.3\r\n", "ip=1.2.3.4 "},  // trusted hop skipped
        {"X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 10.0.0.1\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 1.2.3.4:5678\r\n", "ip=1.2.3.4 "},
        {"X-Forwarded-For: 2001:db8::1\r\n", "ip=2001:db8::1 "},
        {"X-Forwarded-For: \r\n", "ip=127.0.0.1 "},  // empty
        {"X-Forwarded-For: ,,,\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: garbage\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: 1.2.3.4, garbage\r\n", "ip=127.0.0.1 "},  // stop at garbage
        {"X-Forwarded-For: [::1\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: ,10.0.0.1\r\n", "ip=10.0.0.1 "},  // only trusted hops
        {"X-Forwarded-For: 10.0.0.2, 10.0.0.1\r\n", "ip=10.0.0.2 "},
        {"X-Forwarded-For: 1.2.3.4,\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-For: " + std::string(3000, ',') + "\r\n", "ip=127.0.0.1 "},
        {"X-Forwarded-Proto: https\r\n", "secure=1"},
        {"X-Forwarded-Proto: http\r\n", "secure=0"},
    };
    Client c(port());
    for (const auto& [headers, expected] : cases) {
        SCOPED_TRACE(headers);
        ASSERT_TRUE(c.send(get("/ip", headers)));
        auto r = c.read_response();
        ASSERT_TRUE(r);
        EXPECT_NE(r->body.find(expected), std::string::npos) << r->body;
    }
}

TEST(ServerConfig, InvalidTrustedProxyOrBusyPortThrows) {
    auto o = small_options();
    o.trusted_proxies = {"not-an-ip"};
    web::Server bad(o, echo, error_page);
    EXPECT_THROW(bad.start(), std::runtime_error);

    web::Server first(small_options(), echo, error_page);
    first.start();
    auto same = small_options();
    same.port = first.port();
    web::Server second(same, echo, error_page);
    EXPECT_THROW(second.start(), std::runtime_error);
    first.stop();
}

}  // namespace
