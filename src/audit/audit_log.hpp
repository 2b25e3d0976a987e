#pragma once
/// The audit log (LG-01…LG-05, LG-07, LG-08): who did what to which record, when, why and from
/// where. Rows are written inside the caller's transaction, so a personal-data read or change
/// and its audit row commit together or not at all (fail-closed, LG-02).
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace audit {

/// Outcome codes stored in the `outcome` column.
inline constexpr std::string_view k_outcome_ok = "ok";
inline constexpr std::string_view k_outcome_denied = "denied";  ///< authorization refused
inline constexpr std::string_view k_outcome_failed = "failed";  ///< e.g. wrong password

/// One audited event. Free text is stored log-safe (control characters and invalid UTF-8
/// escaped) and cut to a fixed length, so a field can never add a line or swamp the log.
struct Entry {
    std::string action;       ///< "read", "search", "create", "update", "delete", "export", "login", …
    std::string object_type;  ///< "citizen", "placement", "user", … ("" when none)
    std::string object_id;    ///< the data subject or record id ("" for searches)
    std::string criteria;     ///< the search criterion, or what changed
    std::string purpose;      ///< purpose or case reference
    std::string outcome = std::string(k_outcome_ok);
};

/// A stored row.
struct Record {
    std::int64_t id = 0;
    core::UnixSeconds at = 0;
    std::optional<std::int64_t> user_id;  ///< empty for the system and unknown users
    std::string username;
    std::string role;
    std::optional<std::int64_t> enterprise_id;
    std::string action;
    std::string object_type;
    std::string object_id;
    std::string criteria;
    std::string purpose;
    std::string client_ip;
    std::string request_id;
    std::string outcome;
};

/// Filters for the administrator's view. Empty members do not filter.
struct AuditFilter {
    std::optional<core::UnixSeconds> from;  ///< inclusive
    std::optional<core::UnixSeconds> to;    ///< exclusive
    std::optional<std::string> username;    ///< exact, case-insensitive
    std::optional<std::int64_t> user_id;
    std::optional<std::string> object_type;
    std::optional<std::string> object_id;
    std::optional<std::string> action;
    int limit = 100;  ///< clamped to 1…1000
    int offset = 0;   ///< clamped to >= 0
};

struct AuditPage {
    std::vector<Record> rows;  ///< newest first
    std::int64_t total = 0;    ///< rows matching the filter, ignoring limit and offset
};

/// One line of a data subject's access report (GDPR art. 15, LG-05).
struct SubjectAccess {
    core::UnixSeconds at = 0;
    std::string action;
    std::string purpose;
    std::string role;                     ///< the role of whoever acted (not their identity)
    std::optional<std::string> username;  ///< only when the report includes staff
};

enum class StaffIdentity { Hidden, Included };

/// Default and limits for the retention period in months (setting `audit_retention_months`).
inline constexpr int k_default_retention_months = 6;
inline constexpr int k_min_retention_months = 1;
inline constexpr int k_max_retention_months = 120;

class AuditLog {
public:
    explicit AuditLog(const core::Clock& clock) : m_clock(clock) {}

    /// Appends one row in the caller's transaction, stamped with the clock's time and the
    /// actor's id, name, role, organisation, client address and request id. Fails with
    /// Unavailable when the row cannot be written (or the test failure switch is on); the
    /// caller must then fail too, so its transaction rolls back and no data leaves (LG-02).
    [[nodiscard]] core::Result<void> record(db::Connection& conn, const core::Actor& actor,
                                            const Entry& entry) const;

    /// The same with the entry given by its parts, as services write their rows:
    /// `object_id` "" when there is none (searches), `criteria` what was looked for or changed.
    [[nodiscard]] core::Result<void> record(db::Connection& conn, const core::Actor& actor,
                                            std::string_view action, std::string_view object_type,
                                            std::string_view object_id, std::string_view criteria = {},
                                            std::string_view purpose = {},
                                            std::string_view outcome = k_outcome_ok) const;

    /// Same for someone not (yet) authenticated, e.g. a failed login with an unknown name:
    /// no user id and no role, `claimed_name` as given (log-safe). Same failure rules.
    [[nodiscard]] core::Result<void> record_anonymous(db::Connection& conn, std::string_view claimed_name,
                                                      std::string_view client_ip, std::string_view request_id,
                                                      const Entry& entry) const;

    /// Rows matching `filter`, newest first, with the total count.
    [[nodiscard]] core::Result<AuditPage> list(db::Connection& conn, const AuditFilter& filter) const;

    /// Every event on one data subject, oldest first, for the subject's access report.
    /// Staff user names are left out unless `staff` is Included.
    [[nodiscard]] core::Result<std::vector<SubjectAccess>> subject_report(db::Connection& conn,
                                                                          std::string_view object_type,
                                                                          std::string_view object_id,
                                                                          StaffIdentity staff) const;

    /// Deletes rows older than `older_than_months` calendar months before now (the retention
    /// job, LG-04) in its own write transaction and returns how many went. This is the only
    /// DELETE on the audit log. Validation error outside 1…120 months; the database itself
    /// refuses to delete rows younger than 28 days.
    [[nodiscard]] core::Result<std::int64_t> prune(db::Database& db, int older_than_months) const;

    /// The configured retention period (setting `audit_retention_months`, default 6).
    [[nodiscard]] core::Result<int> retention_months(db::Connection& conn) const;

    /// Test hook: while on, record() writes nothing and fails with Unavailable, so tests can
    /// check that callers fail closed. Never switched on by production code.
    void set_failure_for_testing(bool fail) { m_fail_for_testing.store(fail); }

private:
    struct Who;
    core::Result<void> write(db::Connection& conn, const Who& who, const Entry& entry) const;

    const core::Clock& m_clock;
    std::atomic<bool> m_fail_for_testing{false};
};

/// The actor as the author column of a record (created_by, updated_by, decided_by, …):
/// the user id, or NULL for the system (core::Actor::user_ref).
inline db::Value user_ref(const core::Actor& actor) {
    return db::opt(actor.user_ref());
}

/// Makes a value safe for one log field: control characters, backslash and invalid UTF-8
/// bytes are escaped, and the result is cut to at most `max_bytes` on a character boundary.
std::string log_field(std::string_view value, std::size_t max_bytes);

}  // namespace audit
