#pragma once
/// Citizens (issue 4 items 1 and 9): the case reference (never a CPR number), name, target
/// group, tags, wished hours; the retention rule (delete or anonymise), the subject export
/// (GDPR art. 15) and the per-citizen audit view (docs/citizens.md).
///
/// Access is decided here, from the core::Actor, not only by the route rules: only admin and
/// caseworker (and the system actor of the CLI, which is an admin) reach citizen data; every
/// other role gets Forbidden and a "denied" audit row. Retention settings and runs are for
/// administrators only.
///
/// Every read, search, create, update and export writes an audit row (object_type "citizen",
/// object_id the citizen's id, purpose "sagsbehandling") in the same transaction. A list is a
/// "search" with the criteria typed ("" for a plain list).
///
/// Other packages create and look up citizens through this class. The rows are stored through
/// the employment store (src/employment/store), which also holds the case-history reads of the
/// export and the deletion or anonymisation of retention; the rules are here. Thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "citizens/model.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"

namespace citizens {

class CitizenService {
public:
    /// `registry`: validates target groups and labels them (the registry's vocabulary).
    CitizenService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                   enterprises::EnterpriseService& registry);
    CitizenService(const CitizenService&) = delete;
    CitizenService& operator=(const CitizenService&) = delete;

    /// Creates a citizen. Validation with field names case_ref, name, target_group,
    /// accommodations, competences, interests, wished_hours_min, wished_hours_max, postcode,
    /// transport, note, legal_hold_reason; a duplicate case reference is a Validation error on
    /// case_ref. Audit "create".
    core::Result<Citizen> create(const CitizenInput& input, const core::Actor& actor);
    /// Replaces a citizen's data (same validation). NotFound for an unknown id; an anonymised
    /// citizen cannot be changed (Conflict). Audit "update".
    core::Result<Citizen> update(std::int64_t id, const CitizenInput& input, const core::Actor& actor);
    /// One citizen with tags. Audit "read".
    core::Result<Citizen> get(std::int64_t id, const core::Actor& actor);
    /// Citizens matching the filter, by name. Audit "search" with the criteria.
    core::Result<std::vector<Citizen>> list(const CitizenFilter& filter, const core::Actor& actor);
    /// Everything held about one citizen. Audit "export".
    core::Result<SubjectExport> export_subject(std::int64_t id, const core::Actor& actor);
    /// The audit rows about one citizen (dates, actions, purposes, roles; staff hidden).
    /// Audit "read" with criteria "adgangslog".
    core::Result<std::vector<audit::SubjectAccess>> access_log(std::int64_t id, const core::Actor& actor);

    /// Active target groups for the form and the filter (code, label).
    core::Result<std::vector<Choice>> target_group_choices(const core::Actor& actor);

    // ---- retention (administrators) ----

    core::Result<RetentionSettings> retention_settings(const core::Actor& actor);
    /// Validation on "months" (6–120) and "mode" (delete/anonymise). Audit "update" of
    /// object_type "setting".
    core::Result<RetentionSettings> set_retention_settings(const std::string& months, const std::string& mode,
                                                           const core::Actor& actor);
    /// Who the rule would affect today (nothing changes).
    core::Result<RetentionReport> retention_preview(const core::Actor& actor);
    /// Applies the rule in ONE write transaction: deletes or anonymises every due citizen,
    /// one audit row each ("delete"/"anonymise", purpose "opbevaringsregel").
    core::Result<RetentionReport> run_retention(const core::Actor& actor);

    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    core::Result<void> check_access(const core::Actor& actor, std::string_view action, std::int64_t id);
    core::Result<RetentionReport> retention(const core::Actor& actor, bool apply);
    /// Fills target_group_label from the registry's vocabulary.
    void label(std::vector<Citizen>& list);
    Citizen label(Citizen c);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    enterprises::EnterpriseService& m_registry;
};

}  // namespace citizens
