// SQLite specifics: the RE-01 pragma self-check, opening, and online backup (RE-05).
#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "db/sqlite/sqlite_database.hpp"
#include "storage_fixture.hpp"

namespace storage_test {
namespace {

namespace fs = std::filesystem;

/// A private temporary directory, removed afterwards.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("bb_t_dir_" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    [[nodiscard]] const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

std::unique_ptr<db::Database> sqlite_database(const db::OpenOptions& options = {}) {
    auto made = test_support::make_test_database("sqlite", test_support::Schema::Migrated, options);
    EXPECT_TRUE(made.ok());
    return made.ok() ? std::move(made).value() : nullptr;
}

core::Result<void> insert_rows(db::Database& database, int from, int count) {
    return database.write([&](db::Connection& c) -> core::Result<void> {
        for (int i = from; i < from + count; ++i)
            BB_TRY(c.query("INSERT INTO items (n, label) VALUES ($1, $2)",
                           {std::int64_t{i}, "vare " + std::to_string(i) + " æøå"}));
        return {};
    });
}

std::int64_t count_items(db::Database& database) {
    auto lease = database.acquire();
    if (!lease.ok()) return -1;
    auto rs = (*lease)->query("SELECT count(*) FROM items");
    return rs.ok() ? rs->first().int64(0) : -1;
}

TEST(Sqlite, PragmasSelfCheckOnEveryConnection) {
    db::OpenOptions options;
    options.busy_timeout_ms = 4321;
    auto database = sqlite_database(options);
    ASSERT_TRUE(database);
    std::vector<db::Lease> leases;  // hold several at once so they are distinct connections
    for (int i = 0; i < 3; ++i) {
        auto lease = database->acquire();
        ASSERT_TRUE(lease.ok());
        auto p = db::sqlite::read_pragmas(**lease);
        ASSERT_TRUE(p.ok());
        EXPECT_EQ(p->journal_mode, "wal");
        EXPECT_EQ(p->synchronous, 2);  // FULL
        EXPECT_EQ(p->foreign_keys, 1);
        EXPECT_EQ(p->busy_timeout_ms, 4321);
        leases.push_back(std::move(lease).value());
    }
}

TEST(Sqlite, OpenCreatesTheDirectoryAndRefusesWhatItCannotServe) {
    TempDir dir;
    const fs::path file = dir.path() / "a" / "b" / "brobygger.db";
    {
        auto opened = db::open(file.string());
        ASSERT_TRUE(opened.ok());
        EXPECT_EQ((*opened)->dialect(), db::Dialect::Sqlite);
        EXPECT_EQ((*opened)->describe(), "sqlite:" + file.string());
    }
    EXPECT_TRUE(fs::exists(file));
    {
        auto again = db::open("sqlite:" + file.string());  // the form describe() prints
        ASSERT_TRUE(again.ok());
    }

    db::OpenOptions no_create;
    no_create.create = false;
    auto missing = db::open((dir.path() / "missing.db").string(), no_create);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, core::ErrorCode::Unavailable);
    EXPECT_FALSE(fs::exists(dir.path() / "missing.db"));

    auto memory = db::open(":memory:");
    ASSERT_FALSE(memory.ok());
    EXPECT_EQ(memory.error().code, core::ErrorCode::Validation);
}

TEST(Sqlite, DoubleQuotedStringsAreIdentifiersLikeInPostgres) {
    auto database = sqlite_database();
    ASSERT_TRUE(database);
    auto lease = database->acquire();
    ASSERT_TRUE(lease.ok());
    // With SQLite's legacy quirk this would silently compare with the string 'nope'.
    auto r = (*lease)->query("SELECT count(*) FROM schema_version WHERE name = \"nope\"");
    EXPECT_FALSE(r.ok());
}

class SqliteBackup : public ::testing::Test {
protected:
    void SetUp() override {
        m_db = sqlite_database();
        ASSERT_TRUE(m_db);
        auto r = m_db->write([](db::Connection& c) {
            return c.exec_script(
                "CREATE TABLE items (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, label TEXT);");
        });
        ASSERT_TRUE(r.ok());
    }
    void TearDown() override { m_db.reset(); }
    TempDir m_dir;
    std::unique_ptr<db::Database> m_db;
};

TEST_F(SqliteBackup, CopyIsCompleteVerifiedAndSelfContained) {
    ASSERT_TRUE(insert_rows(*m_db, 0, 1000).ok());
    const fs::path target = m_dir.path() / "nested" / "backup.db";
    auto r = m_db->backup_to(target.string());
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(fs::exists(target));
    EXPECT_FALSE(fs::exists(target.string() + ".partial"));
    EXPECT_FALSE(fs::exists(target.string() + "-wal"));  // a single file, not in WAL mode

    db::OpenOptions no_create;
    no_create.create = false;
    auto copy = db::open(target.string(), no_create);
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(count_items(**copy), 1000);
    auto lease = (*copy)->acquire();
    ASSERT_TRUE(lease.ok());
    auto rs = (*lease)->query("SELECT sum(n), max(label) FROM items");
    ASSERT_TRUE(rs.ok());
    EXPECT_EQ(rs->first().int64(0), 999 * 1000 / 2);
    EXPECT_EQ(rs->first().text(1), "vare 999 æøå");
    auto version = db::schema_version(**copy);
    ASSERT_TRUE(version.ok());
    EXPECT_EQ(*version, db::latest_migration());
}

TEST_F(SqliteBackup, ReplacesAnOlderBackup) {
    const fs::path target = m_dir.path() / "backup.db";
    ASSERT_TRUE(insert_rows(*m_db, 0, 10).ok());
    ASSERT_TRUE(m_db->backup_to(target.string()).ok());
    ASSERT_TRUE(insert_rows(*m_db, 10, 5).ok());
    ASSERT_TRUE(m_db->backup_to(target.string()).ok());
    auto copy = db::open(target.string());
    ASSERT_TRUE(copy.ok());
    EXPECT_EQ(count_items(**copy), 15);
}

TEST_F(SqliteBackup, ConsistentWhileWritersContinue) {
    ASSERT_TRUE(insert_rows(*m_db, 0, 500).ok());
    std::atomic<bool> stop{false};
    std::atomic<int> write_errors{0};
    std::thread writer([&] {
        for (int i = 500; !stop.load(); i += 10)
            if (!insert_rows(*m_db, i, 10).ok()) ++write_errors;
    });
    const fs::path target = m_dir.path() / "live.db";
    auto r = m_db->backup_to(target.string());
    stop = true;
    writer.join();
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(write_errors.load(), 0);
    auto copy = db::open(target.string());
    ASSERT_TRUE(copy.ok());
    const std::int64_t n = count_items(**copy);
    EXPECT_GE(n, 500);
    EXPECT_LE(n, count_items(*m_db));
    EXPECT_EQ(n % 10, 0);  // whole transactions only
}

TEST_F(SqliteBackup, FailsClearlyAndLeavesNoFile) {
    const fs::path is_dir = m_dir.path() / "a-directory";
    fs::create_directories(is_dir);
    auto onto_dir = m_db->backup_to(is_dir.string());
    ASSERT_FALSE(onto_dir.ok());
    EXPECT_FALSE(onto_dir.error().message.empty());
    EXPECT_TRUE(fs::is_directory(is_dir));

    auto unwritable = m_db->backup_to("/proc/brobygger-no-such-dir/backup.db");
    ASSERT_FALSE(unwritable.ok());
    EXPECT_FALSE(fs::exists("/proc/brobygger-no-such-dir/backup.db.partial"));

    auto onto_itself = m_db->backup_to(m_db->describe().substr(7));
    ASSERT_FALSE(onto_itself.ok());
    EXPECT_EQ(onto_itself.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(count_items(*m_db), 0);  // live database untouched and usable
}

}  // namespace
}  // namespace storage_test
