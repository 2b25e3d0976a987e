#include "accounts/throttle.hpp"

#include <arpa/inet.h>

#include <algorithm>

#include "core/text.hpp"

namespace accounts {

core::UnixSeconds account_wait(const std::vector<Attempt>& attempts, core::UnixSeconds now,
                               const ThrottleSettings& settings) {
    int failures = 0;
    core::UnixSeconds newest_failure = 0;
    for (const Attempt& a : attempts) {
        if (a.success) break;
        if (a.at < now - settings.account_memory) break;
        if (failures == 0) newest_failure = a.at;
        ++failures;
    }
    if (failures < settings.account_max_failures) return 0;
    core::UnixSeconds cooldown = settings.account_base_cooldown;
    for (int extra = failures - settings.account_max_failures;
         extra > 0 && cooldown < settings.account_max_cooldown; --extra)
        cooldown *= 2;
    cooldown = std::min(cooldown, settings.account_max_cooldown);
    return std::max<core::UnixSeconds>(0, newest_failure + cooldown - now);
}

core::UnixSeconds ip_wait(const std::vector<core::UnixSeconds>& failures, core::UnixSeconds now,
                          const ThrottleSettings& settings) {
    if (settings.ip_max_failures <= 0) return 0;
    const auto limit = static_cast<std::size_t>(settings.ip_max_failures);
    std::size_t in_window = 0;
    for (core::UnixSeconds at : failures)
        if (at > now - settings.ip_window) ++in_window;
    if (in_window < limit) return 0;
    // The address may try again once fewer than `limit` failures remain in the window, i.e.
    // when the limit-th newest one leaves it.
    return std::max<core::UnixSeconds>(0, failures[limit - 1] + settings.ip_window - now);
}

std::string ip_throttle_key(std::string_view client_ip) {
    std::string ip(core::trim(client_ip));
    in6_addr v6{};
    if (ip.find(':') != std::string::npos && inet_pton(AF_INET6, ip.c_str(), &v6) == 1) {
        const bool mapped_v4 =
            std::all_of(v6.s6_addr, v6.s6_addr + 10, [](unsigned char b) { return b == 0; }) &&
            v6.s6_addr[10] == 0xFF && v6.s6_addr[11] == 0xFF;
        char text[INET6_ADDRSTRLEN];
        if (mapped_v4) {
            in_addr v4{};
            std::copy(v6.s6_addr + 12, v6.s6_addr + 16, reinterpret_cast<unsigned char*>(&v4));
            if (inet_ntop(AF_INET, &v4, text, sizeof text)) return text;
        }
        std::fill(v6.s6_addr + 8, v6.s6_addr + 16, 0);
        if (inet_ntop(AF_INET6, &v6, text, sizeof text)) return std::string(text) + "/64";
    }
    in_addr v4{};
    if (inet_pton(AF_INET, ip.c_str(), &v4) == 1) {
        char text[INET_ADDRSTRLEN];
        if (inet_ntop(AF_INET, &v4, text, sizeof text)) return text;
    }
    std::string safe = core::log_safe(ip);
    if (safe.size() > 64) safe.resize(64);
    return safe;
}

std::string throttle_message(core::UnixSeconds wait_seconds) {
    const core::UnixSeconds minutes = std::max<core::UnixSeconds>(1, (wait_seconds + 59) / 60);
    return "For mange mislykkede forsøg. Prøv igen om " + std::to_string(minutes) +
           (minutes == 1 ? " minut." : " minutter.");
}

}  // namespace accounts
