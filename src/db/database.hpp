#pragma once
/// Storage interface. SQLite (embedded default) and PostgreSQL implement it; services and
/// repositories see only this. SQL uses portable `$1…$n` placeholders on both engines.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/result.hpp"
#include "db/query.hpp"

namespace db {

enum class Dialect { Sqlite, Postgres };

/// A bound parameter or a result cell. PostgreSQL results arrive as text; accessors convert.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value null() {
    return std::monostate{};
}
inline Value opt(const std::optional<std::string>& s) {
    return s ? Value(*s) : null();
}
inline Value opt(const std::optional<std::int64_t>& v) {
    return v ? Value(*v) : null();
}

class Row {
public:
    explicit Row(std::vector<Value> cells) : m_cells(std::move(cells)) {}
    [[nodiscard]] std::size_t size() const { return m_cells.size(); }
    [[nodiscard]] bool is_null(std::size_t i) const;
    /// Integer value; text is parsed (a decimal like "2.50" is truncated); NULL gives 0.
    /// Throws std::invalid_argument for non-numeric text (a programmer error: wrong column).
    [[nodiscard]] std::int64_t int64(std::size_t i) const;
    /// Floating-point value; integers convert, text is parsed; NULL gives 0.0.
    /// Throws std::invalid_argument for non-numeric text.
    [[nodiscard]] double real(std::size_t i) const;
    /// Text value; numbers are formatted; NULL gives "".
    [[nodiscard]] std::string text(std::size_t i) const;
    [[nodiscard]] std::optional<std::string> opt_text(std::size_t i) const;
    [[nodiscard]] std::optional<std::int64_t> opt_int64(std::size_t i) const;
    [[nodiscard]] const Value& raw(std::size_t i) const { return m_cells.at(i); }

private:
    std::vector<Value> m_cells;
};

struct ResultSet {
    std::vector<std::string> columns;
    std::vector<Row> rows;
    std::int64_t affected = 0;  ///< rows changed by INSERT/UPDATE/DELETE

    [[nodiscard]] bool empty() const { return rows.empty(); }
    [[nodiscard]] const Row& first() const { return rows.front(); }
};

enum class TxMode { Read, Write };

/// One open connection. Not thread-safe; leased from the Database's pool.
class Connection {
public:
    virtual ~Connection() = default;
    [[nodiscard]] virtual Dialect dialect() const = 0;
    /// Runs one statement with bound parameters. Errors: Conflict on unique/foreign-key
    /// violations, Unavailable when busy/full/unreachable, Internal otherwise (details logged,
    /// never returned).
    virtual core::Result<ResultSet> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
    /// Runs a package's named query (db/query.hpp) in this connection's dialect.
    core::Result<ResultSet> query(const Query& q, const std::vector<Value>& params = {}) {
        return query(q.text(dialect()), params);
    }
    /// Prepares one statement without running it and returns the number of columns it
    /// yields (0 for a statement without a result). For the test that checks every query.
    virtual core::Result<int> describe(std::string_view sql) = 0;
    /// Runs several statements without parameters (migrations).
    virtual core::Result<void> exec_script(std::string_view sql) = 0;
    /// BEGIN IMMEDIATE (SQLite) / BEGIN ISOLATION LEVEL READ COMMITTED (PostgreSQL) for writes;
    /// a deferred BEGIN (SQLite) / plain BEGIN (PostgreSQL) for reads — not read-only.
    virtual core::Result<void> begin(TxMode mode) = 0;
    virtual core::Result<void> commit() = 0;
    virtual core::Result<void> rollback() = 0;
    /// True when the connection is broken and must not go back to the pool.
    [[nodiscard]] virtual bool broken() const { return false; }
};

class Database;

/// A pooled connection; returns itself to the pool when destroyed.
class Lease {
public:
    Lease(Database* owner, std::unique_ptr<Connection> conn) : m_owner(owner), m_conn(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    /// Returns the connection held so far (if any) to its pool, then takes over `other`'s.
    Lease& operator=(Lease&& other) noexcept;
    ~Lease();
    Connection& operator*() { return *m_conn; }
    Connection* operator->() { return m_conn.get(); }

private:
    Database* m_owner;
    std::unique_ptr<Connection> m_conn;
};

struct OpenOptions {
    std::size_t pool_size = 8;
    int busy_timeout_ms = 5000;
    bool create = true;  ///< SQLite: create the file (and its directory) if missing
    /// How long acquire() waits for a free connection when all are leased before it gives
    /// up with Unavailable (guards against pool exhaustion and nested-lease deadlocks).
    int acquire_timeout_ms = 30000;
};

class Database {
public:
    virtual ~Database() = default;
    [[nodiscard]] virtual Dialect dialect() const = 0;
    /// Takes a connection from the pool (opening one if below the pool size, else waiting).
    virtual core::Result<Lease> acquire() = 0;
    /// Human description without secrets ("sqlite:data/brobygger.db", "postgresql://host/db").
    [[nodiscard]] virtual std::string describe() const = 0;
    /// Online backup to a file (SQLite); PostgreSQL returns Validation with how to use pg_dump.
    virtual core::Result<void> backup_to(const std::string& path) = 0;

    /// Runs `f(Connection&)` in one write transaction; commits when it returns ok, rolls back
    /// otherwise (and on exceptions). `f` returns core::Result<T>.
    template <class F>
    auto write(F&& f) -> std::invoke_result_t<F, Connection&> {
        return transact(TxMode::Write, std::forward<F>(f));
    }
    /// Same for reads. Nothing is locked up front and readers never wait for writers; `f` may
    /// still write (audit rows): SQLite then continues as a write transaction with a fresh
    /// snapshot, PostgreSQL runs READ COMMITTED, so reads are consistent per statement, not
    /// across the whole of `f`.
    template <class F>
    auto read(F&& f) -> std::invoke_result_t<F, Connection&> {
        return transact(TxMode::Read, std::forward<F>(f));
    }

protected:
    friend class Lease;
    virtual void release(std::unique_ptr<Connection> conn) = 0;

private:
    template <class F>
    auto transact(TxMode mode, F&& f) -> std::invoke_result_t<F, Connection&> {
        auto lease = acquire();
        if (!lease.ok()) return lease.take_error();
        Connection& c = **lease;
        if (auto b = c.begin(mode); !b.ok()) return b.take_error();
        try {
            auto r = f(c);
            if (!r.ok()) {
                (void)c.rollback();
                return r;
            }
            if (auto cm = c.commit(); !cm.ok()) {
                (void)c.rollback();
                return cm.take_error();
            }
            return r;
        } catch (...) {
            (void)c.rollback();
            throw;
        }
    }
};

/// Opens "postgresql://…"/"postgres://…" URLs with PostgreSQL, anything else as a SQLite path.
core::Result<std::unique_ptr<Database>> open(const std::string& url_or_path, const OpenOptions& options = {});

/// Applies the embedded numbered migrations that are not yet recorded in `schema_version`,
/// each in its own transaction. Returns the number applied.
core::Result<int> migrate(Database& db);
/// Highest applied migration number (0 for an empty database).
core::Result<int> schema_version(Database& db);
/// Highest migration number this binary knows.
int latest_migration();

}  // namespace db
