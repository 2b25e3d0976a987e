#include "web/access_log.hpp"

#include <chrono>
#include <cstdint>
#include <random>

namespace web {

std::string make_request_id() {
    thread_local std::mt19937_64 rng{[] {
        std::random_device device;
        std::seed_seq seq{device(), device(), device(), device(),
                          static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count())};
        return std::mt19937_64(seq);
    }()};
    static constexpr char k_hex[] = "0123456789abcdef";
    std::uint64_t v = rng();
    std::string id(16, '0');
    for (int i = 15; i >= 0; --i, v >>= 4) id[static_cast<std::size_t>(i)] = k_hex[v & 0xf];
    return id;
}

std::string format_access_line(const AccessRecord& r) {
    std::string line = "access ip=";
    line += r.ip.empty() ? r.peer : r.ip;
    line += " method=";
    line += r.method;
    line += " path=";
    line += r.path;
    line += " status=";
    line += std::to_string(r.status);
    line += " bytes=";
    line += std::to_string(r.body_bytes);
    line += " ms=";
    line += std::to_string(r.ms);
    line += " request=";
    line += r.request_id.empty() ? std::string("-") : r.request_id;
    return line;
}

}  // namespace web
