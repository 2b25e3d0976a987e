#pragma once
/// Goals (F1): goals as data (metric from the catalogue, target, period, cadence, baseline,
/// strategy point) and their status for a year, computed by calling the other packages'
/// services (enterprises, jobs, placements, buying, events, grants) — never their SQL.
///
/// Access, decided here from the core::Actor:
///   - admin, consultant: create, edit and delete goals; read status;
///   - caseworker: read goals and status;
///   - enterprise, buyer: Forbidden.
/// Drill-down links are given only to roles that may see the records behind a figure
/// (consultants never get links to person lists). The figures are read through the other
/// services' figure reads (counts and sums, never personal data) with the caller as the actor;
/// each states its own rule, and each admits every reader of goals. Every change writes an audit row
/// (object_type "goal") in the same transaction. Thread-safe: one instance serves all.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "goals/model.hpp"

namespace enterprises {
class EnterpriseService;
}
namespace jobs {
class JobService;
}
namespace placements {
class PlacementsService;
}
namespace buying {
class BuyingService;
}
namespace events {
class EventService;
}
namespace grants {
class GrantService;
}

namespace goals {

/// The services the figures are read from (built once by the composition root; they outlive
/// the GoalService).
struct Sources {
    enterprises::EnterpriseService& enterprises;
    jobs::JobService& jobs;
    placements::PlacementsService& placements;
    buying::BuyingService& buying;
    events::EventService& events;
    grants::GrantService& grants;
};

struct Goal {
    std::int64_t id = 0;
    std::string metric;  ///< code from the metric catalogue
    std::string metric_label;
    std::string parameter;    ///< e.g. a job kind code, "" = none; for the stock metrics
                              ///< (enterprises, registered_rsv, on_the_way) the municipality
                              ///< counted, "" = every municipality in the registry
    std::string title;        ///< shown text, e.g. "25 socialøkonomiske virksomheder og initiativer"
    std::int64_t target = 0;  ///< whole units; money goals in kroner
    core::Date period_from;
    core::Date period_to;
    std::string cadence;  ///< "per_year" | "period_end"
    std::optional<std::int64_t> baseline;
    std::optional<int> baseline_year;
    std::string strategy_point;  ///< free label, e.g. "6.8", may be ""
};

struct GoalStatus {
    Goal goal;
    int year = 0;
    std::int64_t actual =
        0;  ///< the metric for the year (per_year) or at the year's end / today (period_end)
    std::string actual_text;  ///< Danish formatted ("19", "1.250.000 kr.")
    std::string target_text;
    bool met = false;
    int percent = 0;       ///< floor(actual*100/target), 0 when target 0
    bool has_data = true;  ///< false when nothing at all is recorded for the metric in the year
    /// Reached, not reached (the period has ended), on the way (it has not) or no data; see
    /// period_ended. Worded by attainment_label.
    Attainment attainment = Attainment::NoData;
    /// Whether the span the target applies to had ended by the end of `year` and before today:
    /// the calendar year for per_year goals, the whole period for period_end goals.
    bool period_ended = false;
    std::string drilldown_url;  ///< "" when the actor may not see the records behind it

    // Additions beyond the contract (the dashboard's strategy-period view).
    std::string measured_at;  ///< Danish text: "i 2018" or "pr. 31.12.2018" / "pr. i dag"
    /// For per_year goals: the years of the period up to `year` with their actual values.
    struct YearValue {
        int year = 0;
        std::int64_t actual = 0;
        bool met = false;
        bool has_data = true;
        int percent = 0;
        Attainment attainment = Attainment::NoData;  ///< as the goal's, for that year
    };
    std::vector<YearValue> period_years;
};

class GoalService {
public:
    GoalService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit, Sources sources);
    ~GoalService();
    GoalService(const GoalService&) = delete;
    GoalService& operator=(const GoalService&) = delete;

    // ---- contract ----

    /// Every goal whose period overlaps `year`, in the goals' order.
    core::Result<std::vector<GoalStatus>> status(int year, const core::Actor& actor);

    // ---- goals as data ----

    /// Every goal, in order (admin, consultant, caseworker).
    core::Result<std::vector<Goal>> list(const core::Actor& actor);
    core::Result<Goal> get(std::int64_t id, const core::Actor& actor);
    /// Admin and consultant. Validation per validate_goal.
    core::Result<Goal> create(const GoalInput& input, const core::Actor& actor);
    core::Result<Goal> update(std::int64_t id, const GoalInput& input, const core::Actor& actor);
    core::Result<bool> remove(std::int64_t id, const core::Actor& actor);

    /// Job kind choices for the jobs_by_kind parameter (code, label; inactive kinds too). Every
    /// reader of goals.
    core::Result<std::vector<std::pair<std::string, std::string>>> job_kind_choices(const core::Actor& actor);
    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace goals
