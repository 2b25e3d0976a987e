#include "web/forwarded.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

web::IpAddress ip(const std::string& text) {
    auto a = web::parse_ip(text);
    EXPECT_TRUE(a) << text;
    return a.value_or(web::IpAddress{});
}

TEST(ParseIp, ParsesAndPrintsLikeAsio) {
    const std::pair<std::string, std::string> cases[] = {
        {"10.0.0.1", "10.0.0.1"},
        {"0.0.0.0", "0.0.0.0"},
        {"::1", "::1"},
        {"2001:DB8:0:0:0:0:0:1", "2001:db8::1"},
        {"::ffff:1.2.3.4", "1.2.3.4"},  // IPv4-mapped becomes IPv4
        {"::ffff:1.2.3.4%7", "1.2.3.4"},
        {"fd00::1%3", "fd00::1%3"},           // numeric zone kept
        {"2001:db8::1%eth0", "2001:db8::1"},  // non-numeric zone on a global address: none
    };
    for (const auto& [in, out] : cases) {
        SCOPED_TRACE(in);
        auto a = web::parse_ip(in);
        ASSERT_TRUE(a);
        EXPECT_EQ(web::to_string(*a), out);
    }
    EXPECT_TRUE(ip("10.0.0.1").v4);
    EXPECT_FALSE(ip("::1").v4);
    EXPECT_TRUE(ip("::ffff:10.0.0.1").v4);
}

TEST(ParseIp, RejectsGarbage) {
    for (const std::string bad : {"", " 10.0.0.1", "10.0.0.1 ", "10.0.0", "10.0.0.256", "1.2.3.4:80", "[::1]",
                                  "::1::2", "garbage", "localhost", "10.0.0.0/8", "%1"}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(web::parse_ip(bad));
    }
}

TEST(MakeIp, MapsV4MappedV6ToV4) {
    auto a = web::make_ipv6({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1}, 5);
    EXPECT_TRUE(a.v4);
    EXPECT_EQ(a.scope_id, 0u);
    EXPECT_EQ(web::to_string(a), "127.0.0.1");
    EXPECT_EQ(web::to_string(web::make_ipv4({192, 168, 1, 2})), "192.168.1.2");
    EXPECT_EQ(web::to_string(web::make_ipv6({0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0)),
              "fe80::1");
}

TEST(Networks, ParsesIpv4AndIpv6Cidrs) {
    const auto nets =
        web::parse_networks({"127.0.0.1", " 10.0.0.0/8\t", "::1", "fd00::/8", "0.0.0.0/0", "192.168.1.0/23"});
    ASSERT_EQ(nets.size(), 6u);
    EXPECT_EQ(nets[0].prefix, 32u);
    EXPECT_EQ(nets[1].prefix, 8u);
    EXPECT_EQ(nets[2].prefix, 128u);
    EXPECT_EQ(nets[3].prefix, 8u);
    struct Case {
        std::size_t net;
        const char* address;
        bool inside;
    };
    const Case cases[] = {
        {0, "127.0.0.1", true},     {0, "127.0.0.2", false},  {0, "::ffff:127.0.0.1", true},
        {1, "10.255.1.2", true},    {1, "11.0.0.1", false},   {1, "::a00:1", false},
        {2, "::1", true},           {2, "::2", false},        {2, "127.0.0.1", false},
        {3, "fd12:3456::1", true},  {3, "fe80::1", false},    {3, "10.0.0.1", false},
        {4, "8.8.8.8", true},       {4, "::", false},  // /0 matches its family only
        {5, "192.168.0.255", true}, {5, "192.168.1.1", true}, {5, "192.168.2.1", false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::to_string(c.net) + " " + c.address);
        EXPECT_EQ(web::contains(nets[c.net], ip(c.address)), c.inside);
    }
}

TEST(Networks, Ipv6PrefixesThatAreNotByteAligned) {
    const auto nets = web::parse_networks({"2001:db8::/33", "fe80::/10"});
    EXPECT_TRUE(web::contains(nets[0], ip("2001:db8:7fff::1")));
    EXPECT_FALSE(web::contains(nets[0], ip("2001:db8:8000::1")));
    EXPECT_TRUE(web::contains(nets[1], ip("febf::1")));
    EXPECT_FALSE(web::contains(nets[1], ip("fec0::1")));
}

TEST(Networks, InvalidEntriesThrow) {
    for (const std::string bad : {"not-an-ip", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1",
                                  "10.0.0.0/0x8", "10.0.0.0/0008", "10.0.0.0/8/8", "", "/8", "1.2.3.4:80"}) {
        SCOPED_TRACE(bad);
        EXPECT_THROW(web::parse_networks({bad}), std::runtime_error);
    }
    EXPECT_TRUE(web::parse_networks({}).empty());
}

TEST(ForwardedAddress, ParsesElements) {
    const std::pair<std::string, std::string> good[] = {
        {"1.2.3.4", "1.2.3.4"}, {" 1.2.3.4\t", "1.2.3.4"}, {"1.2.3.4:5678", "1.2.3.4"},
        {"::1", "::1"},         {"[::1]:80", "::1"},       {"[2001:db8::1]", "2001:db8::1"},
    };
    for (const auto& [in, out] : good) {
        SCOPED_TRACE(in);
        auto a = web::parse_forwarded_address(in);
        ASSERT_TRUE(a);
        EXPECT_EQ(web::to_string(*a), out);
    }
    const std::vector<std::string> bad_elements = {
        "", "  ", "garbage", "[::1", "unknown", "_hidden", "1.2.3.4:80:90x", std::string(65, '1')};
    for (const auto& bad : bad_elements) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(web::parse_forwarded_address(bad));
    }
}

// The same corpus as the raw-socket test ForwardedHeadersFromTrustedProxyAreHonoured, one level down.
TEST(ForwardedClient, WalksFromTheRightPastTrustedHops) {
    const auto trusted = web::parse_networks({"127.0.0.1", "10.0.0.0/8"});
    const auto peer = ip("127.0.0.1");
    const std::pair<std::string, std::string> cases[] = {
        {"1.2.3.4", "1.2.3.4"},
        {"9.9.9.9, 1.2.3.4", "1.2.3.4"},   // rightmost untrusted
        {"1.2.3.4, 10.1.2.3", "1.2.3.4"},  // trusted hop skipped
        {"1.2.3.4,10.0.0.1", "1.2.3.4"},
        {"1.2.3.4:5678", "1.2.3.4"},
        {"2001:db8::1", "2001:db8::1"},
        {"", "127.0.0.1"},  // empty
        {",,,", "127.0.0.1"},
        {"garbage", "127.0.0.1"},
        {"1.2.3.4, garbage", "127.0.0.1"},  // stop at garbage
        {"garbage, 1.2.3.4", "1.2.3.4"},
        {"garbage, 10.0.0.3", "10.0.0.3"},  // last good hop when the walk stops
        {"[::1", "127.0.0.1"},
        {",10.0.0.1", "10.0.0.1"},  // only trusted hops
        {"10.0.0.2, 10.0.0.1", "10.0.0.2"},
        {"1.2.3.4,", "127.0.0.1"},
        {std::string(3000, ','), "127.0.0.1"},
    };
    for (const auto& [list, expected] : cases) {
        SCOPED_TRACE(list.substr(0, 40));
        EXPECT_EQ(web::forwarded_client(peer, list, trusted), expected);
    }
}

TEST(ForwardedClient, NothingTrustedMeansTheRightmostHop) {
    EXPECT_EQ(web::forwarded_client(ip("192.0.2.1"), "1.1.1.1, 2.2.2.2", {}), "2.2.2.2");
    EXPECT_EQ(web::forwarded_client(ip("192.0.2.1"), "", {}), "192.0.2.1");
    EXPECT_EQ(web::forwarded_client(ip("::1"), "x", {}), "::1");
}

TEST(ForwardedSecure, LastElementDecides) {
    EXPECT_TRUE(web::forwarded_secure("https"));
    EXPECT_TRUE(web::forwarded_secure(" HTTPS "));
    EXPECT_TRUE(web::forwarded_secure("http, https"));
    EXPECT_FALSE(web::forwarded_secure("https, http"));
    EXPECT_FALSE(web::forwarded_secure("http"));
    EXPECT_FALSE(web::forwarded_secure(""));
    EXPECT_FALSE(web::forwarded_secure("https,"));
    EXPECT_FALSE(web::forwarded_secure("httpsx"));
}

TEST(ForwardedOrigin, JoinsForwardedForAndTakesTheLastProto) {
    const auto trusted = web::parse_networks({"127.0.0.1", "10.0.0.0/8"});
    const auto peer = ip("127.0.0.1");
    using Headers = std::vector<std::pair<std::string, std::string>>;
    auto o = web::forwarded_origin(
        peer,
        Headers{
            {"x-forwarded-for", "1.2.3.4"}, {"x-forwarded-for", "10.0.0.1"}, {"x-forwarded-proto", "https"}},
        trusted);
    EXPECT_EQ(o.ip, "1.2.3.4");
    EXPECT_TRUE(o.secure);
    // An empty first value adds no separator; a later empty proto overrides an earlier one.
    o = web::forwarded_origin(peer,
                              Headers{{"x-forwarded-for", ""},
                                      {"x-forwarded-for", "5.6.7.8"},
                                      {"x-forwarded-proto", "https"},
                                      {"x-forwarded-proto", ""}},
                              trusted);
    EXPECT_EQ(o.ip, "5.6.7.8");
    EXPECT_FALSE(o.secure);
    o = web::forwarded_origin(peer, Headers{{"host", "a"}}, trusted);
    EXPECT_EQ(o.ip, "127.0.0.1");
    EXPECT_FALSE(o.secure);
    // Names are matched as given (the server lower-cases them first).
    o = web::forwarded_origin(peer, Headers{{"X-Forwarded-For", "1.2.3.4"}}, trusted);
    EXPECT_EQ(o.ip, "127.0.0.1");
}

}  // namespace
