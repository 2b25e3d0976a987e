// The report steps (steps.hpp) with the report library in the build: the model
// (report::ReportService::build, the full version a consultant sees), and each output rendered
// from it — the HTML page body and JSON through report_http when that library is built too,
// the PDF and the XLSX appendix through publishing from report::to_document.
#include <cstdio>
#include <memory>
#include <optional>

#include "audit/audit_log.hpp"
#include "publishing/render.hpp"
#include "report/document.hpp"
#include "report/http/report_http.hpp"
#include "report/report_service.hpp"
#include "report/test_graph.hpp"
#include "steps.hpp"
#include "web/json.hpp"
#include "web/templates.hpp"

namespace bench_report {

namespace {

struct State {
    State(Context& c) : log(c.clock), graph(c.db, c.clock, log, c.municipality) {}
    audit::AuditLog log;
    report::testing::ReportGraph graph;
    report::ReportService& service = graph.service;
    std::optional<report::ReportModel> model;
};

std::string size_text(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f kB", static_cast<double>(bytes) / 1000.0);
    return text;
}

}  // namespace

std::vector<Step> report_steps(Context& context) {
    auto state = std::make_shared<State>(context);
    auto build = [state, &context]() -> core::Result<void> {
        BB_ASSIGN(auto model, state->service.build(std::to_string(context.year), false, context.actor));
        state->model = std::move(model);
        return {};
    };
    // An output step renders from the latest model (building one first if the model step failed).
    auto model = [state, build]() -> core::Result<const report::ReportModel*> {
        if (!state->model) BB_TRY(build());
        return &*state->model;
    };
    std::vector<Step> steps;
    steps.push_back({"Report model (report::ReportService::build)",
                     [state, build]() -> core::Result<std::string> {
                         BB_TRY(build());
                         const auto& m = *state->model;
                         return std::to_string(m.enterprises.size()) + " enterprises, " +
                                std::to_string(m.agreements.size()) + " agreements, " +
                                std::to_string(m.municipalities.size()) + " municipalities side by side";
                     },
                     {}});
    steps.push_back(
        {"HTML page (report_http::document_view + template)",
         [model]() -> core::Result<std::string> {
             BB_ASSIGN(auto m, model());
             static const auto templates = [] {
                 auto t = std::make_unique<web::Templates>();
                 t->add("web", web::layout_templates());
                 t->add("report", report_http::templates());
                 return t;
             }();
             return size_text(
                 templates->render("report/report", report_http::document_view(report::to_document(*m)))
                     .size());
         },
         {}});
    steps.push_back({"PDF (report::to_document + publishing::render_pdf)",
                     [model]() -> core::Result<std::string> {
                         BB_ASSIGN(auto m, model());
                         BB_ASSIGN(auto pdf, publishing::render_pdf(report::to_document(*m)));
                         return size_text(pdf.size());
                     },
                     {}});
    steps.push_back({"XLSX appendix (report::to_document + publishing::render_xlsx)",
                     [model]() -> core::Result<std::string> {
                         BB_ASSIGN(auto m, model());
                         BB_ASSIGN(auto xlsx, publishing::render_xlsx(report::to_document(*m)));
                         return size_text(xlsx.size());
                     },
                     {}});
    steps.push_back({"JSON (report_http::model_view)",
                     [model]() -> core::Result<std::string> {
                         BB_ASSIGN(auto m, model());
                         return size_text(web::to_json(report_http::model_view(*m)).size());
                     },
                     {}});
    return steps;
}

}  // namespace bench_report
