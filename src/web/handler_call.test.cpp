#include "web/handler_call.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

web::Response page(int status) {
    return web::Response::html(200, "<p>" + std::to_string(status) + "</p>");
}

TEST(HandlerCall, ReturnsTheHandlersResponse) {
    web::Request r;
    auto res = web::call_handler([](web::Request&) { return web::Response::text(201, "made"); }, page, r);
    EXPECT_EQ(res.status, 201);
    EXPECT_EQ(res.body, "made");
}

TEST(HandlerCall, ExceptionsBecomeTheErrorPageWithoutDetails) {
    web::Request r;
    r.request_id = "abc";
    auto res = web::call_handler(
        [](web::Request&) -> web::Response { throw std::runtime_error("SELECT secret"); }, page, r);
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body, "<p>500</p>");
    auto odd = web::call_handler([](web::Request&) -> web::Response { throw 42; }, page, r);
    EXPECT_EQ(odd.status, 500);
}

TEST(HandlerCall, ErrorResponseForcesTheStatusAndFallsBack) {
    EXPECT_EQ(web::error_response(page, 413).status, 413);  // the page said 200
    EXPECT_EQ(web::error_response(page, 413).body, "<p>413</p>");
    const auto none = web::error_response(nullptr, 404);
    EXPECT_EQ(none.status, 404);
    EXPECT_EQ(none.body, std::string(web::danish_status_title(404)));
    const auto broken = web::error_response([](int) -> web::Response { throw std::runtime_error("x"); }, 503);
    EXPECT_EQ(broken.status, 503);
    EXPECT_EQ(broken.body, std::string(web::danish_status_title(503)));
}

}  // namespace
