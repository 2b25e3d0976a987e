#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <thread>

#include "db/internal.hpp"

namespace {

using db::Row;
using db::Value;

TEST(Row, ReadsNativeValues) {
    Row row({Value(std::int64_t{-42}), Value(2.5), Value(std::string("æøå")), db::null()});
    EXPECT_EQ(row.size(), 4u);
    EXPECT_EQ(row.int64(0), -42);
    EXPECT_DOUBLE_EQ(row.real(0), -42.0);
    EXPECT_EQ(row.text(0), "-42");
    EXPECT_DOUBLE_EQ(row.real(1), 2.5);
    EXPECT_EQ(row.int64(1), 2);
    EXPECT_EQ(row.text(1), "2.5");
    EXPECT_EQ(row.text(2), "æøå");
    EXPECT_TRUE(row.is_null(3));
    EXPECT_FALSE(row.is_null(2));
    EXPECT_EQ(row.int64(3), 0);
    EXPECT_EQ(row.real(3), 0.0);
    EXPECT_EQ(row.text(3), "");
    EXPECT_EQ(row.opt_text(3), std::nullopt);
    EXPECT_EQ(row.opt_int64(3), std::nullopt);
    EXPECT_EQ(row.opt_text(2), "æøå");
    EXPECT_EQ(row.opt_int64(0), -42);
}

TEST(Row, ParsesTextLikePostgresSendsIt) {
    Row row({Value(std::string("9223372036854775807")), Value(std::string("-17")), Value(std::string("0.1")),
             Value(std::string("12.50")), Value(std::string("Infinity")), Value(std::string(""))});
    EXPECT_EQ(row.int64(0), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(row.int64(1), -17);
    EXPECT_DOUBLE_EQ(row.real(2), 0.1);
    EXPECT_EQ(row.int64(3), 12);  // NUMERIC from SUM/AVG is truncated like a cast
    EXPECT_TRUE(std::isinf(row.real(4)));
    EXPECT_EQ(row.opt_text(5), std::string());  // empty text is not NULL
}

TEST(Row, RejectsNonNumericTextAndBadIndex) {
    Row row({Value(std::string("abc")), Value(std::string("12abc"))});
    EXPECT_THROW((void)row.int64(0), std::invalid_argument);
    EXPECT_THROW((void)row.real(0), std::invalid_argument);
    EXPECT_THROW((void)row.int64(1), std::invalid_argument);
    EXPECT_THROW((void)row.text(2), std::out_of_range);
}

TEST(Helpers, NulParametersAreFound) {
    EXPECT_EQ(db::detail::find_nul_parameter({Value(std::int64_t{1}), Value(std::string("ok"))}), 0u);
    EXPECT_EQ(db::detail::find_nul_parameter({Value(std::string("ok")), Value(std::string("a\0b", 3))}), 2u);
}

TEST(Helpers, HighestPlaceholderSkipsLiteralsAndComments) {
    EXPECT_EQ(db::detail::highest_placeholder("SELECT 1"), 0u);
    EXPECT_EQ(db::detail::highest_placeholder("SELECT $1, $12, $3"), 12u);
    EXPECT_EQ(db::detail::highest_placeholder("SELECT '$9', \"$8\", $2 -- $7\n /* $6 */ , 'it''s $5'"), 2u);
    EXPECT_EQ(db::detail::highest_placeholder("SELECT $$ $4 $$, $tag$ $5 $tag$, $1"), 1u);
    EXPECT_EQ(db::detail::highest_placeholder("SELECT $1 + $1"), 1u);
}

TEST(Helpers, SqlForLogCollapsesWhitespaceAndTruncates) {
    EXPECT_EQ(db::detail::sql_for_log("  SELECT\n\t a\n  FROM t  "), "SELECT a FROM t");
    EXPECT_LE(db::detail::sql_for_log(std::string(1000, 'x')).size(), 303u);
}

/// A connection that only counts its instances.
class FakeConnection final : public db::Connection {
public:
    explicit FakeConnection(std::atomic<int>& alive) : m_alive(alive) { ++m_alive; }
    ~FakeConnection() override { --m_alive; }
    [[nodiscard]] db::Dialect dialect() const override { return db::Dialect::Sqlite; }
    core::Result<db::ResultSet> query(std::string_view, const std::vector<Value>&) override {
        return db::ResultSet{};
    }
    core::Result<int> describe(std::string_view) override { return 0; }
    core::Result<void> exec_script(std::string_view) override { return {}; }
    core::Result<void> begin(db::TxMode) override { return {}; }
    core::Result<void> commit() override { return {}; }
    core::Result<void> rollback() override { return {}; }
    [[nodiscard]] bool broken() const override { return m_broken; }
    bool m_broken = false;

private:
    std::atomic<int>& m_alive;
};

TEST(ConnectionPool, ReusesIdleConnectionsAndBoundsTheCount) {
    std::atomic<int> alive{0}, opened{0};
    db::detail::ConnectionPool pool(
        "test", 2, std::chrono::milliseconds(50), [&]() -> core::Result<std::unique_ptr<db::Connection>> {
            ++opened;
            return std::unique_ptr<db::Connection>(std::make_unique<FakeConnection>(alive));
        });
    auto a = pool.take();
    auto b = pool.take();
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(pool.open_count(), 2u);
    auto c = pool.take();  // all leased: times out
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.error().code, core::ErrorCode::Unavailable);
    db::Connection* first = a->get();
    pool.put(std::move(*a));
    auto d = pool.take();
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->get(), first);  // reused, not reopened
    EXPECT_EQ(opened.load(), 2);
    pool.put(std::move(*b));
    pool.put(std::move(*d));
    EXPECT_EQ(pool.idle_count(), 2u);
}

TEST(ConnectionPool, DropsBrokenConnectionsAndWakesWaiters) {
    std::atomic<int> alive{0}, opened{0};
    db::detail::ConnectionPool pool(
        "test", 1, std::chrono::milliseconds(5000), [&]() -> core::Result<std::unique_ptr<db::Connection>> {
            ++opened;
            return std::unique_ptr<db::Connection>(std::make_unique<FakeConnection>(alive));
        });
    auto a = pool.take();
    ASSERT_TRUE(a.ok());
    std::thread returner([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        static_cast<FakeConnection&>(**a).m_broken = true;
        pool.put(std::move(*a));
    });
    auto b = pool.take();  // waits for the slot the broken connection frees
    returner.join();
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(opened.load(), 2);
    EXPECT_EQ(alive.load(), 1);  // the broken one was closed
    EXPECT_EQ(pool.open_count(), 1u);
    pool.put(std::move(*b));
}

TEST(ConnectionPool, FailedOpenFreesTheSlot) {
    int calls = 0;
    db::detail::ConnectionPool pool("test", 1, std::chrono::milliseconds(50),
                                    [&]() -> core::Result<std::unique_ptr<db::Connection>> {
                                        ++calls;
                                        return core::Error::unavailable();
                                    });
    EXPECT_FALSE(pool.take().ok());
    EXPECT_FALSE(pool.take().ok());  // not a timeout: the slot was given back
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(pool.open_count(), 0u);
}

}  // namespace
