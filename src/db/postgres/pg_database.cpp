#include "db/postgres/pg_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>

#include "core/log.hpp"
#include "db/internal.hpp"

namespace db::postgres {
namespace {

constexpr Oid k_int8_oid = 20;
constexpr Oid k_float8_oid = 701;

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

std::string field(const PGresult* res, int code) {
    const char* v = res ? PQresultErrorField(res, code) : nullptr;
    return v ? v : "";
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

/// Maps a failed result to the error table and logs what is safe to log: SQLSTATE, the
/// primary message (except for data exceptions, class 22, whose messages quote input values),
/// constraint/table/column names and the SQL text. Never DETAIL (it quotes row values).
core::Error map_error(PGconn* conn, const PGresult* res, std::string_view context, std::string_view sql) {
    const std::string state = field(res, PG_DIAG_SQLSTATE);
    std::string line = "postgres " + std::string(context) + ": ";
    if (state.empty()) {
        line += trimmed(PQerrorMessage(conn));  // client-side/connection failure: no values in it
    } else {
        line += "SQLSTATE " + state;
        if (state.rfind("22", 0) != 0) line += " " + field(res, PG_DIAG_MESSAGE_PRIMARY);
        for (auto [label, code] :
             {std::pair{"constraint", PG_DIAG_CONSTRAINT_NAME}, std::pair{"table", PG_DIAG_TABLE_NAME},
              std::pair{"column", PG_DIAG_COLUMN_NAME}}) {
            if (auto v = field(res, code); !v.empty()) line += std::string(" ") + label + "=" + v;
        }
    }
    if (!sql.empty()) line += " in: " + detail::sql_for_log(sql);

    if (state == "23505" || state == "23503" || state == "23514") {
        core::log::info(line);  // an expected outcome (duplicate, record in use)
        return detail::conflict_error();
    }
    const bool connection_lost = PQstatus(conn) != CONNECTION_OK;
    const bool transient = connection_lost || (state.empty() && res == nullptr) || state == "40001" ||
                           state == "40P01" || state.rfind("53", 0) == 0 || state.rfind("57P0", 0) == 0 ||
                           state == "57014" /* statement timeout */ ||
                           (state.rfind("08", 0) == 0 && state != "08P01" /* wrong parameter count: a bug */);
    if (transient) {
        core::log::warn(line);
        return core::Error::unavailable();
    }
    core::log::error(line);
    return core::Error::internal();
}

void on_notice(void*, const PGresult* res) {
    const std::string severity = field(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    const std::string line = "postgres " + severity + ": " + field(res, PG_DIAG_MESSAGE_PRIMARY);
    core::log::write(severity == "WARNING" ? core::log::Level::Warn : core::log::Level::Debug, line);
}

std::string format_double(double v) {
    if (std::isnan(v)) return "NaN";
    if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);  // shortest exact round-trip form
    return ec == std::errc{} ? std::string(buf, end) : std::to_string(v);
}

std::int64_t affected_rows(const PGresult* res) {
    const std::string_view tag = PQcmdStatus(const_cast<PGresult*>(res));
    const bool dml = tag.starts_with("INSERT") || tag.starts_with("UPDATE") || tag.starts_with("DELETE") ||
                     tag.starts_with("MERGE");
    if (!dml) return 0;
    const std::string_view n = PQcmdTuples(const_cast<PGresult*>(res));
    std::int64_t v = 0;
    std::from_chars(n.data(), n.data() + n.size(), v);
    return v;
}

class PgConnection final : public Connection {
public:
    explicit PgConnection(PGconn* conn) : m_conn(conn) {}
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;
    ~PgConnection() override { PQfinish(m_conn); }

    [[nodiscard]] Dialect dialect() const override { return Dialect::Postgres; }

    core::Result<ResultSet> query(std::string_view sql, const std::vector<Value>& params) override {
        if (detail::find_nul_parameter(params) != 0) return detail::nul_parameter_error();
        // With explicit parameter types the server accepts unused trailing parameters; refuse
        // them as SQLite does, so a statement behaves the same on both engines.
        if (const std::size_t highest = detail::highest_placeholder(sql); highest != params.size()) {
            core::log::error("postgres: " + std::to_string(params.size()) +
                             " parameters but the highest placeholder is $" + std::to_string(highest) +
                             " in: " + detail::sql_for_log(sql));
            return core::Error::internal();
        }
        const std::string text(sql);
        std::vector<std::string> formatted(params.size());
        std::vector<const char*> values(params.size(), nullptr);
        std::vector<Oid> types(params.size(), 0);
        for (std::size_t i = 0; i < params.size(); ++i) {
            const Value& v = params[i];
            if (const auto* n = std::get_if<std::int64_t>(&v)) {
                formatted[i] = std::to_string(*n);
                values[i] = formatted[i].c_str();
                types[i] = k_int8_oid;
            } else if (const auto* d = std::get_if<double>(&v)) {
                formatted[i] = format_double(*d);
                values[i] = formatted[i].c_str();
                types[i] = k_float8_oid;
            } else if (const auto* s = std::get_if<std::string>(&v)) {
                values[i] = s->c_str();  // type 0: the server infers it from the context
            }
        }
        ResultPtr res(PQexecParams(m_conn, text.c_str(), static_cast<int>(params.size()), types.data(),
                                   values.data(), nullptr, nullptr, 0));
        const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) return fail(res.get(), "query", sql);

        ResultSet rs;
        const int fields = PQnfields(res.get());
        const int tuples = PQntuples(res.get());
        rs.columns.reserve(static_cast<std::size_t>(fields));
        for (int c = 0; c < fields; ++c) rs.columns.emplace_back(PQfname(res.get(), c));
        rs.rows.reserve(static_cast<std::size_t>(tuples));
        for (int r = 0; r < tuples; ++r) {
            std::vector<Value> cells;
            cells.reserve(static_cast<std::size_t>(fields));
            for (int c = 0; c < fields; ++c) {
                if (PQgetisnull(res.get(), r, c))
                    cells.emplace_back(std::monostate{});
                else
                    cells.emplace_back(std::string(PQgetvalue(res.get(), r, c),
                                                   static_cast<std::size_t>(PQgetlength(res.get(), r, c))));
            }
            rs.rows.emplace_back(std::move(cells));
        }
        rs.affected = affected_rows(res.get());
        return rs;
    }

    using Connection::query;

    core::Result<int> describe(std::string_view sql) override {
        const std::string text(sql);
        ResultPtr prepared(PQprepare(m_conn, "", text.c_str(), 0, nullptr));
        if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK)
            return fail(prepared.get(), "prepare", sql);
        ResultPtr described(PQdescribePrepared(m_conn, ""));
        if (!described || PQresultStatus(described.get()) != PGRES_COMMAND_OK)
            return fail(described.get(), "describe", sql);
        return PQnfields(described.get());
    }

    core::Result<void> exec_script(std::string_view sql) override { return exec(sql, "script"); }

    core::Result<void> begin(TxMode mode) override {
        m_tx_error.reset();
        return exec(mode == TxMode::Write ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN", "begin");
    }

    core::Result<void> commit() override {
        if (PQtransactionStatus(m_conn) == PQTRANS_INERROR) {
            // A statement failed and the caller carried on: COMMIT would silently roll back.
            core::log::error("postgres: commit of a transaction that had failed; rolled back instead");
            (void)exec("ROLLBACK", "rollback");
            core::Error e = m_tx_error.value_or(core::Error::internal());
            m_tx_error.reset();
            return e;
        }
        ResultPtr res(PQexec(m_conn, "COMMIT"));
        if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) return fail(res.get(), "commit", "COMMIT");
        if (std::string_view(PQcmdStatus(res.get())) != "COMMIT") {
            core::log::error("postgres: COMMIT ended in a rollback");
            return core::Error::internal();
        }
        return {};
    }

    core::Result<void> rollback() override {
        m_tx_error.reset();
        if (PQtransactionStatus(m_conn) == PQTRANS_IDLE) return {};
        return exec("ROLLBACK", "rollback");
    }

    [[nodiscard]] bool broken() const override { return m_broken || PQstatus(m_conn) != CONNECTION_OK; }

    /// Makes the connection safe for the next borrower: no open or failed transaction.
    void reset_for_pool() {
        if (broken()) return;
        const PGTransactionStatusType status = PQtransactionStatus(m_conn);
        if (status == PQTRANS_IDLE) return;
        if (status == PQTRANS_INTRANS || status == PQTRANS_INERROR) {
            core::log::warn("postgres: connection returned to the pool inside a transaction; rolling back");
            if (rollback().ok() && PQtransactionStatus(m_conn) == PQTRANS_IDLE) return;
        }
        m_broken = true;
    }

private:
    core::Result<void> exec(std::string_view sql, std::string_view context) {
        const std::string text(sql);
        ResultPtr res(PQexec(m_conn, text.c_str()));
        const ExecStatusType status = res ? PQresultStatus(res.get()) : PGRES_FATAL_ERROR;
        if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
            return fail(res.get(), context, sql);
        return {};
    }

    core::Error fail(const PGresult* res, std::string_view context, std::string_view sql) {
        core::Error e = map_error(m_conn, res, context, sql);
        if (PQtransactionStatus(m_conn) == PQTRANS_INERROR && !m_tx_error) m_tx_error = e;
        return e;
    }

    PGconn* m_conn;
    bool m_broken = false;
    std::optional<core::Error> m_tx_error;  ///< the first failure inside the current transaction
};

core::Result<std::unique_ptr<Connection>> connect(const std::string& url, const std::string& label) {
    // Earlier keywords are defaults the URL (expanded from dbname) may override; later ones win.
    const char* keywords[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
    const char* values[] = {"10", "brobygger", url.c_str(), "UTF8", nullptr};
    PGconn* conn = PQconnectdbParams(keywords, values, 1);
    if (!conn) {
        core::log::error("postgres: out of memory connecting to " + label);
        return core::Error::unavailable();
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        core::log::warn("postgres: cannot connect to " + label + ": " + trimmed(PQerrorMessage(conn)));
        PQfinish(conn);
        return core::Error::unavailable();
    }
    PQsetNoticeReceiver(conn, on_notice, nullptr);
    return std::unique_ptr<Connection>(std::make_unique<PgConnection>(conn));
}

class PgDatabase final : public Database {
public:
    PgDatabase(const std::string& url, std::string label, const OpenOptions& options)
        : m_label(std::move(label)),
          m_pool(m_label, options.pool_size, std::chrono::milliseconds(options.acquire_timeout_ms),
                 [url, l = m_label] { return connect(url, l); }) {}

    [[nodiscard]] Dialect dialect() const override { return Dialect::Postgres; }
    [[nodiscard]] std::string describe() const override { return m_label; }

    core::Result<Lease> acquire() override {
        BB_ASSIGN(auto conn, m_pool.take());
        return Lease(this, std::move(conn));
    }

    core::Result<void> backup_to(const std::string& path) override {
        core::log::info("postgres: backup_to(" + path + ") refused; use pg_dump -Fc");
        return core::Error{core::ErrorCode::Validation,
                           "En PostgreSQL-database sikkerhedskopieres med pg_dump, ikke af programmet. "
                           "Kør fx: pg_dump -Fc -f brobygger.dump <database-URL> og gendan med pg_restore. "
                           "Prøv gendannelsen af jævnligt.",
                           {}};
    }

    void adopt(std::unique_ptr<Connection> conn) { m_pool.adopt(std::move(conn)); }

protected:
    void release(std::unique_ptr<Connection> conn) override {
        static_cast<PgConnection&>(*conn).reset_for_pool();
        m_pool.put(std::move(conn));
    }

private:
    std::string m_label;
    detail::ConnectionPool m_pool;
};

}  // namespace

std::string describe_url(const std::string& url) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
    if (!options) {
        if (error) PQfreemem(error);
        return "postgresql://(ugyldig adresse)";
    }
    std::string user, host, port, dbname;
    for (PQconninfoOption* o = options; o->keyword; ++o) {
        if (!o->val) continue;
        const std::string_view k = o->keyword;
        if (k == "user")
            user = o->val;
        else if (k == "host")
            host = o->val;
        else if (k == "hostaddr" && host.empty())
            host = o->val;
        else if (k == "port")
            port = o->val;
        else if (k == "dbname")
            dbname = o->val;
    }
    PQconninfoFree(options);
    std::string out = "postgresql://";
    if (!user.empty()) out += user + "@";
    out += host;
    if (!port.empty()) out += ":" + port;
    out += "/" + dbname;
    return out;
}

core::Result<std::vector<std::string>> unsafe_server_settings(Connection& conn) {
    if (conn.dialect() != Dialect::Postgres)
        return core::Error{core::ErrorCode::Validation, "Ikke en PostgreSQL-forbindelse.", {}};
    BB_ASSIGN(auto rs,
              conn.query("SELECT name, setting FROM pg_settings WHERE name IN ('fsync', "
                         "'synchronous_commit', 'full_page_writes', 'data_sync_retry', 'data_checksums') "
                         "ORDER BY name"));
    std::vector<std::string> unsafe;
    for (const auto& row : rs.rows) {
        const std::string name = row.text(0);
        const std::string value = row.text(1);
        const bool bad =
            (name == "fsync" && value != "on") || (name == "synchronous_commit" && value == "off") ||
            (name == "full_page_writes" && value != "on") || (name == "data_sync_retry" && value == "on") ||
            (name == "data_checksums" && value != "on");
        if (bad) unsafe.push_back(name + "=" + value);
    }
    return unsafe;
}

core::Result<std::unique_ptr<Database>> open_postgres(const std::string& url, const OpenOptions& options) {
    std::string label = describe_url(url);
    BB_ASSIGN(auto first, connect(url, label));
    auto settings = unsafe_server_settings(*first);
    if (!settings.ok()) return settings.take_error();
    for (const auto& s : *settings)
        core::log::warn("postgres: unsafe server setting " + s + " on " + label +
                        " (RE-06: data may be lost)");
    auto database = std::make_unique<PgDatabase>(url, label, options);
    database->adopt(std::move(first));
    core::log::info("postgres: connected to " + label + " (pool " + std::to_string(options.pool_size) + ")");
    return std::unique_ptr<Database>(std::move(database));
}

}  // namespace db::postgres
