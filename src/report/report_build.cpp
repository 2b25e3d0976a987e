// ReportService::Impl::build and midyear: the model assembled from the other services.
#include <algorithm>
#include <map>

#include "core/validate.hpp"
#include "employment/store/jobs.hpp"
#include "report/service_detail.hpp"

namespace report {
namespace {

constexpr std::int64_t k_progression_examples = 5;

ShareValue share_of(const employment::Share& s) {
    ShareValue v;
    v.numerator = s.numerator;
    v.denominator = s.denominator;
    v.percent = s.percent();
    v.text = s.danish();
    return v;
}

/// The status of an enterprise at day `d` from its history (newest first); nullopt when it had
/// no status yet.
std::optional<enterprises::Status> status_at(const enterprises::Enterprise& e, core::Date d) {
    // history is newest first (by date happened, then entry): the first row on or before d wins,
    // as in the registry's Table 1 counts.
    for (const auto& h : e.history)
        if (h.happened_on <= d) return h.status;
    return std::nullopt;
}

/// Table 1 counts social enterprises and initiatives only (not CSR companies or partners).
bool reported_kind(enterprises::Kind k) {
    return k == enterprises::Kind::SocialEnterprise || k == enterprises::Kind::Initiative;
}

bool counted(enterprises::Status s) {
    return s == enterprises::Status::Established || s == enterprises::Status::RegisteredRsv;
}

RegistryFigures figures_of(const enterprises::Figures& f) {
    RegistryFigures r;
    r.municipality = f.municipality;
    r.total = f.total;
    r.registered = f.registered;
    r.established_in_year = f.established_in_year;
    r.on_the_way = f.on_the_way;
    return r;
}

void add_job_row(Jobs& jobs, const std::string& kind, const std::string& label, bool municipality,
                 std::int64_t n) {
    auto it = std::find_if(jobs.kinds.begin(), jobs.kinds.end(),
                           [&](const JobKindLine& k) { return k.kind == kind; });
    if (it == jobs.kinds.end()) {
        jobs.kinds.push_back(JobKindLine{.kind = kind, .label = label});
        it = std::prev(jobs.kinds.end());
    }
    (municipality ? it->municipality : it->other) += n;
    (municipality ? jobs.municipality : jobs.other) += n;
}

}  // namespace

core::Result<ReportModel> ReportService::Impl::build(int year, bool public_version,
                                                     const core::Actor& actor) {
    const core::Actor sys = internal_actor(actor);
    const core::Date today_date = today();
    ReportModel m;
    m.year = year;
    m.municipality = municipality;
    m.as_of = core::Date{year, 12, 31};
    m.generated_on = today_date;
    m.public_version = public_version;
    BB_ASSIGN(m.narrative, db.read([&](db::Connection& conn) { return load_narrative(conn, year); }));
    if (year > today_date.year) return m;  // a future year has no data; says so plainly

    // The registry's figures are counted at the year's end, or today for the running year.
    const core::Date d = std::min(m.as_of, today_date);
    bool any = m.narrative.saved;

    // 1 status against goals.
    BB_ASSIGN(auto goal_status, goals.status(year, sys));
    for (const auto& g : goal_status) {
        GoalLine l;
        l.title = g.goal.title;
        l.metric = g.goal.metric;
        l.strategy_point = g.goal.strategy_point;
        l.actual = g.actual;
        l.target = g.goal.target;
        l.actual_text = g.actual_text;
        l.target_text = g.target_text;
        l.measured_at = g.measured_at;
        l.met = g.met;
        l.percent = g.percent;
        l.has_data = g.has_data;
        l.attainment = g.attainment;
        m.goals.push_back(std::move(l));
    }

    // 2 enterprises and initiatives, 3 registration.
    BB_ASSIGN(auto fig, enterprises.count_figures(d, year, municipality, sys));
    m.registration.figures = figures_of(fig);
    enterprises::EnterpriseFilter filter;
    filter.municipality = municipality;
    filter.page_size = 100;
    for (int page = 1;; ++page) {
        filter.page = page;
        BB_ASSIGN(auto listed, enterprises.list(filter, sys));
        for (const auto& s : listed.items) {
            BB_ASSIGN(auto e, enterprises.get(s.id, sys));
            for (const auto& h : e.history) any = any || h.happened_on.year == year;
            auto st = status_at(e, d);
            if (!st || !reported_kind(e.kind)) continue;
            if (*st == enterprises::Status::RegisteredRsv) m.registration.registered.push_back(e.name);
            if (*st == enterprises::Status::OnTheWay) m.registration.on_the_way.push_back(e.name);
            if (!counted(*st)) continue;
            EnterpriseLine l;
            l.id = e.id;
            l.name = e.name;
            l.kind_label = std::string(enterprises::kind_label(e.kind));
            l.status = std::string(enterprises::status_code(*st));
            l.status_label = std::string(enterprises::status_label(*st));
            l.description = e.description;
            l.plans = e.plans;
            for (const auto& t : e.target_groups) l.target_groups.push_back(t.label);
            m.enterprises.push_back(std::move(l));
        }
        if (static_cast<std::int64_t>(page) * filter.page_size >= listed.total || listed.items.empty()) break;
    }
    auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
    std::sort(m.enterprises.begin(), m.enterprises.end(), by_name);
    std::sort(m.registration.registered.begin(), m.registration.registered.end());
    std::sort(m.registration.on_the_way.begin(), m.registration.on_the_way.end());

    // F5: the Table 1 counts per municipality when the registry holds more than one.
    BB_ASSIGN(auto names, enterprises.municipalities(sys));
    if (names.size() > 1) {
        enterprises::FiguresQuery q;
        q.date = d.iso();
        q.year = std::to_string(year);
        BB_ASSIGN(auto table, enterprises.figures(q, sys));
        for (const auto& r : table.rows) m.municipalities.push_back(figures_of(r));
        m.municipalities.push_back(figures_of(table.sum));
    }

    // 4 network.
    BB_ASSIGN(auto ev, events.year_summary(year, sys));
    m.network.meetings = ev.network_meetings;
    m.network.meetings_next_year = ev.network_meetings_next_year;
    m.network.themes_next_year = ev.themes_next_year;
    for (const auto& e : ev.events)
        m.network.events.push_back(
            EventLine{e.held_on, e.kind_label, e.title, e.theme, e.invited_count, e.present_count});
    any = any || !ev.events.empty();

    // 5 stories (published only).
    BB_ASSIGN(auto stories_list, stories.for_year(year, true, sys));
    for (const auto& s : stories_list) {
        StoryLine l{s.story_date, s.title, s.body, {}};
        for (const auto& e : s.enterprises) l.enterprises.push_back(e.name);
        m.stories.push_back(std::move(l));
    }
    any = any || !m.stories.empty();

    // 6.2 grants.
    BB_ASSIGN(auto gr, grants.year_summary(year, sys));
    for (const auto& e : gr.enterprises) {
        GrantGroup g{e.enterprise_name, e.total_oere, e.approximate, {}};
        for (const auto& x : e.grants)
            g.grants.push_back(
                GrantLine{x.enterprise_name, x.source, x.purpose, x.amount_oere, x.approximate});
        m.grants.enterprises.push_back(std::move(g));
    }
    m.grants.total_oere = gr.total_oere;
    m.grants.count = gr.grant_count;
    any = any || gr.grant_count > 0;

    // 6.5 the agreements' evaluations over the evaluation period.
    m.evaluation_from = m.narrative.evaluation_from.value_or(core::Date{year, 1, 1});
    m.evaluation_to = m.narrative.evaluation_to.value_or(m.as_of);
    BB_ASSIGN(auto cmp, evaluation.compare(m.evaluation_from->iso(), m.evaluation_to->iso(), sys));
    for (const auto& r : cmp.rows) {
        const auto& e = r.evaluation;
        AgreementLine l;
        l.agreement_id = e.agreement.id;
        l.title = e.agreement.title;
        l.enterprise = e.agreement.enterprise_name;
        l.from = e.period.from;
        l.to = e.period.to;
        l.slots = e.slots;
        l.in_use = e.in_use;
        l.active_in_period = e.active_in_period;
        l.with_plan = e.with_plan;
        l.completed = e.completed;
        l.continuing = e.continuing;
        for (const auto& c : e.by_group) l.by_group.push_back(OutcomeCount{c.key, c.label, c.count});
        l.success = share_of(e.success);
        l.stopped = share_of(e.stopped);
        l.plan_in_time = share_of(r.plan_by_deadline);
        any = any || e.active_in_period > 0;
        m.agreements.push_back(std::move(l));
    }

    // 6.8 jobs by kind and channel.
    BB_ASSIGN(auto counts, jobs.counts(std::to_string(year), sys));
    for (const auto& r : counts.rows) {
        if (r.total() == 0) continue;
        m.jobs.kinds.push_back(
            JobKindLine{.kind = r.kind, .label = r.label, .municipality = r.municipality, .other = r.other});
    }
    m.jobs.municipality = counts.municipality;
    m.jobs.other = counts.other;
    any = any || counts.total() > 0;

    // 6.9 progression examples: no names, one audit row per citizen read.
    if (!public_version) {
        BB_ASSIGN(m.progression,
                  db.read([&](db::Connection& conn) -> core::Result<std::vector<ProgressionExample>> {
                      std::vector<ProgressionExample> out;
                      BB_ASSIGN(auto rows,
                                employment::store::progression_jobs(conn, core::Date{year, 1, 1}, m.as_of,
                                                                    k_progression_examples));
                      for (const auto& r : rows) {
                          ProgressionExample p;
                          p.label = citizen_label(out.size());
                          p.kind_label = r.kind_label;
                          p.hired_on = r.hired_on;
                          BB_ASSIGN(auto hours, employment::store::job_hours(conn, r.job_id));
                          for (const auto& h : hours) {
                              HoursStep s;
                              s.effective_from = h.effective_from;
                              s.weekly_hundredths = h.weekly_hours;
                              s.intensity = h.intensity;
                              s.effective_hundredths =
                                  employment::effective_hours(s.weekly_hundredths, s.intensity);
                              p.steps.push_back(s);
                          }
                          BB_TRY(audit.record(
                              conn, actor,
                              {.action = "read",
                               .object_type = "citizen",
                               .object_id = std::to_string(r.citizen_id),
                               .criteria = "årsrapport " + std::to_string(year) + ": timer i job " +
                                           std::to_string(r.job_id) + " som " + p.label + " (uden navn)",
                               .purpose = "Årsrapport: progressionseksempel"}));
                          out.push_back(std::move(p));
                      }
                      return out;
                  }));
    }

    // 7.1 the collected recommendations.
    for (const auto& p : m.narrative.points)
        if (!p.recommendation.empty())
            m.recommendations.push_back(Recommendation{p.code, p.title, p.recommendation});

    m.has_data = any;
    return m;
}

core::Result<MidYear> ReportService::Impl::midyear(int year, core::Date to, const core::Actor& actor) {
    const core::Actor sys = internal_actor(actor);
    MidYear m;
    m.year = year;
    m.from = core::Date{year, 1, 1};
    m.to = to;
    BB_TRY(db.read([&](db::Connection& conn) -> core::Result<bool> {
        BB_ASSIGN(auto rows, employment::store::hire_counts_labelled(conn, m.from, m.to));
        for (const auto& r : rows)
            add_job_row(m.jobs, r.kind, r.kind_label, r.channel == "municipality", r.hires);
        return true;
    }));
    BB_ASSIGN(auto goal_status, goals.status(year, sys));
    for (const char* metric : {"jobs_municipality", "jobs"}) {
        for (const auto& g : goal_status) {
            if (g.goal.metric != metric || m.goal_target) continue;
            m.goal_target = g.goal.target;
            m.goal_title = g.goal.title;
            m.goal_metric = metric;
        }
    }
    m.goal_actual = m.goal_metric == "jobs" ? m.jobs.municipality + m.jobs.other : m.jobs.municipality;
    return m;
}

}  // namespace report
