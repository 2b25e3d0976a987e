// AccountService against every storage backend (SQLite always, PostgreSQL when configured).
#include "accounts/account_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/date.hpp"
#include "support/test_db.hpp"

namespace accounts {
namespace {

constexpr const char* k_password = "en lang og sjov sætning";
constexpr const char* k_other_password = "helt anden lang sætning";

class AccountServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_settings.hash = HashParams::minimum_for_tests();
        m_service = std::make_unique<AccountService>(database(), m_clock, m_audit, m_settings);
    }
    void TearDown() override {
        m_service.reset();
        BackendTest::TearDown();
    }

    User add(const std::string& username, core::Role role = core::Role::Caseworker,
             std::optional<std::int64_t> enterprise_id = std::nullopt) {
        auto u = m_service->create_user({username, "Navn " + username, role, enterprise_id, k_password},
                                        core::Actor::system("test"));
        EXPECT_TRUE(u.ok()) << (u.ok() ? "" : u.error().message);
        return u.ok() ? *u : User{};
    }

    LoginResult login_ok(const std::string& username, const std::string& password = k_password,
                         const std::string& ip = "192.0.2.1") {
        auto r = m_service->login(username, password, ip, "Mozilla/5.0 test");
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : LoginResult{};
    }

    bool resolves(const std::string& token) {
        auto s = m_service->resolve_session(token);
        EXPECT_TRUE(s.ok());
        return s.ok() && s->has_value();
    }

    db::ResultSet sql(const std::string& text, const std::vector<db::Value>& params = {}) {
        auto r = database().read([&](db::Connection& c) { return c.query(text, params); });
        EXPECT_TRUE(r.ok()) << text;
        return r.ok() ? *r : db::ResultSet{};
    }

    std::int64_t audit_count(const std::string& action) {
        return sql("SELECT COUNT(*) FROM audit_log WHERE action = $1", {action}).first().int64(0);
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    AccountSettings m_settings;
    std::unique_ptr<AccountService> m_service;
};

TEST_P(AccountServiceTest, FreshDatabaseHasNoUsers) {
    auto count = m_service->count_users();
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, 0);
    auto r = m_service->login("admin", "admin", "192.0.2.1", "");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Unauthorized);
}

TEST_P(AccountServiceTest, CreateUserValidatesWithFieldNames) {
    auto r = m_service->create_user({"a b", "", core::Role::Enterprise, std::nullopt, "kort"},
                                    core::Actor::system());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    std::vector<std::string> fields;
    for (const auto& f : r.error().fields) fields.push_back(f.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"username", "display_name", "enterprise_id", "password"}));

    auto buyer = m_service->create_user({"indkober", "Indkøber", core::Role::Buyer, 7, k_password},
                                        core::Actor::system());
    ASSERT_FALSE(buyer.ok());
    EXPECT_EQ(buyer.error().fields.at(0).field, "enterprise_id");

    auto enterprise = m_service->create_user({"virk", "Virk", core::Role::Enterprise, 7, k_password},
                                             core::Actor::system());
    ASSERT_TRUE(enterprise.ok());
    EXPECT_EQ(enterprise->enterprise_id, 7);
}

TEST_P(AccountServiceTest, DuplicateUsernameIsCaseInsensitive) {
    User anna = add("Anna.Hansen");
    EXPECT_EQ(anna.username, "Anna.Hansen");
    auto r = m_service->create_user(
        {"anna.hansen", "Anden Anna", core::Role::Buyer, std::nullopt, k_password}, core::Actor::system());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(r.error().message, "Brugernavnet er allerede i brug.");
    auto found = m_service->find_user("ANNA.HANSEN");
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->id, anna.id);
}

TEST_P(AccountServiceTest, OnlyAdministratorsManageUsers) {
    User consultant = add("konsulent", core::Role::Consultant);
    auto actor = consultant.actor("192.0.2.9");
    auto created = m_service->create_user({"ny", "Ny", core::Role::Admin, std::nullopt, k_password}, actor);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, core::ErrorCode::Forbidden);
    // Raising one's own privileges is refused and logged (AC-09).
    auto raised = m_service->set_role(consultant.id, core::Role::Admin, std::nullopt, actor);
    ASSERT_FALSE(raised.ok());
    EXPECT_EQ(raised.error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->get_user(consultant.id)->role, core::Role::Consultant);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND user_id = $1", {consultant.id})
                  .first()
                  .int64(0),
              2);
    // An administrator's API token cannot administer users either.
    core::Actor token_actor = core::Actor::system();
    token_actor.via_api_token = true;
    EXPECT_EQ(m_service->set_disabled(consultant.id, true, token_actor).error().code,
              core::ErrorCode::Forbidden);
}

TEST_P(AccountServiceTest, LoginFailuresLookTheSame) {
    User anna = add("anna");
    User gone = add("gone");
    ASSERT_TRUE(m_service->set_disabled(gone.id, true, core::Actor::system()).ok());

    auto wrong = m_service->login("anna", "forkert adgangskode!", "192.0.2.1", "");
    auto unknown = m_service->login("nobody", k_password, "192.0.2.1", "");
    auto disabled = m_service->login("gone", k_password, "192.0.2.1", "");
    for (const auto* r : {&wrong, &unknown, &disabled}) {
        ASSERT_FALSE(r->ok());
        EXPECT_EQ(r->error().code, core::ErrorCode::Unauthorized);
        EXPECT_EQ(r->error().message, "Forkert brugernavn eller adgangskode.");
    }
    LoginResult ok = login_ok("ANNA");
    EXPECT_EQ(ok.user.id, anna.id);
    EXPECT_EQ(ok.expires_at, m_clock.now() + 12 * 3600);
    EXPECT_EQ(audit_count("login_failed"), 3);
    EXPECT_EQ(audit_count("login"), 1);
}

TEST_P(AccountServiceTest, NewTokenEveryLoginAndOnlyHashesStored) {
    add("anna");
    LoginResult a = login_ok("anna");
    LoginResult b = login_ok("anna");
    EXPECT_NE(a.token, b.token);
    EXPECT_NE(a.csrf_token, b.csrf_token);
    EXPECT_EQ(a.token.size(), 43u);
    EXPECT_TRUE(resolves(a.token));
    EXPECT_TRUE(resolves(b.token));
    auto s = m_service->resolve_session(a.token);
    ASSERT_TRUE(s.ok() && s->has_value());
    EXPECT_EQ((*s)->csrf_token, a.csrf_token);

    auto rows = sql("SELECT token_hash FROM sessions ORDER BY id");
    ASSERT_EQ(rows.rows.size(), 2u);
    EXPECT_EQ(rows.rows[0].text(0), hash_token(a.token));
    EXPECT_EQ(
        sql("SELECT COUNT(*) FROM sessions WHERE token_hash = $1 OR token_hash = $2", {a.token, b.token})
            .first()
            .int64(0),
        0);
    EXPECT_FALSE(resolves("x"));
    EXPECT_FALSE(resolves(random_token()));
}

TEST_P(AccountServiceTest, AccountThrottleThenCooldownFromAnotherAddress) {
    add("anna");
    for (int i = 0; i < 5; ++i) {
        auto r = m_service->login("anna", "forkert adgangskode!", "198.51.100.1", "");
        EXPECT_EQ(r.error().code, core::ErrorCode::Unauthorized);
        m_clock.advance(10);
    }
    // Locked: even the right password is refused, from any address.
    auto locked = m_service->login("anna", k_password, "203.0.113.5", "");
    ASSERT_FALSE(locked.ok());
    EXPECT_EQ(locked.error().code, core::ErrorCode::TooManyRequests);
    EXPECT_EQ(locked.error().message, "For mange mislykkede forsøg. Prøv igen om 5 minutter.");
    EXPECT_EQ(audit_count("login_throttled"), 1);
    m_clock.advance(5 * 60);
    login_ok("anna", k_password, "203.0.113.5");

    // The success reset the counter: five more failures are needed for a new lock, and the
    // sixth failure in a row doubles the cool-down.
    for (int i = 0; i < 6; ++i) {
        (void)m_service->login("anna", "forkert adgangskode!", "198.51.100.1", "");
        m_clock.advance(301);
    }
    auto again = m_service->login("anna", k_password, "203.0.113.5", "");
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().message,
              "For mange mislykkede forsøg. Prøv igen om 5 minutter.");  // 10 min − 301 s
}

TEST_P(AccountServiceTest, AddressThrottleAcrossUserNames) {
    add("anna");
    for (int i = 0; i < 20; ++i) {
        auto r = m_service->login("guess" + std::to_string(i), "forkert adgangskode!", "198.51.100.7", "");
        EXPECT_EQ(r.error().code, core::ErrorCode::Unauthorized) << i;
        m_clock.advance(5);
    }
    auto blocked = m_service->login("anna", k_password, "198.51.100.7", "");
    ASSERT_FALSE(blocked.ok());
    EXPECT_EQ(blocked.error().code, core::ErrorCode::TooManyRequests);
    login_ok("anna", k_password, "203.0.113.5");  // another address is not affected
    m_clock.advance(15 * 60);
    login_ok("anna", k_password, "198.51.100.7");
}

TEST_P(AccountServiceTest, IdleTimeout) {
    add("anna");
    LoginResult s = login_ok("anna");
    m_clock.advance(29 * 60);
    EXPECT_TRUE(resolves(s.token));  // refreshes last_seen_at
    m_clock.advance(29 * 60);
    EXPECT_TRUE(resolves(s.token));
    m_clock.advance(30 * 60);
    EXPECT_FALSE(resolves(s.token));
    EXPECT_EQ(sql("SELECT COUNT(*) FROM sessions").first().int64(0), 0) << "expired sessions are deleted";
}

TEST_P(AccountServiceTest, AbsoluteTimeout) {
    add("anna");
    LoginResult s = login_ok("anna");
    for (int i = 0; i < 35; ++i) {  // active every 20 minutes for 11 h 40 min
        m_clock.advance(20 * 60);
        ASSERT_TRUE(resolves(s.token)) << i;
    }
    m_clock.advance(20 * 60);  // 12 h after login
    EXPECT_FALSE(resolves(s.token));
}

TEST_P(AccountServiceTest, LastSeenWrittenAtMostOncePerMinute) {
    add("anna");
    LoginResult s = login_ok("anna");
    auto last_seen = [&] { return sql("SELECT last_seen_at FROM sessions").first().text(0); };
    const std::string first = last_seen();
    m_clock.advance(30);
    EXPECT_TRUE(resolves(s.token));
    EXPECT_EQ(last_seen(), first);
    m_clock.advance(31);
    EXPECT_TRUE(resolves(s.token));
    EXPECT_EQ(last_seen(), core::iso_timestamp(m_clock.now()));
}

TEST_P(AccountServiceTest, LogoutDeletesTheSession) {
    add("anna");
    LoginResult s = login_ok("anna");
    ASSERT_TRUE(m_service->logout(s.token).ok());
    EXPECT_FALSE(resolves(s.token));
    EXPECT_TRUE(m_service->logout(s.token).ok());
    EXPECT_TRUE(m_service->logout("junk").ok());
    EXPECT_EQ(audit_count("logout"), 1);
}

TEST_P(AccountServiceTest, DisablingEndsSessionsAndKeepsOneAdmin) {
    User admin = add("chef", core::Role::Admin);
    User anna = add("anna");
    LoginResult s = login_ok("anna");
    ASSERT_TRUE(m_service->set_disabled(anna.id, true, admin.actor()).ok());
    EXPECT_EQ(sql("SELECT COUNT(*) FROM sessions WHERE user_id = $1", {anna.id}).first().int64(0), 0);
    EXPECT_FALSE(resolves(s.token));
    EXPECT_EQ(m_service->login("anna", k_password, "192.0.2.1", "").error().code,
              core::ErrorCode::Unauthorized);
    ASSERT_TRUE(m_service->set_disabled(anna.id, false, admin.actor()).ok());
    login_ok("anna");

    auto last = m_service->set_disabled(admin.id, true, admin.actor());
    ASSERT_FALSE(last.ok());
    EXPECT_EQ(last.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(m_service->set_role(admin.id, core::Role::Buyer, std::nullopt, admin.actor()).error().code,
              core::ErrorCode::Conflict);
    EXPECT_EQ(audit_count("user_disabled"), 1);
    EXPECT_EQ(audit_count("user_enabled"), 1);
}

TEST_P(AccountServiceTest, EndSessionsByAdministratorOrSelf) {
    User admin = add("chef", core::Role::Admin);
    User anna = add("anna");
    User bent = add("bent");
    LoginResult a1 = login_ok("anna");
    LoginResult a2 = login_ok("anna");
    EXPECT_EQ(m_service->end_sessions(anna.id, bent.actor()).error().code, core::ErrorCode::Forbidden);
    EXPECT_TRUE(resolves(a1.token));
    auto ended = m_service->end_sessions(anna.id, admin.actor());
    ASSERT_TRUE(ended.ok());
    EXPECT_EQ(*ended, 2);
    EXPECT_FALSE(resolves(a1.token));
    EXPECT_FALSE(resolves(a2.token));
    LoginResult a3 = login_ok("anna");
    EXPECT_EQ(*m_service->end_sessions(anna.id, anna.actor()), 1);
    EXPECT_FALSE(resolves(a3.token));
    EXPECT_EQ(m_service->end_sessions(9999, admin.actor()).error().code, core::ErrorCode::NotFound);
}

TEST_P(AccountServiceTest, ChangeOwnPasswordEndsOtherSessions) {
    User anna = add("anna");
    LoginResult keep = login_ok("anna");
    LoginResult other = login_ok("anna");
    auto wrong =
        m_service->change_own_password(anna.id, "forkert adgangskode!", k_other_password, keep.token);
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().fields.at(0).field, "current_password");
    auto weak = m_service->change_own_password(anna.id, k_password, "password1234", keep.token);
    ASSERT_FALSE(weak.ok());
    EXPECT_EQ(weak.error().fields.at(0).field, "new_password");

    ASSERT_TRUE(m_service->change_own_password(anna.id, k_password, k_other_password, keep.token).ok());
    EXPECT_TRUE(resolves(keep.token));
    EXPECT_FALSE(resolves(other.token));
    EXPECT_EQ(m_service->login("anna", k_password, "192.0.2.1", "").error().code,
              core::ErrorCode::Unauthorized);
    login_ok("anna", k_other_password);
    EXPECT_EQ(audit_count("password_changed"), 1);
}

TEST_P(AccountServiceTest, AdministratorSetsPasswordAndRole) {
    User admin = add("chef", core::Role::Admin);
    User anna = add("anna");
    LoginResult s = login_ok("anna");
    ASSERT_TRUE(
        m_service->set_password(anna.id, k_other_password, admin.actor(), PasswordKind::Temporary).ok());
    EXPECT_FALSE(resolves(s.token));
    EXPECT_TRUE(m_service->get_user(anna.id)->must_change_password);
    LoginResult s2 = login_ok("anna", k_other_password);

    auto bad = m_service->set_role(anna.id, core::Role::Enterprise, std::nullopt, admin.actor());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.at(0).field, "enterprise_id");
    auto changed = m_service->set_role(anna.id, core::Role::Enterprise, 42, admin.actor());
    ASSERT_TRUE(changed.ok());
    EXPECT_EQ(changed->role, core::Role::Enterprise);
    EXPECT_EQ(changed->enterprise_id, 42);
    EXPECT_FALSE(resolves(s2.token)) << "a privilege change needs a new login";
    EXPECT_EQ(audit_count("role_changed"), 1);
    EXPECT_EQ(audit_count("password_set"), 1);
}

TEST_P(AccountServiceTest, ApiTokens) {
    User admin = add("chef", core::Role::Admin);
    auto bad = m_service->create_api_token("", core::Role::Enterprise, std::nullopt, admin.actor());
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().fields.size(), 2u);

    auto made = m_service->create_api_token("Indberetning", core::Role::Enterprise, 3, admin.actor());
    ASSERT_TRUE(made.ok());
    EXPECT_EQ(made->secret.rfind("bb_", 0), 0u);
    EXPECT_EQ(made->secret.size(), 46u);
    auto stored = sql("SELECT token_hash, prefix FROM api_tokens WHERE id = $1", {made->id});
    EXPECT_EQ(stored.first().text(0), hash_token(made->secret));
    EXPECT_EQ(stored.first().text(1), made->secret.substr(0, 10));
    EXPECT_EQ(sql("SELECT COUNT(*) FROM api_tokens WHERE token_hash = $1 OR name = $1", {made->secret})
                  .first()
                  .int64(0),
              0);

    auto p = m_service->resolve_api_token(made->secret);
    ASSERT_TRUE(p.ok() && p->has_value());
    EXPECT_EQ((*p)->role, core::Role::Enterprise);
    EXPECT_EQ((*p)->enterprise_id, 3);
    core::Actor actor = (*p)->actor("192.0.2.1");
    EXPECT_TRUE(actor.via_api_token);
    EXPECT_EQ(actor.username, "api:Indberetning");

    auto list = m_service->list_api_tokens();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1u);
    EXPECT_EQ(list->at(0).last_used_at, m_clock.now());
    EXPECT_EQ(list->at(0).created_by, admin.id);

    EXPECT_FALSE(m_service->resolve_api_token(made->secret + "x")->has_value());
    EXPECT_FALSE(m_service->resolve_api_token("bb_" + random_token())->has_value());
    ASSERT_TRUE(m_service->revoke_api_token(made->id, admin.actor()).ok());
    EXPECT_FALSE(m_service->resolve_api_token(made->secret)->has_value());
    EXPECT_TRUE(m_service->revoke_api_token(made->id, admin.actor()).ok());
    EXPECT_EQ(m_service->revoke_api_token(999, admin.actor()).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_count("api_token_created"), 1);
    EXPECT_EQ(audit_count("api_token_revoked"), 1);
}

TEST_P(AccountServiceTest, AuditRowsNeverHoldSecrets) {
    add("anna");
    LoginResult s = login_ok("anna");
    (void)m_service->login("anna", "forkert adgangskode!", "192.0.2.1", "");
    (void)m_service->login("en adgangskode i navnefeltet", k_password, "192.0.2.1", "");
    auto rows = sql("SELECT username, object_id, criteria, purpose, client_ip FROM audit_log");
    ASSERT_GE(rows.rows.size(), 3u);
    for (const auto& row : rows.rows)
        for (std::size_t i = 0; i < row.size(); ++i) {
            EXPECT_EQ(row.text(i).find("forkert"), std::string::npos);
            EXPECT_EQ(row.text(i).find("adgangskode i"), std::string::npos);
            EXPECT_EQ(row.text(i).find(s.token), std::string::npos);
        }
    auto anonymous = sql("SELECT user_id, role FROM audit_log WHERE username = '(ugyldigt brugernavn)'");
    ASSERT_EQ(anonymous.rows.size(), 1u);
    EXPECT_TRUE(anonymous.first().is_null(0));
    EXPECT_EQ(anonymous.first().text(1), "") << "an unknown name has no role";
}

TEST_P(AccountServiceTest, LoginAuditRowsCarryAddressAndRequest) {
    User anna = add("anna");
    ASSERT_TRUE(m_service->login("anna", k_password, "2001:db8::5", "UA", "req-42").ok());
    auto row =
        sql("SELECT user_id, username, role, client_ip, request_id, outcome FROM audit_log WHERE action = "
            "'login'");
    ASSERT_EQ(row.rows.size(), 1u);
    EXPECT_EQ(row.first().int64(0), anna.id);
    EXPECT_EQ(row.first().text(1), "anna");
    EXPECT_EQ(row.first().text(2), "caseworker");
    EXPECT_EQ(row.first().text(3), "2001:db8::5");
    EXPECT_EQ(row.first().text(4), "req-42");
    EXPECT_EQ(row.first().text(5), "ok");
}

TEST_P(AccountServiceTest, ReauthenticationIsThrottled) {
    User anna = add("anna");
    EXPECT_TRUE(m_service->reauthenticate(anna.id, k_password).ok());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(m_service->reauthenticate(anna.id, "forkert adgangskode!").error().code,
                  core::ErrorCode::Unauthorized);
    EXPECT_EQ(m_service->reauthenticate(anna.id, k_password).error().code, core::ErrorCode::TooManyRequests);
    EXPECT_EQ(audit_count("reauth_failed"), 5);
}

TEST_P(AccountServiceTest, AuditFailureFailsClosed) {
    add("anna");
    m_audit.set_failure_for_testing(true);
    auto r = m_service->login("anna", k_password, "192.0.2.1", "");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Unavailable);
    auto created = m_service->create_user({"bent", "Bent", core::Role::Buyer, std::nullopt, k_password},
                                          core::Actor::system());
    EXPECT_FALSE(created.ok());
    m_audit.set_failure_for_testing(false);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM sessions").first().int64(0), 0);
    EXPECT_EQ(*m_service->count_users(), 1);
}

TEST_P(AccountServiceTest, RehashOnLoginWhenParametersChange) {
    User anna = add("anna");
    const std::string before = sql("SELECT password_hash FROM users").first().text(0);
    AccountSettings stronger = m_settings;
    stronger.hash = {2, std::size_t{1} << 20};
    AccountService service(database(), m_clock, m_audit, stronger);
    ASSERT_TRUE(service.login("anna", k_password, "192.0.2.1", "").ok());
    const std::string after = sql("SELECT password_hash FROM users").first().text(0);
    EXPECT_NE(after, before);
    EXPECT_NE(after.find("m=1024,t=2"), std::string::npos) << after;
    EXPECT_TRUE(verify_password(after, k_password));
    (void)anna;
}

TEST_P(AccountServiceTest, CountsAndHousekeeping) {
    add("chef", core::Role::Admin);
    add("anna");
    add("bent");
    auto counts = m_service->count_users_by_role();
    ASSERT_TRUE(counts.ok());
    ASSERT_EQ(counts->size(), 5u);
    for (const auto& c : *counts)
        EXPECT_EQ(c.users, c.role == core::Role::Caseworker ? 2 : c.role == core::Role::Admin ? 1 : 0);

    login_ok("anna");
    (void)m_service->login("bent", "forkert adgangskode!", "192.0.2.1", "");
    m_clock.advance(25 * 3600);
    auto purged = m_service->purge_expired();
    ASSERT_TRUE(purged.ok());
    EXPECT_GE(*purged, 3);  // the session and the failed attempt's two rows
    EXPECT_EQ(sql("SELECT COUNT(*) FROM sessions").first().int64(0), 0);
    EXPECT_EQ(sql("SELECT COUNT(*) FROM login_attempts").first().int64(0), 0);
}

BB_INSTANTIATE_BACKENDS(AccountServiceTest);

}  // namespace
}  // namespace accounts
