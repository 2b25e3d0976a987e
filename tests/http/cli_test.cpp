// The `brobygger token` command: an administrator on the server makes an API token for a
// script without the web page (issue 15, item 7); the secret goes to standard output once, so
// `TOKEN=$(brobygger token add …)` works, and the token speaks for the role it was given.
#include "app/cli.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "accounts/account_service.hpp"
#include "audit/audit_log.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace http_test {
namespace {

struct CliRun {
    int code = 0;
    std::string out, err;
};

/// Runs the command line with standard output and error captured.
CliRun run(std::vector<std::string> args) {
    std::ostringstream out, err;
    auto* old_out = std::cout.rdbuf(out.rdbuf());
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    CliRun r;
    r.code = app::run_cli(args);
    std::cout.rdbuf(old_out);
    std::cerr.rdbuf(old_err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

class TokenCliTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("bb-token-cli-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        m_db = (m_dir / "brobygger.db").string();
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path m_dir;
    std::string m_db;
};

TEST_F(TokenCliTest, AddPrintsTheSecretOnceAndTheTokenSpeaksForItsRole) {
    CliRun added = run({"token", "add", "Indlæsning af 2018", "--role", "consultant", "--db", m_db});
    ASSERT_EQ(added.code, 0) << added.err;
    ASSERT_EQ(added.out.rfind("bb_", 0), 0u) << added.out;
    const std::string secret = added.out.substr(0, added.out.find('\n'));
    EXPECT_NE(added.err.find("vises kun denne ene gang"), std::string::npos) << added.err;

    auto database = db::open(m_db);
    ASSERT_TRUE(database.ok());
    core::SystemClock clock;
    audit::AuditLog log{clock};
    accounts::AccountService accounts(**database, clock, log);
    auto principal = accounts.resolve_api_token(secret);
    ASSERT_TRUE(principal.ok());
    ASSERT_TRUE(principal->has_value());
    EXPECT_EQ((*principal)->role, core::Role::Consultant);
    EXPECT_EQ((*principal)->name, "Indlæsning af 2018");

    // The list shows the token without its secret; revoking it makes the secret useless.
    CliRun listed = run({"token", "list", "--db", m_db});
    ASSERT_EQ(listed.code, 0) << listed.err;
    EXPECT_NE(listed.out.find("Indlæsning af 2018\tconsultant"), std::string::npos) << listed.out;
    EXPECT_EQ(listed.out.find(secret), std::string::npos) << "the secret is shown only once";
    const std::string id = listed.out.substr(0, listed.out.find('\t'));
    CliRun revoked = run({"token", "revoke", id, "--db", m_db});
    ASSERT_EQ(revoked.code, 0) << revoked.err;
    auto after = accounts.resolve_api_token(secret);
    ASSERT_TRUE(after.ok());
    EXPECT_FALSE(after->has_value());
}

TEST_F(TokenCliTest, BadInputSaysWhatIsWrongAndMakesNothing) {
    CliRun no_role = run({"token", "add", "Script", "--db", m_db});
    EXPECT_EQ(no_role.code, 2);
    EXPECT_NE(no_role.err.find("--role skal være"), std::string::npos) << no_role.err;
    CliRun enterprise_without_id = run({"token", "add", "Script", "--role", "enterprise", "--db", m_db});
    EXPECT_NE(enterprise_without_id.code, 0);
    EXPECT_FALSE(enterprise_without_id.err.empty());
    CliRun bad_id = run({"token", "revoke", "abc", "--db", m_db});
    EXPECT_EQ(bad_id.code, 2);
    CliRun unknown = run({"token", "revoke", "999", "--db", m_db});
    EXPECT_NE(unknown.code, 0);
    EXPECT_NE(unknown.err.find("API-nøglen findes ikke"), std::string::npos) << unknown.err;
    CliRun listed = run({"token", "list", "--db", m_db});
    EXPECT_EQ(listed.code, 0);
    EXPECT_EQ(listed.out, "") << "nothing was made";
}

}  // namespace
}  // namespace http_test
