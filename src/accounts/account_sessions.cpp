// AccountService: login with throttling, password checks by the user, and sessions.
// Password hashing (~0.2 s) always runs outside database transactions, so a login never
// holds SQLite's write lock while argon2id works.
#include <algorithm>

#include "accounts/account_service.hpp"
#include "accounts/service_detail.hpp"
#include "accounts/sql.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace accounts {

namespace {

struct Credentials {
    User user;
    std::string hash;
};

constexpr std::size_t k_user_agent_cap = 200;

core::Error bad_login() {
    return {core::ErrorCode::Unauthorized, std::string(detail::k_bad_login), {}};
}

core::Error throttled(core::UnixSeconds wait) {
    return {core::ErrorCode::TooManyRequests, throttle_message(wait), {}};
}

/// The name as typed, for throttling and the audit row: lower-cased if it could be a user
/// name, otherwise a fixed marker (a password typed into the name field must not be logged).
std::string login_key(std::string_view username) {
    std::string key = core::to_lower_ascii(core::trim(username));
    if (key.size() > 64 || !core::is_safe_identifier(key)) return "(ugyldigt brugernavn)";
    return key;
}

core::Result<std::optional<Credentials>> load_credentials(db::Connection& conn, const db::Query& by,
                                                          db::Value key) {
    BB_ASSIGN(auto rows, conn.query(by, {std::move(key)}));
    if (rows.empty()) return std::optional<Credentials>();
    return std::optional<Credentials>(
        Credentials{detail::user_from_row(rows.first()), rows.first().text(10)});
}

core::Result<void> record_attempt(db::Connection& conn, std::string_view kind, const std::string& subject,
                                  core::UnixSeconds now, bool success, core::UnixSeconds keep_for) {
    if (subject.empty()) return {};
    BB_TRY(conn.query(sql::attempt_insert,
                      {std::string(kind), subject, detail::iso(now), std::int64_t{success ? 1 : 0}}));
    // Keep each subject's history short: older rows can no longer influence throttling.
    BB_TRY(conn.query(sql::attempts_delete_old_subject,
                      {std::string(kind), subject, detail::iso(now - keep_for)}));
    return {};
}

/// Audits a login-related event: as the user when the name is known, else anonymously with
/// the name as typed (already reduced by login_key).
core::Result<void> audit_login(const audit::AuditLog& log, db::Connection& conn,
                               const std::optional<Credentials>& found, const std::string& key,
                               std::string_view client_ip, std::string_view request_id,
                               std::string_view action, std::string criteria = {},
                               std::string_view outcome = audit::k_outcome_ok) {
    audit::Entry entry;
    entry.action = std::string(action);
    entry.object_type = "user";
    entry.object_id = found ? std::to_string(found->user.id) : std::string();
    entry.criteria = std::move(criteria);
    entry.outcome = std::string(outcome);
    if (!found) return log.record_anonymous(conn, key, client_ip, request_id, entry);
    return log.record(conn, found->user.actor(std::string(client_ip), std::string(request_id)), entry);
}

}  // namespace

core::Result<core::UnixSeconds> AccountService::throttle_wait(std::string_view user_key,
                                                              std::string_view ip_key) {
    const auto& t = m_settings.throttle;
    const core::UnixSeconds now = m_clock.now();
    return m_db.read([&](db::Connection& conn) -> core::Result<core::UnixSeconds> {
        BB_ASSIGN(auto rows, conn.query(sql::attempts_account,
                                        {std::string(user_key), detail::iso(now - t.account_memory),
                                         std::int64_t{t.account_max_failures + 16}}));
        std::vector<Attempt> attempts;
        for (const auto& row : rows.rows)
            attempts.push_back({detail::parse_time(row.text(0)), row.int64(1) != 0});
        core::UnixSeconds wait = account_wait(attempts, now, t);
        if (!ip_key.empty() && t.ip_max_failures > 0) {
            BB_ASSIGN(auto ip_rows, conn.query(sql::attempts_ip_failures,
                                               {std::string(ip_key), detail::iso(now - t.ip_window),
                                                std::int64_t{t.ip_max_failures}}));
            std::vector<core::UnixSeconds> failures;
            for (const auto& row : ip_rows.rows) failures.push_back(detail::parse_time(row.text(0)));
            wait = std::max(wait, ip_wait(failures, now, t));
        }
        return wait;
    });
}

core::Result<LoginResult> AccountService::login(std::string_view username, std::string_view password,
                                                std::string_view client_ip, std::string_view user_agent,
                                                std::string_view request_id) {
    const std::string key = login_key(username);
    const std::string ip_key = client_ip.empty() ? std::string() : ip_throttle_key(client_ip);
    const auto& t = m_settings.throttle;

    BB_ASSIGN(core::UnixSeconds wait, throttle_wait(key, ip_key));
    if (wait > 0) {
        auto logged = m_db.write([&](db::Connection& conn) -> core::Result<void> {
            BB_ASSIGN(auto found, load_credentials(conn, sql::user_by_key, key));
            return audit_login(m_audit, conn, found, key, client_ip, request_id, "login_throttled",
                               "wait_seconds=" + std::to_string(wait), audit::k_outcome_denied);
        });
        BB_TRY(logged);
        return throttled(wait);
    }

    BB_ASSIGN(auto found,
              m_db.read([&](db::Connection& conn) { return load_credentials(conn, sql::user_by_key, key); }));
    // Unknown names are verified against a dummy hash so they cost the same time.
    const bool password_ok = verify_gated(found ? found->hash : dummy_hash(), password);
    const bool ok = found && password_ok && !found->user.disabled;

    if (!ok) {
        const core::UnixSeconds now = m_clock.now();
        std::string reason = !found ? "unknown_user" : !password_ok ? "wrong_password" : "disabled";
        BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
            BB_TRY(record_attempt(conn, "user", key, now, false, t.account_memory));
            BB_TRY(record_attempt(conn, "ip", ip_key, now, false, t.ip_window));
            return audit_login(m_audit, conn, found, key, client_ip, request_id, "login_failed",
                               "reason=" + reason, audit::k_outcome_failed);
        }));
        return bad_login();
    }

    std::optional<std::string> rehashed;
    if (needs_rehash(found->hash, m_settings.hash)) {
        auto made = hash_gated(password);
        if (made.ok()) rehashed = std::move(*made);
    }
    const core::UnixSeconds now = m_clock.now();
    LoginResult result;
    result.token = random_token();
    result.csrf_token = random_token();
    result.expires_at = now + m_settings.absolute_timeout;
    std::string agent = audit::log_field(user_agent, k_user_agent_cap);
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        // The account may have been disabled or its password changed while we verified.
        BB_ASSIGN(auto current, load_credentials(conn, sql::user_credentials_by_id, found->user.id));
        if (!current || current->user.disabled || current->hash != found->hash) return bad_login();
        result.user = current->user;
        BB_TRY(record_attempt(conn, "user", key, now, true, t.account_memory));
        if (rehashed) BB_TRY(conn.query(sql::user_rehash, {*rehashed, current->user.id, current->hash}));
        BB_TRY(conn.query(
            sql::session_insert,
            {hash_token(result.token), current->user.id, result.csrf_token, detail::iso(now),
             detail::iso(now), detail::iso(result.expires_at), audit::log_field(client_ip, 64), agent}));
        return audit_login(m_audit, conn, current, key, client_ip, request_id, "login");
    }));
    return result;
}

core::Result<std::optional<Session>> AccountService::resolve_session(std::string_view token) {
    if (!is_token_shaped(token)) return std::optional<Session>();
    const std::string token_hash = hash_token(token);
    const core::UnixSeconds now = m_clock.now();
    BB_ASSIGN(auto rows, m_db.read([&](db::Connection& conn) {
        return conn.query(sql::session_by_hash, {token_hash});
    }));
    if (rows.empty()) return std::optional<Session>();
    const db::Row& row = rows.first();
    Session s;
    s.session_id = row.int64(0);
    s.csrf_token = row.text(1);
    s.created_at = detail::parse_time(row.text(2));
    s.last_seen_at = detail::parse_time(row.text(3));
    s.expires_at = detail::parse_time(row.text(4));
    s.user = detail::user_from_row(row, 5);

    const bool expired = now >= s.expires_at || now - s.last_seen_at >= m_settings.idle_timeout;
    if (expired || s.user.disabled) {
        BB_TRY(m_db.write(
            [&](db::Connection& conn) { return conn.query(sql::session_delete, {s.session_id}); }));
        return std::optional<Session>();
    }
    if (now - s.last_seen_at >= m_settings.touch_interval) {
        BB_TRY(m_db.write([&](db::Connection& conn) {
            return conn.query(sql::session_touch, {detail::iso(now), s.session_id});
        }));
        s.last_seen_at = now;
    }
    return std::optional<Session>(std::move(s));
}

core::Result<void> AccountService::logout(std::string_view token, const RequestInfo& request) {
    if (!is_token_shaped(token)) return {};
    const std::string token_hash = hash_token(token);
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto rows, conn.query(sql::session_by_hash, {token_hash}));
        if (rows.empty()) return {};
        const User user = detail::user_from_row(rows.first(), 5);
        BB_TRY(conn.query(sql::session_delete, {rows.first().int64(0)}));
        return detail::audit_user_event(m_audit, conn, user.actor(request.client_ip, request.request_id),
                                        "logout", user.id);
    });
}

core::Result<std::int64_t> AccountService::end_sessions(std::int64_t user_id, const core::Actor& actor) {
    if (actor.user_id != user_id || actor.via_api_token)
        BB_TRY(require_admin(actor, "sessions_end", std::to_string(user_id)));
    return m_db.write([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto exists, conn.query(sql::user_by_id, {user_id}));
        if (exists.empty()) return core::Error::not_found("Brugeren findes ikke.");
        BB_ASSIGN(auto ended, conn.query(sql::sessions_delete_user, {user_id}));
        BB_TRY(detail::audit_user_event(m_audit, conn, actor, "sessions_ended", user_id,
                                        "count=" + std::to_string(ended.affected)));
        return ended.affected;
    });
}

core::Result<std::int64_t> AccountService::purge_expired() {
    const core::UnixSeconds now = m_clock.now();
    const auto& t = m_settings.throttle;
    const core::UnixSeconds attempts_kept = std::max(t.account_memory, t.ip_window);
    return m_db.write([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto sessions, conn.query(sql::sessions_delete_expired,
                                            {detail::iso(now), detail::iso(now - m_settings.idle_timeout)}));
        BB_ASSIGN(auto attempts, conn.query(sql::attempts_delete_old, {detail::iso(now - attempts_kept)}));
        return sessions.affected + attempts.affected;
    });
}

// ---- the user's own password -------------------------------------------------------------

core::Result<void> AccountService::reauthenticate(std::int64_t user_id, std::string_view password,
                                                  const RequestInfo& request) {
    BB_ASSIGN(auto found, m_db.read([&](db::Connection& conn) {
        return load_credentials(conn, sql::user_credentials_by_id, user_id);
    }));
    if (!found || found->user.disabled) return bad_login();
    const std::string key = core::to_lower_ascii(found->user.username);
    BB_ASSIGN(core::UnixSeconds wait, throttle_wait(key, ""));
    if (wait > 0) return throttled(wait);
    if (verify_gated(found->hash, password)) return {};
    const core::UnixSeconds now = m_clock.now();
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_TRY(record_attempt(conn, "user", key, now, false, m_settings.throttle.account_memory));
        return detail::audit_user_event(m_audit, conn,
                                        found->user.actor(request.client_ip, request.request_id),
                                        "reauth_failed", user_id, "", audit::k_outcome_failed);
    }));
    return bad_login();
}

core::Result<void> AccountService::change_own_password(std::int64_t user_id, std::string_view current,
                                                       std::string_view new_password,
                                                       std::string_view keep_session_token,
                                                       const RequestInfo& request) {
    if (auto checked = reauthenticate(user_id, current, request); !checked.ok()) {
        if (checked.error().code != core::ErrorCode::Unauthorized) return checked.take_error();
        return core::Error::validation("current_password", "Den nuværende adgangskode er forkert.");
    }
    BB_ASSIGN(User user, get_user(user_id));
    if (auto problem = password_problem(new_password, user.username))
        return core::Error::validation("new_password", *problem);
    if (current == new_password)
        return core::Error::validation("new_password",
                                       "Den nye adgangskode skal være en anden end den nuværende.");
    BB_ASSIGN(std::string hash, hash_gated(new_password));
    const std::string now = detail::iso(m_clock.now());
    const std::string keep_hash = keep_session_token.empty() ? std::string() : hash_token(keep_session_token);
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_TRY(conn.query(sql::user_set_password, {hash, std::int64_t{0}, now, now, user_id}));
        BB_ASSIGN(auto ended, keep_hash.empty()
                                  ? conn.query(sql::sessions_delete_user, {user_id})
                                  : conn.query(sql::sessions_delete_user_except, {user_id, keep_hash}));
        return detail::audit_user_event(m_audit, conn, user.actor(request.client_ip, request.request_id),
                                        "password_changed", user_id,
                                        "other_sessions_ended=" + std::to_string(ended.affected));
    });
}

}  // namespace accounts
