#pragma once
/// The SQLite engine (the embedded default). Only sqlite_database.cpp includes sqlite3.h.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "db/database.hpp"

namespace db::sqlite {

/// Opens the SQLite database file at `path` with a pool of `options.pool_size` connections.
/// With `options.create` the file and its parent directory are created when missing.
/// Every connection runs with journal_mode=WAL, synchronous=FULL, foreign_keys=ON and
/// busy_timeout=`options.busy_timeout_ms` (RE-01); write transactions use BEGIN IMMEDIATE and
/// are queued inside the process before they compete for SQLite's write lock.
/// Fails with Unavailable when the file cannot be opened or configured, Validation for
/// ":memory:" (a pool of private in-memory databases would silently lose data).
core::Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const OpenOptions& options);

/// The effective settings of one SQLite connection, for the startup self-check (RE-01).
struct Pragmas {
    std::string journal_mode;  ///< "wal" expected
    int synchronous = -1;      ///< 2 = FULL expected
    int foreign_keys = -1;     ///< 1 expected
    int busy_timeout_ms = -1;  ///< the configured OpenOptions::busy_timeout_ms
};

/// Reads the pragmas of `conn` (a connection leased from a SQLite Database). Validation when
/// `conn` is not a SQLite connection; the query's error otherwise.
core::Result<Pragmas> read_pragmas(Connection& conn);

}  // namespace db::sqlite
