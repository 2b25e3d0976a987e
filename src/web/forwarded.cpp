#include "web/forwarded.hpp"

#include <arpa/inet.h>
#include <net/if.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "web/ascii.hpp"

namespace web {

namespace {

// asio::detail::max_addr_v6_str_len on POSIX: longest text before a '%' zone separator.
constexpr std::size_t k_max_v6_text = INET6_ADDRSTRLEN + 1 + IF_NAMESIZE;

bool is_link_local_or_multicast_link_local(const std::array<unsigned char, 16>& b) {
    return (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || (b[0] == 0xff && (b[1] & 0x0f) == 0x02);
}

/// asio::ip::make_address_v6(const char*): inet_pton on the text before '%', then the zone.
std::optional<IpAddress> parse_v6(const char* src) {
    const char* zone = std::strchr(src, '%');
    char buf[k_max_v6_text + 1];
    const char* text = src;
    if (zone != nullptr) {
        if (static_cast<std::size_t>(zone - src) > k_max_v6_text) return std::nullopt;
        std::memcpy(buf, src, static_cast<std::size_t>(zone - src));
        buf[zone - src] = 0;
        text = buf;
    }
    std::array<unsigned char, 16> bytes{};
    if (::inet_pton(AF_INET6, text, bytes.data()) <= 0) return std::nullopt;
    unsigned long scope = 0;
    if (zone != nullptr) {
        if (is_link_local_or_multicast_link_local(bytes)) scope = ::if_nametoindex(zone + 1);
        if (scope == 0) scope = static_cast<unsigned long>(std::atoi(zone + 1));
    }
    IpAddress a;
    a.v4 = false;
    a.bytes = bytes;
    a.scope_id = static_cast<std::uint32_t>(scope);
    return a;
}

IpAddress normalize(IpAddress a) {
    if (a.v4) return a;
    static constexpr unsigned char k_mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (!std::equal(std::begin(k_mapped), std::end(k_mapped), a.bytes.begin())) return a;
    return make_ipv4({a.bytes[12], a.bytes[13], a.bytes[14], a.bytes[15]});
}

}  // namespace

IpAddress make_ipv4(const std::array<unsigned char, 4>& bytes) {
    IpAddress a;
    std::copy(bytes.begin(), bytes.end(), a.bytes.begin());
    return a;
}

IpAddress make_ipv6(const std::array<unsigned char, 16>& bytes, std::uint32_t scope_id) {
    IpAddress a;
    a.v4 = false;
    a.bytes = bytes;
    a.scope_id = scope_id;
    return normalize(a);
}

std::optional<IpAddress> parse_ip(std::string_view text) {
    const std::string s(text);  // as asio: the C string ends at the first NUL
    if (auto v6 = parse_v6(s.c_str())) return normalize(*v6);
    std::array<unsigned char, 4> v4{};
    if (::inet_pton(AF_INET, s.c_str(), v4.data()) <= 0) return std::nullopt;
    return make_ipv4(v4);
}

std::string to_string(const IpAddress& a) {
    char buf[k_max_v6_text + 1] = {};
    if (a.v4) {
        if (::inet_ntop(AF_INET, a.bytes.data(), buf, sizeof buf) == nullptr) return {};
        return buf;
    }
    if (::inet_ntop(AF_INET6, a.bytes.data(), buf, sizeof buf) == nullptr) return {};
    std::string out = buf;
    if (a.scope_id != 0) {
        char zone[(IF_NAMESIZE > 21 ? IF_NAMESIZE : 21) + 1] = {};
        if (!is_link_local_or_multicast_link_local(a.bytes) || ::if_indextoname(a.scope_id, zone) == nullptr)
            std::snprintf(zone, sizeof zone, "%lu", static_cast<unsigned long>(a.scope_id));
        out += '%';
        out += zone;
    }
    return out;
}

bool contains(const Network& n, const IpAddress& a) {
    if (n.address.v4 != a.v4) return false;
    unsigned bits = n.prefix;
    const std::size_t size = a.v4 ? 4 : 16;
    for (std::size_t i = 0; i < size && bits > 0; ++i) {
        const unsigned take = std::min(bits, 8u);
        const auto mask = static_cast<unsigned char>(0xff << (8 - take));
        if ((a.bytes[i] & mask) != (n.address.bytes[i] & mask)) return false;
        bits -= take;
    }
    return true;
}

std::vector<Network> parse_networks(const std::vector<std::string>& entries) {
    std::vector<Network> out;
    for (const auto& entry : entries) {
        const std::string_view text = ascii::trim(entry);
        std::string_view addr_text = text;
        std::optional<unsigned> prefix;
        if (auto slash = text.find('/'); slash != std::string_view::npos) {
            addr_text = text.substr(0, slash);
            const auto digits = text.substr(slash + 1);
            if (digits.size() > 3 || !ascii::all_digits(digits))
                throw std::runtime_error("invalid trusted proxy: " + entry);
            prefix = static_cast<unsigned>(std::stoul(std::string(digits)));
        }
        const auto address = parse_ip(addr_text);
        if (!address) throw std::runtime_error("invalid trusted proxy: " + entry);
        const unsigned max_prefix = address->v4 ? 32 : 128;
        if (prefix && *prefix > max_prefix) throw std::runtime_error("invalid trusted proxy: " + entry);
        out.push_back({*address, prefix.value_or(max_prefix)});
    }
    return out;
}

bool is_trusted(const std::vector<Network>& trusted, const IpAddress& address) {
    return std::any_of(trusted.begin(), trusted.end(),
                       [&](const Network& n) { return contains(n, address); });
}

std::optional<IpAddress> parse_forwarded_address(std::string_view s) {
    s = ascii::trim(s);
    if (s.empty() || s.size() > 64) return std::nullopt;
    if (s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos) return std::nullopt;
        s = s.substr(1, close - 1);
    } else if (std::count(s.begin(), s.end(), ':') == 1) {
        s = s.substr(0, s.find(':'));  // IPv4 with a port
    }
    return parse_ip(s);
}

std::string forwarded_client(const IpAddress& peer, std::string_view list,
                             const std::vector<Network>& trusted) {
    IpAddress client = peer;
    std::size_t end = list.size();
    for (;;) {
        const auto comma = end == 0 ? std::string_view::npos : list.rfind(',', end - 1);
        const std::size_t begin = comma == std::string_view::npos ? 0 : comma + 1;
        auto parsed = parse_forwarded_address(list.substr(begin, end - begin));
        if (!parsed) break;
        client = *parsed;
        if (!is_trusted(trusted, client) || comma == std::string_view::npos) break;
        end = comma;
    }
    return to_string(client);
}

bool forwarded_secure(std::string_view proto) {
    if (proto.empty()) return false;
    const auto comma = proto.rfind(',');
    const auto last = proto.substr(comma == std::string_view::npos ? 0 : comma + 1);
    return ascii::iequals(ascii::trim(last), "https");
}

ClientOrigin forwarded_origin(const IpAddress& peer,
                              const std::vector<std::pair<std::string, std::string>>& headers,
                              const std::vector<Network>& trusted) {
    std::string forwarded_for;
    std::string_view forwarded_proto;
    for (const auto& [name, value] : headers) {
        if (name == "x-forwarded-for") {
            if (!forwarded_for.empty()) forwarded_for += ',';
            forwarded_for += value;
        } else if (name == "x-forwarded-proto") {
            forwarded_proto = value;
        }
    }
    return {forwarded_client(peer, forwarded_for, trusted), forwarded_secure(forwarded_proto)};
}

}  // namespace web
