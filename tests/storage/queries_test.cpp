// Every embedded query of every package (cmake/queries.cmake), prepared on every backend with
// the migrations applied: a query that names a missing table or column, has a syntax error, is
// more than one statement, or whose per-dialect variants return different numbers of columns,
// fails here instead of in front of a user.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "all_queries.hpp"
#include "support/test_db.hpp"

namespace {

class QueriesTest : public test_support::BackendTest {};

TEST_P(QueriesTest, EveryEmbeddedQueryPreparesOnThisEngine) {
    std::set<std::string> names;
    std::size_t count = 0;
    for (const auto& package : bb_test::all_queries()) {
        for (const db::Query* q : package) {
            ASSERT_NE(q, nullptr);
            ++count;
            EXPECT_TRUE(names.insert(std::string(q->name)).second) << q->name << " is listed twice";
            const std::string_view text = q->text(database().dialect());
            ASSERT_FALSE(text.empty()) << q->name << " has no text for this engine";
            // Each query in a transaction of its own: a failed prepare aborts a PostgreSQL
            // transaction.
            auto columns = database().read([&](db::Connection& c) { return c.describe(text); });
            EXPECT_TRUE(columns.ok()) << q->name << " does not prepare on " << GetParam();
        }
    }
    // The packages with SQL have a few hundred queries; an empty list means the generated
    // table is broken, not that there is nothing to check.
    EXPECT_GT(count, 200u);
}

TEST(Queries, DialectVariantsGiveTheSameColumnsOnBothEngines) {
    // A query with NAME.sqlite.sql and NAME.pg.sql feeds one row mapper, so both variants must
    // return as many columns. Needs both engines; without PostgreSQL there is nothing to compare.
    const auto backends = test_support::test_backends();
    if (backends.size() < 2) GTEST_SKIP() << "PostgreSQL is not configured (BROBYGGER_TEST_PG_URL)";
    auto sqlite = test_support::make_test_database("sqlite");
    auto postgres = test_support::make_test_database("postgres");
    ASSERT_TRUE(sqlite.ok() && postgres.ok());
    int compared = 0;
    for (const auto& package : bb_test::all_queries())
        for (const db::Query* q : package) {
            if (q->sqlite.empty() && q->postgres.empty()) continue;
            EXPECT_FALSE(q->portable.empty() && (q->sqlite.empty() || q->postgres.empty()))
                << q->name << " has one dialect variant and no portable text";
            auto on_sqlite =
                (*sqlite)->read([&](db::Connection& c) { return c.describe(q->text(c.dialect())); });
            auto on_pg =
                (*postgres)->read([&](db::Connection& c) { return c.describe(q->text(c.dialect())); });
            ASSERT_TRUE(on_sqlite.ok() && on_pg.ok()) << q->name;
            EXPECT_EQ(*on_sqlite, *on_pg) << q->name << ": the dialect variants return different columns";
            ++compared;
        }
    EXPECT_GT(compared, 0);
}

BB_INSTANTIATE_BACKENDS(QueriesTest);

}  // namespace
