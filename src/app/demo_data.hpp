#pragma once
/// Demo data for a first-time visitor: one user per role with known passwords. Loaded only
/// on request (`serve --demo`, `demo-data`), never by default (AU-04).
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "db/database.hpp"

namespace app {

struct DemoLogin {
    std::string username;
    std::string password;
    std::string role_label;
};

/// The demo logins printed by `make run` and used by the browser tests.
const std::vector<DemoLogin>& demo_logins();

/// Loads the demo data when the database has no users yet. Returns whether it loaded.
core::Result<bool> load_demo_data_if_empty(db::Database& db, accounts::AccountService& accounts);

}  // namespace app
