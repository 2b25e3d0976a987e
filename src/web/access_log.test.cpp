#include "web/access_log.hpp"

#include <gtest/gtest.h>

#include <set>

namespace {

TEST(AccessLog, FormatsEveryFieldInOrder) {
    web::AccessRecord r;
    r.ip = "1.2.3.4";
    r.peer = "127.0.0.1";
    r.method = "GET";
    r.path = "/a/b";
    r.status = 200;
    r.body_bytes = 42;
    r.ms = 7;
    r.request_id = "0123456789abcdef";
    EXPECT_EQ(web::format_access_line(r),
              "access ip=1.2.3.4 method=GET path=/a/b status=200 bytes=42 ms=7 request=0123456789abcdef");
}

TEST(AccessLog, FallsBackToPeerAndDashes) {
    const web::AccessRecord r{.ip = {}, .peer = "::1", .method = "-", .path = "-", .status = 400};
    EXPECT_EQ(web::format_access_line(r), "access ip=::1 method=- path=- status=400 bytes=0 ms=0 request=-");
}

TEST(RequestId, IsSixteenLowerHexDigitsAndVaries) {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const auto id = web::make_request_id();
        ASSERT_EQ(id.size(), 16u);
        EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
