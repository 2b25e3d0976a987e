#pragma once
/// RSV readiness and the yearly statement (A3; Act 711/2014 §5 and §8): the five-criteria
/// checklist with evidence notes and the §8 statements per financial year with the dividend
/// check (see rsv.hpp).
///
/// Access is decided here from the core::Actor, exactly as in EnterpriseService:
///   - admin, consultant: read and change every enterprise's;
///   - caseworker: read everything, change nothing (Forbidden);
///   - enterprise user: reads and changes only its own enterprise's (actor.enterprise_id);
///     any other id is NotFound (AC-03);
///   - buyer: no access (Forbidden).
/// Every change writes an audit row (object_type "enterprise", the enterprise id) in the same
/// transaction. Thread-safe: one instance serves all requests.
#include <cstdint>
#include <optional>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/rsv.hpp"

namespace enterprises {

class RsvService {
public:
    RsvService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    RsvService(const RsvService&) = delete;
    RsvService& operator=(const RsvService&) = delete;

    /// The checklist of an enterprise (five entries, "not assessed" until saved).
    core::Result<RsvReadiness> get_readiness(std::int64_t enterprise_id, const core::Actor& actor);
    /// Replaces the checklist. Validation per criterion on `<code>_met` ("yes", "partly", "no"
    /// or "" for not assessed) and `<code>_evidence` (≤ 2.000 characters; required when the
    /// criterion is marked as met).
    core::Result<RsvReadiness> save_readiness(std::int64_t enterprise_id, const RsvReadinessInput& input,
                                              const core::Actor& actor);

    /// The enterprise's yearly statements, newest year first.
    core::Result<std::vector<RsvStatement>> list_statements(std::int64_t enterprise_id,
                                                            const core::Actor& actor);
    /// One statement by financial year; NotFound when there is none.
    core::Result<RsvStatement> get_statement(std::int64_t enterprise_id, int year, const core::Actor& actor);
    /// Creates (existing_year = nullopt) or changes (the statement of `existing_year`, which
    /// may move to another year) a statement. Validation with the field names year,
    /// profit_after_tax, dividend, management_remuneration, management_remuneration_amount,
    /// related_party_agreements, purpose_statement, independence, inclusive_governance,
    /// submitted_on; Conflict "Der findes allerede en årsredegørelse for <år>." when the
    /// enterprise has the year already.
    core::Result<RsvStatement> save_statement(std::int64_t enterprise_id, std::optional<int> existing_year,
                                              const RsvStatementInput& input, const core::Actor& actor);

    /// Today's date in Copenhagen by the service's clock.
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

/// The Conflict message for a year the enterprise already has a statement for.
std::string rsv_statement_exists_message(int year);

}  // namespace enterprises
