#include "web/request_head.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

using web::HeadScanner;

constexpr web::HeadLimits k_limits{64, 256, 5};

struct Scan {
    HeadScanner::State state;
    int status;
    std::size_t head_size;
    std::size_t skipped;
};

Scan scan_all(const std::string& bytes, web::HeadLimits limits = k_limits) {
    HeadScanner s(limits);
    const auto st = s.scan(bytes);
    return {st, s.error_status(), s.head_size(), s.skipped()};
}

TEST(HeadScanner, AcceptsGoodHeads) {
    const std::pair<std::string, std::string> good[] = {
        {"minimal", "GET / HTTP/1.1\r\nHost: a\r\n\r\n"},
        {"no fields", "GET / HTTP/1.0\r\n\r\n"},
        {"tab in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\tb\r\n\r\n"},
        {"obs-text in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: \xc3\xa6\r\n\r\n"},
        {"five fields", "GET / HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n\r\n"},
    };
    for (const auto& [label, head] : good) {
        SCOPED_TRACE(label);
        const Scan r = scan_all(head);
        EXPECT_EQ(r.state, HeadScanner::State::Complete);
        EXPECT_EQ(r.head_size, head.size());
        EXPECT_EQ(r.skipped, 0u);
        EXPECT_EQ(r.status, 0);
    }
}

TEST(HeadScanner, StopsAtTheEndOfTheHeadAndLeavesTheBody) {
    const std::string head = "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\n";
    const Scan r = scan_all(head + "abc");
    EXPECT_EQ(r.state, HeadScanner::State::Complete);
    EXPECT_EQ(r.head_size, head.size());
}

TEST(HeadScanner, SkipsUpToFourLeadingEmptyLines) {
    const Scan four = scan_all("\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    EXPECT_EQ(four.state, HeadScanner::State::Complete);
    EXPECT_EQ(four.skipped, 8u);
    const Scan five = scan_all("\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    EXPECT_EQ(five.state, HeadScanner::State::Error);
    EXPECT_EQ(five.status, 400);
}

TEST(HeadScanner, NeedsMoreUntilTheEmptyLineAndResumesByteByByte) {
    const std::string head = "GET /a HTTP/1.1\r\nHost: a\r\nX-B: c\r\n\r\n";
    HeadScanner s(k_limits);
    for (std::size_t i = 1; i < head.size(); ++i)
        ASSERT_EQ(s.scan(std::string_view(head).substr(0, i)), HeadScanner::State::NeedMore) << i;
    EXPECT_EQ(s.scan(head), HeadScanner::State::Complete);
    EXPECT_EQ(s.head_size(), head.size());
    s.reset();
    EXPECT_EQ(s.scan("GET"), HeadScanner::State::NeedMore);
    EXPECT_EQ(s.error_status(), 0);
}

TEST(HeadScanner, RejectsEachViolationWithItsStatus) {
    const std::string ok_line = "GET / HTTP/1.1\r\n";
    std::string six_fields;
    for (int i = 0; i < 6; ++i) six_fields += "X" + std::to_string(i) + ": v\r\n";
    struct Case {
        const char* label;
        std::string bytes;
        int status;
    };
    const Case cases[] = {
        {"bare LF", "GET / HTTP/1.1\nHost: a\n\n", 400},
        {"bare LF in fields", ok_line + "Host: a\nX: b\r\n\r\n", 400},
        {"bare CR", ok_line + "Host: a\rX: b\r\n\r\n", 400},
        {"bare CR in request line", "GET /\r HTTP/1.1\r\n\r\n", 400},
        {"obs-fold SP", ok_line + "X: a\r\n b\r\n\r\n", 400},
        {"obs-fold HTAB", ok_line + "X: a\r\n\tb\r\n\r\n", 400},
        {"non-ASCII request line", "GET /\xc3\xa6 HTTP/1.1\r\n\r\n", 400},
        {"control in request line", "GET /\x01 HTTP/1.1\r\n\r\n", 400},
        {"tab in request line", "GET\t/ HTTP/1.1\r\n\r\n", 400},
        {"DEL in request line", "GET /\x7f HTTP/1.1\r\n\r\n", 400},
        {"NUL in field", ok_line + std::string("X: a\0b\r\n\r\n", 10), 400},
        {"DEL in field", ok_line + "X: a\x7f\r\n\r\n", 400},
        {"control in field", ok_line + "X: a\x01\r\n\r\n", 400},
        {"request line too long", "GET /" + std::string(60, 'a') + " HTTP/1.1\r\n\r\n", 414},
        {"too many fields", ok_line + six_fields + "\r\n", 431},
        {"header bytes", ok_line + "X: " + std::string(300, 'v') + "\r\n\r\n", 431},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.label);
        const Scan r = scan_all(c.bytes);
        EXPECT_EQ(r.state, HeadScanner::State::Error);
        EXPECT_EQ(r.status, c.status);
    }
}

TEST(HeadScanner, LimitsAreInclusive) {
    // Request line of exactly 64 bytes.
    const std::string line = "GET /" + std::string(64 - 14, 'a') + " HTTP/1.1";
    ASSERT_EQ(line.size(), 64u);
    EXPECT_EQ(scan_all(line + "\r\n\r\n").state, HeadScanner::State::Complete);
    EXPECT_EQ(scan_all(line + "a\r\n\r\n").status, 414);
    // Field lines plus the CR of the final empty line: exactly 256 bytes.
    const std::string field = "X: " + std::string(255 - 5, 'v') + "\r\n";
    ASSERT_EQ(field.size(), 255u);
    EXPECT_EQ(scan_all("GET / HTTP/1.1\r\n" + field + "\r\n").state, HeadScanner::State::Complete);
    EXPECT_EQ(scan_all("GET / HTTP/1.1\r\nX" + field + "\r\n").status, 431);
}

TEST(HeadScanner, ErrorIsReportedBeforeTheHeadEnds) {
    HeadScanner s(k_limits);
    EXPECT_EQ(s.scan("GET /" + std::string(100, 'a')), HeadScanner::State::Error);
    EXPECT_EQ(s.error_status(), 414);
}

TEST(RequestLineHint, SplitsMethodTargetAndPath) {
    auto h = web::request_line_hint("POST /upload/x?y=1 HTTP/1.1\r\nHost: a\r\n\r\n");
    EXPECT_TRUE(h.has_sp);
    EXPECT_EQ(h.method, "POST");
    EXPECT_EQ(h.target, "/upload/x?y=1");
    EXPECT_EQ(h.path, "/upload/x");
    auto none = web::request_line_hint("GARBAGE\r\n\r\n");
    EXPECT_FALSE(none.has_sp);
    EXPECT_EQ(none.method, "");
    EXPECT_EQ(none.path, "");
    auto no_version = web::request_line_hint("GET /a\r\n\r\n");
    EXPECT_EQ(no_version.target, "/a");
}

TEST(BodyLimitFor, UploadPrefixesGetTheLargerLimit) {
    const std::vector<std::string> prefixes = {"", "/upload", "/api/v1/import"};
    EXPECT_EQ(web::body_limit_for("/upload/file", prefixes, 10, 99), 99u);
    EXPECT_EQ(web::body_limit_for("/uploadx", prefixes, 10, 99), 99u);  // plain byte prefix
    EXPECT_EQ(web::body_limit_for("/api/v1/import", prefixes, 10, 99), 99u);
    EXPECT_EQ(web::body_limit_for("/other", prefixes, 10, 99), 10u);
    EXPECT_EQ(web::body_limit_for("/up", prefixes, 10, 99), 10u);
    EXPECT_EQ(web::body_limit_for("/upload", {}, 10, 99), 10u);
}

web::ParsedHead head(std::string_view method, std::string_view target,
                     std::vector<std::pair<std::string_view, std::string_view>> fields,
                     unsigned version = 11) {
    web::ParsedHead h;
    h.version = version;
    h.method = method;
    h.target = target;
    h.fields = std::move(fields);
    return h;
}

TEST(CheckFraming, AcceptsGoodHeads) {
    struct Case {
        const char* label;
        web::ParsedHead h;
    };
    const Case cases[] = {
        {"GET", head("GET", "/", {{"Host", "a"}})},
        {"host lower-case", head("GET", "/x?y", {{"host", "a"}})},
        {"HTTP/1.0 without Host", head("GET", "/", {}, 10)},
        {"POST CL", head("POST", "/", {{"Host", "a"}, {"Content-Length", " 3 "}})},
        {"POST chunked", head("POST", "/", {{"Host", "a"}, {"Transfer-Encoding", "Chunked"}})},
        {"PUT CL 0", head("PUT", "/", {{"Host", "a"}, {"content-length", "0"}})},
        {"DELETE", head("DELETE", "/d", {{"Host", "a"}})},
        {"OPTIONS *", head("OPTIONS", "*", {{"Host", "a"}})},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.label);
        EXPECT_EQ(web::check_framing(c.h), 0);
    }
}

TEST(CheckFraming, RejectsEachRuleWithItsStatus) {
    struct Case {
        const char* label;
        web::ParsedHead h;
        int status;
    };
    const std::pair<std::string_view, std::string_view> host{"Host", "a"};
    const Case cases[] = {
        {"HTTP/1.2", head("GET", "/", {host}, 12), 400},
        {"HTTP/0.9", head("GET", "/", {host}, 9), 400},
        {"no Host", head("GET", "/", {}), 400},
        {"two Hosts", head("GET", "/", {host, {"HOST", "b"}}), 400},
        {"two Hosts in 1.0", head("GET", "/", {host, host}, 10), 400},
        {"CL.TE", head("POST", "/", {host, {"Content-Length", "4"}, {"Transfer-Encoding", "chunked"}}), 400},
        {"TE.CL", head("POST", "/", {host, {"Transfer-Encoding", "chunked"}, {"Content-Length", "4"}}), 400},
        {"duplicate CL", head("POST", "/", {host, {"Content-Length", "3"}, {"Content-Length", "3"}}), 400},
        {"CL list", head("POST", "/", {host, {"Content-Length", "3, 3"}}), 400},
        {"negative CL", head("POST", "/", {host, {"Content-Length", "-1"}}), 400},
        {"signed CL", head("POST", "/", {host, {"Content-Length", "+3"}}), 400},
        {"hex CL", head("POST", "/", {host, {"Content-Length", "0x3"}}), 400},
        {"empty CL", head("POST", "/", {host, {"Content-Length", ""}}), 400},
        {"TE gzip", head("POST", "/", {host, {"Transfer-Encoding", "gzip"}}), 400},
        {"TE gzip, chunked", head("POST", "/", {host, {"Transfer-Encoding", "gzip, chunked"}}), 400},
        {"TE twice",
         head("POST", "/", {host, {"Transfer-Encoding", "chunked"}, {"transfer-encoding", "chunked"}}), 400},
        {"TE in 1.0", head("POST", "/", {{"Transfer-Encoding", "chunked"}}, 10), 400},
        {"POST unframed", head("POST", "/", {host}), 400},
        {"PUT unframed", head("PUT", "/", {host}), 400},
        {"PATCH unframed", head("PATCH", "/", {host}), 400},
        {"absolute-form", head("GET", "http://evil/", {host}), 400},
        {"empty target", head("GET", "", {host}), 400},
        {"* without OPTIONS", head("GET", "*", {host}), 400},
        {"TRACE", head("TRACE", "/", {host}), 405},
        {"CONNECT", head("CONNECT", "test:443", {host}), 405},
        {"lower-case get", head("get", "/", {host}), 405},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.label);
        EXPECT_EQ(web::check_framing(c.h), c.status);
    }
}

TEST(FillRequest, SplitsTargetAndLowerCasesNames) {
    web::Request r;
    r.client_ip = "kept";
    web::fill_request(r, head("POST", "/a/b?x=1?y", {{"Host", "a"}, {"X-Test", " Value "}, {"x-test", "2"}}));
    EXPECT_EQ(r.method, web::Method::Post);
    EXPECT_EQ(r.target, "/a/b?x=1?y");
    EXPECT_EQ(r.path, "/a/b");
    EXPECT_EQ(r.query, "x=1?y");
    ASSERT_EQ(r.headers.size(), 3u);
    EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"host", "a"}));
    EXPECT_EQ(r.headers[1], (std::pair<std::string, std::string>{"x-test", " Value "}));
    EXPECT_EQ(r.client_ip, "kept");

    web::Request plain;
    web::fill_request(plain, head("OPTIONS", "*", {}));
    EXPECT_EQ(plain.path, "*");
    EXPECT_EQ(plain.query, "");
}

}  // namespace
