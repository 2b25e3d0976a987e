// Slow clients and the connection cap (HT-07).
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST_F(ServerTest, SlowHeaderIsCutOffAfterHeaderTimeout) {
    start();  // header_timeout = 2 s
    Client c(port());
    const std::string request = get("/slow", "X-Padding: " + std::string(20, 'p') + "\r\n");
    const auto begin = Clock::now();
    bool closed = false;
    for (std::size_t i = 0; i < request.size() && !closed; ++i) {
        if (!c.send(request.substr(i, 1))) break;
        // 1 byte per 500 ms; wait_closed doubles as the pause.
        closed = c.wait_closed(500ms);
    }
    if (!closed) closed = c.wait_closed(3000ms);
    const auto elapsed = Clock::now() - begin;
    EXPECT_TRUE(closed);
    EXPECT_GE(elapsed, 1500ms);
    EXPECT_LT(elapsed, 6000ms);
    expect_healthy();
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
    auto o = small_options();
    o.idle_timeout = 1s;
    start(o);
    Client c(port());
    c.send(get("/first"));
    ASSERT_TRUE(c.read_response());
    const auto begin = Clock::now();
    EXPECT_TRUE(c.wait_closed(4000ms));
    EXPECT_GE(Clock::now() - begin, 500ms);
}

TEST_F(ServerTest, SlowBodyGets408) {
    start();  // body_timeout = 2 s
    Client c(port());
    c.send("POST /b HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
    auto r = c.read_response(false, 6000ms);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 408);
    EXPECT_TRUE(c.wait_closed());
}

TEST_F(ServerTest, ConnectionCapRefusesExtraClientsButKeepsServing) {
    auto o = small_options();
    o.max_connections = 4;
    o.header_timeout = 20s;  // the idle sockets must outlive the test
    start(o);
    std::vector<std::unique_ptr<Client>> idle;
    for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<Client>(port()));
    const auto deadline = Clock::now() + 5s;
    while (m_server->open_connections() < 4 && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    ASSERT_EQ(m_server->open_connections(), 4u);

    {
        Client fifth(port());
        fifth.send(get("/fifth"));
        auto r = fifth.read_response();
        if (r) {
            EXPECT_EQ(r->status, 503);  // best effort before the close
        }
        EXPECT_TRUE(fifth.wait_closed());
    }
    // The existing clients are still served.
    idle[0]->send(get("/still-here"));
    auto r0 = idle[0]->read_response();
    ASSERT_TRUE(r0);
    EXPECT_EQ(r0->status, 200);

    idle[1]->close();
    while (m_server->open_connections() > 3 && Clock::now() < deadline) std::this_thread::sleep_for(10ms);
    expect_healthy();
}

}  // namespace
