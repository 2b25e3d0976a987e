#pragma once
// The timed steps of the report benchmark: the heavy reads the model makes (registry counts,
// jobs by kind, agreement comparison) and the report steps (model, HTML, PDF, XLSX, JSON) from
// report_steps.cpp.
#include <functional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace bench_report {

/// One timed step: `run` does the work once and returns a short note for the printout
/// ("sum 5 123 enterprises", "1,2 MB"); `run` is empty when the step is not in this build.
struct Step {
    std::string name;
    std::function<core::Result<std::string>()> run;
    std::string absent_reason;  ///< why `run` is empty
};

/// What the steps need; the services live as long as the Steps.
struct Context {
    db::Database& db;
    const core::Clock& clock;
    core::Actor actor;
    int year = 2018;
    std::string municipality;  ///< the reporting municipality (report::ReportService)
};

/// The report steps in output order: model, HTML, PDF, XLSX, JSON. Each output step renders
/// from the model built by the latest run of the model step (built once up front if needed).
std::vector<Step> report_steps(Context& context);

}  // namespace bench_report
