#include "db/sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <semaphore>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "core/log.hpp"
#include "db/internal.hpp"
#include "db/sqlite/danish_tokenizer.hpp"

namespace db::sqlite {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t k_statement_cache_limit = 256;

/// State shared by a database and all its connections.
struct Shared {
    std::string path;
    OpenOptions options;
    /// In-process queue for write transactions: threads wait on a semaphore (woken in turn)
    /// instead of sleep-polling SQLite's write lock; BEGIN IMMEDIATE then only competes with
    /// other processes. A semaphore (not a mutex) because it may be released on any thread.
    std::binary_semaphore write_gate{1};
};

std::string errmsg(sqlite3* db, int rc) {
    return db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}

/// Maps a SQLite result code to the error table and logs the details (SQL allowed, values never).
core::Error map_error(int rc, sqlite3* db, std::string_view context, std::string_view sql = {}) {
    std::string line =
        "sqlite " + std::string(context) + ": " + errmsg(db, rc) + " (code " + std::to_string(rc) + ")";
    if (!sql.empty()) line += " in: " + detail::sql_for_log(sql);
    switch (rc) {
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
        case SQLITE_CONSTRAINT_FOREIGNKEY:
        case SQLITE_CONSTRAINT_CHECK:
            core::log::info(line);  // an expected outcome (duplicate, record in use)
            return detail::conflict_error();
        default:
            break;
    }
    switch (rc & 0xff) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
        case SQLITE_FULL:
        case SQLITE_IOERR:
        case SQLITE_CANTOPEN:
            core::log::warn(line);
            return core::Error::unavailable();
        default:
            core::log::error(line);
            return core::Error::internal();
    }
}

core::Error usage_error(std::string_view what, std::string_view sql) {
    core::log::error("sqlite: " + std::string(what) + " in: " + detail::sql_for_log(sql));
    return core::Error::internal();
}

/// Parses "$N" (N >= 1); 0 for any other parameter form.
std::size_t dollar_index(const char* name) {
    if (!name || name[0] != '$' || name[1] == '\0') return 0;
    std::size_t n = 0;
    for (const char* p = name + 1; *p; ++p) {
        if (*p < '0' || *p > '9' || n > 100000) return 0;
        n = n * 10 + static_cast<std::size_t>(*p - '0');
    }
    return n;
}

class SqliteConnection final : public Connection {
public:
    SqliteConnection(sqlite3* handle, std::shared_ptr<Shared> shared)
        : m_db(handle), m_shared(std::move(shared)) {}
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    ~SqliteConnection() override {
        for (auto& [sql, stmt] : m_cache) sqlite3_finalize(stmt);
        release_write_gate();
        sqlite3_close_v2(m_db);
    }

    [[nodiscard]] Dialect dialect() const override { return Dialect::Sqlite; }
    [[nodiscard]] sqlite3* handle() const { return m_db; }

    core::Result<ResultSet> query(std::string_view sql, const std::vector<Value>& params) override {
        if (detail::find_nul_parameter(params) != 0) return detail::nul_parameter_error();
        BB_ASSIGN(sqlite3_stmt * stmt, prepare(sql));
        if (m_in_read_tx && !sqlite3_stmt_readonly(stmt)) BB_TRY(upgrade_read_transaction());
        // Always leave the statement reset: an un-reset SELECT would keep a read snapshot open.
        struct ResetGuard {
            sqlite3_stmt* s;
            ~ResetGuard() {
                sqlite3_reset(s);
                sqlite3_clear_bindings(s);
            }
        } guard{stmt};
        BB_TRY(bind(stmt, sql, params));

        ResultSet rs;
        const int columns = sqlite3_column_count(stmt);
        rs.columns.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) rs.columns.emplace_back(sqlite3_column_name(stmt, c));

        const sqlite3_int64 changes_before = sqlite3_total_changes64(m_db);
        for (;;) {
            const int rc = sqlite3_step(stmt);
            if (rc == SQLITE_DONE) break;
            if (rc != SQLITE_ROW) return map_error(rc, m_db, "query", sql);
            std::vector<Value> cells;
            cells.reserve(static_cast<std::size_t>(columns));
            for (int c = 0; c < columns; ++c) cells.push_back(read_cell(stmt, c));
            rs.rows.emplace_back(std::move(cells));
        }
        // sqlite3_changes() keeps the count of the last INSERT/UPDATE/DELETE, so only trust it
        // when this statement changed something (DDL and SELECT report 0).
        if (sqlite3_total_changes64(m_db) != changes_before) rs.affected = sqlite3_changes64(m_db);
        return rs;
    }

    using Connection::query;

    core::Result<int> describe(std::string_view sql) override {
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        const std::string text(sql);
        const int rc = sqlite3_prepare_v2(m_db, text.c_str(), static_cast<int>(text.size()), &stmt, &tail);
        if (rc != SQLITE_OK) return map_error(rc, m_db, "prepare", sql);
        if (!stmt) return usage_error("empty statement", sql);
        const int columns = sqlite3_column_count(stmt);
        sqlite3_finalize(stmt);
        if (tail && *tail) {
            sqlite3_stmt* extra = nullptr;
            const int rc2 = sqlite3_prepare_v2(m_db, tail, -1, &extra, nullptr);
            const bool has_extra = rc2 != SQLITE_OK || extra != nullptr;
            sqlite3_finalize(extra);
            if (has_extra) return usage_error("more than one statement", sql);
        }
        return columns;
    }

    core::Result<void> exec_script(std::string_view sql) override {
        if (m_in_read_tx) BB_TRY(upgrade_read_transaction());  // scripts are assumed to write
        const std::string script(sql);
        char* message = nullptr;
        const int rc = sqlite3_exec(m_db, script.c_str(), nullptr, nullptr, &message);
        if (message) sqlite3_free(message);
        if (rc != SQLITE_OK) return map_error(rc, m_db, "script", sql);
        return {};
    }

    core::Result<void> begin(TxMode mode) override {
        if (!sqlite3_get_autocommit(m_db)) return usage_error("begin() inside an open transaction", "BEGIN");
        if (mode == TxMode::Read) {
            BB_TRY(simple("BEGIN"));
            m_in_read_tx = true;
            return {};
        }
        return begin_immediate();
    }

    core::Result<void> commit() override {
        auto r = simple("COMMIT");
        if (sqlite3_get_autocommit(m_db)) m_in_read_tx = false;
        // A failed COMMIT (e.g. a deferred foreign key) may leave the transaction open for the
        // caller's rollback(); only give up the write gate once it is really over.
        if (sqlite3_get_autocommit(m_db)) release_write_gate();
        return r;
    }

    core::Result<void> rollback() override {
        core::Result<void> r;
        if (!sqlite3_get_autocommit(m_db)) r = simple("ROLLBACK");
        if (sqlite3_get_autocommit(m_db)) {
            release_write_gate();
            m_in_read_tx = false;
        }
        return r;
    }

    /// Makes the connection safe to hand to the next borrower: no open transaction.
    void reset_for_pool() {
        if (!sqlite3_get_autocommit(m_db)) {
            core::log::warn("sqlite: connection returned to the pool inside a transaction; rolling back");
            (void)rollback();
            // A connection stuck in a transaction it cannot roll back must not be reused.
            if (!sqlite3_get_autocommit(m_db)) m_broken = true;
        }
        release_write_gate();
    }

    [[nodiscard]] bool broken() const override { return m_broken; }

private:
    /// BEGIN IMMEDIATE after taking this process's write slot.
    core::Result<void> begin_immediate() {
        const auto wait = std::chrono::milliseconds(std::max(m_shared->options.busy_timeout_ms, 0));
        if (!m_shared->write_gate.try_acquire_for(wait)) {
            core::log::warn("sqlite: waited " + std::to_string(wait.count()) +
                            " ms for another write transaction in this process");
            return core::Error::unavailable();
        }
        m_holds_gate = true;
        auto r = simple("BEGIN IMMEDIATE");
        if (!r.ok()) release_write_gate();
        return r;
    }

    /// A read transaction is about to write (e.g. an audit row). SQLite cannot upgrade a WAL
    /// read snapshot once another connection has written (SQLITE_BUSY without waiting), so the
    /// read-only part is ended — it wrote nothing — and the transaction continues as a write
    /// transaction with a fresh snapshot. Reads before and after the first write may therefore
    /// see different data, which is what READ COMMITTED gives on PostgreSQL.
    core::Result<void> upgrade_read_transaction() {
        m_in_read_tx = false;
        BB_TRY(simple("ROLLBACK"));
        return begin_immediate();
    }

    core::Result<sqlite3_stmt*> prepare(std::string_view sql) {
        std::string key(sql);
        if (auto it = m_cache.find(key); it != m_cache.end()) return it->second;
        sqlite3_stmt* stmt = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v3(m_db, key.data(), static_cast<int>(key.size()),
                                          SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
        if (rc != SQLITE_OK) return map_error(rc, m_db, "prepare", sql);
        if (!stmt) return usage_error("empty statement", sql);
        // query() runs exactly one statement; anything after it must be only whitespace/comments.
        if (tail && *tail) {
            sqlite3_stmt* extra = nullptr;
            const int rc2 = sqlite3_prepare_v2(m_db, tail, -1, &extra, nullptr);
            const bool has_extra = rc2 != SQLITE_OK || extra != nullptr;
            sqlite3_finalize(extra);
            if (has_extra) {
                sqlite3_finalize(stmt);
                return usage_error("query() given more than one statement", sql);
            }
        }
        if (m_cache.size() >= k_statement_cache_limit) {
            for (auto& [text, cached] : m_cache) sqlite3_finalize(cached);
            m_cache.clear();
        }
        m_cache.emplace(std::move(key), stmt);
        return stmt;
    }

    core::Result<void> bind(sqlite3_stmt* stmt, std::string_view sql, const std::vector<Value>& params) {
        const int count = sqlite3_bind_parameter_count(stmt);
        std::size_t highest = 0;
        for (int i = 1; i <= count; ++i) {
            const std::size_t n = dollar_index(sqlite3_bind_parameter_name(stmt, i));
            if (n == 0) return usage_error("only $1..$n placeholders are allowed", sql);
            if (n > params.size())
                return usage_error("placeholder $" + std::to_string(n) + " but " +
                                       std::to_string(params.size()) + " parameters",
                                   sql);
            highest = std::max(highest, n);
            const Value& v = params[n - 1];
            int rc = SQLITE_OK;
            if (const auto* n64 = std::get_if<std::int64_t>(&v)) {
                rc = sqlite3_bind_int64(stmt, i, *n64);
            } else if (const auto* d = std::get_if<double>(&v)) {
                rc = sqlite3_bind_double(stmt, i, *d);
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                rc = sqlite3_bind_text64(stmt, i, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            } else {
                rc = sqlite3_bind_null(stmt, i);
            }
            if (rc != SQLITE_OK) return map_error(rc, m_db, "bind", sql);
        }
        // PostgreSQL refuses unused trailing parameters; refuse them here too so SQL stays portable.
        if (highest != params.size())
            return usage_error(std::to_string(params.size()) +
                                   " parameters but the highest placeholder is $" + std::to_string(highest),
                               sql);
        return {};
    }

    static Value read_cell(sqlite3_stmt* stmt, int c) {
        switch (sqlite3_column_type(stmt, c)) {
            case SQLITE_INTEGER:
                return static_cast<std::int64_t>(sqlite3_column_int64(stmt, c));
            case SQLITE_FLOAT:
                return sqlite3_column_double(stmt, c);
            case SQLITE_TEXT: {
                const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
            }
            case SQLITE_BLOB: {
                const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                return std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)));
            }
            default:
                return std::monostate{};
        }
    }

    /// Transaction control, outside the statement cache (so it can never evict a statement
    /// that is in use).
    core::Result<void> simple(const char* sql) {
        const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
        if (rc != SQLITE_OK) return map_error(rc, m_db, "transaction", sql);
        return {};
    }

    void release_write_gate() {
        if (m_holds_gate) {
            m_holds_gate = false;
            m_shared->write_gate.release();
        }
    }

    sqlite3* m_db;
    std::shared_ptr<Shared> m_shared;
    std::unordered_map<std::string, sqlite3_stmt*> m_cache;
    bool m_holds_gate = false;
    bool m_in_read_tx = false;  ///< in a deferred read transaction that has not written yet
    bool m_broken = false;
};

/// Runs a PRAGMA that returns one value and gives it as text.
core::Result<std::string> pragma_text(sqlite3* handle, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr);
    if (rc != SQLITE_OK) return map_error(rc, handle, "pragma", sql);
    std::string value;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
        value = p ? p : "";
        rc = sqlite3_step(stmt);
    }
    if (rc != SQLITE_DONE) {
        auto e = map_error(rc, handle, "pragma", sql);
        sqlite3_finalize(stmt);
        return e;
    }
    sqlite3_finalize(stmt);
    return value;
}

/// Opens and configures one connection (RE-01).
core::Result<std::unique_ptr<Connection>> open_connection(const std::shared_ptr<Shared>& shared) {
    sqlite3* handle = nullptr;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (shared->options.create) flags |= SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(shared->path.c_str(), &handle, flags, nullptr);
    if (rc != SQLITE_OK) {
        auto e = map_error(rc, handle, "open " + shared->path);
        sqlite3_close_v2(handle);
        return e;
    }
    auto conn = std::make_unique<SqliteConnection>(handle, shared);  // owns `handle` from here
    sqlite3_extended_result_codes(handle, 1);
    sqlite3_busy_timeout(handle, shared->options.busy_timeout_ms);
    // Hardening and portability: no writable_schema tricks, and "x" is always an identifier
    // (as in PostgreSQL), never a string literal.
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(handle, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);

    BB_ASSIGN(std::string mode, pragma_text(handle, "PRAGMA journal_mode=WAL"));
    if (mode != "wal") {
        core::log::error("sqlite: " + shared->path + " refused WAL journal mode (got '" + mode + "')");
        return core::Error::unavailable();
    }
    BB_TRY(pragma_text(handle, "PRAGMA synchronous=FULL"));
    BB_TRY(pragma_text(handle, "PRAGMA foreign_keys=ON"));
    // Danish full-text search (FTS5 tables with tokenize = 'danish'), on every connection.
    if (int trc = register_danish_tokenizer(handle); trc != SQLITE_OK)
        return map_error(trc, handle, "fts5 tokenizer");
    return std::unique_ptr<Connection>(std::move(conn));
}

class SqliteDatabase final : public Database {
public:
    explicit SqliteDatabase(std::shared_ptr<Shared> shared)
        : m_shared(std::move(shared)),
          m_pool("sqlite:" + m_shared->path, m_shared->options.pool_size,
                 std::chrono::milliseconds(m_shared->options.acquire_timeout_ms),
                 [s = m_shared] { return open_connection(s); }) {}

    [[nodiscard]] Dialect dialect() const override { return Dialect::Sqlite; }
    [[nodiscard]] std::string describe() const override { return "sqlite:" + m_shared->path; }

    core::Result<Lease> acquire() override {
        BB_ASSIGN(auto conn, m_pool.take());
        return Lease(this, std::move(conn));
    }

    core::Result<void> backup_to(const std::string& path) override;

    void adopt(std::unique_ptr<Connection> conn) { m_pool.adopt(std::move(conn)); }

protected:
    void release(std::unique_ptr<Connection> conn) override {
        static_cast<SqliteConnection&>(*conn).reset_for_pool();
        m_pool.put(std::move(conn));
    }

private:
    std::shared_ptr<Shared> m_shared;
    detail::ConnectionPool m_pool;
};

core::Error backup_error(core::ErrorCode code, const std::string& detail_line) {
    core::log::error("sqlite backup: " + detail_line);
    return core::Error{code, "Sikkerhedskopien kunne ikke laves.", {}};
}

core::Result<void> SqliteDatabase::backup_to(const std::string& path) {
    if (path.empty()) return backup_error(core::ErrorCode::Validation, "no target path given");
    std::error_code ec;
    const fs::path target = fs::absolute(path, ec);
    if (ec) return backup_error(core::ErrorCode::Validation, "bad target path " + path);
    if (fs::equivalent(target, fs::path(m_shared->path), ec))
        return backup_error(core::ErrorCode::Validation, "target is the live database " + path);
    if (fs::is_directory(target, ec))
        return backup_error(core::ErrorCode::Validation, "target is a directory " + path);
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    // Write next to the target and rename at the end: a failed backup never leaves a
    // half-written file under the final name, and an older good backup survives.
    const fs::path partial = target.string() + ".partial";
    fs::remove(partial, ec);
    fs::remove(partial.string() + "-journal", ec);

    BB_ASSIGN(Lease lease, acquire());
    sqlite3* source = static_cast<SqliteConnection&>(*lease).handle();

    sqlite3* dest = nullptr;
    int rc = sqlite3_open_v2(partial.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    auto fail = [&](core::ErrorCode code, const std::string& why) {
        sqlite3_close_v2(dest);
        std::error_code ignored;
        fs::remove(partial, ignored);
        fs::remove(partial.string() + "-journal", ignored);
        return backup_error(code, why + " (target " + target.string() + ")");
    };
    if (rc != SQLITE_OK)
        return fail(core::ErrorCode::Unavailable, std::string("cannot create: ") + errmsg(dest, rc));
    sqlite3_extended_result_codes(dest, 1);
    // The copy's FTS5 tables use the Danish tokenizer; register it so checks can read them.
    if (int trc = register_danish_tokenizer(dest); trc != SQLITE_OK)
        return fail(core::ErrorCode::Internal, "fts5 tokenizer: " + std::string(sqlite3_errstr(trc)));

    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", source, "main");
    if (!backup) return fail(core::ErrorCode::Internal, std::string("backup_init: ") + sqlite3_errmsg(dest));
    // One step copies everything inside one read transaction of the source (a consistent
    // snapshot; WAL lets writers continue meanwhile). Retry while the source is busy.
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(std::max(m_shared->options.busy_timeout_ms, 1000));
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            std::this_thread::sleep_for(std::chrono::milliseconds(25));
    } while ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < deadline);
    const int step_rc = rc;
    rc = sqlite3_backup_finish(backup);
    if (step_rc != SQLITE_DONE || rc != SQLITE_OK) {
        const int bad = step_rc != SQLITE_DONE ? step_rc : rc;
        const bool transient = (bad & 0xff) == SQLITE_BUSY || (bad & 0xff) == SQLITE_LOCKED ||
                               (bad & 0xff) == SQLITE_FULL || (bad & 0xff) == SQLITE_IOERR;
        return fail(transient ? core::ErrorCode::Unavailable : core::ErrorCode::Internal,
                    std::string("backup_step: ") + sqlite3_errstr(bad));
    }
    lease = Lease(nullptr, nullptr);  // give the source connection back before the checks

    // A self-contained single file: switch the copy out of WAL mode.
    auto journal = pragma_text(dest, "PRAGMA journal_mode=DELETE");
    if (!journal.ok()) return fail(core::ErrorCode::Internal, "could not set journal_mode on the copy");
    auto check = pragma_text(dest, "PRAGMA integrity_check");
    if (!check.ok() || *check != "ok")
        return fail(core::ErrorCode::Internal,
                    "integrity_check on the copy failed: " + (check.ok() ? *check : std::string("error")));
    rc = sqlite3_close_v2(dest);
    dest = nullptr;
    if (rc != SQLITE_OK) return fail(core::ErrorCode::Internal, std::string("close: ") + sqlite3_errstr(rc));
    fs::rename(partial, target, ec);
    if (ec) return fail(core::ErrorCode::Unavailable, "rename: " + ec.message());
    core::log::info("sqlite backup: " + m_shared->path + " -> " + target.string() + " (integrity ok)");
    return {};
}

}  // namespace

core::Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, const OpenOptions& options) {
    if (path.empty() || path == ":memory:" || path.starts_with("file:")) {
        core::log::error("sqlite: unsupported database path '" + path + "' (give a file path)");
        return core::Error{core::ErrorCode::Validation, "Databasens sti er ugyldig.", {}};
    }
    auto shared = std::make_shared<Shared>();
    shared->path = path;
    shared->options = options;
    if (options.create) {
        std::error_code ec;
        const fs::path parent = fs::path(path).parent_path();
        if (!parent.empty()) fs::create_directories(parent, ec);
        if (ec) {
            core::log::error("sqlite: cannot create directory " + parent.string() + ": " + ec.message());
            return core::Error::unavailable();
        }
    }
    // Open one connection now so a bad path or an unusable file fails at startup, not later.
    BB_ASSIGN(auto first, open_connection(shared));
    auto database = std::make_unique<SqliteDatabase>(shared);
    database->adopt(std::move(first));
    core::log::info("sqlite: opened " + path + " (WAL, synchronous=FULL, foreign_keys=ON, pool " +
                    std::to_string(options.pool_size) + ")");
    return std::unique_ptr<Database>(std::move(database));
}

core::Result<Pragmas> read_pragmas(Connection& conn) {
    if (conn.dialect() != Dialect::Sqlite)
        return core::Error{core::ErrorCode::Validation, "Ikke en SQLite-forbindelse.", {}};
    Pragmas p;
    BB_ASSIGN(auto journal, conn.query("PRAGMA journal_mode"));
    BB_ASSIGN(auto synchronous, conn.query("PRAGMA synchronous"));
    BB_ASSIGN(auto foreign_keys, conn.query("PRAGMA foreign_keys"));
    BB_ASSIGN(auto busy, conn.query("PRAGMA busy_timeout"));
    if (journal.empty() || synchronous.empty() || foreign_keys.empty() || busy.empty())
        return core::Error::internal();
    p.journal_mode = journal.first().text(0);
    p.synchronous = static_cast<int>(synchronous.first().int64(0));
    p.foreign_keys = static_cast<int>(foreign_keys.first().int64(0));
    p.busy_timeout_ms = static_cast<int>(busy.first().int64(0));
    return p;
}

}  // namespace db::sqlite
