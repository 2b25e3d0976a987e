// EvaluationService: loads an agreement's rows read-only and hands them to compute().
#include "evaluation/evaluation_service.hpp"

#include "employment/store/agreements.hpp"
#include "employment/store/placements.hpp"

namespace evaluation {

namespace store = employment::store;

bool may_evaluate(const core::Actor& a) {
    return a.is_municipal();
}

bool sees_reasons(const core::Actor& a) {
    return a.is_casework();
}

namespace {

AgreementRow agreement_from(const store::AgreementRecord& r) {
    AgreementRow a;
    a.id = r.id;
    a.enterprise_id = r.enterprise_id;
    a.enterprise_name = r.enterprise_name;
    a.title = r.title;
    a.start_date = r.start_date;
    a.end_date = r.end_date;
    a.slots = r.slots;
    a.frame_weeks = r.frame_weeks;
    a.extension_weeks = r.extension_weeks;
    a.plan_deadline_days = r.plan_deadline_days;
    a.attendance_interval_months = r.attendance_interval_months;
    a.price_ore = r.price_ore;
    a.price_unit = r.price_unit;
    a.deliverables = r.deliverables;
    return a;
}

core::Result<Inputs> load_inputs(db::Connection& conn, AgreementRow agreement, const Period& period) {
    Inputs in;
    in.agreement = std::move(agreement);
    const std::int64_t id = in.agreement.id;
    BB_ASSIGN(auto placements, store::agreement_placements(conn, id, period.to));
    for (auto& r : placements) {
        PlacementRow p;
        p.id = r.id;
        p.status = std::move(r.status);
        p.referred_on = r.referred_on;
        p.start_date = r.start_date;
        p.end_date = r.end_date;
        p.outcome_code = std::move(r.outcome_code);
        p.outcome_label = std::move(r.outcome_label);
        p.outcome_group = std::move(r.outcome_group);
        p.plan_made_on = r.plan_made_on;
        p.plan_owned = r.plan_owned;
        p.no_plan_reason = std::move(r.no_plan_reason);
        in.placements.push_back(std::move(p));
    }
    BB_ASSIGN(auto outcomes, store::outcomes(conn, false));
    for (const auto& o : outcomes) in.outcomes.push_back({o.code, o.label, o.group});
    BB_ASSIGN(in.followups, store::agreement_followups(conn, id, period.from, period.to));
    BB_ASSIGN(in.attendance, store::agreement_attendance(conn, id, period.from, period.to));
    BB_ASSIGN(auto notes, store::agreement_notes_between(conn, id, period.from, period.to));
    for (const auto& n : notes) in.notes.push_back({n.topic, n.noted_on, n.text});
    BB_ASSIGN(in.progress_notes, store::agreement_progress_notes(conn, id, period.from, period.to));
    return in;
}

/// What an evaluation's audit row says about the period it read.
std::string period_criteria(const Period& period) {
    return "periode " + period.from.iso() + " – " + period.to.iso();
}

constexpr std::string_view k_purpose = "evaluering af samarbejdsaftale (tal, ingen personer)";

}  // namespace

EvaluationService::EvaluationService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date EvaluationService::today() const {
    return core::today(m_clock);
}

core::Result<Evaluation> EvaluationService::evaluate(std::int64_t agreement_id, const std::string& from,
                                                     const std::string& to, const core::Actor& actor) {
    if (!may_evaluate(actor))
        return core::Error::forbidden("Kun kommunens medarbejdere kan se evalueringer.");
    BB_ASSIGN(Period period, parse_period(from, to, today()));
    return m_db.read([&](db::Connection& conn) -> core::Result<Evaluation> {
        BB_ASSIGN(auto found, store::agreement_by_id(conn, agreement_id));
        if (!found) return core::Error::not_found("Samarbejdsaftalen findes ikke.");
        BB_ASSIGN(Inputs in, load_inputs(conn, agreement_from(*found), period));
        BB_TRY(m_audit.record(conn, actor, "read", "agreement_evaluation", std::to_string(agreement_id),
                              period_criteria(period), k_purpose));
        return compute(in, period, sees_reasons(actor));
    });
}

core::Result<Comparison> EvaluationService::compare(const std::string& from, const std::string& to,
                                                    const core::Actor& actor) {
    if (!may_evaluate(actor))
        return core::Error::forbidden("Kun kommunens medarbejdere kan se evalueringer.");
    BB_ASSIGN(Period period, parse_period(from, to, today()));
    return m_db.read([&](db::Connection& conn) -> core::Result<Comparison> {
        Comparison c;
        c.period = period;
        BB_ASSIGN(auto rows, store::agreements_running(conn, period.from, period.to));
        for (const auto& r : rows) {
            BB_ASSIGN(Inputs in, load_inputs(conn, agreement_from(r), period));
            c.rows.push_back(compare_row(compute(in, period, false)));
        }
        BB_TRY(m_audit.record(conn, actor, "read", "agreement_evaluation", "", period_criteria(period),
                              k_purpose));
        return c;
    });
}

}  // namespace evaluation
