#pragma once
/// The PostgreSQL engine (libpq). Only pg_database.cpp includes libpq-fe.h.
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace db::postgres {

/// Connects to `url` ("postgresql://user:password@host:port/dbname?…") with a pool of
/// `options.pool_size` connections (client_encoding UTF8, connect_timeout 10 s unless the URL
/// says otherwise). The first connection is opened at once: Unavailable when the server cannot
/// be reached. Logs a warning for each unsafe durability setting of the server (RE-06).
/// Parameters are sent as text: int64 as int8, double as float8, strings untyped (the server
/// infers the type from the context); result cells arrive as text (Row converts).
/// Write transactions are READ COMMITTED; read transactions are plain BEGIN (not read-only).
core::Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& options);

/// "postgresql://user@host:port/dbname": the URL without password or query parameters.
[[nodiscard]] std::string describe_url(const std::string& url);

/// The server's unsafe durability settings as seen by `conn` (e.g. "fsync=off"); empty when
/// fsync, synchronous_commit, full_page_writes, data_sync_retry and data_checksums are all safe.
/// Validation when `conn` is not a PostgreSQL connection.
core::Result<std::vector<std::string>> unsafe_server_settings(Connection& conn);

}  // namespace db::postgres
