#pragma once
/// Who is acting: passed from the HTTP layer (or the CLI) into services, which use it for
/// record-level access checks and audit rows. Plain data; no web types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace core {

enum class Role { Admin, Consultant, Caseworker, Enterprise, Buyer };

/// Stable code used in storage, JSON and the access matrix ("admin", "consultant", …).
std::string_view role_code(Role role);
/// Danish label for the UI ("Administrator", "Socialøkonomisk konsulent", …).
std::string_view role_label(Role role);
std::optional<Role> parse_role(std::string_view code);
inline constexpr Role k_all_roles[] = {Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise,
                                       Role::Buyer};

struct Actor {
    std::int64_t user_id = 0;  ///< 0 for the system (CLI, jobs)
    std::string username;      ///< "system" for the CLI and jobs
    Role role = Role::Admin;
    std::optional<std::int64_t> enterprise_id;  ///< set for Role::Enterprise
    std::string client_ip;
    std::string request_id;
    bool via_api_token = false;

    [[nodiscard]] bool is_admin() const { return role == Role::Admin; }
    /// The municipality's network staff: administrators and consultants (they manage the
    /// registry, the network, the catalogue and the report).
    [[nodiscard]] bool is_staff() const { return role == Role::Admin || role == Role::Consultant; }
    /// Case work on citizens: administrators and caseworkers.
    [[nodiscard]] bool is_casework() const { return role == Role::Admin || role == Role::Caseworker; }
    /// Anyone on the municipality's side: administrators, consultants and caseworkers.
    [[nodiscard]] bool is_municipal() const { return is_staff() || role == Role::Caseworker; }

    /// How the actor is named as author of a record or an audit row: the user id, or nullopt
    /// for the system (CLI, jobs) and anyone without an account.
    [[nodiscard]] std::optional<std::int64_t> user_ref() const {
        return user_id > 0 ? std::optional<std::int64_t>(user_id) : std::nullopt;
    }

    static Actor system(std::string what = "system") {
        Actor a;
        a.username = std::move(what);
        return a;
    }
};

}  // namespace core
