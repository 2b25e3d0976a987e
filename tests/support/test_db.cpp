#include "support/test_db.hpp"

#include <cstdlib>
#include <filesystem>
#include <random>
#include <utility>

#include "core/log.hpp"

namespace test_support {
namespace {

constexpr const char* k_pg_env = "BROBYGGER_TEST_PG_URL";

std::string random_suffix() {
    std::random_device rd;
    std::uint64_t v = (std::uint64_t{rd()} << 32) ^ rd();
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i, v >>= 4) out += k_hex[v & 0xf];
    return out;
}

/// `url` with its database name replaced by `dbname`, query parameters kept.
std::string with_dbname(const std::string& url, const std::string& dbname) {
    const std::size_t scheme = url.find("://");
    const std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t query = url.find('?', authority);
    const std::size_t slash = url.find('/', authority);
    const std::size_t path_start = (slash != std::string::npos && slash < query) ? slash : query;
    const std::string rest = query == std::string::npos ? "" : url.substr(query);
    return url.substr(0, path_start == std::string::npos ? url.size() : path_start) + "/" + dbname + rest;
}

/// Owns a test database and removes its storage after closing it. Leases handed out belong to
/// the inner Database, so they go back to its pool directly.
class DisposableDatabase final : public db::Database {
public:
    DisposableDatabase(std::unique_ptr<db::Database> inner, std::function<void()> cleanup)
        : m_inner(std::move(inner)), m_cleanup(std::move(cleanup)) {}
    ~DisposableDatabase() override {
        m_inner.reset();  // close every connection first
        if (m_cleanup) m_cleanup();
    }
    [[nodiscard]] db::Dialect dialect() const override { return m_inner->dialect(); }
    core::Result<db::Lease> acquire() override { return m_inner->acquire(); }
    [[nodiscard]] std::string describe() const override { return m_inner->describe(); }
    core::Result<void> backup_to(const std::string& path) override { return m_inner->backup_to(path); }

protected:
    // Never called: acquire() returns the inner database's leases, which release to it.
    void release(std::unique_ptr<db::Connection>) override {}

private:
    std::unique_ptr<db::Database> m_inner;
    std::function<void()> m_cleanup;
};

core::Result<std::unique_ptr<db::Database>> make_sqlite(const db::OpenOptions& options) {
    namespace fs = std::filesystem;
    const fs::path file = fs::temp_directory_path() / ("bb_t_" + random_suffix() + ".db");
    BB_ASSIGN(auto inner, db::open(file.string(), options));
    auto cleanup = [file] {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file.string() + suffix, ec);
    };
    return std::unique_ptr<db::Database>(std::make_unique<DisposableDatabase>(std::move(inner), cleanup));
}

core::Result<std::unique_ptr<db::Database>> make_postgres(const db::OpenOptions& options) {
    const char* admin_url = std::getenv(k_pg_env);
    if (!admin_url || !*admin_url) {
        core::log::error(std::string("test_support: ") + k_pg_env + " is not set");
        return core::Error::unavailable();
    }
    db::OpenOptions admin_options;
    admin_options.pool_size = 1;
    std::shared_ptr<db::Database> admin;
    {
        BB_ASSIGN(auto opened, db::open(admin_url, admin_options));
        admin = std::move(opened);
    }
    // The name is generated here from [0-9a-f] only; identifiers cannot be bound parameters.
    const std::string name = "bb_t_" + random_suffix();
    {
        BB_ASSIGN(auto lease, admin->acquire());
        BB_TRY(lease->query("CREATE DATABASE " + name));
    }
    auto cleanup = [admin, name] {
        auto lease = admin->acquire();
        if (!lease.ok() || !(*lease)->query("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").ok())
            core::log::warn("test_support: could not drop test database " + name);
    };
    auto inner = db::open(with_dbname(admin_url, name), options);
    if (!inner.ok()) {
        cleanup();
        return inner.take_error();
    }
    return std::unique_ptr<db::Database>(
        std::make_unique<DisposableDatabase>(std::move(inner).value(), cleanup));
}

}  // namespace

std::vector<std::string> test_backends() {
    std::vector<std::string> backends{"sqlite"};
    if (const char* url = std::getenv(k_pg_env); url && *url) backends.emplace_back("postgres");
    return backends;
}

core::Result<std::unique_ptr<db::Database>> make_test_database(const std::string& backend, Schema schema,
                                                               const db::OpenOptions& options) {
    std::unique_ptr<db::Database> database;
    if (backend == "sqlite") {
        BB_ASSIGN(database, make_sqlite(options));
    } else if (backend == "postgres") {
        BB_ASSIGN(database, make_postgres(options));
    } else {
        core::log::error("test_support: unknown backend '" + backend + "'");
        return core::Error::internal();
    }
    if (schema == Schema::Migrated) BB_TRY(db::migrate(*database));
    return database;
}

void BackendTest::SetUp() {
    auto made = make_test_database(GetParam());
    ASSERT_TRUE(made.ok()) << "cannot create a test database on " << GetParam() << ": "
                           << made.error().message;
    m_database = std::move(made).value();
}

std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info) {
    return info.param;
}

}  // namespace test_support
