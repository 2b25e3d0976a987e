#pragma once
// Internal to the report package: the service's state shared by report_service.cpp (narrative,
// strategy points) and report_build.cpp (assembling the model, mid-year status).
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"
#include "evaluation/evaluation_service.hpp"
#include "events/event_service.hpp"
#include "goals/goal_service.hpp"
#include "grants/grant_service.hpp"
#include "jobs/job_service.hpp"
#include "report/report_service.hpp"
#include "stories/story_service.hpp"

namespace report {

/// The services given to the constructor (Sources: enterprises, evaluation, events, goals,
/// grants, jobs, stories) and the service's own state.
struct ReportService::Impl : Sources {
    Impl(db::Database& d, const core::Clock& c, const audit::AuditLog& a, std::string m, Sources s)
        : Sources(s), db(d), clock(c), audit(a), municipality(std::move(m)) {}

    db::Database& db;
    const core::Clock& clock;
    const audit::AuditLog& audit;
    std::string municipality;

    [[nodiscard]] core::Date today() const;
    /// The narrative of a year, read in `conn`.
    core::Result<Narrative> load_narrative(db::Connection& conn, int year);
    core::Result<ReportModel> build(int year, bool public_version, const core::Actor& actor);
    core::Result<MidYear> midyear(int year, core::Date to, const core::Actor& actor);
};

/// The internal actor the report reads other services with: a system actor named
/// "report:<username>" carrying the caller's request id and address.
core::Actor internal_actor(const core::Actor& caller);

}  // namespace report
