// Views of the report: the JSON keys (docs/reports.md) and the document's blocks for HTML.
#include <algorithm>
#include <string>
#include <utility>

#include "publishing/render.hpp"
#include "report/document.hpp"
#include "report/http/report_http.hpp"

namespace report_http {
namespace {

using web::View;

void set_list(View& v, const std::string& key, View::List list) {
    v.set("has_" + key, !list.empty());
    v.set(key, std::move(list));
}

View::List names(const std::vector<std::string>& items) {
    View::List out;
    for (const auto& s : items) out.push_back(View().set("name", s));
    return out;
}

/// A person count: the number, or the string "<5" in the public version when it is suppressed.
void count(View& v, const std::string& key, std::int64_t n, bool hidden) {
    if (hidden)
        v.set(key, "<5");
    else
        v.set(key, n);
}

View share(const report::ShareValue& s) {
    View v;
    count(v, "numerator", s.numerator, s.numerator_hidden);
    count(v, "denominator", s.denominator, s.denominator_hidden);
    if (s.percent) v.set("percent", *s.percent);
    v.set("text", s.text);
    return v;
}

View jobs_view(const report::Jobs& jobs) {
    View v;
    View::List kinds;
    for (const auto& k : jobs.kinds) {
        View kv;
        kv.set("kind", k.kind).set("label", k.label);
        count(kv, "municipality", k.municipality, k.municipality_hidden);
        count(kv, "other", k.other, k.other_hidden);
        count(kv, "total", k.municipality + k.other, k.total_hidden);
        kinds.push_back(std::move(kv));
    }
    v.set("kinds", std::move(kinds));
    count(v, "municipality", jobs.municipality, jobs.municipality_hidden);
    count(v, "other", jobs.other, jobs.other_hidden);
    count(v, "total", jobs.municipality + jobs.other, jobs.total_hidden);
    return v;
}

View figures_view(const report::RegistryFigures& f) {
    View v;
    v.set("municipality", f.municipality).set("total", f.total).set("registered", f.registered);
    v.set("established_in_year", f.established_in_year).set("on_the_way", f.on_the_way);
    return v;
}

View narrative_view(const report::Narrative& n) {
    View v;
    v.set("saved", n.saved).set("preface", n.preface).set("introduction", n.introduction);
    View::List points;
    for (const auto& p : n.points) {
        View pv;
        pv.set("code", p.code).set("title", p.title).set("intro", p.intro).set("happened", p.happened);
        pv.set("recommendation", p.recommendation);
        points.push_back(std::move(pv));
    }
    v.set("points", std::move(points));
    View::List holistic;
    for (const auto& h : n.holistic)
        holistic.push_back(
            View().set("label", h.label).set("text", h.text).set("recommendation", h.recommendation));
    v.set("holistic", std::move(holistic));
    return v;
}

}  // namespace

View model_view(const report::ReportModel& m) {
    View v;
    v.set("year", m.year).set("municipality", m.municipality).set("as_of", m.as_of.iso());
    v.set("generated_on", m.generated_on.iso())
        .set("public_version", m.public_version)
        .set("has_data", m.has_data);
    if (!m.has_data) {
        v.set("message", report::no_data_text(m.year));
        return v;
    }
    v.set("narrative", narrative_view(m.narrative));

    View::List goals;
    for (const auto& g : m.goals) {
        View gv;
        gv.set("title", g.title).set("metric", g.metric).set("strategy_point", g.strategy_point);
        gv.set("actual", g.actual).set("target", g.target).set("actual_text", g.actual_text);
        gv.set("target_text", g.target_text).set("measured_at", g.measured_at).set("met", g.met);
        gv.set("percent", g.percent).set("has_data", g.has_data);
        gv.set("status", std::string(goals::attainment_code(g.attainment)));
        gv.set("status_label", goals::attainment_label(g.attainment, g.percent));
        goals.push_back(std::move(gv));
    }
    v.set("goals", std::move(goals));

    View::List enterprises;
    for (const auto& e : m.enterprises) {
        View ev;
        ev.set("id", e.id).set("name", e.name).set("kind_label", e.kind_label).set("status", e.status);
        ev.set("status_label", e.status_label).set("description", e.description).set("plans", e.plans);
        ev.set("target_groups", names(e.target_groups));
        enterprises.push_back(std::move(ev));
    }
    v.set("enterprises", std::move(enterprises));

    View reg = figures_view(m.registration.figures);
    reg.set("registered_names", names(m.registration.registered));
    reg.set("on_the_way_names", names(m.registration.on_the_way));
    v.set("registration", std::move(reg));

    View net;
    net.set("meetings", m.network.meetings).set("meetings_next_year", m.network.meetings_next_year);
    net.set("themes_next_year", names(m.network.themes_next_year));
    View::List events;
    for (const auto& e : m.network.events) {
        View ev;
        ev.set("held_on", e.held_on.iso()).set("kind_label", e.kind_label).set("title", e.title);
        ev.set("theme", e.theme).set("invited", e.invited).set("present", e.present);
        events.push_back(std::move(ev));
    }
    net.set("events", std::move(events));
    v.set("network", std::move(net));

    View::List stories;
    for (const auto& s : m.stories) {
        View sv;
        sv.set("date", s.story_date.iso()).set("title", s.title).set("body", s.body);
        sv.set("enterprises", names(s.enterprises));
        stories.push_back(std::move(sv));
    }
    v.set("stories", std::move(stories));

    View grants;
    View::List groups;
    for (const auto& g : m.grants.enterprises) {
        View gv;
        gv.set("enterprise", g.enterprise).set("total_oere", g.total_oere).set("approximate", g.approximate);
        View::List list;
        for (const auto& x : g.grants) {
            View xv;
            xv.set("source", x.source).set("purpose", x.purpose).set("amount_oere", x.amount_oere);
            xv.set("approximate", x.approximate)
                .set("amount_text", report::kroner_text(x.amount_oere, x.approximate));
            list.push_back(std::move(xv));
        }
        gv.set("grants", std::move(list));
        groups.push_back(std::move(gv));
    }
    grants.set("enterprises", std::move(groups))
        .set("total_oere", m.grants.total_oere)
        .set("count", m.grants.count);
    v.set("grants", std::move(grants));

    View::List agreements;
    for (const auto& a : m.agreements) {
        View av;
        av.set("agreement_id", a.agreement_id).set("title", a.title).set("enterprise", a.enterprise);
        av.set("from", a.from.iso()).set("to", a.to.iso()).set("slots", a.slots);
        count(av, "in_use", a.in_use, a.in_use_hidden);
        count(av, "active_in_period", a.active_in_period, a.active_hidden);
        count(av, "with_plan", a.with_plan, a.with_plan_hidden);
        count(av, "completed", a.completed, a.completed_hidden);
        count(av, "continuing", a.continuing, a.continuing_hidden);
        View::List groups_list;
        for (const auto& g : a.by_group) {
            View gv;
            gv.set("key", g.key).set("label", g.label);
            count(gv, "count", g.count, g.hidden);
            groups_list.push_back(std::move(gv));
        }
        av.set("by_group", std::move(groups_list));
        av.set("success", share(a.success))
            .set("stopped", share(a.stopped))
            .set("plan_in_time", share(a.plan_in_time));
        agreements.push_back(std::move(av));
    }
    v.set("agreements", std::move(agreements));
    if (m.evaluation_from) v.set("evaluation_from", m.evaluation_from->iso());
    if (m.evaluation_to) v.set("evaluation_to", m.evaluation_to->iso());

    v.set("jobs", jobs_view(m.jobs));

    View::List progression;
    for (const auto& p : m.progression) {
        View pv;
        pv.set("label", p.label).set("kind_label", p.kind_label).set("hired_on", p.hired_on.iso());
        View::List steps;
        for (const auto& s : p.steps) {
            View st;
            st.set("effective_from", s.effective_from.iso())
                .set("weekly_hours", report::hours_text(s.weekly_hundredths));
            st.set("intensity", s.intensity)
                .set("effective_hours", report::hours_text(s.effective_hundredths));
            steps.push_back(std::move(st));
        }
        pv.set("steps", std::move(steps));
        progression.push_back(std::move(pv));
    }
    v.set("progression", std::move(progression));

    View::List municipalities;
    for (const auto& f : m.municipalities) municipalities.push_back(figures_view(f));
    v.set("municipalities", std::move(municipalities));

    View::List recommendations;
    for (const auto& r : m.recommendations)
        recommendations.push_back(View().set("code", r.code).set("title", r.title).set("text", r.text));
    v.set("recommendations", std::move(recommendations));
    return v;
}

View midyear_view(const report::MidYear& m) {
    View v;
    v.set("year", m.year).set("from", m.from.iso()).set("to", m.to.iso());
    v.set("jobs", jobs_view(m.jobs));
    if (m.goal_target) {
        View g;
        g.set("title", m.goal_title).set("metric", m.goal_metric).set("target", *m.goal_target);
        g.set("actual", m.goal_actual);
        v.set("goal", std::move(g));
    }
    return v;
}

View document_view(const publishing::Document& doc) {
    View v;
    v.set("title", doc.title).set("subtitle", doc.subtitle);
    View::List blocks;
    int chart_no = 0;
    for (const auto& b : doc.blocks) {
        View bv;
        if (const auto* h = std::get_if<publishing::Heading>(&b)) {
            bv.set("heading", true)
                .set("h" + std::to_string(std::min(h->level + 1, 6)), true)
                .set("text", h->text);
            if (!h->anchor.empty()) bv.set("anchor", h->anchor);
            if (h->level == 1) bv.set("chapter", true);
        } else if (const auto* p = std::get_if<publishing::Paragraph>(&b)) {
            View::List lines;
            std::size_t start = 0;
            while (true) {
                const auto end = p->text.find('\n', start);
                lines.push_back(
                    View().set("text", p->text.substr(start, end == std::string::npos ? end : end - start)));
                if (end == std::string::npos) break;
                start = end + 1;
            }
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) lines[i].set("br", true);
            bv.set("paragraph", true).set("lines", std::move(lines));
            if (p->emphasis) bv.set("emphasis", true);
        } else if (const auto* l = std::get_if<publishing::List>(&b)) {
            bv.set("list", true).set("items", names(l->items));
        } else if (const auto* t = std::get_if<publishing::Table>(&b)) {
            bv.set("table", true).set("caption", t->caption);
            View::List header;
            for (const auto& h : t->header) header.push_back(View().set("text", h));
            bv.set("header", std::move(header));
            auto row_view = [&](const std::vector<publishing::Cell>& row) {
                View::List cells;
                for (std::size_t i = 0; i < row.size(); ++i) {
                    View c;
                    c.set("text", row[i].text);
                    if (i == 0 && t->first_column_is_header) c.set("row_header", true);
                    if (row[i].number || row[i].suppressed) c.set("numeric", true);
                    if (row[i].suppressed) c.set("suppressed", true);
                    cells.push_back(std::move(c));
                }
                return View().set("cells", std::move(cells));
            };
            View::List rows;
            for (const auto& r : t->rows) rows.push_back(row_view(r));
            bv.set("rows", std::move(rows));
            if (t->total) bv.set("total", row_view(*t->total));
        } else if (const auto* c = std::get_if<publishing::BarChart>(&b)) {
            // render_svg escapes every text itself; the markup is generated, never user HTML.
            bv.set("chart", true).set("chart_id", "chart-" + std::to_string(++chart_no));
            bv.set_html("svg", publishing::render_svg(*c));
            bv.set("description", c->description);
        }
        blocks.push_back(std::move(bv));
    }
    set_list(v, "blocks", std::move(blocks));
    return v;
}

}  // namespace report_http
