#include "core/actor.hpp"

namespace core {

std::string_view role_code(Role role) {
    switch (role) {
        case Role::Admin:
            return "admin";
        case Role::Consultant:
            return "consultant";
        case Role::Caseworker:
            return "caseworker";
        case Role::Enterprise:
            return "enterprise";
        case Role::Buyer:
            return "buyer";
    }
    return "admin";
}

std::string_view role_label(Role role) {
    switch (role) {
        case Role::Admin:
            return "Administrator";
        case Role::Consultant:
            return "Socialøkonomisk konsulent";
        case Role::Caseworker:
            return "Sagsbehandler";
        case Role::Enterprise:
            return "Virksomhedsbruger";
        case Role::Buyer:
            return "Indkøber";
    }
    return "";
}

std::optional<Role> parse_role(std::string_view code) {
    for (Role r : k_all_roles)
        if (role_code(r) == code) return r;
    return std::nullopt;
}

}  // namespace core
