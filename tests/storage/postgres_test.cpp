// PostgreSQL specifics (skipped unless BROBYGGER_TEST_PG_URL is set) and the backup contract
// on every backend.
#include <cstdlib>
#include <filesystem>

#include "db/postgres/pg_database.hpp"
#include "storage_fixture.hpp"

namespace storage_test {
namespace {

std::string admin_url() {
    const char* url = std::getenv("BROBYGGER_TEST_PG_URL");
    return url ? url : "";
}

#define BB_REQUIRE_PG()                                                         \
    do {                                                                        \
        if (admin_url().empty()) GTEST_SKIP() << "BROBYGGER_TEST_PG_URL unset"; \
    } while (0)

TEST(PostgresUrl, DescribeNeverShowsThePassword) {
    EXPECT_EQ(db::postgres::describe_url(
                  "postgresql://bruger:hemmelig@db.example.dk:5433/brobygger?sslmode=require"),
              "postgresql://bruger@db.example.dk:5433/brobygger");
    EXPECT_EQ(db::postgres::describe_url("postgres://u:p%40ss@localhost/db"), "postgresql://u@localhost/db");
    EXPECT_EQ(db::postgres::describe_url("postgresql://h/db?password=hemmelig").find("hemmelig"),
              std::string::npos);
    EXPECT_EQ(db::postgres::describe_url("postgresql://[broken"), "postgresql://(ugyldig adresse)");
}

TEST(Postgres, UnreachableServerIsUnavailable) {
    auto r = db::open("postgresql://postgres@127.0.0.1:1/postgres?connect_timeout=2");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Unavailable);
}

class PostgresTest : public ::testing::Test {
protected:
    void SetUp() override {
        BB_REQUIRE_PG();
        auto made = test_support::make_test_database("postgres");
        ASSERT_TRUE(made.ok()) << made.error().message;
        m_db = std::move(made).value();
    }
    void TearDown() override { m_db.reset(); }
    std::unique_ptr<db::Database> m_db;
};

TEST_F(PostgresTest, DescribeWithPasswordInTheUrlHidesIt) {
    // The test cluster trusts loopback, so any password works and must never be shown.
    std::string url = m_db->describe();  // postgresql://postgres@127.0.0.1:PORT/bb_t_…
    const auto at = url.find('@');
    ASSERT_NE(at, std::string::npos);
    url.insert(at, ":hemmelig");
    auto opened = db::open(url);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    EXPECT_EQ((*opened)->describe(), m_db->describe());
    EXPECT_EQ((*opened)->describe().find("hemmelig"), std::string::npos);
}

TEST_F(PostgresTest, ServerSafetySettingsAreCheckedAndReported) {
    auto lease = m_db->acquire();
    ASSERT_TRUE(lease.ok());
    auto safe = db::postgres::unsafe_server_settings(**lease);
    ASSERT_TRUE(safe.ok());
    EXPECT_TRUE(safe->empty()) << (*safe)[0];  // the test cluster runs fsync on, checksums on
    ASSERT_TRUE((*lease)->exec_script("SET synchronous_commit TO off").ok());
    auto unsafe = db::postgres::unsafe_server_settings(**lease);
    ASSERT_TRUE((*lease)->exec_script("RESET synchronous_commit").ok());
    ASSERT_TRUE(unsafe.ok());
    ASSERT_EQ(unsafe->size(), 1u);
    EXPECT_EQ((*unsafe)[0], "synchronous_commit=off");
}

TEST_F(PostgresTest, BrokenConnectionIsNotReturnedToThePool) {
    db::OpenOptions one;
    one.pool_size = 1;
    auto opened = db::open(m_db->describe(), one);
    ASSERT_TRUE(opened.ok());
    db::Database& single = **opened;
    std::int64_t victim = 0;
    {
        auto lease = single.acquire();
        ASSERT_TRUE(lease.ok());
        auto pid = (*lease)->query("SELECT pg_backend_pid()");
        ASSERT_TRUE(pid.ok());
        victim = pid->first().int64(0);
        auto admin = m_db->acquire();
        ASSERT_TRUE(admin.ok());
        auto killed = (*admin)->query("SELECT pg_terminate_backend(CAST($1 AS INTEGER))", {victim});
        ASSERT_TRUE(killed.ok());
        auto after = (*lease)->query("SELECT 1");
        ASSERT_FALSE(after.ok());
        EXPECT_EQ(after.error().code, core::ErrorCode::Unavailable);
        EXPECT_TRUE((*lease)->broken());
    }
    auto fresh = single.acquire();  // the only slot was freed, a new connection is opened
    ASSERT_TRUE(fresh.ok());
    auto pid = (*fresh)->query("SELECT pg_backend_pid()");
    ASSERT_TRUE(pid.ok());
    EXPECT_NE(pid->first().int64(0), victim);
}

TEST_F(PostgresTest, IntegerParametersAreBigintAndResultsAreText) {
    auto lease = m_db->acquire();
    ASSERT_TRUE(lease.ok());
    auto rs =
        (*lease)->query("SELECT $1 + 1, $2, $3", {std::int64_t{9'000'000'000}, 0.25, std::string("tekst")});
    ASSERT_TRUE(rs.ok());
    EXPECT_TRUE(std::holds_alternative<std::string>(rs->first().raw(0)));
    EXPECT_EQ(rs->first().int64(0), 9'000'000'001);
    EXPECT_EQ(rs->first().real(1), 0.25);
    EXPECT_EQ(rs->first().text(2), "tekst");
}

class BackupContract : public StorageTest {};

TEST_P(BackupContract, SqliteCopiesAndPostgresPointsToPgDump) {
    const auto target = std::filesystem::temp_directory_path() / ("bb_t_backup_" + GetParam() + ".db");
    auto r = database().backup_to(target.string());
    if (is_sqlite()) {
        ASSERT_TRUE(r.ok()) << r.error().message;
        EXPECT_TRUE(std::filesystem::exists(target));
        std::filesystem::remove(target);
    } else {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
        EXPECT_NE(r.error().message.find("pg_dump -Fc"), std::string::npos) << r.error().message;
        EXPECT_NE(r.error().message.find("pg_restore"), std::string::npos);
        EXPECT_FALSE(std::filesystem::exists(target));
    }
}

BB_INSTANTIATE_BACKENDS(BackupContract);

}  // namespace
}  // namespace storage_test
