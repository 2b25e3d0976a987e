#pragma once
/// Fresh databases for integration tests, on SQLite always and on PostgreSQL when
/// BROBYGGER_TEST_PG_URL names an admin URL of a throwaway cluster
/// (`scripts/pg-test-cluster.sh start DIR PORT` prints one).
///
/// Typical use, one test per backend ("…/sqlite", "…/postgres"):
///     class AccountsTest : public test_support::BackendTest {};
///     TEST_P(AccountsTest, Creates) { db::Database& db = database(); … }
///     BB_INSTANTIATE_BACKENDS(AccountsTest);
/// CTest registration: call `set(CMAKE_GTEST_DISCOVER_TESTS_DISCOVERY_MODE PRE_TEST)` before
/// bb_test(...) so the test list is taken when the tests run (with the variable set), not at
/// build time.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace test_support {

/// {"sqlite"}, plus "postgres" when the environment variable BROBYGGER_TEST_PG_URL is set.
std::vector<std::string> test_backends();

/// Whether make_test_database runs db::migrate on the new database.
enum class Schema { Migrated, Empty };

/// A brand-new database on `backend` ("sqlite" or "postgres"), migrated unless `schema` is
/// Empty, opened with `options`. SQLite: a unique file in the temp directory, deleted (with
/// its -wal/-shm files) when the returned Database is destroyed. PostgreSQL: CREATE DATABASE
/// bb_t_<random> through the admin URL, dropped WITH (FORCE) on destruction. describe() of the
/// result can be passed to db::open to reach the same database a second time.
/// Return every Lease before destroying it. Fails when the backend is unknown, PostgreSQL is
/// not configured or unreachable, or the migrations fail.
core::Result<std::unique_ptr<db::Database>> make_test_database(const std::string& backend,
                                                               Schema schema = Schema::Migrated,
                                                               const db::OpenOptions& options = {});

/// GoogleTest fixture parameterised by backend name: database() is a fresh migrated
/// database for every test, removed afterwards.
class BackendTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override;
    void TearDown() override { m_database.reset(); }
    /// The fresh database of the running test.
    db::Database& database() { return *m_database; }
    [[nodiscard]] bool is_sqlite() const { return GetParam() == "sqlite"; }
    [[nodiscard]] bool is_postgres() const { return GetParam() == "postgres"; }

    std::unique_ptr<db::Database> m_database;
};

/// Test-name suffix for a backend parameter ("sqlite", "postgres").
std::string backend_test_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace test_support

/// Instantiates a BackendTest-derived suite once per test_support::test_backends() entry.
#define BB_INSTANTIATE_BACKENDS(suite)                                                              \
    INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::ValuesIn(::test_support::test_backends()), \
                             ::test_support::backend_test_name)
