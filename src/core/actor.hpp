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
    std::int64_t user_id = 0;   ///< 0 for the system (CLI, jobs)
    std::string username;       ///< "system" for the CLI and jobs
    Role role = Role::Admin;
    std::optional<std::int64_t> enterprise_id;  ///< set for Role::Enterprise
    std::string client_ip;
    std::string request_id;
    bool via_api_token = false;

    static Actor system(std::string what = "system") {
        Actor a;
        a.username = std::move(what);
        return a;
    }
};

}  // namespace core
