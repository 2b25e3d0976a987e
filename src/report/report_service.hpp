#pragma once
/// The annual report (F2, docs/reports.md): assembles a ReportModel for a year by calling the
/// other packages' services (goals, enterprises, events, grants, stories, evaluation, jobs),
/// stores the narrative written in the system per year and the strategy points, and gives the
/// mid-year job status (003 §7.2 B).
///
/// Access, decided here from the core::Actor:
///   - admin, consultant, caseworker: the full report (figures only; no citizen names) and the
///     mid-year status;
///   - enterprise, buyer: the public version only (small counts suppressed);
///   - admin, consultant: write the narrative; admin: edit the strategy points.
/// The report reads the other services with an internal actor ("report:<username>", the
/// caller's request id); the gate is this service. The progression examples read jobs and their
/// hours history with the package's own read-only SQL (documented exception, docs/architecture.md
/// §2) and write one audit row per citizen (object_type "citizen") in the same transaction; the
/// mid-year counts read `jobs` and `job_kinds` read-only. Thread-safe.
#include <memory>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "report/model.hpp"

namespace enterprises {
class EnterpriseService;
}
namespace evaluation {
class EvaluationService;
}
namespace events {
class EventService;
}
namespace goals {
class GoalService;
}
namespace grants {
class GrantService;
}
namespace jobs {
class JobService;
}
namespace stories {
class StoryService;
}

namespace report {

/// The services the report reads (built once by the composition root; they outlive the
/// ReportService).
struct Sources {
    enterprises::EnterpriseService& enterprises;
    evaluation::EvaluationService& evaluation;
    events::EventService& events;
    goals::GoalService& goals;
    grants::GrantService& grants;
    jobs::JobService& jobs;
    stories::StoryService& stories;
};

class ReportService {
public:
    /// `municipality`: the registry's name of the reporting municipality ("Slagelse").
    ReportService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                  std::string municipality, Sources sources);
    ~ReportService();
    ReportService(const ReportService&) = delete;
    ReportService& operator=(const ReportService&) = delete;

    /// The report for `year` (text as typed, "" = last year). Validation on "year".
    /// `public_version`: the suppressed version (every role); otherwise staff only.
    core::Result<ReportModel> build(const std::string& year, bool public_version, const core::Actor& actor);
    /// Jobs from 1 January to `date` ("" = today, "YYYY-MM-DD") against the yearly jobs goal.
    core::Result<MidYear> midyear(int year, const std::string& date, const core::Actor& actor);

    /// The narrative of a year (admin, consultant): every strategy point valid in the year.
    core::Result<Narrative> narrative(int year, const core::Actor& actor);
    /// Saves it in one transaction (admin, consultant). Validation per field: "preface",
    /// "introduction", "evaluation_from", "evaluation_to", "point_<id>_intro", …,
    /// "holistic_<n>_text", "holistic_<n>_recommendation".
    core::Result<Narrative> save_narrative(int year, const NarrativeInput& input, const core::Actor& actor);

    /// Every strategy point (admin, consultant), by position.
    core::Result<std::vector<StrategyPoint>> strategy_points(const core::Actor& actor);
    /// Admin only. Validation on "code", "title", "position", "valid_from", "valid_to".
    core::Result<StrategyPoint> add_strategy_point(const StrategyPointInput& input, const core::Actor& actor);
    core::Result<StrategyPoint> update_strategy_point(std::int64_t id, const StrategyPointInput& input,
                                                      const core::Actor& actor);

    /// Parses a year as typed (2000–2100); Validation on "year".
    static core::Result<int> parse_year(const std::string& text, int default_year);
    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

/// Whether `actor` may read the full (not suppressed) report.
bool sees_full_report(const core::Actor& actor);
/// Whether `actor` may write the narrative.
bool writes_narrative(const core::Actor& actor);

/// Loads the 2018 demo narrative of Slagelse (excerpts of 003), the strategy points 6.1–6.10
/// and the holistic items 7.2 A/B, with the evaluation period 2016-08-01 – 2018-08-01.
/// Idempotent: nothing happens when strategy points exist. Returns the number of points made.
core::Result<int> load_demo(db::Database& db, const core::Clock& clock);

}  // namespace report
