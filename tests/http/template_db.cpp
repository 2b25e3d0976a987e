#include "http/template_db.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>

namespace http_test {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_pg_env = "BROBYGGER_TEST_PG_URL";

std::string random_suffix() {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char k_hex[] = "0123456789abcdef";
    std::uint64_t v = rng();
    std::string out;
    for (int i = 0; i < 16; ++i, v >>= 4) out += k_hex[v & 0xf];
    return out;
}

/// `url` with its database name replaced by `dbname` (query parameters kept).
std::string with_dbname(const std::string& url, const std::string& dbname) {
    const std::size_t scheme = url.find("://");
    const std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t query = url.find('?', authority);
    const std::size_t slash = url.find('/', authority);
    const std::size_t path_start = (slash != std::string::npos && slash < query) ? slash : query;
    const std::string rest = query == std::string::npos ? "" : url.substr(query);
    return url.substr(0, path_start == std::string::npos ? url.size() : path_start) + "/" + dbname + rest;
}

void remove_sqlite_files(const std::string& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file + suffix, ec);
}

/// The templates made by this process, removed when the test program ends.
class Templates : public ::testing::Environment {
public:
    void TearDown() override {
        for (const auto& [backend, name] : m_made) {
            if (backend == "sqlite")
                remove_sqlite_files(name);
            else if (m_admin)
                drop(name);
        }
        m_made.clear();
        m_admin.reset();
    }

    core::Result<db::Database*> admin() {
        if (!m_admin) {
            const char* url = std::getenv(k_pg_env);
            if (!url || !*url) return core::Error::unavailable();
            db::OpenOptions options;
            options.pool_size = 1;
            BB_ASSIGN(auto opened, db::open(url, options));
            m_admin = std::move(opened);
        }
        return m_admin.get();
    }

    core::Result<void> execute(const std::string& sql) {
        BB_ASSIGN(db::Database * a, admin());
        BB_ASSIGN(auto lease, a->acquire());
        BB_TRY(lease->query(sql));
        return {};
    }

    void drop(const std::string& name) { (void)execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); }

    std::map<std::string, std::string> m_made;  ///< backend → template file or database name

private:
    std::unique_ptr<db::Database> m_admin;
};

Templates& templates() {
    // Registered with GoogleTest so the templates go when the test program ends.
    static Templates* instance = [] {
        auto* t = new Templates;
        ::testing::AddGlobalTestEnvironment(t);
        return t;
    }();
    return *instance;
}
// Register before RUN_ALL_TESTS starts (environments added later are never torn down).
[[maybe_unused]] const Templates& k_registered = templates();

core::Result<std::string> template_for(
    const std::string& backend,
    const std::function<core::Result<void>(std::unique_ptr<db::Database>)>& prepare) {
    Templates& t = templates();
    if (auto it = t.m_made.find(backend); it != t.m_made.end()) return it->second;
    if (backend == "sqlite") {
        const std::string file = (fs::temp_directory_path() / ("bb_tpl_" + random_suffix() + ".db")).string();
        auto made = [&]() -> core::Result<void> {
            BB_ASSIGN(auto database, db::open(file));
            return prepare(std::move(database));
        }();
        if (!made.ok()) {
            remove_sqlite_files(file);
            return made.take_error();
        }
        t.m_made[backend] = file;
        return file;
    }
    if (backend == "postgres") {
        const char* url = std::getenv(k_pg_env);
        if (!url || !*url) return core::Error::unavailable();
        const std::string name = "bb_tpl_" + random_suffix();
        BB_TRY(t.execute("CREATE DATABASE " + name));
        auto made = [&]() -> core::Result<void> {
            BB_ASSIGN(auto database, db::open(with_dbname(url, name)));
            return prepare(std::move(database));
        }();
        if (!made.ok()) {
            t.drop(name);
            return made.take_error();
        }
        t.m_made[backend] = name;
        return name;
    }
    return core::Error::internal();
}

}  // namespace

core::Result<DisposableDb> copy_of_template(
    const std::string& backend,
    const std::function<core::Result<void>(std::unique_ptr<db::Database>)>& prepare) {
    BB_ASSIGN(std::string source, template_for(backend, prepare));
    DisposableDb out;
    if (backend == "sqlite") {
        const std::string file = (fs::temp_directory_path() / ("bb_t_" + random_suffix() + ".db")).string();
        std::error_code ec;
        for (const char* suffix : {"", "-wal"}) {
            if (!fs::exists(source + suffix)) continue;
            fs::copy_file(source + suffix, file + suffix, ec);
            if (ec) {
                remove_sqlite_files(file);
                return core::Error::internal();
            }
        }
        out.remove = [file] { remove_sqlite_files(file); };
        auto opened = db::open(file);
        if (!opened.ok()) {
            out.remove();
            return opened.take_error();
        }
        out.database = std::move(opened).value();
        return out;
    }
    const std::string name = "bb_t_" + random_suffix();
    BB_TRY(templates().execute("CREATE DATABASE " + name + " TEMPLATE " + source));
    out.remove = [name] { templates().drop(name); };
    auto opened = db::open(with_dbname(std::getenv(k_pg_env), name));
    if (!opened.ok()) {
        out.remove();
        return opened.take_error();
    }
    out.database = std::move(opened).value();
    return out;
}

}  // namespace http_test
