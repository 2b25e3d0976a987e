#pragma once
// Test support (header-only, tests only): the 2018 fixture of the annual report — the registry
// demo, the Slagelse 2018 employment data set, the network, grant, story and goal demos and the
// report's own demo narrative, loaded the way the demo loader does.
#include <gtest/gtest.h>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "enterprises/demo.hpp"
#include "enterprises/enterprise_service.hpp"
#include "evaluation/slagelse_2018.hpp"
#include "events/demo.hpp"
#include "goals/demo.hpp"
#include "goals/test_graph.hpp"
#include "grants/demo.hpp"
#include "report/report_service.hpp"
#include "report/test_graph.hpp"
#include "stories/demo.hpp"

namespace report::testing {

/// 2026-11-25 12:00 UTC.
inline constexpr core::UnixSeconds k_now = 1795608000;

inline void load_2018_fixture(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit) {
    const core::Actor system = core::Actor::system("test");
    enterprises::EnterpriseService registry(db, clock, audit);
    auto e = enterprises::load_demo(registry, system);
    ASSERT_TRUE(e.ok()) << e.error().message;
    auto s = evaluation::load_slagelse_2018(db, clock);
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto ev = events::load_demo(db, clock);
    ASSERT_TRUE(ev.ok()) << ev.error().message;
    auto gr = grants::load_demo(db, clock);
    ASSERT_TRUE(gr.ok()) << gr.error().message;
    auto st = stories::load_demo(db, clock);
    ASSERT_TRUE(st.ok()) << st.error().message;
    goals::testing::GoalGraph goal_graph(db, clock, audit);
    auto go = goals::load_demo(goal_graph.service);
    ASSERT_TRUE(go.ok()) << go.error().message;
    auto r = report::load_demo(db, clock);
    ASSERT_TRUE(r.ok()) << r.error().message;
}

inline core::Actor actor(core::Role role, std::int64_t user_id = 7,
                         std::optional<std::int64_t> enterprise = {}) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role));
    a.role = role;
    a.enterprise_id = enterprise;
    return a;
}

}  // namespace report::testing
