#pragma once
/// The real application, started in-process on an ephemeral loopback port with a fresh
/// database on one backend, plus the fixture every HTTP test derives from.
///
///     class LoginTest : public http_test::HttpTest {};
///     TEST_P(LoginTest, Works) { auto admin = login_as(core::Role::Admin); … }
///     BB_INSTANTIATE_BACKENDS(LoginTest);
///
/// Each test gets its own application and database (a copy of a demo database prepared once
/// per run, see template_db.hpp), so tests that move the clock, lock accounts or disable users
/// cannot disturb each other.
#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "app/application.hpp"
#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "http/client.hpp"
#include "support/test_db.hpp"

namespace http_test {

/// The demo users of src/app/demo_data.cpp.
struct DemoUser {
    std::string username;
    std::string password;
    core::Role role;
};
const std::vector<DemoUser>& demo_users();
const DemoUser& demo_user(core::Role role);

/// 2026-03-02T09:00:00Z, where every test's clock starts.
inline constexpr core::UnixSeconds k_start_time = 1772442000;

struct AppOptions {
    bool demo = true;
    bool secure_cookies = false;
    std::vector<std::string> trusted_proxies;
};

/// One running application on a fresh database.
class TestApp {
public:
    TestApp(const std::string& backend, const AppOptions& options);
    ~TestApp();
    TestApp(const TestApp&) = delete;
    TestApp& operator=(const TestApp&) = delete;

    app::Application& app() { return *m_app; }
    core::ManualClock& clock() { return m_clock; }
    [[nodiscard]] unsigned short port() const { return m_app->port(); }

private:
    core::ManualClock m_clock{k_start_time};
    std::unique_ptr<app::Application> m_app;
    std::function<void()> m_remove;  ///< removes a database copied from the template
};

/// Fixture parameterised by backend ("sqlite", "postgres"). The application starts on first
/// use with default options (demo users on), or explicitly with start(options).
class HttpTest : public ::testing::TestWithParam<std::string> {
protected:
    void TearDown() override { m_app.reset(); }

    /// Starts the application with `options` (replacing one already running).
    TestApp& start(const AppOptions& options);
    TestApp& test_app();
    app::Application& app() { return test_app().app(); }
    core::ManualClock& clock() { return test_app().clock(); }

    /// A client without cookies, optionally from another loopback address ("127.0.0.2").
    Client client(const std::string& source_address = {});
    /// A client logged in as the demo user with this role; fails the test (throws) otherwise.
    Client login_as(core::Role role);
    Client login_as(const std::string& username, const std::string& password);

    // ---- looking behind the HTTP surface (through the services, never SQL) ----
    accounts::User user(const std::string& username);
    std::int64_t user_id(const std::string& username) { return user(username).id; }
    std::int64_t user_count();
    /// An administrator actor (the demo admin) for service calls made by the test itself.
    core::Actor admin_actor();
    /// Creates an enabled user with a permanent password (no must-change).
    accounts::User create_user(const std::string& username, core::Role role, const std::string& password,
                               const std::string& display_name = "Test Testesen");
    /// Audit rows matching the filter, newest first (limit defaults to 1000).
    std::vector<audit::Record> audit_rows(audit::AuditFilter filter = {});
    std::vector<audit::Record> audit_rows_with_action(const std::string& action);

private:
    std::unique_ptr<TestApp> m_app;
};

}  // namespace http_test
