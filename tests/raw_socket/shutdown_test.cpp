// Graceful shutdown (RE-10): in-flight requests finish, idle connections close, SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "server_fixture.hpp"

namespace {

using namespace std::chrono_literals;
using namespace raw_socket;

TEST(ServerShutdown, InFlightRequestCompletesAndNewConnectionsAreRefused) {
    std::atomic<bool> entered{false};
    auto handler = [&](web::Request& r) {
        if (r.path == "/sleep") {
            entered = true;
            std::this_thread::sleep_for(1s);
        }
        return web::Response::text(200, "done " + r.path);
    };
    auto o = small_options();
    o.shutdown_grace = 10s;
    web::Server server(o, handler, error_page);
    server.start();
    const auto port = server.port();

    Client idle(port);  // an idle keep-alive connection must not hold the shutdown up
    idle.send(get("/idle"));
    ASSERT_TRUE(idle.read_response());

    Client busy(port);
    busy.send(get("/sleep"));
    const auto deadline = Clock::now() + 5s;
    while (!entered && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
    ASSERT_TRUE(entered);

    const auto begin = Clock::now();
    std::thread stopper([&] { server.stop(); });
    auto r = busy.read_response();
    stopper.join();
    const auto took = Clock::now() - begin;

    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "done /sleep");
    EXPECT_EQ(r->header("connection"), "close");
    EXPECT_LT(took, 5s);
    EXPECT_TRUE(idle.wait_closed(1000ms));
    EXPECT_THROW(Client{port}, std::runtime_error);
    EXPECT_EQ(server.open_connections(), 0u);
}

TEST(ServerShutdown, SigtermDrainsTheServerAndWaitReturns) {
    web::Server server(small_options(), echo, error_page);
    server.handle_signals();
    server.start();
    const auto port = server.port();
    {
        Client c(port);
        c.send(get("/before"));
        ASSERT_TRUE(c.read_response());
    }
    ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
    server.wait();
    EXPECT_THROW(Client{port}, std::runtime_error);
}

TEST(ServerShutdown, WaitReturnsAfterStopFromAnotherThread) {
    web::Server server(small_options(), echo, error_page);
    server.start();
    std::thread stopper([&] {
        std::this_thread::sleep_for(100ms);
        server.stop();
    });
    server.wait();
    stopper.join();
    SUCCEED();
}

}  // namespace
