#pragma once
/// Client address and scheme behind trusted reverse proxies (HT-04): trusted-proxy CIDR lists
/// and the X-Forwarded-For / X-Forwarded-Proto walk. Plain std types only; addresses parse
/// and print exactly as Boost.Asio's ip::address does on POSIX (inet_pton/inet_ntop, IPv6
/// zone ids), so the result does not depend on which side of the Beast boundary built them.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace web {

/// An IPv4 or IPv6 address. Values made by the functions below never hold an IPv4-mapped
/// IPv6 address: those become IPv4 (and lose their zone id).
struct IpAddress {
    bool v4 = true;
    std::array<unsigned char, 16> bytes{};  ///< network order; IPv4 uses the first 4
    std::uint32_t scope_id = 0;             ///< IPv6 zone id, 0 = none
};

/// An IPv4 address from its 4 bytes (network order).
IpAddress make_ipv4(const std::array<unsigned char, 4>& bytes);
/// An IPv6 address; IPv4-mapped ones (::ffff:a.b.c.d) come back as IPv4.
IpAddress make_ipv6(const std::array<unsigned char, 16>& bytes, std::uint32_t scope_id = 0);
/// Parses like asio::ip::make_address (IPv6 with optional "%zone" first, then dotted IPv4),
/// then maps IPv4-mapped IPv6 to IPv4. nullopt for anything else, including ports, brackets
/// and embedded NULs beyond the first.
std::optional<IpAddress> parse_ip(std::string_view text);
/// Canonical text, as asio::ip::address::to_string: "10.0.0.1", "2001:db8::1", "fe80::1%2".
std::string to_string(const IpAddress& address);

/// An address block: `prefix` leading bits of `address` (0..32 for IPv4, 0..128 for IPv6).
struct Network {
    IpAddress address;
    unsigned prefix = 0;
};

/// True when `address` is of the same family and its first `prefix` bits match. Zone ids are
/// ignored.
bool contains(const Network& network, const IpAddress& address);

/// Parses trusted-proxy entries: "10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8" (SP/HTAB around
/// an entry are ignored; a bare address is a full-length prefix). Throws std::runtime_error
/// naming the entry on anything else (bad address, non-digit/too long/too large prefix).
std::vector<Network> parse_networks(const std::vector<std::string>& entries);

/// True when some network in `trusted` contains `address`.
bool is_trusted(const std::vector<Network>& trusted, const IpAddress& address);

/// Parses one X-Forwarded-For element: "1.2.3.4", "1.2.3.4:5678", "::1", "[::1]:80", with
/// optional SP/HTAB around it. nullopt when empty, longer than 64 bytes or not an address.
std::optional<IpAddress> parse_forwarded_address(std::string_view element);

/// The client address for a request from `peer` (already known to be a trusted proxy) whose
/// X-Forwarded-For values, joined with ',', are `list`: the rightmost hop that is not in
/// `trusted`. The walk from the right stops at the first element that is not an address and
/// then uses the last good hop; `peer` when the rightmost element is already unusable. When
/// every hop is trusted, the leftmost one.
std::string forwarded_client(const IpAddress& peer, std::string_view list,
                             const std::vector<Network>& trusted);

/// Whether an X-Forwarded-Proto value (from a trusted proxy) says HTTPS: its last
/// comma-separated element, trimmed, equals "https" case-insensitively.
bool forwarded_secure(std::string_view proto);

struct ClientOrigin {
    std::string ip;       ///< as forwarded_client
    bool secure = false;  ///< as forwarded_secure
};
/// Client address and scheme for a request from the trusted proxy `peer` with these headers
/// (names lower-case): forwarded_client over every X-Forwarded-For value joined with ','
/// (empty values add no separator while nothing has been collected yet), and forwarded_secure
/// of the last X-Forwarded-Proto field, even if that one is empty.
ClientOrigin forwarded_origin(const IpAddress& peer,
                              const std::vector<std::pair<std::string, std::string>>& headers,
                              const std::vector<Network>& trusted);

}  // namespace web
