#pragma once
/// The enterprise registry (A1, A2): enterprises and initiatives with target groups and
/// contact persons, the dated status history, the Table 1 counts (002) and the vocabularies.
///
/// Access is decided here, from the core::Actor, not only by the route rules:
///   - admin, consultant: read, create and change everything;
///   - caseworker: read everything, change nothing (Forbidden);
///   - enterprise user: reads and changes only its own enterprise (actor.enterprise_id);
///     any other id is NotFound (AC-03), lists contain only its own (AC-04). It cannot change
///     CVR, kind or municipality (kept as stored), and cannot record the status
///     registered_rsv (Forbidden): registration is decided by the Danish Business Authority
///     and recorded by the municipality;
///   - buyer: no access to the registry yet (Forbidden).
/// Vocabulary changes need an administrator. Every change writes an audit row in the same
/// transaction. Thread-safe: one instance serves all requests.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/model.hpp"

namespace enterprises {

/// One field problem of a batch import, by the index of the input row.
struct ImportProblem {
    std::size_t row = 0;
    std::string field;    ///< the service's field name (name, cvr, legal_form, …)
    std::string message;  ///< Danish
};
/// The result of import_rows: either problems (and nothing stored) or the number created.
struct ImportOutcome {
    std::size_t created = 0;
    std::vector<ImportProblem> problems;
};
/// Called while rows are checked: (rows checked, rows in all).
using ImportProgress = std::function<void(std::size_t, std::size_t)>;

class EnterpriseService {
public:
    EnterpriseService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    EnterpriseService(const EnterpriseService&) = delete;
    EnterpriseService& operator=(const EnterpriseService&) = delete;

    // ---- enterprises ----

    /// Creates an enterprise with its first status (input.status, input.status_date).
    /// Validation with field names (name, cvr, legal_form, kind, municipality, …, status,
    /// status_date); Conflict "Der findes allerede en virksomhed med dette CVR-nummer.";
    /// Forbidden unless admin or consultant.
    core::Result<Enterprise> create(const EnterpriseInput& input, const core::Actor& actor);
    /// Batch import, all or nothing: validates EVERY row exactly like create() (including CVR
    /// already in the registry) inside one write transaction, reports all field problems by
    /// row index, and inserts all rows in that same transaction only when there are none.
    /// Duplicates within `rows` are the caller's to report (it knows the line numbers); the
    /// unique index still refuses them (Conflict, nothing stored). Forbidden unless admin or
    /// consultant. Each created enterprise gets an audit row "import".
    core::Result<ImportOutcome> import_rows(const std::vector<EnterpriseInput>& rows,
                                            const core::Actor& actor, const ImportProgress& progress = {});
    /// The checks of import_rows without storing anything (a file that already has problems
    /// still gets every row checked).
    core::Result<std::vector<ImportProblem>> validate_rows(const std::vector<EnterpriseInput>& rows,
                                                           const core::Actor& actor,
                                                           const ImportProgress& progress = {});
    /// Changes the enterprise's data (not its status). Same validation as create; the status
    /// fields of `input` are ignored. For an enterprise user CVR, kind and municipality keep
    /// their stored values whatever the input says.
    core::Result<Enterprise> update(std::int64_t id, const EnterpriseInput& input, const core::Actor& actor);
    /// One enterprise with target groups, contacts and status history.
    core::Result<Enterprise> get(std::int64_t id, const core::Actor& actor);
    /// A page of enterprises by name.
    core::Result<EnterprisePage> list(const EnterpriseFilter& filter, const core::Actor& actor);
    /// The municipalities that occur in the registry, by name (for filters).
    core::Result<std::vector<std::string>> municipalities(const core::Actor& actor);

    /// Records a status change with the date it happened (not in the future). The current
    /// status becomes the latest by that date, so a change back-dated before a later one
    /// does not replace it.
    core::Result<Enterprise> record_status(std::int64_t id, const StatusInput& input,
                                           const core::Actor& actor);

    core::Result<Contact> add_contact(std::int64_t id, const ContactInput& input, const core::Actor& actor);
    /// NotFound when the contact does not belong to the enterprise.
    core::Result<void> remove_contact(std::int64_t id, std::int64_t contact_id, const core::Actor& actor);

    // ---- counts (002 Table 1) ----

    /// Figure read: the four figures for one municipality ("" = all) at date D, with
    /// "established in year Y" (Y ≤ D's year, counted up to D) — counts of organisations only.
    /// Admin, consultant and caseworker (as figures()); enterprise and buyer Forbidden.
    core::Result<Figures> count_figures(const core::Date& date, int year, const std::string& municipality,
                                        const core::Actor& actor);
    /// The table for the counts page and API: validates the query (Validation on "date" for
    /// a malformed or future date, on "year" for a malformed year or one after D's year) and
    /// gives one row per municipality (or the chosen one) and the sum. Admin, consultant and
    /// caseworker only.
    core::Result<FiguresTable> figures(const FiguresQuery& query, const core::Actor& actor);

    // ---- vocabularies ----

    /// Entries of one kind by sort order and label; inactive ones only when asked.
    core::Result<std::vector<VocabularyEntry>> vocabulary(VocabularyKind kind, bool include_inactive = false);
    /// Adds a value (administrators only). The code is derived from the label; Conflict when
    /// the kind already has it.
    core::Result<VocabularyEntry> add_vocabulary(VocabularyKind kind, const std::string& label,
                                                 const core::Actor& actor);
    /// Deactivates or re-activates a value (administrators only).
    core::Result<void> set_vocabulary_active(std::int64_t entry_id, bool active, const core::Actor& actor);

    /// Today's date in Copenhagen by the service's clock (form defaults, the latest allowed date).
    [[nodiscard]] core::Date today() const;

    /// Number of enterprises (for dashboards and the demo loader).
    core::Result<std::int64_t> count_all();

private:
    core::Result<Enterprise> load(db::Connection& conn, std::int64_t id);
    core::Result<void> refresh_status(db::Connection& conn, std::int64_t id);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

/// A code for a vocabulary label: lower case, æ→ae, ø→oe, å→aa, other characters → "_".
std::string vocabulary_code_for(std::string_view label);

}  // namespace enterprises
