#include "db/database.hpp"

#include <charconv>
#include <stdexcept>
#include <string>
#include <system_error>

#include "core/log.hpp"
#include "db/internal.hpp"
#include "db/postgres/pg_database.hpp"
#include "db/sqlite/sqlite_database.hpp"

namespace db {

std::string_view Query::text(Dialect dialect) const {
    const std::string_view specific = dialect == Dialect::Sqlite ? sqlite : postgres;
    return specific.empty() ? portable : specific;
}
namespace {

std::string format_double(double v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    if (ec != std::errc{}) return std::to_string(v);
    return std::string(buf, end);
}

[[noreturn]] void throw_not_numeric(std::size_t i) {
    throw std::invalid_argument("db::Row: column " + std::to_string(i) + " is not numeric");
}

double parse_double(const std::string& s, std::size_t i) {
    double d = 0;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(first, last, d);
    if (ec != std::errc{} || ptr != last) throw_not_numeric(i);
    return d;
}

std::int64_t parse_int64(const std::string& s, std::size_t i) {
    std::int64_t v = 0;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec == std::errc{} && ptr == last) return v;
    // PostgreSQL returns NUMERIC (e.g. SUM, AVG) as "12.50": truncate like a cast would.
    return static_cast<std::int64_t>(parse_double(s, i));
}

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

// ---- Row ---------------------------------------------------------------------------------

bool Row::is_null(std::size_t i) const {
    return std::holds_alternative<std::monostate>(m_cells.at(i));
}

std::int64_t Row::int64(std::size_t i) const {
    const Value& v = m_cells.at(i);
    if (const auto* n = std::get_if<std::int64_t>(&v)) return *n;
    if (const auto* d = std::get_if<double>(&v)) return static_cast<std::int64_t>(*d);
    if (const auto* s = std::get_if<std::string>(&v)) return parse_int64(*s, i);
    return 0;
}

double Row::real(std::size_t i) const {
    const Value& v = m_cells.at(i);
    if (const auto* d = std::get_if<double>(&v)) return *d;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return static_cast<double>(*n);
    if (const auto* s = std::get_if<std::string>(&v)) return parse_double(*s, i);
    return 0.0;
}

std::string Row::text(std::size_t i) const {
    const Value& v = m_cells.at(i);
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    if (const auto* n = std::get_if<std::int64_t>(&v)) return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) return format_double(*d);
    return {};
}

std::optional<std::string> Row::opt_text(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return text(i);
}

std::optional<std::int64_t> Row::opt_int64(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return int64(i);
}

// ---- Lease -------------------------------------------------------------------------------

Lease& Lease::operator=(Lease&& other) noexcept {
    if (this != &other) {
        if (m_conn && m_owner) m_owner->release(std::move(m_conn));
        m_owner = other.m_owner;
        m_conn = std::move(other.m_conn);
    }
    return *this;
}

Lease::~Lease() {
    if (m_conn && m_owner) m_owner->release(std::move(m_conn));
}

// ---- ConnectionPool ----------------------------------------------------------------------

namespace detail {

ConnectionPool::ConnectionPool(std::string label, std::size_t max_size,
                               std::chrono::milliseconds wait_timeout, Factory factory)
    : m_label(std::move(label)),
      m_max_size(max_size == 0 ? 1 : max_size),
      m_wait_timeout(wait_timeout),
      m_factory(std::move(factory)) {}

core::Result<std::unique_ptr<Connection>> ConnectionPool::take() {
    std::unique_lock lock(m_mutex);
    const bool got_slot =
        m_available.wait_for(lock, m_wait_timeout, [&] { return !m_idle.empty() || m_open < m_max_size; });
    if (!got_slot) {
        lock.unlock();
        core::log::warn("db pool " + m_label + ": no connection free after " +
                        std::to_string(m_wait_timeout.count()) + " ms (all " + std::to_string(m_max_size) +
                        " leased)");
        return core::Error::unavailable();
    }
    if (!m_idle.empty()) {
        auto conn = std::move(m_idle.back());
        m_idle.pop_back();
        return conn;
    }
    ++m_open;  // reserve the slot, then open without holding the lock
    lock.unlock();
    auto opened = m_factory();
    if (!opened.ok()) {
        {
            std::lock_guard relock(m_mutex);
            --m_open;
        }
        m_available.notify_one();
        return opened.take_error();
    }
    return std::move(opened).value();
}

void ConnectionPool::put(std::unique_ptr<Connection> conn) {
    if (!conn) return;
    if (conn->broken()) {
        core::log::warn("db pool " + m_label + ": closing a broken connection");
        conn.reset();  // close outside the lock
        {
            std::lock_guard lock(m_mutex);
            --m_open;
        }
        m_available.notify_one();
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_idle.push_back(std::move(conn));
    }
    m_available.notify_one();
}

void ConnectionPool::adopt(std::unique_ptr<Connection> conn) {
    {
        std::lock_guard lock(m_mutex);
        ++m_open;
    }
    put(std::move(conn));
}

std::size_t ConnectionPool::open_count() const {
    std::lock_guard lock(m_mutex);
    return m_open;
}

std::size_t ConnectionPool::idle_count() const {
    std::lock_guard lock(m_mutex);
    return m_idle.size();
}

}  // namespace detail

// ---- open --------------------------------------------------------------------------------

core::Result<std::unique_ptr<Database>> open(const std::string& url_or_path, const OpenOptions& options) {
    if (starts_with(url_or_path, "postgresql://") || starts_with(url_or_path, "postgres://"))
        return postgres::open_postgres(url_or_path, options);
    std::string path = url_or_path;
    if (starts_with(path, "sqlite:")) path = path.substr(7);  // the form describe() prints
    return sqlite::open_sqlite(path, options);
}

}  // namespace db
