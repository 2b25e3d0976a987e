#pragma once
/// Shared helpers for the storage tests.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "support/test_db.hpp"

namespace storage_test {

/// A fresh migrated database per test and backend, plus small helpers.
class StorageTest : public test_support::BackendTest {
protected:
    /// Runs DDL (`{{id}}` allowed) in a write transaction; fails the test on error.
    void create(std::string_view ddl) {
        auto r = database().write([&](db::Connection& c) {
            return c.exec_script(db::migrations::render(ddl, database().dialect()));
        });
        ASSERT_TRUE(r.ok()) << r.error().message;
    }
    /// One statement in autocommit mode; an error fails the test and gives an empty result.
    db::ResultSet run(std::string_view sql, const std::vector<db::Value>& params = {}) {
        auto lease = database().acquire();
        if (!lease.ok()) {
            ADD_FAILURE() << "acquire: " << lease.error().message;
            return {};
        }
        auto r = (*lease)->query(sql, params);
        if (!r.ok()) {
            ADD_FAILURE() << "query failed: " << sql << ": " << r.error().message;
            return {};
        }
        return std::move(r).value();
    }
    /// The result of a one-cell query as an integer (-1 on error).
    std::int64_t scalar(std::string_view sql, const std::vector<db::Value>& params = {}) {
        auto rs = run(sql, params);
        return rs.empty() ? -1 : rs.first().int64(0);
    }
};

}  // namespace storage_test
