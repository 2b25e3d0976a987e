#pragma once
// Test and benchmark support (header-only): a GoalService with the services it reads its
// figures from, built in dependency order the way the composition root (app/application.cpp)
// builds them.
#include "audit/audit_log.hpp"
#include "buying/buying_service.hpp"
#include "catalogue/catalogue_service.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"
#include "events/event_service.hpp"
#include "goals/goal_service.hpp"
#include "grants/grant_service.hpp"
#include "jobs/job_service.hpp"
#include "placements/placements_service.hpp"

namespace goals::testing {

struct GoalGraph {
    GoalGraph(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
        : enterprises(db, clock, audit),
          catalogue(db, clock, audit),
          buying(db, clock, audit, catalogue),
          jobs(db, clock, audit),
          placements(db, clock, audit),
          events(db, clock, audit),
          grants(db, clock, audit),
          service(db, clock, audit, Sources{enterprises, jobs, placements, buying, events, grants}) {}
    GoalGraph(const GoalGraph&) = delete;
    GoalGraph& operator=(const GoalGraph&) = delete;

    enterprises::EnterpriseService enterprises;
    catalogue::CatalogueService catalogue;
    buying::BuyingService buying;
    jobs::JobService jobs;
    placements::PlacementsService placements;
    events::EventService events;
    grants::GrantService grants;
    GoalService service;
};

}  // namespace goals::testing
