#pragma once
/// Password policy, argon2id hashing and random tokens (AU-02, SE-01), all through libsodium.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace accounts {

/// argon2id cost parameters (libsodium's opslimit/memlimit).
struct HashParams {
    unsigned long long opslimit = 0;
    std::size_t memlimit = 0;

    /// The production default: 3 passes over 128 MiB, measured at 0.22–0.25 s per hash on the
    /// 2-core build machine (libsodium's MODERATE, 3 × 256 MiB, took 0.42 s there). Stronger
    /// than INTERACTIVE and well above OWASP's argon2id minimum (19 MiB, 2 passes).
    static HashParams standard();
    /// libsodium's INTERACTIVE (2 passes, 64 MiB): the lowest allowed outside tests.
    static HashParams interactive();
    /// libsodium's minimum (1 pass, 8 KiB): for tests only, never for stored passwords.
    static HashParams minimum_for_tests();
    friend bool operator==(const HashParams&, const HashParams&) = default;
};

/// Policy bounds. ASVS asks for at least 8 (15 recommended) and allowing 64 or more.
inline constexpr std::size_t k_min_password_length = 12;
inline constexpr std::size_t k_max_password_length = 128;

/// Checks a new password against the policy and returns the Danish message for the first
/// problem, or nullopt when it is acceptable: valid UTF-8, 12–128 characters (code points),
/// not containing the user name (case-insensitively), and not on the embedded list of common
/// passwords (compared lower-cased). No composition rules.
std::optional<std::string> password_problem(std::string_view password, std::string_view username);

/// True when `password` (lower-cased) is on the embedded common-password list.
bool is_common_password(std::string_view password);
/// Number of entries in the embedded common-password list.
std::size_t common_password_count();

/// Hashes with argon2id and a random salt; returns libsodium's "$argon2id$v=19$m=…" string.
/// Internal error only when the memory for the hash cannot be allocated.
core::Result<std::string> hash_password(std::string_view password, const HashParams& params);

/// True when `password` matches the stored argon2id string. False for a wrong password and
/// for a malformed or foreign hash string.
bool verify_password(std::string_view stored_hash, std::string_view password);

/// True when `stored_hash` was made with other parameters than `params` (or is not an
/// argon2id string), so it should be replaced after the next successful login.
bool needs_rehash(std::string_view stored_hash, const HashParams& params);

/// 32 bytes from the CSPRNG as unpadded base64url (43 characters, 256 bits).
std::string random_token();

/// True when `token` looks like random_token() output (43 base64url characters). Lets
/// callers refuse junk without touching storage.
bool is_token_shaped(std::string_view token);

/// BLAKE2b-256 of the token as 64 lower-case hex digits: what storage keeps instead of a
/// session token or API secret.
std::string hash_token(std::string_view token);

/// Compares two strings in time independent of where they differ (lengths may leak).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace accounts
