#include "audit/audit_reader.hpp"

#include <string>

namespace audit {
namespace {

core::Result<void> check_admin(const core::Actor& actor) {
    if (actor.role == core::Role::Admin) return {};
    return core::Error::forbidden("Kun administratorer kan se loggen.");
}

}  // namespace

core::Result<AuditPage> AuditReader::search(const AuditFilter& filter, std::string_view criteria,
                                            const core::Actor& actor) const {
    BB_TRY(check_admin(actor));
    return m_db.write([&](db::Connection& c) -> core::Result<AuditPage> {
        BB_TRY(m_log.record(c, actor,
                            Entry{"search", "audit_log", "", std::string(criteria), "tilsyn med log", "ok"}));
        return m_log.list(c, filter);
    });
}

core::Result<RecentActivity> AuditReader::recent_activity(const core::Actor& actor) const {
    BB_TRY(check_admin(actor));
    const core::UnixSeconds since = m_clock.now() - 86400;
    return m_db.read([&](db::Connection& c) -> core::Result<RecentActivity> {
        RecentActivity out;
        AuditFilter all;
        all.from = since;
        all.limit = 1;
        BB_ASSIGN(auto events, m_log.list(c, all));
        out.events = events.total;
        AuditFilter failed = all;
        failed.action = "login_failed";
        BB_ASSIGN(auto failures, m_log.list(c, failed));
        out.failed_logins = failures.total;
        return out;
    });
}

core::Result<std::optional<core::UnixSeconds>> AuditReader::previous_login(const core::Actor& actor) const {
    if (actor.user_id <= 0) return std::optional<core::UnixSeconds>{};
    return m_db.read([&](db::Connection& c) -> core::Result<std::optional<core::UnixSeconds>> {
        AuditFilter f;
        f.user_id = actor.user_id;
        f.action = "login";
        f.limit = 2;
        BB_ASSIGN(auto logins, m_log.list(c, f));
        if (logins.rows.size() < 2) return std::optional<core::UnixSeconds>{};
        return std::optional<core::UnixSeconds>(logins.rows[1].at);
    });
}

}  // namespace audit
