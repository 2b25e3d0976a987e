#include "app/demo_data.hpp"

#include "buying/demo.hpp"
#include "catalogue/demo.hpp"
#include "core/log.hpp"
#include "enterprises/demo.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "events/demo.hpp"
#include "goals/demo.hpp"
#include "grants/demo.hpp"
#include "openings/demo.hpp"
#include "report/report_service.hpp"
#include "stories/demo.hpp"

namespace app {
namespace {

struct DemoUser {
    const char* username;
    const char* password;
    const char* display_name;
    core::Role role;
};

// The enterprise user belongs to the first enterprise of the demo registry (id 1).
constexpr DemoUser k_users[] = {
    {"admin", "Bro-Styring-2026!", "Anne Administrator", core::Role::Admin},
    {"konsulent", "Bro-Kortlaeg-2026!", "Karin Konsulent", core::Role::Consultant},
    {"sagsbehandler", "Bro-Forloeb-2026!", "Søren Sagsbehandler", core::Role::Caseworker},
    {"virksomhed", "Bro-Kaffe-2026!", "Vera Virksomhed", core::Role::Enterprise},
    {"indkoeber", "Bro-Indkob-2026!", "Ida Indkøber", core::Role::Buyer},
};

}  // namespace

const std::vector<DemoLogin>& demo_logins() {
    static const std::vector<DemoLogin> logins = [] {
        std::vector<DemoLogin> out;
        for (const auto& u : k_users)
            out.push_back({u.username, u.password, std::string(core::role_label(u.role))});
        return out;
    }();
    return logins;
}

core::Result<bool> load_demo_data_if_empty(const DemoServices& services, db::Database& db,
                                           const core::Clock& clock) {
    accounts::AccountService& accounts = services.accounts;
    enterprises::EnterpriseService& enterprises = services.enterprises;
    catalogue::CatalogueService& catalogue = services.catalogue;
    buying::BuyingService& buying = services.buying;
    BB_ASSIGN(std::int64_t users, accounts.count_users());
    if (users > 0) return false;
    core::Actor actor = core::Actor::system("demo-data");
    BB_ASSIGN(std::int64_t registry_size, enterprises.count_all());
    if (registry_size == 0) {
        BB_ASSIGN(int created, enterprises::load_demo(enterprises, actor));
        core::log::info("loaded " + std::to_string(created) + " demo enterprises and initiatives");
    }
    BB_ASSIGN(std::int64_t items, catalogue.count_all());
    if (items == 0) {  // after the registry: items are matched to enterprises by name
        BB_ASSIGN(int n, catalogue::load_demo(catalogue, actor));
        core::log::info("loaded " + std::to_string(n) + " demo catalogue items");
    }
    std::optional<std::int64_t> buyer_id;
    for (const auto& u : k_users) {
        accounts::NewUser nu;
        nu.username = u.username;
        nu.password = u.password;
        nu.display_name = u.display_name;
        nu.role = u.role;
        if (u.role == core::Role::Enterprise) nu.enterprise_id = 1;
        BB_ASSIGN(auto user, accounts.create_user(nu, actor));
        if (u.role == core::Role::Buyer) buyer_id = user.id;
    }
    BB_ASSIGN(int buying_rows, buying::load_demo(buying, actor, buyer_id));
    core::log::info("loaded " + std::to_string(buying_rows) + " demo requests, agreements and purchases");
    // After the registry: the 2018 agreements are with Sumak and VeteranHaven, found by name.
    auto slagelse = evaluation::load_slagelse_2018(db, clock);
    if (!slagelse.ok() && slagelse.error().code != core::ErrorCode::Validation) return slagelse.take_error();
    if (!slagelse.ok())
        core::log::warn("the Slagelse 2018 data set was not loaded: " + slagelse.error().message);
    else if (slagelse->loaded)
        core::log::info("loaded the Slagelse 2018 data set: " + std::to_string(slagelse->placements) +
                        " placements, " + std::to_string(slagelse->jobs) + " jobs");
    // Network (E2–E4): Slagelse 2018 meetings and 2019 plans, grants and stories (003 §4, §5, §6.2).
    BB_ASSIGN(int event_count, events::load_demo(db, clock));
    BB_ASSIGN(int grant_count, grants::load_demo(db, clock));
    BB_ASSIGN(int story_count, stories::load_demo(db, clock));
    core::log::info("loaded " + std::to_string(event_count) + " demo events, " + std::to_string(grant_count) +
                    " grants and " + std::to_string(story_count) + " stories");
    // Matching (issue 6): demo citizens with matching attributes, job openings, an agreement.
    BB_ASSIGN(int opening_count,
              openings::load_demo(services.openings, services.citizens, services.placements));
    core::log::info("loaded " + std::to_string(opening_count) + " demo openings for matching");
    // Goals (F1): the Slagelse strategy goals 2017–2020; they only read the data above.
    BB_ASSIGN(int goal_count, goals::load_demo(services.goals));
    core::log::info("loaded " + std::to_string(goal_count) + " demo goals");
    // The annual report (F2): the 2018 narrative, strategy points 6.1–6.10 and 7.2 A/B.
    BB_ASSIGN(int report_points, report::load_demo(db, clock));
    core::log::info("loaded the 2018 report texts with " + std::to_string(report_points) +
                    " strategy points");
    return true;
}

}  // namespace app
