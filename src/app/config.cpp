#include "app/config.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/text.hpp"

#ifndef BROBYGGER_SOURCE_DIR
#define BROBYGGER_SOURCE_DIR "."
#endif

namespace app {
namespace {

core::Error bad(const std::string& key, const std::string& message) {
    return core::Error::validation(key, message);
}

core::Result<int> positive_int(const std::string& key, const std::string& value, int max) {
    long long v = 0;
    if (!core::parse_int64(value, v) || v < 1 || v > max)
        return bad(key,
                   "Indstillingen " + key + " skal være et heltal mellem 1 og " + std::to_string(max) + ".");
    return static_cast<int>(v);
}

core::Result<bool> boolean(const std::string& key, const std::string& value) {
    if (value == "1" || value == "true" || value == "yes" || value == "ja") return true;
    if (value == "0" || value == "false" || value == "no" || value == "nej") return false;
    return bad(key, "Indstillingen " + key + " skal være true eller false.");
}

}  // namespace

const std::vector<std::string>& config_keys() {
    static const std::vector<std::string> keys = {"db",
                                                  "listen",
                                                  "data-dir",
                                                  "static-dir",
                                                  "dkfds-dir",
                                                  "municipality",
                                                  "trusted-proxies",
                                                  "secure-cookies",
                                                  "demo",
                                                  "audit-retention-months",
                                                  "session-idle-minutes",
                                                  "session-absolute-hours",
                                                  "worker-threads",
                                                  "template-dir"};
    return keys;
}

core::Result<void> apply_setting(Config& c, const std::string& key, const std::string& value) {
    if (key == "db")
        c.db = value;
    else if (key == "listen") {
        BB_TRY(parse_listen(value));
        c.listen = value;
    } else if (key == "data-dir")
        c.data_dir = value;
    else if (key == "static-dir")
        c.static_dir = value;
    else if (key == "dkfds-dir")
        c.dkfds_dir = value;
    else if (key == "template-dir")
        c.template_dir = value;
    else if (key == "municipality") {
        if (value.empty() || core::utf8_length(value) > 100)
            return bad(key, "Kommunens navn skal være 1–100 tegn.");
        c.municipality_name = value;
    } else if (key == "trusted-proxies") {
        c.trusted_proxies.clear();
        for (auto part : core::split(value, ','))
            if (auto p = core::trim(part); !p.empty()) c.trusted_proxies.emplace_back(p);
    } else if (key == "secure-cookies") {
        BB_ASSIGN(c.secure_cookies, boolean(key, value));
    } else if (key == "demo") {
        BB_ASSIGN(c.demo, boolean(key, value));
    } else if (key == "audit-retention-months") {
        BB_ASSIGN(c.audit_retention_months, positive_int(key, value, 120));
    } else if (key == "session-idle-minutes") {
        BB_ASSIGN(c.session_idle_minutes, positive_int(key, value, 24 * 60));
    } else if (key == "session-absolute-hours") {
        BB_ASSIGN(c.session_absolute_hours, positive_int(key, value, 24 * 7));
    } else if (key == "worker-threads") {
        BB_ASSIGN(int n, positive_int(key, value, 256));
        c.worker_threads = static_cast<std::size_t>(n);
    } else {
        return bad(key, "Ukendt indstilling: " + key);
    }
    return {};
}

core::Result<void> load_config_file(Config& c, const std::string& path) {
    std::ifstream in(path);
    if (!in) return bad("config", "Konfigurationsfilen kan ikke læses: " + path);
    std::string line;
    int number = 0;
    bool has_secret = false;
    while (std::getline(in, line)) {
        ++number;
        std::string_view l = core::trim(line);
        if (l.empty() || l[0] == '#') continue;
        auto eq = l.find('=');
        if (eq == std::string_view::npos)
            return bad("config", path + " linje " + std::to_string(number) + ": forventede 'nøgle = værdi'.");
        std::string key(core::trim(l.substr(0, eq)));
        std::string value(core::trim(l.substr(eq + 1)));
        if (key == "db" && value.find('@') != std::string::npos &&
            value.find(':', value.find("//") + 2) < value.find('@'))
            has_secret = true;
        auto r = apply_setting(c, key, value);
        if (!r.ok()) {
            auto e = r.take_error();
            e.fields.front().message =
                path + " linje " + std::to_string(number) + ": " + e.fields.front().message;
            return e;
        }
    }
    if (has_secret) {
        struct stat st {};
        if (::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0)
            return bad("config", path + " indeholder en adgangskode og skal have rettighederne 0600.");
    }
    return {};
}

core::Result<void> load_environment(Config& c) {
    for (const auto& key : config_keys()) {
        std::string env = "BROBYGGER_";
        for (char ch : key)
            env += ch == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (const char* v = std::getenv(env.c_str())) BB_TRY(apply_setting(c, key, v));
    }
    return {};
}

core::Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen) {
    auto colon = listen.rfind(':');
    long long port = -1;
    if (colon == std::string::npos || colon == 0 || !core::parse_int64(listen.substr(colon + 1), port) ||
        port < 0 || port > 65535)
        return bad("listen", "Adressen skal have formen vært:port, fx 127.0.0.1:8080.");
    std::string host = listen.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    return std::pair{host, static_cast<unsigned short>(port)};
}

void fill_default_paths(Config& c) {
    namespace fs = std::filesystem;
    auto pick = [](const std::string& relative) {
        if (fs::exists(relative)) return relative;
        return std::string(BROBYGGER_SOURCE_DIR) + "/" + relative;
    };
    if (c.static_dir.empty()) c.static_dir = pick("static");
    if (c.dkfds_dir.empty()) c.dkfds_dir = pick("node_modules/dkfds/dist");
}

}  // namespace app
