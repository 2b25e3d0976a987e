// Migrations on real databases: embedded set, synthetic sets, failures and racing processes.
#include <atomic>
#include <thread>

#include "core/date.hpp"
#include "storage_fixture.hpp"

namespace storage_test {
namespace {

using db::migrations::Migration;

class MigrationsTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        auto made = test_support::make_test_database(GetParam(), test_support::Schema::Empty);
        ASSERT_TRUE(made.ok()) << made.error().message;
        m_db = std::move(made).value();
    }
    void TearDown() override { m_db.reset(); }

    Migration make(int version, std::string name, std::string_view sql) {
        return Migration{version, std::move(name), "test", db::migrations::render(sql, m_db->dialect())};
    }
    std::int64_t scalar(std::string_view sql, const std::vector<db::Value>& params = {}) {
        auto lease = m_db->acquire();
        if (!lease.ok()) return -1;
        auto rs = (*lease)->query(sql, params);
        return rs.ok() && !rs->empty() ? rs->first().int64(0) : -1;
    }
    bool table_exists(const std::string& name) {
        const char* sql = m_db->dialect() == db::Dialect::Sqlite
                              ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $1"
                              : "SELECT count(*) FROM pg_tables WHERE tablename = $1";
        return scalar(sql, {name}) == 1;
    }

    std::unique_ptr<db::Database> m_db;
};

TEST_P(MigrationsTest, EmptyDatabaseIsAtVersionZero) {
    auto v = db::schema_version(*m_db);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, 0);
}

TEST_P(MigrationsTest, EmbeddedMigrationsApplyOnceAndAreRecorded) {
    auto planned = db::migrations::plan(db::migrations::embedded_files(), m_db->dialect());
    ASSERT_TRUE(planned.ok());
    auto first = db::migrate(*m_db);
    ASSERT_TRUE(first.ok()) << first.error().message;
    EXPECT_EQ(*first, static_cast<int>(planned->size()));
    auto v = db::schema_version(*m_db);
    ASSERT_TRUE(v.ok());
    EXPECT_EQ(*v, db::latest_migration());
    EXPECT_EQ(scalar("SELECT count(*) FROM schema_version"), static_cast<std::int64_t>(planned->size()));

    auto second = db::migrate(*m_db);
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(*second, 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM schema_version"), static_cast<std::int64_t>(planned->size()));
}

TEST_P(MigrationsTest, SyntheticMigrationsApplyInOrderAndOnlyOnce) {
    const std::vector<Migration> set = {
        make(1, "parents", "CREATE TABLE mig_parents (id {{id}}, name TEXT NOT NULL UNIQUE);"),
        make(2, "children",
             "CREATE TABLE mig_children (id {{id}}, parent_id BIGINT NOT NULL REFERENCES mig_parents (id));"
             "CREATE INDEX mig_children_parent ON mig_children (parent_id);"),
    };
    auto applied = db::migrations::apply(*m_db, set);
    ASSERT_TRUE(applied.ok()) << applied.error().message;
    EXPECT_EQ(*applied, 2);
    EXPECT_EQ(*db::schema_version(*m_db), 2);
    auto again = db::migrations::apply(*m_db, set);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, 0);

    auto lease = m_db->acquire();
    ASSERT_TRUE(lease.ok());
    auto rs = (*lease)->query("SELECT version, name, applied_at FROM schema_version ORDER BY version");
    ASSERT_TRUE(rs.ok());
    ASSERT_EQ(rs->rows.size(), 2u);
    EXPECT_EQ(rs->rows[0].int64(0), 1);
    EXPECT_EQ(rs->rows[0].text(1), "parents");
    EXPECT_EQ(rs->rows[1].text(1), "children");
    EXPECT_TRUE(core::parse_iso_timestamp(rs->rows[1].text(2)).has_value()) << rs->rows[1].text(2);
    // {{id}} produced working auto-increment keys.
    auto ins = (*lease)->query("INSERT INTO mig_parents (name) VALUES ($1) RETURNING id", {std::string("a")});
    ASSERT_TRUE(ins.ok());
    EXPECT_GE(ins->first().int64(0), 1);
}

TEST_P(MigrationsTest, FailingMigrationLeavesNothingBehind) {
    const Migration good = make(1, "good", "CREATE TABLE mig_good (id {{id}});");
    const Migration bad = make(2, "bad",
                               "CREATE TABLE mig_half (id {{id}});"
                               "INSERT INTO mig_half (id) VALUES (1);"
                               "CREATE TABLE mig_broken (id {{id}}, oops NOT_A_TYPE_AT_ALL(");
    auto r = db::migrations::apply(*m_db, {good, bad});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(*db::schema_version(*m_db), 1);
    EXPECT_TRUE(table_exists("mig_good"));
    EXPECT_FALSE(table_exists("mig_half"));  // DDL rolled back with the failed migration

    const Migration fixed = make(2, "bad", "CREATE TABLE mig_half (id {{id}});");
    auto retry = db::migrations::apply(*m_db, {good, fixed});
    ASSERT_TRUE(retry.ok()) << retry.error().message;
    EXPECT_EQ(*retry, 1);
    EXPECT_EQ(*db::schema_version(*m_db), 2);
}

TEST_P(MigrationsTest, RacingProcessesApplyEachMigrationOnce) {
    std::vector<Migration> set;
    for (int v = 1; v <= 6; ++v) {
        const std::string n = std::to_string(v);
        std::string sql = "CREATE TABLE mig_step";
        sql.append(n).append(" (id {{id}}, x TEXT);");
        set.push_back(make(v, std::string("step").append(n), sql));
    }
    // Separate Database objects on the same storage behave like separate processes.
    constexpr int k_racers = 3;
    std::vector<std::unique_ptr<db::Database>> handles;
    for (int i = 0; i < k_racers; ++i) {
        auto h = db::open(m_db->describe());
        ASSERT_TRUE(h.ok()) << h.error().message;
        handles.push_back(std::move(h).value());
    }
    std::atomic<int> total{0}, failures{0};
    std::vector<std::thread> threads;
    for (auto& h : handles) {
        threads.emplace_back([&, db = h.get()] {
            auto r = db::migrations::apply(*db, set);
            if (r.ok())
                total += *r;
            else
                ++failures;
        });
    }
    for (auto& t : threads) t.join();
    handles.clear();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(total.load(), 6);
    EXPECT_EQ(scalar("SELECT count(*) FROM schema_version"), 6);
    EXPECT_EQ(*db::schema_version(*m_db), 6);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationsTest, ::testing::ValuesIn(test_support::test_backends()),
                         test_support::backend_test_name);

}  // namespace
}  // namespace storage_test
