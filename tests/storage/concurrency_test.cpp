// Many writers at once (RE-01: no busy errors, no lost updates) and pool limits.
#include <atomic>
#include <chrono>
#include <thread>

#include "storage_fixture.hpp"

namespace storage_test {
namespace {

class ConcurrencyTest : public StorageTest {};

TEST_P(ConcurrencyTest, ConcurrentWritersLoseNothingAndNeverSeeBusy) {
    create(
        "CREATE TABLE counter (id BIGINT PRIMARY KEY, n BIGINT NOT NULL);"
        "CREATE TABLE concurrency_events (id {{id}}, thread BIGINT NOT NULL, seq BIGINT NOT NULL);"
        "INSERT INTO counter (id, n) VALUES (1, 0);");
    // Read-modify-write: correct only if write transactions are really serialised
    // (BEGIN IMMEDIATE on SQLite; a row lock on PostgreSQL, READ COMMITTED).
    const char* read_sql = database().dialect() == db::Dialect::Sqlite
                               ? "SELECT n FROM counter WHERE id = 1"
                               : "SELECT n FROM counter WHERE id = 1 FOR UPDATE";
    constexpr int k_threads = 8;
    constexpr int k_writes = 50;
    std::atomic<int> unavailable{0}, other_errors{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < k_writes; ++i) {
                auto r = database().write([&](db::Connection& c) -> core::Result<void> {
                    BB_ASSIGN(auto rs, c.query(read_sql));
                    const std::int64_t n = rs.first().int64(0);
                    BB_TRY(c.query("UPDATE counter SET n = $1 WHERE id = 1", {n + 1}));
                    BB_TRY(c.query("INSERT INTO concurrency_events (thread, seq) VALUES ($1, $2)",
                                   {std::int64_t{t}, std::int64_t{i}}));
                    return {};
                });
                if (!r.ok()) (r.error().code == core::ErrorCode::Unavailable ? unavailable : other_errors)++;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(unavailable.load(), 0);
    EXPECT_EQ(other_errors.load(), 0);
    EXPECT_EQ(scalar("SELECT n FROM counter WHERE id = 1"), k_threads * k_writes);
    EXPECT_EQ(scalar("SELECT count(*) FROM concurrency_events"), k_threads * k_writes);
}

TEST_P(ConcurrencyTest, ReadTransactionsThatWriteAuditRowsSucceedUnderWriteLoad) {
    // Services read, then record an audit row, inside database().read(). On SQLite a plain
    // deferred transaction could not upgrade while others write (immediate SQLITE_BUSY).
    create(
        "CREATE TABLE records (id {{id}}, v BIGINT NOT NULL);"
        "CREATE TABLE audit (id {{id}}, seen BIGINT NOT NULL);");
    constexpr int k_threads = 4;
    constexpr int k_ops = 40;
    std::atomic<int> failed_writes{0}, failed_reads{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < k_threads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < k_ops; ++i) {
                auto r = database().write([&](db::Connection& c) -> core::Result<void> {
                    BB_TRY(c.query("INSERT INTO records (v) VALUES ($1)", {std::int64_t{i}}));
                    return {};
                });
                if (!r.ok()) ++failed_writes;
            }
        });
        threads.emplace_back([&] {
            for (int i = 0; i < k_ops; ++i) {
                auto r = database().read([&](db::Connection& c) -> core::Result<void> {
                    BB_ASSIGN(auto rs, c.query("SELECT count(*) FROM records"));
                    BB_TRY(c.query("INSERT INTO audit (seen) VALUES ($1)", {rs.first().int64(0)}));
                    BB_ASSIGN(auto after, c.query("SELECT count(*) FROM audit"));
                    if (after.first().int64(0) < 1) return core::Error::internal();  // sees its own write
                    return {};
                });
                if (!r.ok()) ++failed_reads;
            }
        });
    }
    for (auto& th : threads) th.join();
    EXPECT_EQ(failed_writes.load(), 0);
    EXPECT_EQ(failed_reads.load(), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM records"), k_threads * k_ops);
    EXPECT_EQ(scalar("SELECT count(*) FROM audit"), k_threads * k_ops);
}

TEST_P(ConcurrencyTest, ReadersRunWhileAWriterHoldsItsTransaction) {
    create("CREATE TABLE notes (id {{id}}, body TEXT NOT NULL);");
    auto writer = database().acquire();
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->begin(db::TxMode::Write).ok());
    ASSERT_TRUE((*writer)->query("INSERT INTO notes (body) VALUES ($1)", {std::string("ukommitteret")}).ok());
    // Another connection reads the last committed state without waiting (WAL / MVCC).
    auto count = database().read([&](db::Connection& c) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rs, c.query("SELECT count(*) FROM notes"));
        return rs.first().int64(0);
    });
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 0);
    ASSERT_TRUE((*writer)->commit().ok());
    EXPECT_EQ(scalar("SELECT count(*) FROM notes"), 1);
}

TEST_P(ConcurrencyTest, PoolIsBoundedAndWaitsForAReturnedConnection) {
    db::OpenOptions options;
    options.pool_size = 2;
    options.acquire_timeout_ms = 300;
    auto opened = db::open(database().describe(), options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    auto& small = *opened.value();

    auto a = small.acquire();
    auto b = small.acquire();
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    const auto start = std::chrono::steady_clock::now();
    auto c = small.acquire();  // all leased: gives up after the timeout
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, core::ErrorCode::Unavailable);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));

    std::thread giver([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        db::Lease returned = std::move(a).value();
    });  // `returned` goes back to the pool when the lambda ends
    auto d = small.acquire();
    giver.join();
    ASSERT_TRUE(d.ok()) << "a returned connection must wake the waiter";
    auto q = (*d)->query("SELECT 1");
    EXPECT_TRUE(q.ok());
}

BB_INSTANTIATE_BACKENDS(ConcurrencyTest);

}  // namespace
}  // namespace storage_test
