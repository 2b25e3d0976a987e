// Binding and reading every value type, placeholders and affected-row counts on every backend.
#include <limits>

#include "storage_fixture.hpp"

namespace storage_test {
namespace {

class ValuesTest : public StorageTest {
protected:
    void SetUp() override {
        StorageTest::SetUp();
        if (HasFatalFailure()) return;
        create("CREATE TABLE vals (id {{id}}, i BIGINT, r DOUBLE PRECISION, t TEXT)");
    }
};

TEST_P(ValuesTest, RoundTripsEveryValueTypeIncludingNull) {
    const std::string danish = "Blåbærgrød på Ærø – “citat” ½ 😀";
    const std::vector<std::vector<db::Value>> rows = {
        {std::numeric_limits<std::int64_t>::max(), 0.1, danish},
        {std::numeric_limits<std::int64_t>::min(), -1.5e300, std::string()},
        {std::int64_t{0}, 3.0, std::string("plain")},
        {db::null(), db::null(), db::null()},
    };
    auto inserted = database().write([&](db::Connection& c) -> core::Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> ids;
        for (const auto& params : rows) {
            BB_ASSIGN(auto rs,
                      c.query("INSERT INTO vals (i, r, t) VALUES ($1, $2, $3) RETURNING id", params));
            ids.push_back(rs.first().int64(0));
        }
        return ids;
    });
    ASSERT_TRUE(inserted.ok()) << inserted.error().message;
    ASSERT_EQ(inserted->size(), 4u);
    EXPECT_LT((*inserted)[0], (*inserted)[3]);

    auto rs = run("SELECT id, i, r, t FROM vals ORDER BY id");
    ASSERT_EQ(rs.rows.size(), 4u);
    EXPECT_EQ(rs.columns, (std::vector<std::string>{"id", "i", "r", "t"}));
    const auto& a = rs.rows[0];
    EXPECT_EQ(a.int64(1), std::numeric_limits<std::int64_t>::max());
    EXPECT_EQ(a.real(2), 0.1);  // exact: both engines keep the shortest round-trip form
    EXPECT_EQ(a.text(3), danish);
    const auto& b = rs.rows[1];
    EXPECT_EQ(b.int64(1), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(b.real(2), -1.5e300);
    EXPECT_FALSE(b.is_null(3));  // empty text is not NULL
    EXPECT_EQ(b.opt_text(3), std::string());
    const auto& c = rs.rows[2];
    EXPECT_EQ(c.int64(1), 0);
    EXPECT_EQ(c.real(2), 3.0);
    EXPECT_EQ(c.text(3), "plain");
    const auto& d = rs.rows[3];
    for (std::size_t i = 1; i < 4; ++i) EXPECT_TRUE(d.is_null(i)) << i;
    EXPECT_EQ(d.opt_int64(1), std::nullopt);
    EXPECT_EQ(d.opt_text(3), std::nullopt);
    EXPECT_EQ(d.text(3), "");
    EXPECT_EQ(d.int64(1), 0);

    // NULL parameters compare as NULL, and db::opt maps optionals.
    EXPECT_EQ(scalar("SELECT count(*) FROM vals WHERE t IS NOT DISTINCT FROM $1",
                     {db::opt(std::optional<std::string>())}),
              1);
    EXPECT_EQ(scalar("SELECT count(*) FROM vals WHERE i IS NOT DISTINCT FROM $1",
                     {db::opt(std::optional<std::int64_t>(0))}),
              1);
    EXPECT_EQ(
        scalar("SELECT count(*) FROM vals WHERE t = $1", {db::opt(std::optional<std::string>("plain"))}), 1);
}

TEST_P(ValuesTest, LargeUtf8TextSurvivesAndCountsCharacters) {
    std::string big;
    for (int i = 0; i < 200000; ++i) big += "æøåÆØÅ-";  // 7 characters, 13 bytes
    ASSERT_GT(big.size(), 2'000'000u);
    auto w = database().write([&](db::Connection& c) -> core::Result<void> {
        BB_TRY(c.query("INSERT INTO vals (t) VALUES ($1)", {big}));
        return {};
    });
    ASSERT_TRUE(w.ok()) << w.error().message;
    auto rs = run("SELECT t, length(t) FROM vals");
    ASSERT_EQ(rs.rows.size(), 1u);
    EXPECT_TRUE(rs.first().text(0) == big);
    EXPECT_EQ(rs.first().int64(1), 200000 * 7);  // characters, not bytes: UTF-8 on both engines
}

TEST_P(ValuesTest, PlaceholdersCanRepeatAndComeInAnyOrder) {
    create("CREATE TABLE pairs (a BIGINT, b BIGINT, s TEXT)");
    run("INSERT INTO pairs (a, b, s) VALUES ($1, $1, $2)", {std::int64_t{7}, std::string("syv")});
    run("INSERT INTO pairs (a, b, s) VALUES ($2, $1, $3)",
        {std::int64_t{1}, std::int64_t{2}, std::string("to-en")});
    EXPECT_EQ(scalar("SELECT count(*) FROM pairs WHERE a = $1 AND b = $1", {std::int64_t{7}}), 1);
    auto rs = run("SELECT a, b FROM pairs WHERE s = $2 AND a > $1", {std::int64_t{0}, std::string("to-en")});
    ASSERT_EQ(rs.rows.size(), 1u);
    EXPECT_EQ(rs.first().int64(0), 2);
    EXPECT_EQ(rs.first().int64(1), 1);
    // Integer parameters are 64-bit on both engines, also in arithmetic.
    EXPECT_EQ(scalar("SELECT a + $1 FROM pairs WHERE s = 'syv'", {std::int64_t{5'000'000'000}}),
              5'000'000'007);
}

TEST_P(ValuesTest, AffectedCountsOnlyChangedRows) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    db::Connection& c = **lease;
    for (int i = 0; i < 3; ++i) {
        auto ins = c.query("INSERT INTO vals (i, t) VALUES ($1, 'x')", {std::int64_t{i}});
        ASSERT_TRUE(ins.ok());
        EXPECT_EQ(ins->affected, 1);
    }
    auto upd = c.query("UPDATE vals SET t = 'y' WHERE i >= $1", {std::int64_t{1}});
    ASSERT_TRUE(upd.ok());
    EXPECT_EQ(upd->affected, 2);
    auto none = c.query("UPDATE vals SET t = 'z' WHERE i > $1", {std::int64_t{100}});
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->affected, 0);
    auto sel = c.query("SELECT * FROM vals");
    ASSERT_TRUE(sel.ok());
    EXPECT_EQ(sel->rows.size(), 3u);
    EXPECT_EQ(sel->affected, 0);
    auto ddl = c.query("CREATE TABLE other (x BIGINT)");
    ASSERT_TRUE(ddl.ok());
    EXPECT_EQ(ddl->affected, 0);
    auto del = c.query("DELETE FROM vals");
    ASSERT_TRUE(del.ok());
    EXPECT_EQ(del->affected, 3);
}

TEST_P(ValuesTest, NulBytesInTextAreRefused) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    auto r = (*lease)->query("INSERT INTO vals (t) VALUES ($1)", {std::string("a\0b", 3)});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(scalar("SELECT count(*) FROM vals"), 0);
}

TEST_P(ValuesTest, MisusedPlaceholdersAreInternalErrorsWithoutSql) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    db::Connection& c = **lease;
    auto too_many = c.query("SELECT t FROM vals WHERE i = $1", {std::int64_t{1}, std::int64_t{2}});
    ASSERT_FALSE(too_many.ok());
    EXPECT_EQ(too_many.error().code, core::ErrorCode::Internal);
    auto too_few = c.query("SELECT t FROM vals WHERE i = $1 AND t = $2", {std::int64_t{1}});
    ASSERT_FALSE(too_few.ok());
    EXPECT_EQ(too_few.error().code, core::ErrorCode::Internal);
    auto question = c.query("SELECT t FROM vals WHERE i = ?", {std::int64_t{1}});
    ASSERT_FALSE(question.ok());
    EXPECT_EQ(question.error().code, core::ErrorCode::Internal);
    auto syntax = c.query("SELEKT secret_column FROM vals");
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().code, core::ErrorCode::Internal);
    EXPECT_EQ(syntax.error().message.find("secret_column"), std::string::npos);
    EXPECT_EQ(syntax.error().message.find("SELEKT"), std::string::npos);
    // The connection is still fine afterwards.
    auto ok = c.query("SELECT count(*) FROM vals");
    ASSERT_TRUE(ok.ok());
}

TEST_P(ValuesTest, QueryRunsExactlyOneStatement) {
    auto lease = database().acquire();
    ASSERT_TRUE(lease.ok());
    auto two = (*lease)->query("INSERT INTO vals (i) VALUES (1); DELETE FROM vals");
    EXPECT_FALSE(two.ok());
    auto script = (*lease)->exec_script("INSERT INTO vals (i) VALUES (1); INSERT INTO vals (i) VALUES (2);");
    ASSERT_TRUE(script.ok());
    EXPECT_EQ(scalar("SELECT count(*) FROM vals"), 2);  // the refused pair ran nothing
}

BB_INSTANTIATE_BACKENDS(ValuesTest);

}  // namespace
}  // namespace storage_test
