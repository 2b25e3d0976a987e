#pragma once
/// Agreement evaluation (C4, docs/evaluation.md): the eight questions of 003 §6.5 for one
/// cooperation agreement and a period, and the comparison of all agreements running in a
/// period on effect, price and quality.
///
/// Access: caseworker, consultant and admin (Forbidden for everyone else). The result holds
/// figures only — no citizen names or case references; the staff's free-text "no plan" reasons
/// are included for caseworker and admin only. Each evaluation writes one audit row
/// (action "read", object_type "agreement_evaluation", the agreement id, the period).
///
/// It reads the agreement, its placements (no citizen columns), the outcome list, follow-ups,
/// attendance sheets and notes through the employment store's read API
/// (src/employment/store/agreements.hpp); it has no SQL of its own. Thread-safe.
#include <cstdint>
#include <string>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "evaluation/model.hpp"

namespace evaluation {

class EvaluationService {
public:
    EvaluationService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    EvaluationService(const EvaluationService&) = delete;
    EvaluationService& operator=(const EvaluationService&) = delete;

    /// The evaluation of agreement `agreement_id` for [from, to] ("" = the calendar year of
    /// today). NotFound for an unknown agreement; Validation on "from"/"to".
    core::Result<Evaluation> evaluate(std::int64_t agreement_id, const std::string& from,
                                      const std::string& to, const core::Actor& actor);
    /// Every agreement that ran in the period, side by side.
    core::Result<Comparison> compare(const std::string& from, const std::string& to,
                                     const core::Actor& actor);

    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

/// Whether `actor` may see evaluations at all.
bool may_evaluate(const core::Actor& actor);
/// Whether `actor` may see the free-text no-plan reasons (caseworker, admin).
bool sees_reasons(const core::Actor& actor);

}  // namespace evaluation
