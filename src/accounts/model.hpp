#pragma once
/// Plain data for accounts, sessions and API tokens. No hashes or secrets leave the service
/// except the raw session token and API secret at the moment they are made.
#include <cstdint>
#include <optional>
#include <string>

#include "accounts/passwords.hpp"
#include "accounts/throttle.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"

namespace accounts {

struct User {
    std::int64_t id = 0;
    std::string username;  ///< as entered; unique case-insensitively
    std::string display_name;
    core::Role role = core::Role::Buyer;
    std::optional<std::int64_t> enterprise_id;  ///< set exactly for Role::Enterprise
    bool disabled = false;
    bool must_change_password = false;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    core::UnixSeconds password_changed_at = 0;

    /// The actor for services acting on this user's behalf.
    [[nodiscard]] core::Actor actor(std::string client_ip = {}, std::string request_id = {}) const;
};

struct NewUser {
    std::string username;      ///< 3–64 of a–z A–Z 0–9 . _ - @
    std::string display_name;  ///< 1–120 characters
    core::Role role = core::Role::Buyer;
    std::optional<std::int64_t> enterprise_id;
    std::string password;
    bool must_change_password = false;  ///< e.g. a first password handed over by an administrator
};

/// Where a request came from, for audit rows of events without an authenticated actor yet.
struct RequestInfo {
    std::string client_ip;
    std::string request_id;
};

/// Whether a password set by an administrator is temporary (the user must change it).
enum class PasswordKind { Permanent, Temporary };

/// An authenticated browser session.
struct Session {
    std::int64_t session_id = 0;
    std::string csrf_token;  ///< the synchroniser token for this session's forms
    User user;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds last_seen_at = 0;
    core::UnixSeconds expires_at = 0;  ///< absolute end; the idle limit may end it sooner
};

struct LoginResult {
    std::string token;  ///< raw session token for the cookie; stored only as a hash
    std::string csrf_token;
    User user;
    core::UnixSeconds expires_at = 0;
};

struct ApiTokenInfo {
    std::int64_t id = 0;
    std::string name;
    std::string prefix;  ///< the secret's first characters, to recognise it
    core::Role role = core::Role::Buyer;
    std::optional<std::int64_t> enterprise_id;
    std::optional<std::int64_t> created_by;  ///< empty when made by the system
    core::UnixSeconds created_at = 0;
    std::optional<core::UnixSeconds> last_used_at;
    std::optional<core::UnixSeconds> revoked_at;
};

struct CreatedApiToken {
    std::int64_t id = 0;
    std::string secret;  ///< "bb_" + 43 random characters; shown once, stored only as a hash
};

/// Who a valid API secret speaks for.
struct ApiPrincipal {
    std::int64_t token_id = 0;
    std::string name;
    core::Role role = core::Role::Buyer;
    std::optional<std::int64_t> enterprise_id;

    /// Actor with user_id 0, username "api:<name>", via_api_token set.
    [[nodiscard]] core::Actor actor(std::string client_ip = {}, std::string request_id = {}) const;
};

struct RoleCount {
    core::Role role = core::Role::Buyer;
    std::int64_t users = 0;  ///< enabled users with the role
};

struct AccountSettings {
    core::UnixSeconds idle_timeout = 30 * 60;
    core::UnixSeconds absolute_timeout = 12 * 60 * 60;
    /// last_seen_at (and an API token's last_used_at) is written at most this often.
    core::UnixSeconds touch_interval = 60;
    ThrottleSettings throttle;
    HashParams hash = HashParams::standard();
    /// argon2id hashes computed at once (each takes `hash.memlimit` bytes); others wait.
    int max_concurrent_hashes = 2;
};

}  // namespace accounts
