#pragma once
// Test and benchmark support (header-only): a ReportService with every service it reads,
// built in dependency order the way the composition root (app/application.cpp) builds them.
#include <string>

#include "evaluation/evaluation_service.hpp"
#include "goals/test_graph.hpp"
#include "report/report_service.hpp"
#include "stories/story_service.hpp"

namespace report::testing {

struct ReportGraph {
    ReportGraph(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                std::string municipality)
        : goals(db, clock, audit),
          evaluation(db, clock, audit),
          stories(db, clock, audit),
          service(db, clock, audit, std::move(municipality),
                  Sources{goals.enterprises, evaluation, goals.events, goals.service, goals.grants,
                          goals.jobs, stories}) {}
    ReportGraph(const ReportGraph&) = delete;
    ReportGraph& operator=(const ReportGraph&) = delete;

    goals::testing::GoalGraph goals;
    evaluation::EvaluationService evaluation;
    stories::StoryService stories;
    ReportService service;
};

}  // namespace report::testing
