#include "http/app_fixture.hpp"

#include <stdexcept>

#include "accounts/account_service.hpp"
#include "core/log.hpp"
#include "http/template_db.hpp"

namespace http_test {
namespace {

template <typename T>
T take(core::Result<T> r, const std::string& what) {
    if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
    return std::move(r.value());
}

}  // namespace

const std::vector<DemoUser>& demo_users() {
    static const std::vector<DemoUser> users = {
        {"admin", "Bro-Styring-2026!", core::Role::Admin},
        {"konsulent", "Bro-Kortlaeg-2026!", core::Role::Consultant},
        {"sagsbehandler", "Bro-Forloeb-2026!", core::Role::Caseworker},
        {"virksomhed", "Bro-Kaffe-2026!", core::Role::Enterprise},
        {"indkoeber", "Bro-Indkob-2026!", core::Role::Buyer},
    };
    return users;
}

const DemoUser& demo_user(core::Role role) {
    for (const auto& u : demo_users())
        if (u.role == role) return u;
    throw std::logic_error("no demo user for role");
}

// ---------------------------------------------------------------- TestApp

namespace {

accounts::AccountSettings test_account_settings() {
    accounts::AccountSettings settings;
    settings.hash = accounts::HashParams::minimum_for_tests();
    return settings;
}

/// Migrates `database` and loads the demo data, as `brobygger serve --demo` does on first start.
core::Result<void> prepare_demo(std::unique_ptr<db::Database> database) {
    core::ManualClock clock(k_start_time);
    app::Config config;
    config.demo = true;
    app::Application application(config, std::move(database), clock, test_account_settings());
    return application.prepare();
}

/// Copying a prepared template pays off when this process runs several tests (a direct run of
/// http_test); under ctest every test is a process of its own and builds its database directly.
bool use_template() {
    return ::testing::UnitTest::GetInstance()->test_to_run_count() > 2;
}

}  // namespace

TestApp::TestApp(const std::string& backend, const AppOptions& options) {
    core::log::set_level(core::log::Level::Error);  // denied requests are expected here
    std::unique_ptr<db::Database> database;
    if (options.demo && use_template()) {
        DisposableDb copy =
            take(copy_of_template(backend, prepare_demo), "copy of the demo database on " + backend);
        database = std::move(copy.database);
        m_remove = std::move(copy.remove);
    } else {
        database = take(test_support::make_test_database(backend), "test database on " + backend);
    }
    app::Config config;
    config.listen = "127.0.0.1:0";
    config.demo = options.demo;
    config.secure_cookies = options.secure_cookies;
    config.trusted_proxies = options.trusted_proxies;
    config.worker_threads = 4;
    m_app = std::make_unique<app::Application>(config, std::move(database), m_clock, test_account_settings());
    auto prepared = m_app->prepare();
    if (!prepared.ok()) throw std::runtime_error("prepare: " + prepared.error().message);
    m_app->start_server();
    if (m_app->port() == 0) throw std::runtime_error("the server did not start");
}

TestApp::~TestApp() {
    if (m_app) m_app->stop_server();
    m_app.reset();  // closes the database
    if (m_remove) m_remove();
}

// ---------------------------------------------------------------- HttpTest

TestApp& HttpTest::start(const AppOptions& options) {
    m_app.reset();
    m_app = std::make_unique<TestApp>(GetParam(), options);
    return *m_app;
}

TestApp& HttpTest::test_app() {
    if (!m_app) start(AppOptions{});
    return *m_app;
}

Client HttpTest::client(const std::string& source_address) {
    return Client(test_app().port(), source_address);
}

Client HttpTest::login_as(core::Role role) {
    const DemoUser& u = demo_user(role);
    return login_as(u.username, u.password);
}

Client HttpTest::login_as(const std::string& username, const std::string& password) {
    Client c = client();
    Response r = c.login(username, password);
    if (r.status != 303 || r.is_login_redirect() || !c.cookie("bb_session"))
        throw std::runtime_error("login as " + username + " failed: " + r.describe());
    return c;
}

accounts::User HttpTest::user(const std::string& username) {
    return take(app().accounts().find_user(username), "find_user " + username);
}

std::int64_t HttpTest::user_count() {
    return take(app().accounts().count_users(), "count_users");
}

core::Actor HttpTest::admin_actor() {
    return user("admin").actor("127.0.0.1", "test");
}

accounts::User HttpTest::create_user(const std::string& username, core::Role role,
                                     const std::string& password, const std::string& display_name) {
    accounts::NewUser nu;
    nu.username = username;
    nu.display_name = display_name;
    nu.role = role;
    if (role == core::Role::Enterprise) nu.enterprise_id = 1;
    nu.password = password;
    return take(app().accounts().create_user(nu, admin_actor()), "create_user " + username);
}

std::vector<audit::Record> HttpTest::audit_rows(audit::AuditFilter filter) {
    if (filter.limit == 100) filter.limit = 1000;
    audit::AuditLog& log = app().audit();
    auto page = app().database().read([&](db::Connection& c) { return log.list(c, filter); });
    return take(std::move(page), "audit list").rows;
}

std::vector<audit::Record> HttpTest::audit_rows_with_action(const std::string& action) {
    audit::AuditFilter f;
    f.action = action;
    return audit_rows(f);
}

}  // namespace http_test
