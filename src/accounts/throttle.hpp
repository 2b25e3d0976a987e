#pragma once
/// Login throttling rules (AU-03), as pure functions over recorded attempts, so the policy can
/// be unit-tested without storage. Throttled attempts are not recorded as failures, so an
/// attacker cannot extend a lock-out by hammering a locked account.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace accounts {

struct ThrottleSettings {
    /// Consecutive failed logins of one account (no success in between, within
    /// `account_memory`) before it is locked.
    int account_max_failures = 5;
    /// The first lock lasts this long; each further failure doubles it, up to the maximum.
    core::UnixSeconds account_base_cooldown = 5 * 60;
    core::UnixSeconds account_max_cooldown = 60 * 60;
    /// Failures older than this no longer count.
    core::UnixSeconds account_memory = 24 * 60 * 60;
    /// Failed logins from one client address (an IPv6 /64) within `ip_window` before further
    /// attempts from it wait until the oldest of them leaves the window.
    int ip_max_failures = 20;
    core::UnixSeconds ip_window = 15 * 60;
};

struct Attempt {
    core::UnixSeconds at = 0;
    bool success = false;
};

/// Seconds until the account may try again (0: now). `attempts` are the account's recent
/// attempts, newest first (at least `account_max_failures + 16` of them, or all).
core::UnixSeconds account_wait(const std::vector<Attempt>& attempts, core::UnixSeconds now,
                               const ThrottleSettings& settings);

/// Seconds until the address may try again (0: now). `failures` are the times of its failed
/// attempts within the window, newest first (at least `ip_max_failures` of them, or all).
core::UnixSeconds ip_wait(const std::vector<core::UnixSeconds>& failures, core::UnixSeconds now,
                          const ThrottleSettings& settings);

/// The key an address is throttled under: IPv4 as is, IPv6 reduced to its /64 prefix (one
/// subscriber usually holds a whole /64), anything unparsable as given (log-safe, cut).
std::string ip_throttle_key(std::string_view client_ip);

/// "For mange mislykkede forsøg. Prøv igen om N minutter." with N rounded up (at least 1).
std::string throttle_message(core::UnixSeconds wait_seconds);

}  // namespace accounts
