#include "accounts/throttle.hpp"

#include <gtest/gtest.h>

namespace accounts {
namespace {

constexpr core::UnixSeconds k_now = 1'800'000'000;

std::vector<Attempt> failures(int n, core::UnixSeconds newest, core::UnixSeconds spacing = 10) {
    std::vector<Attempt> out;
    for (int i = 0; i < n; ++i) out.push_back({newest - i * spacing, false});
    return out;
}

TEST(AccountThrottle, FourFailuresDoNotLock) {
    ThrottleSettings s;
    EXPECT_EQ(account_wait(failures(4, k_now), k_now, s), 0);
}

TEST(AccountThrottle, FiveFailuresLockForTheBaseCooldown) {
    ThrottleSettings s;
    EXPECT_EQ(account_wait(failures(5, k_now), k_now, s), 5 * 60);
    EXPECT_EQ(account_wait(failures(5, k_now), k_now + 5 * 60 - 1, s), 1);
    EXPECT_EQ(account_wait(failures(5, k_now), k_now + 5 * 60, s), 0);
}

TEST(AccountThrottle, CooldownDoublesUpToTheMaximum) {
    ThrottleSettings s;
    EXPECT_EQ(account_wait(failures(6, k_now), k_now, s), 10 * 60);
    EXPECT_EQ(account_wait(failures(7, k_now), k_now, s), 20 * 60);
    EXPECT_EQ(account_wait(failures(8, k_now), k_now, s), 40 * 60);
    EXPECT_EQ(account_wait(failures(9, k_now), k_now, s), 60 * 60);
    EXPECT_EQ(account_wait(failures(60, k_now), k_now, s), 60 * 60);
}

TEST(AccountThrottle, SuccessResetsAndOldFailuresAreForgotten) {
    ThrottleSettings s;
    auto a = failures(3, k_now);
    a.push_back({k_now - 100, true});
    auto more = failures(10, k_now - 200);
    a.insert(a.end(), more.begin(), more.end());
    EXPECT_EQ(account_wait(a, k_now, s), 0);
    auto old = failures(5, k_now - s.account_memory - 1);
    EXPECT_EQ(account_wait(old, k_now, s), 0);
}

TEST(IpThrottle, TwentyFailuresInTheWindow) {
    ThrottleSettings s;
    std::vector<core::UnixSeconds> f;
    for (int i = 0; i < 19; ++i) f.push_back(k_now - i * 30);
    EXPECT_EQ(ip_wait(f, k_now, s), 0);
    f.insert(f.begin(), k_now);  // the 20th
    // The 20th newest failure was at k_now - 18 * 30; it leaves the window after that + 15 min.
    EXPECT_EQ(ip_wait(f, k_now, s), (k_now - 18 * 30) + 15 * 60 - k_now);
    EXPECT_EQ(ip_wait(f, k_now + 15 * 60, s), 0);
}

TEST(IpThrottle, KeysIpv6ByPrefix) {
    EXPECT_EQ(ip_throttle_key("192.0.2.7"), "192.0.2.7");
    EXPECT_EQ(ip_throttle_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
    EXPECT_EQ(ip_throttle_key("2001:db8:1:2::1"), ip_throttle_key("2001:db8:1:2:ffff::9"));
    EXPECT_EQ(ip_throttle_key("::ffff:192.0.2.7"), "192.0.2.7");
    EXPECT_EQ(ip_throttle_key(" not-an\x01ip\n"), "not-an\\x01ip");
}

TEST(ThrottleMessage, RoundsUpInMinutes) {
    EXPECT_EQ(throttle_message(1), "For mange mislykkede forsøg. Prøv igen om 1 minut.");
    EXPECT_EQ(throttle_message(61), "For mange mislykkede forsøg. Prøv igen om 2 minutter.");
    EXPECT_EQ(throttle_message(300), "For mange mislykkede forsøg. Prøv igen om 5 minutter.");
}

}  // namespace
}  // namespace accounts
