#pragma once
/// The read side of the audit log for the administrator's view (audit_http) and the dashboard:
/// each call runs in its own transaction, so no handler opens one or sees the table.
///
/// Access, decided here from the core::Actor:
///   - search: administrators only; the search is itself recorded ("search" on "audit_log",
///     purpose "tilsyn med log") in the same transaction, fail-closed, because the log holds
///     personal data about staff and citizens;
///   - recent_activity: administrators only; counts of the last 24 hours, no rows (not recorded);
///   - previous_login: any signed-in user, about their own logins only (not recorded).
#include <cstdint>
#include <optional>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace audit {

/// Counts of the last 24 hours for the administrator's dashboard.
struct RecentActivity {
    std::int64_t events = 0;         ///< every row
    std::int64_t failed_logins = 0;  ///< action "login_failed"
};

class AuditReader {
public:
    AuditReader(db::Database& db, const core::Clock& clock, const AuditLog& log)
        : m_db(db), m_clock(clock), m_log(log) {}
    AuditReader(const AuditReader&) = delete;
    AuditReader& operator=(const AuditReader&) = delete;

    /// One page of rows matching `filter`, newest first, with the total. `criteria` is the
    /// search as the administrator typed it, for the audit row. Forbidden unless admin.
    [[nodiscard]] core::Result<AuditPage> search(const AuditFilter& filter, std::string_view criteria,
                                                 const core::Actor& actor) const;
    /// Forbidden unless admin.
    [[nodiscard]] core::Result<RecentActivity> recent_activity(const core::Actor& actor) const;
    /// When the actor logged in before the current login (nullopt for the first login, the
    /// system and API tokens without a user).
    [[nodiscard]] core::Result<std::optional<core::UnixSeconds>> previous_login(
        const core::Actor& actor) const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const AuditLog& m_log;
};

}  // namespace audit
