// Commit, rollback (error and exception), constraint violations and pool hygiene.
#include <stdexcept>

#include "storage_fixture.hpp"

namespace storage_test {
namespace {

class TransactionsTest : public StorageTest {
protected:
    void SetUp() override {
        StorageTest::SetUp();
        if (HasFatalFailure()) return;
        create(
            "CREATE TABLE parents (id {{id}}, email TEXT NOT NULL UNIQUE, "
            "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)));"
            "CREATE TABLE children (id {{id}}, parent_id BIGINT NOT NULL REFERENCES parents (id), name "
            "TEXT);");
    }
    core::Result<std::int64_t> add_parent(db::Connection& c, const std::string& email) {
        BB_ASSIGN(auto rs, c.query("INSERT INTO parents (email) VALUES ($1) RETURNING id", {email}));
        return rs.first().int64(0);
    }
    std::int64_t parents() { return scalar("SELECT count(*) FROM parents"); }
};

TEST_P(TransactionsTest, WriteCommitsWhenTheFunctionSucceeds) {
    auto r = database().write([&](db::Connection& c) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto id, add_parent(c, "a@example.dk"));
        BB_TRY(c.query("INSERT INTO children (parent_id, name) VALUES ($1, $2)", {id, std::string("Åse")}));
        return id;
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(parents(), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM children WHERE parent_id = $1", {*r}), 1);
}

TEST_P(TransactionsTest, ReturnedErrorRollsEverythingBack) {
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(add_parent(c, "a@example.dk"));
        BB_TRY(add_parent(c, "b@example.dk"));
        return core::Error::validation("email", "Forkert.");
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(parents(), 0);
}

TEST_P(TransactionsTest, ExceptionRollsEverythingBackAndPropagates) {
    EXPECT_THROW(
        {
            (void)database().write([&](db::Connection& c) -> core::Result<void> {
                BB_TRY(add_parent(c, "a@example.dk"));
                throw std::runtime_error("boom");
            });
        },
        std::runtime_error);
    EXPECT_EQ(parents(), 0);
    // The connection went back clean: the next write works and commits.
    auto again = database().write([&](db::Connection& c) { return add_parent(c, "a@example.dk"); });
    ASSERT_TRUE(again.ok()) << again.error().message;
    EXPECT_EQ(parents(), 1);
}

TEST_P(TransactionsTest, UniqueViolationIsConflictAndRollsBackTheTransaction) {
    ASSERT_TRUE(database().write([&](db::Connection& c) { return add_parent(c, "dup@example.dk"); }).ok());
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(add_parent(c, "new@example.dk"));
        BB_TRY(add_parent(c, "dup@example.dk"));
        return {};
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(r.error().message, "Posten findes allerede eller er i brug.");
    EXPECT_EQ(r.error().message.find("parents"), std::string::npos);  // no SQL or schema names
    EXPECT_EQ(parents(), 1);                                          // "new@" rolled back too
}

TEST_P(TransactionsTest, ForeignKeyViolationIsConflict) {
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(c.query("INSERT INTO children (parent_id, name) VALUES ($1, 'orphan')", {std::int64_t{4242}}));
        return {};
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(scalar("SELECT count(*) FROM children"), 0);

    // Deleting a parent that is still referenced is refused too ("in use").
    auto parent = database().write([&](db::Connection& c) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto id, add_parent(c, "p@example.dk"));
        BB_TRY(c.query("INSERT INTO children (parent_id) VALUES ($1)", {id}));
        return id;
    });
    ASSERT_TRUE(parent.ok());
    auto del = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(c.query("DELETE FROM parents WHERE id = $1", {*parent}));
        return {};
    });
    ASSERT_FALSE(del.ok());
    EXPECT_EQ(del.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(parents(), 1);
}

TEST_P(TransactionsTest, CheckViolationIsConflict) {
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(c.query("INSERT INTO parents (email, active) VALUES ($1, $2)",
                       {std::string("x@example.dk"), std::int64_t{2}}));
        return {};
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Conflict);
}

TEST_P(TransactionsTest, NotNullViolationIsInternal) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    auto r = (*lease)->query("INSERT INTO parents (email) VALUES ($1)", {db::null()});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Internal);  // a bug, not a user conflict
}

TEST_P(TransactionsTest, ReadTransactionMayWrite) {
    // Services write audit rows inside read transactions: Read is not read-only.
    auto r = database().read([&](db::Connection& c) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rs, c.query("SELECT count(*) FROM parents"));
        (void)rs;
        return add_parent(c, "audit@example.dk");
    });
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(parents(), 1);
}

TEST_P(TransactionsTest, LeaseDroppedInsideTransactionRollsBackAndFreesTheWriter) {
    {
        auto lease = database().acquire();
        ASSERT_TRUE(lease.ok());
        ASSERT_TRUE((*lease)->begin(db::TxMode::Write).ok());
        ASSERT_TRUE(add_parent(**lease, "left@example.dk").ok());
    }  // returned to the pool without commit
    EXPECT_EQ(parents(), 0);
    // No write lock or in-process write slot is left behind.
    auto r = database().write([&](db::Connection& c) { return add_parent(c, "next@example.dk"); });
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(parents(), 1);
}

TEST_P(TransactionsTest, SwallowedStatementErrorFollowsTheEngine) {
    ASSERT_TRUE(database().write([&](db::Connection& c) { return add_parent(c, "dup@example.dk"); }).ok());
    auto r = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(add_parent(c, "kept@example.dk"));
        (void)add_parent(c, "dup@example.dk");  // the caller ignores this Conflict
        return {};
    });
    if (database().dialect() == db::Dialect::Sqlite) {
        // SQLite undoes only the failed statement; the transaction commits the rest.
        ASSERT_TRUE(r.ok());
        EXPECT_EQ(parents(), 2);
    } else {
        // PostgreSQL aborts the whole transaction: commit reports the swallowed error.
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.error().code, core::ErrorCode::Conflict);
        EXPECT_EQ(parents(), 1);
    }
}

TEST_P(TransactionsTest, ManualTransactionsCommitAndRollBack) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    db::Connection& c = **lease;
    ASSERT_TRUE(c.begin(db::TxMode::Write).ok());
    ASSERT_TRUE(add_parent(c, "r@example.dk").ok());
    ASSERT_TRUE(c.rollback().ok());
    ASSERT_TRUE(c.rollback().ok());  // nothing open: harmless
    ASSERT_TRUE(c.begin(db::TxMode::Write).ok());
    ASSERT_TRUE(add_parent(c, "c@example.dk").ok());
    ASSERT_TRUE(c.commit().ok());
    EXPECT_EQ(parents(), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM parents WHERE email = $1", {std::string("c@example.dk")}), 1);
}

BB_INSTANTIATE_BACKENDS(TransactionsTest);

}  // namespace
}  // namespace storage_test
