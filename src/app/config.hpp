#pragma once
/// Program configuration: defaults < optional file (--config) < environment (BROBYGGER_*) < flags.
/// Secrets (a database URL with a password) are accepted from a file only when it is mode 0600.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace app {

struct Config {
    std::string db = "data/brobygger.db";   ///< SQLite path or postgresql:// URL
    std::string listen = "127.0.0.1:8080";  ///< address:port
    std::string data_dir = "data";          ///< uploads, backups
    std::string static_dir;                 ///< our assets; default: <source>/static
    std::string dkfds_dir;                  ///< DKFDS dist; default: <source>/node_modules/dkfds/dist
    std::string municipality_name = "Slagelse Kommune";
    std::vector<std::string> trusted_proxies;
    bool secure_cookies = false;  ///< force Secure/__Host- cookies (behind a TLS proxy)
    bool demo = false;            ///< load demo data on first start
    int audit_retention_months = 6;
    int session_idle_minutes = 30;
    int session_absolute_hours = 12;
    std::size_t worker_threads = 8;
    std::string template_dir;  ///< development: reload templates from the source tree
};

/// Known keys (file and flags use these names; the environment uses BROBYGGER_<UPPER>).
const std::vector<std::string>& config_keys();

/// Applies one key; Validation error with a Danish message for bad values or unknown keys.
core::Result<void> apply_setting(Config& config, const std::string& key, const std::string& value);
/// Reads "key = value" lines (# comments). Refuses a file holding a database password unless
/// its mode is 0600.
core::Result<void> load_config_file(Config& config, const std::string& path);
/// Applies BROBYGGER_* environment variables.
core::Result<void> load_environment(Config& config);
/// Splits "host:port"; Validation error when malformed.
core::Result<std::pair<std::string, unsigned short>> parse_listen(const std::string& listen);
/// Default asset directories when not configured (the source tree this binary was built from).
void fill_default_paths(Config& config);

}  // namespace app
