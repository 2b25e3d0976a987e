// The pure computation of agreement evaluation (docs/evaluation.md).
#include "evaluation/model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/money.hpp"
#include "core/text.hpp"

namespace evaluation {

core::Result<Period> parse_period(const std::string& from_text, const std::string& to_text,
                                  core::Date today) {
    core::Validator v;
    Period p{core::Date{today.year, 1, 1}, core::Date{today.year, 12, 31}};
    const std::string_view f = core::trim(from_text);
    const std::string_view t = core::trim(to_text);
    if (!f.empty()) {
        if (auto d = core::Date::parse(f); d && d->year >= 2000)
            p.from = *d;
        else
            v.add("from", "Skriv periodens første dag som ÅÅÅÅ-MM-DD, fx 2018-01-01.");
    }
    if (!t.empty()) {
        if (auto d = core::Date::parse(t); d && d->year >= 2000)
            p.to = *d;
        else
            v.add("to", "Skriv periodens sidste dag som ÅÅÅÅ-MM-DD, fx 2018-12-31.");
    }
    if (v.ok() && p.to < p.from) v.add("to", "Periodens sidste dag kan ikke ligge før den første.");
    if (!v.ok()) return v.error();
    return p;
}

bool active_on(const PlacementRow& p, core::Date d) {
    if (!p.start_date || *p.start_date > d) return false;
    return !p.end_date || *p.end_date > d;
}

namespace {

bool active_in(const PlacementRow& p, const Period& period) {
    if (!p.start_date || *p.start_date > period.to) return false;
    return !p.end_date || *p.end_date >= period.from;
}

bool within(core::Date d, const Period& p) {
    return d >= p.from && d <= p.to;
}

std::vector<Note> notes_of(const std::vector<Note>& notes, std::string_view topic) {
    std::vector<Note> out;
    for (const auto& n : notes)
        if (n.topic == topic) out.push_back(n);
    return out;
}

}  // namespace

std::vector<std::pair<core::Date, core::Date>> sheet_periods(core::Date start, std::optional<core::Date> end,
                                                             int interval_months, core::Date until) {
    std::vector<std::pair<core::Date, core::Date>> out;
    if (interval_months < 1) interval_months = 1;
    for (int k = 0;; ++k) {
        const core::Date first = start.add_months(k * interval_months);
        if (first > until || (end && first > *end)) break;
        core::Date last = start.add_months((k + 1) * interval_months).add_days(-1);
        if (end && *end < last) last = *end;
        if (last > until) break;  // not over yet
        out.emplace_back(first, last);
        if (end && last == *end) break;
    }
    return out;
}

std::int64_t expected_sheets(core::Date start, std::optional<core::Date> end, int interval_months,
                             const Period& period) {
    std::int64_t n = 0;
    for (const auto& [first, last] : sheet_periods(start, end, interval_months, period.to))
        if (last >= period.from) ++n;
    return n;
}

Evaluation compute(const Inputs& in, const Period& period, bool show_reasons) {
    Evaluation e;
    e.agreement = in.agreement;
    e.period = period;
    e.slots = in.agreement.slots;
    const int deadline = in.agreement.plan_deadline_days;
    std::set<std::string> reasons;
    std::map<std::string, std::int64_t> outcome_counts;
    std::map<std::string, std::int64_t> group_counts;
    for (const auto& p : in.placements) {
        // Q1
        const bool holds_slot_at_end =
            active_on(p, period.to) || (p.status == "referred" && p.referred_on <= period.to);
        if (holds_slot_at_end) ++e.in_use;
        if (p.status == "waiting" && p.referred_on <= period.to) ++e.waiting;
        if (p.start_date && within(*p.start_date, period)) ++e.started;
        if (p.end_date && within(*p.end_date, period)) ++e.ended;
        // Q5: plans received in the period
        if (p.plan_made_on && within(*p.plan_made_on, period)) ++e.plans_received;
        // Q7
        if (p.end_date && within(*p.end_date, period)) {
            ++e.completed;
            ++outcome_counts[p.outcome_code];
            ++group_counts[p.outcome_group];
        }
        if (!active_in(p, period)) continue;
        ++e.active_in_period;
        // Q2 and Q3: the plan as it stood on the period's last day
        const bool has_plan = p.plan_made_on && *p.plan_made_on <= period.to;
        if (has_plan) {
            ++e.with_plan;
            if (employment::plan_in_time(*p.start_date, deadline, *p.plan_made_on))
                ++e.plan_in_time;
            else
                ++e.plan_late;
            if (p.plan_owned) {
                ++e.ownership_recorded;
                if (*p.plan_owned) ++e.plans_owned;
            }
        } else {
            const bool deadline_passed = employment::plan_due(*p.start_date, deadline) < period.to;
            const bool ended = p.end_date && *p.end_date <= period.to;
            if (deadline_passed || ended) {
                ++e.without_plan;
                if (!p.no_plan_reason.empty()) reasons.insert(p.no_plan_reason);
            } else {
                ++e.plan_in_progress;
            }
        }
    }
    e.free = std::max<std::int64_t>(0, e.slots - e.in_use);
    e.continuing = e.in_use + e.waiting;
    if (show_reasons) {
        e.reasons_shown = true;
        e.no_plan_reasons.assign(reasons.begin(), reasons.end());
    }
    // Q4
    std::set<std::int64_t> followed;
    std::set<std::int64_t> counted;
    for (const auto& p : in.placements)
        if (active_in(p, period)) counted.insert(p.id);
    for (const auto& [placement, held] : in.followups) {
        if (!within(held, period)) continue;
        ++e.followups_held;
        if (counted.count(placement)) followed.insert(placement);
    }
    e.placements_with_followup = static_cast<std::int64_t>(followed.size());
    for (const auto& [placement, period_to] : in.attendance)
        if (within(period_to, period)) ++e.attendance_received;
    for (const auto& p : in.placements)
        if (p.start_date && active_in(p, period))
            e.attendance_expected +=
                expected_sheets(*p.start_date, p.end_date, in.agreement.attendance_interval_months, period);
    // Q5, Q6, Q8
    e.deliverables_notes = notes_of(in.notes, "deliverables");
    e.effects_notes = notes_of(in.notes, "effects");
    e.cooperation_notes = notes_of(in.notes, "cooperation");
    e.progress_notes = in.progress_notes;
    // Q7
    for (const auto& o : in.outcomes)
        if (auto it = outcome_counts.find(o.code); it != outcome_counts.end())
            e.by_outcome.push_back({o.code, o.label, it->second});
    for (const auto g : employment::k_outcome_groups) {
        const std::string code(employment::outcome_group_code(g));
        auto it = group_counts.find(code);
        e.by_group.push_back({code, std::string(employment::outcome_group_label(g)),
                              it == group_counts.end() ? 0 : it->second});
    }
    e.success = {group_counts["job_education"], e.completed};
    e.stopped = {group_counts["stopped"], e.completed};
    return e;
}

std::int64_t whole_months(core::Date from, core::Date to) {
    if (to < from) return 0;
    const core::Date after = to.add_days(1);
    std::int64_t n = (after.year - from.year) * 12 + (after.month - from.month);
    while (n > 0 && from.add_months(static_cast<int>(n)) > after) --n;
    return std::max<std::int64_t>(0, n);
}

std::int64_t cost_in_period(const AgreementRow& a, const Period& period, std::int64_t placements_started,
                            std::string* basis) {
    const core::Date from = std::max(a.start_date, period.from);
    const core::Date to = a.end_date ? std::min(*a.end_date, period.to) : period.to;
    const std::string price = core::format_kroner(a.price_ore) + " kr.";
    if (a.price_unit == "per_slot_month") {
        const std::int64_t months = whole_months(from, to);
        if (basis)
            *basis = price + " pr. plads pr. måned × " + std::to_string(a.slots) + " pladser × " +
                     std::to_string(months) + " hele måneder i perioden";
        return a.price_ore * a.slots * months;
    }
    if (a.price_unit == "total") {
        if (!a.end_date) {
            if (basis)
                *basis = "Samlet pris " + price + " (aftalen er uden slutdato, så hele prisen medregnes)";
            return to < from ? 0 : a.price_ore;
        }
        const std::int64_t overlap = to < from ? 0 : to.days_since_epoch() - from.days_since_epoch() + 1;
        const std::int64_t length = a.end_date->days_since_epoch() - a.start_date.days_since_epoch() + 1;
        if (basis)
            *basis = "Samlet pris " + price + " fordelt efter dage: " + std::to_string(overlap) +
                     " af aftalens " + std::to_string(length) + " dage";
        return length > 0 ? a.price_ore * overlap / length : 0;
    }
    if (basis)
        *basis = price + " pr. forløb × " + std::to_string(placements_started) + " forløb startet i perioden";
    return a.price_ore * placements_started;
}

ComparisonRow compare_row(Evaluation evaluation) {
    ComparisonRow r;
    const Evaluation& e = evaluation;
    r.cost_ore = cost_in_period(e.agreement, e.period, e.started, &r.cost_basis);
    if (e.started > 0) r.price_per_placement_ore = r.cost_ore / e.started;
    if (e.success.numerator > 0) r.price_per_success_ore = r.cost_ore / e.success.numerator;
    r.plan_by_deadline = {e.plan_in_time, e.active_in_period - e.plan_in_progress};
    if (e.active_in_period > 0) {
        const std::int64_t tenths = e.followups_held * 10 / e.active_in_period;
        r.followups_per_placement = std::to_string(tenths / 10) + "," + std::to_string(tenths % 10);
    } else {
        r.followups_per_placement = "–";
    }
    r.evaluation = std::move(evaluation);
    return r;
}

}  // namespace evaluation
