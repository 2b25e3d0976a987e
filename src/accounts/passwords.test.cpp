#include "accounts/passwords.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace accounts {
namespace {

struct PolicyCase {
    const char* name;
    std::string password;
    std::string username;
    bool accepted;
};

class PasswordPolicy : public ::testing::TestWithParam<PolicyCase> {};

TEST_P(PasswordPolicy, AcceptsOrRejects) {
    const auto& c = GetParam();
    auto problem = password_problem(c.password, c.username);
    EXPECT_EQ(!problem.has_value(), c.accepted) << c.name << ": " << problem.value_or("(accepted)");
}

INSTANTIATE_TEST_SUITE_P(
    Table, PasswordPolicy,
    ::testing::Values(
        PolicyCase{"empty", "", "anna", false}, PolicyCase{"eleven characters", "tyve-aeble1", "anna", false},
        PolicyCase{"twelve characters", "tyve-aeble12", "anna", true},
        PolicyCase{"twelve Danish letters count as characters", "æøåæøåæøåæøå", "anna", true},
        PolicyCase{"eleven Danish letters (22 bytes) too short", "æøåæøåæøåæø", "anna", false},
        PolicyCase{"64 characters", std::string(60, 'k') + "9x!Q", "anna", true},
        PolicyCase{"128 characters", std::string(127, 'r') + "Z", "anna", true},
        PolicyCase{"129 characters", std::string(128, 'r') + "Z", "anna", false},
        PolicyCase{"spaces allowed, no composition rules", "min hest spiser havre", "anna", true},
        PolicyCase{"common password", "qwertyuiop123", "anna", false},
        PolicyCase{"common password, other case", "PasswordPassword", "anna", false},
        PolicyCase{"common Danish password", "Velkommen1234", "anna", false},
        PolicyCase{"contains the user name", "xx-anna.hansen-xx", "anna.hansen", false},
        PolicyCase{"contains the user name in other case", "ANNA.HANSEN-1234", "anna.hansen", false},
        PolicyCase{"equals the user name", "kommunekonsulent", "kommunekonsulent", false},
        PolicyCase{"invalid UTF-8", std::string("gyldig-tekst") + "\xC3\x28", "anna", false},
        PolicyCase{"overlong UTF-8", std::string("gyldig-tekst") + "\xC0\xAF", "anna", false}),
    [](const auto& info) {
        std::string n = info.param.name;
        for (char& c : n)
            if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
        return n;
    });

TEST(PasswordPolicy, MessagesAreDanish) {
    EXPECT_EQ(password_problem("kort", "anna"), "Adgangskoden skal være på mindst 12 tegn.");
    EXPECT_EQ(password_problem(std::string(129, 'a'), "anna"), "Adgangskoden må højst være på 128 tegn.");
    EXPECT_EQ(password_problem("anna-er-den-bedste", "anna"), "Adgangskoden må ikke indeholde brugernavnet.");
}

TEST(CommonPasswords, ListIsLargeAndLowerCase) {
    EXPECT_GE(common_password_count(), 1000u);
    EXPECT_TRUE(is_common_password("123456"));
    EXPECT_TRUE(is_common_password("PASSWORD"));
    EXPECT_TRUE(is_common_password("Kodeord123"));
    EXPECT_FALSE(is_common_password("en helt anden sætning om brobygning"));
}

TEST(PasswordHash, Argon2idRoundTrip) {
    const auto params = HashParams::minimum_for_tests();
    auto hash = hash_password("korrekt hest batteri", params);
    ASSERT_TRUE(hash.ok());
    EXPECT_EQ(hash->rfind("$argon2id$v=19$", 0), 0u) << *hash;
    EXPECT_TRUE(verify_password(*hash, "korrekt hest batteri"));
    EXPECT_FALSE(verify_password(*hash, "korrekt hest batterj"));
    EXPECT_FALSE(verify_password(*hash, ""));
    EXPECT_FALSE(verify_password("", "korrekt hest batteri"));
    EXPECT_FALSE(verify_password("not a hash", "korrekt hest batteri"));
    auto again = hash_password("korrekt hest batteri", params);
    ASSERT_TRUE(again.ok());
    EXPECT_NE(*hash, *again) << "salts must differ";
}

TEST(PasswordHash, StandardParametersAreInTheHash) {
    const auto standard = HashParams::standard();
    EXPECT_GE(standard.opslimit, HashParams::interactive().opslimit);
    EXPECT_GE(standard.memlimit, HashParams::interactive().memlimit);
    auto hash = hash_password("korrekt hest batteri", HashParams::interactive());
    ASSERT_TRUE(hash.ok());
    EXPECT_NE(hash->find("$m=65536,t=2,p=1$"), std::string::npos) << *hash;
    EXPECT_FALSE(needs_rehash(*hash, HashParams::interactive()));
    EXPECT_TRUE(needs_rehash(*hash, standard));
    EXPECT_TRUE(needs_rehash("$2y$10$bcrypthashbcrypthashbcrypthashbcrypthashbcrypthashbcry", standard));
}

TEST(Tokens, RandomBase64urlWith256Bits) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string t = random_token();
        EXPECT_EQ(t.size(), 43u);
        EXPECT_TRUE(is_token_shaped(t)) << t;
        seen.insert(t);
    }
    EXPECT_EQ(seen.size(), 200u);
    EXPECT_FALSE(is_token_shaped("short"));
    EXPECT_FALSE(is_token_shaped(std::string(42, 'a') + "="));
    EXPECT_FALSE(is_token_shaped(std::string(42, 'a') + "\n"));
}

TEST(Tokens, HashIsBlake2bHex) {
    // BLAKE2b-256 of the empty string (RFC 7693 parameters, no key).
    EXPECT_EQ(hash_token(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
    std::string h = hash_token("abc");
    EXPECT_EQ(h.size(), 64u);
    EXPECT_NE(h, hash_token("abd"));
    EXPECT_EQ(h, hash_token("abc"));
}

TEST(Tokens, ConstantTimeEqual) {
    EXPECT_TRUE(constant_time_equal("abc", "abc"));
    EXPECT_FALSE(constant_time_equal("abc", "abd"));
    EXPECT_FALSE(constant_time_equal("abc", "abcd"));
    EXPECT_TRUE(constant_time_equal("", ""));
}

}  // namespace
}  // namespace accounts
