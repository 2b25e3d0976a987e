// Demo goals: the Slagelse strategy 2017–2020 (003 §1) and a few sensible others.
#include "goals/demo.hpp"

namespace goals {

core::Result<int> load_demo(GoalService& service) {
    const core::Actor actor = core::Actor::system("demo-data");
    BB_ASSIGN(auto existing, service.list(actor));
    if (!existing.empty()) return 0;
    const GoalInput goals[] = {
        {"enterprises", "Slagelse", "25 socialøkonomiske virksomheder og initiativer ved udgangen af 2020",
         "25", "2017-01-01", "2020-12-31", "period_end", "", "", ""},
        {"jobs_municipality", "", "30 job om året via jobcentret", "30", "2017-01-01", "2020-12-31",
         "per_year", "", "", "6.8"},
        {"network_meetings", "", "4 netværksmøder om året i det socialøkonomiske netværk", "4", "2017-01-01",
         "2020-12-31", "per_year", "", "", ""},
        {"registered_rsv", "Slagelse",
         "10 registrerede socialøkonomiske virksomheder (RSV) ved udgangen af 2020", "10", "2017-01-01",
         "2020-12-31", "period_end", "", "", ""},
    };
    int created = 0;
    for (const auto& in : goals) {
        BB_TRY(service.create(in, actor));
        ++created;
    }
    return created;
}

}  // namespace goals
