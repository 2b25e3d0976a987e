#pragma once
/// Local accounts, login with throttling, server-side sessions and API tokens (AU-02…AU-04,
/// SE-01, SE-03, AC-09, AC-10). Every security event is written to the audit log in the same
/// transaction as the change; if the audit row cannot be written, the change does not happen.
/// There are no default accounts: users come from `brobygger user add` or demo data (AU-04).
/// Thread-safe: one instance serves all requests.
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "accounts/model.hpp"
#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace accounts {

class AccountService {
public:
    AccountService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                   AccountSettings settings = {});
    ~AccountService();
    AccountService(const AccountService&) = delete;
    AccountService& operator=(const AccountService&) = delete;

    // ---- users (administration needs an administrator actor that is not an API token) ----

    /// Creates a user. Validation (field-named Danish messages) for the user name, display
    /// name, role/enterprise pairing and password policy; Conflict "Brugernavnet er allerede
    /// i brug." for a taken name (case-insensitive); Forbidden for non-administrators.
    core::Result<User> create_user(const NewUser& user, const core::Actor& actor);
    /// All users ordered by user name. The caller checks who may see the list.
    core::Result<std::vector<User>> list_users();
    /// NotFound when there is no such user.
    core::Result<User> get_user(std::int64_t id);
    /// By user name, case-insensitively (for the CLI). NotFound when absent.
    core::Result<User> find_user(std::string_view username);
    /// Number of users, disabled included (0 on a fresh installation).
    core::Result<std::int64_t> count_users();
    /// Enabled users per role, every role listed (for dashboards).
    core::Result<std::vector<RoleCount>> count_users_by_role();

    /// Disables (ending all the user's sessions at once, AC-10) or re-enables a user. API
    /// tokens the user made stay valid. Conflict when it would leave no enabled administrator.
    core::Result<void> set_disabled(std::int64_t id, bool disabled, const core::Actor& actor);
    /// Sets a user's role and enterprise and ends their sessions (privilege change). Same
    /// validation as create_user; Conflict when it would leave no enabled administrator.
    core::Result<User> set_role(std::int64_t id, core::Role role, std::optional<std::int64_t> enterprise_id,
                                const core::Actor& actor);
    /// Administrator or CLI sets a password (policy-checked) and ends all the user's sessions.
    core::Result<void> set_password(std::int64_t id, std::string_view password, const core::Actor& actor,
                                    PasswordKind kind = PasswordKind::Permanent);
    /// The user changes their own password: `current` must match (Validation on field
    /// "current_password" otherwise; attempts count towards the account's throttle), the new
    /// one must pass the policy and differ. Ends every other session of the user, keeping the
    /// one whose token is `keep_session_token` (may be empty).
    core::Result<void> change_own_password(std::int64_t user_id, std::string_view current,
                                           std::string_view new_password, std::string_view keep_session_token,
                                           const RequestInfo& request = {});
    /// Re-authentication before sensitive actions (AC-09): Unauthorized when the password is
    /// wrong or the user is disabled, TooManyRequests while the account is throttled. Failures
    /// count towards the account's throttle and are audited ("reauth_failed").
    core::Result<void> reauthenticate(std::int64_t user_id, std::string_view password,
                                      const RequestInfo& request = {});

    // ---- login and sessions ----

    /// Checks the credentials and opens a new session with a fresh token (never reuses one,
    /// SE-01). Unknown user, wrong password and disabled user all give Unauthorized "Forkert
    /// brugernavn eller adgangskode." in about the same time; TooManyRequests "For mange
    /// mislykkede forsøg. Prøv igen om N minutter." while the account or address is throttled.
    core::Result<LoginResult> login(std::string_view username, std::string_view password,
                                    std::string_view client_ip, std::string_view user_agent,
                                    std::string_view request_id = {});
    /// The live session for a cookie token; nullopt when unknown, idle or past its absolute
    /// lifetime (then deleted) or when the user is disabled. Refreshes last_seen_at at most
    /// once per `touch_interval`. Errors only when storage fails.
    core::Result<std::optional<Session>> resolve_session(std::string_view token);
    /// Deletes the session (unknown tokens are fine: logging out twice succeeds).
    core::Result<void> logout(std::string_view token, const RequestInfo& request = {});
    /// Ends all sessions of a user; the actor is an administrator or the user. Returns how many.
    core::Result<std::int64_t> end_sessions(std::int64_t user_id, const core::Actor& actor);
    /// Housekeeping for a periodic job: deletes expired sessions and login attempts too old to
    /// count. Returns the rows deleted.
    core::Result<std::int64_t> purge_expired();

    // ---- API tokens (administrators only) ----

    /// Makes a token and returns its secret, the only time it is available. Validation for an
    /// empty/overlong name or a role/enterprise mismatch.
    core::Result<CreatedApiToken> create_api_token(std::string_view name, core::Role role,
                                                   std::optional<std::int64_t> enterprise_id,
                                                   const core::Actor& actor);
    /// All tokens, revoked ones included, newest first; never the secrets.
    core::Result<std::vector<ApiTokenInfo>> list_api_tokens();
    /// Revokes a token at once. NotFound for an unknown id; revoking twice succeeds.
    core::Result<void> revoke_api_token(std::int64_t id, const core::Actor& actor);
    /// The principal for a secret; nullopt when malformed, unknown or revoked. Updates
    /// last_used_at at most once per `touch_interval`.
    core::Result<std::optional<ApiPrincipal>> resolve_api_token(std::string_view secret);

    [[nodiscard]] const AccountSettings& settings() const { return m_settings; }

private:
    class HashGate;

    core::Result<void> require_admin(const core::Actor& actor, std::string_view action,
                                     std::string_view object_id);
    core::Result<std::string> hash_gated(std::string_view password);
    bool verify_gated(std::string_view stored_hash, std::string_view password);
    const std::string& dummy_hash();
    core::Result<core::UnixSeconds> throttle_wait(std::string_view user_key, std::string_view ip_key);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    AccountSettings m_settings;
    std::unique_ptr<HashGate> m_gate;
};

}  // namespace accounts
