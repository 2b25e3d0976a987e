// Pure helpers of the report model: Danish texts and the public version's suppression.
#include "report/model.hpp"

#include "core/money.hpp"
#include "core/validate.hpp"
#include "publishing/suppression.hpp"

namespace report {

std::string hours_text(std::int64_t hundredths) {
    const bool negative = hundredths < 0;
    if (negative) hundredths = -hundredths;
    std::string out = core::format_whole_number(hundredths / 100);
    const std::int64_t frac = hundredths % 100;
    if (frac != 0) {
        out += ',';
        out += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
    }
    return negative ? "-" + out : out;
}

std::string kroner_text(std::int64_t oere, bool approximate) {
    std::string amount = oere % 100 == 0 ? core::format_whole_number(oere / 100) : core::format_kroner(oere);
    return (approximate ? "ca. " : "") + amount + " kr.";
}

namespace {

void hide_share(ShareValue& s, bool numerator_hidden = false, bool denominator_hidden = false) {
    s.numerator_hidden = numerator_hidden || publishing::is_small_count(s.numerator);
    s.denominator_hidden = denominator_hidden || publishing::is_small_count(s.denominator);
    if (!s.numerator_hidden && !s.denominator_hidden) return;
    s.percent.reset();
    s.text = (s.numerator_hidden ? std::string("<5") : std::to_string(s.numerator)) + " af " +
             (s.denominator_hidden ? std::string("<5") : std::to_string(s.denominator));
}

void suppress_jobs(Jobs& jobs) {
    publishing::SuppressionGrid grid;
    grid.row_totals = true;
    grid.column_totals = true;
    for (const auto& k : jobs.kinds) grid.cells.push_back({k.municipality, k.other});
    if (grid.cells.empty()) return;
    const auto r = publishing::suppress(grid);
    for (std::size_t i = 0; i < jobs.kinds.size(); ++i) {
        jobs.kinds[i].municipality_hidden = r.cells[i][0];
        jobs.kinds[i].other_hidden = r.cells[i][1];
        jobs.kinds[i].total_hidden = r.row_totals[i];
    }
    jobs.municipality_hidden = r.column_totals[0];
    jobs.other_hidden = r.column_totals[1];
    jobs.total_hidden = r.grand_total;
}

}  // namespace

void make_public(ReportModel& m) {
    m.public_version = true;
    m.progression.clear();  // each example is one person
    suppress_jobs(m.jobs);
    for (auto& a : m.agreements) {
        // The outcome groups with the completed placements as the column total.
        publishing::SuppressionGrid grid;
        grid.column_totals = true;
        for (const auto& g : a.by_group) grid.cells.push_back({g.count});
        if (!grid.cells.empty()) {
            const auto r = publishing::suppress(grid);
            for (std::size_t i = 0; i < a.by_group.size(); ++i) a.by_group[i].hidden = r.cells[i][0];
            a.completed_hidden = r.column_totals[0];
        } else {
            a.completed_hidden = publishing::is_small_count(a.completed);
        }
        a.in_use_hidden = publishing::is_small_count(a.in_use);
        a.active_hidden = publishing::is_small_count(a.active_in_period);
        a.with_plan_hidden = publishing::is_small_count(a.with_plan);
        a.continuing_hidden = publishing::is_small_count(a.continuing);
        bool success_hidden = false, stopped_hidden = false;
        for (const auto& g : a.by_group) {
            if (g.key == "job_education") success_hidden = g.hidden;
            if (g.key == "stopped") stopped_hidden = g.hidden;
        }
        hide_share(a.success, success_hidden, a.completed_hidden);
        hide_share(a.stopped, stopped_hidden, a.completed_hidden);
        hide_share(a.plan_in_time);
    }
}

void make_public(MidYear& m) {
    suppress_jobs(m.jobs);
}

}  // namespace report
