#pragma once
/// Assertion helpers shared by the HTTP tests: the JSON error shape, Danish HTML error pages,
/// the login redirect, and filling {param} segments of route patterns.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "http/client.hpp"
#include "http/json_probe.hpp"
#include "web/json.hpp"

namespace http_test {

/// The one /api/v1 error shape: {"error":{"status":S,"code":C,"message":"…","fields":[…]}}.
inline ::testing::AssertionResult is_json_error(const Response& r, int status, std::string_view code) {
    auto fail = [&](const std::string& why) {
        return ::testing::AssertionFailure() << why << " — got " << r.describe();
    };
    if (r.status != status) return fail("status is not " + std::to_string(status));
    if (r.header("content-type").value_or("") != "application/json; charset=utf-8")
        return fail("Content-Type is not application/json; charset=utf-8");
    if (!web::is_valid_json(r.body)) return fail("the body is not valid JSON");
    if (json_keys(r.body, "") != std::vector<std::string>{"error"})
        return fail("top level is not {\"error\":…}");
    if (json_keys(r.body, "/error") != std::vector<std::string>{"status", "code", "message", "fields"})
        return fail("error object keys are not status, code, message, fields");
    if (json_at(r.body, "/error/status") != std::to_string(status)) return fail("error.status differs");
    if (json_at(r.body, "/error/code") != std::string(code))
        return fail("error.code is not " + std::string(code));
    if (json_at(r.body, "/error/message").value_or("").empty()) return fail("error.message is empty");
    auto fields = json_at(r.body, "/error/fields");
    if (!fields || fields->empty() || fields->front() != '[') return fail("error.fields is not an array");
    return ::testing::AssertionSuccess();
}

/// A Danish HTML page with this status, e.g. the 403 "Ingen adgang" page.
inline ::testing::AssertionResult is_html_page(const Response& r, int status,
                                               std::string_view must_contain = {}) {
    auto fail = [&](const std::string& why) {
        return ::testing::AssertionFailure() << why << " — got " << r.describe();
    };
    if (r.status != status) return fail("status is not " + std::to_string(status));
    if (r.header("content-type").value_or("") != "text/html; charset=utf-8")
        return fail("Content-Type is not text/html; charset=utf-8");
    if (r.body.find("<html lang=\"da\"") == std::string::npos) return fail("not a Danish HTML page");
    if (!must_contain.empty() && r.body.find(must_contain) == std::string::npos)
        return fail("the page does not contain \"" + std::string(must_contain) + "\"");
    return ::testing::AssertionSuccess();
}

/// 303 to /login?next=<target, percent-encoded> (anonymous HTML GET of a protected page).
inline ::testing::AssertionResult is_login_redirect_to(const Response& r, std::string_view target) {
    const std::string want = "/login?next=" + url_encode(target);
    if (r.status == 303 && r.location() == want) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected 303 → " << want << ", got " << r.describe();
}

/// The pattern with every {name} segment replaced by `id`.
inline std::string fill_params(std::string_view pattern, std::int64_t id) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern[i] == '{') {
            const std::size_t end = pattern.find('}', i);
            out += std::to_string(id);
            i = end + 1;
        } else {
            out += pattern[i++];
        }
    }
    return out;
}

inline bool is_api(std::string_view path) {
    return path.rfind("/api/", 0) == 0;
}

}  // namespace http_test
