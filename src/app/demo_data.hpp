#pragma once
/// Demo data for a first-time visitor: one user per role with known passwords. Loaded only
/// on request (`serve --demo`, `demo-data`), never by default (AU-04).
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "buying/buying_service.hpp"
#include "catalogue/catalogue_service.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"

namespace citizens {
class CitizenService;
}
namespace placements {
class PlacementsService;
}
namespace openings {
class OpeningsService;
}
namespace goals {
class GoalService;
}

namespace app {

struct DemoLogin {
    std::string username;
    std::string password;
    std::string role_label;
};

/// The demo logins printed by `make run` and used by the browser tests.
const std::vector<DemoLogin>& demo_logins();

/// The services the demo data goes through (the application's own).
struct DemoServices {
    accounts::AccountService& accounts;
    enterprises::EnterpriseService& enterprises;
    catalogue::CatalogueService& catalogue;
    buying::BuyingService& buying;
    citizens::CitizenService& citizens;
    placements::PlacementsService& placements;
    openings::OpeningsService& openings;
    goals::GoalService& goals;
};

/// Loads the demo data (the registry of Slagelse and Kolding, their catalogue, one user per role, and
/// buying: requests, agreements, a year of purchases; the Slagelse 2018 agreements, placements and
/// jobs of evaluation::load_slagelse_2018) when the
/// database has no users yet. Returns whether it loaded.
core::Result<bool> load_demo_data_if_empty(const DemoServices& services, db::Database& db,
                                           const core::Clock& clock);

}  // namespace app
