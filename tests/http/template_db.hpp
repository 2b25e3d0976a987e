#pragma once
/// Fast fresh databases for the HTTP tests: the migrated database with the demo data is built
/// once per backend and process (a prepared "template"), and every test gets a copy of it —
/// a file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. Loading the demo data
/// through the services for every test would cost far more than the copy.
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"

namespace http_test {

/// A database plus what removes it; run `remove` only after every connection is closed.
struct DisposableDb {
    std::unique_ptr<db::Database> database;
    std::function<void()> remove;
};

/// A copy of the prepared demo database on `backend` ("sqlite" or "postgres"). The template
/// is made on first use by `prepare(db)`, which receives the template database to migrate
/// and fill (it must close every connection to it before returning, i.e. destroy it).
core::Result<DisposableDb> copy_of_template(
    const std::string& backend,
    const std::function<core::Result<void>(std::unique_ptr<db::Database>)>& prepare);

}  // namespace http_test
