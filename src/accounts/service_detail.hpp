#pragma once
/// Internal to the accounts library: embedded SQL, row mapping, validation and audit helpers
/// shared by the AccountService source files.
#include <condition_variable>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "db/database.hpp"

namespace accounts {

/// Limits the number of argon2id computations running at once (each needs `memlimit` bytes).
class AccountService::HashGate {
public:
    explicit HashGate(int slots) : m_free(slots < 1 ? 1 : slots) {}
    void enter() {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_free > 0; });
        --m_free;
    }
    void leave() {
        {
            std::lock_guard lock(m_mutex);
            ++m_free;
        }
        m_cv.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_free;
};

namespace detail {

/// Maps columns [first, first + 10) in the order id, username, display_name, role,
/// enterprise_id, disabled, must_change_password, created_at, updated_at, password_changed_at.
User user_from_row(const db::Row& row, std::size_t first = 0);

std::string iso(core::UnixSeconds t);
core::UnixSeconds parse_time(const std::string& text);
std::optional<core::UnixSeconds> parse_opt_time(const std::optional<std::string>& text);
db::Value opt_value(std::optional<std::int64_t> v);
/// Role code from storage; unknown codes (never written by this code) map to Buyer, the
/// least privileged role.
core::Role role_from_code(const std::string& code);

/// Checks the role/enterprise pairing into `v` (field "enterprise_id").
void check_enterprise(core::Validator& v, core::Role role, const std::optional<std::int64_t>& enterprise_id);

/// Writes an audit row for a user-account event (object type "user").
core::Result<void> audit_user_event(const audit::AuditLog& log, db::Connection& conn,
                                    const core::Actor& actor, std::string_view action, std::int64_t user_id,
                                    std::string criteria = {},
                                    std::string_view outcome = audit::k_outcome_ok);

/// Conflict when no enabled administrator other than `user_id` exists.
core::Result<void> keep_one_admin(db::Connection& conn, std::int64_t user_id);

inline constexpr std::string_view k_bad_login = "Forkert brugernavn eller adgangskode.";

}  // namespace detail
}  // namespace accounts
