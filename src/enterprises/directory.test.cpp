// The registry's read API (directory.hpp) against every storage backend.
#include "enterprises/directory.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace enterprises {
namespace {

class DirectoryTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_service = std::make_unique<EnterpriseService>(database(), m_clock, m_audit);
        m_consultant.username = "konsulent";
        m_consultant.role = core::Role::Consultant;
        m_sumak = make("Sumak", "social_enterprise", "Slagelse", "31415926", "12");
        m_aerlig = make("Ærlig Kaffe", "initiative", "Slagelse");
        m_bank = make("Andelsbanken", "csr_company", "Kalundborg");
    }
    void TearDown() override {
        m_service.reset();
        BackendTest::TearDown();
    }

    std::int64_t make(std::string name, std::string kind, std::string municipality, std::string cvr = "",
                      std::string employees = "") {
        EnterpriseInput in;
        in.name = std::move(name);
        in.kind = std::move(kind);
        in.municipality = std::move(municipality);
        in.cvr = std::move(cvr);
        in.employees = std::move(employees);
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_service->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    template <class F>
    auto read(F&& f) {
        auto r = database().read(std::forward<F>(f));
        EXPECT_TRUE(r.ok());
        return *r;
    }

    static std::vector<std::string> labels(const std::vector<core::Choice>& choices) {
        std::vector<std::string> out;
        for (const auto& c : choices) out.push_back(c.label);
        return out;
    }

    static std::vector<std::string> messages(const core::Validator& v) {
        std::vector<std::string> out;
        if (v.ok()) return out;
        for (const auto& f : v.error().fields) out.push_back(f.field + ": " + f.message);
        return out;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<EnterpriseService> m_service;
    core::Actor m_consultant;
    std::int64_t m_sumak = 0, m_aerlig = 0, m_bank = 0;
};

TEST_P(DirectoryTest, FindsWhatOtherPackagesMayKnow) {
    auto sumak = read([&](db::Connection& c) { return directory::find(c, m_sumak); });
    ASSERT_TRUE(sumak.has_value());
    EXPECT_EQ(sumak->name, "Sumak");
    EXPECT_EQ(sumak->kind, Kind::SocialEnterprise);
    EXPECT_EQ(sumak->employees, 12);
    EXPECT_EQ(sumak->cvr, "31415926");
    EXPECT_EQ(sumak->municipality, "Slagelse");

    auto aerlig = read([&](db::Connection& c) { return directory::find(c, m_aerlig); });
    ASSERT_TRUE(aerlig.has_value());
    EXPECT_FALSE(aerlig->employees.has_value());
    EXPECT_EQ(aerlig->cvr, "");

    EXPECT_FALSE(read([&](db::Connection& c) { return directory::find(c, 999'999); }).has_value());
}

TEST_P(DirectoryTest, ChoicesAreInDanishOrderAndFollowTheScope) {
    // Danish order: Æ after A…Z (name_key), so "Ærlig Kaffe" comes last.
    EXPECT_EQ(labels(read([&](db::Connection& c) { return directory::choices(c, directory::Scope::All); })),
              (std::vector<std::string>{"Andelsbanken", "Sumak", "Ærlig Kaffe"}));
    EXPECT_EQ(labels(read(
                  [&](db::Connection& c) { return directory::choices(c, directory::Scope::SocialEconomy); })),
              (std::vector<std::string>{"Sumak", "Ærlig Kaffe"}));
    auto one = read([&](db::Connection& c) { return directory::choices(c, directory::Scope::All, m_bank); });
    ASSERT_EQ(one.size(), 1u);
    EXPECT_EQ(one[0].value, std::to_string(m_bank));
    // An id outside the scope gives no choice at all.
    EXPECT_TRUE(read([&](db::Connection& c) {
                    return directory::choices(c, directory::Scope::SocialEconomy, m_bank);
                }).empty());
}

TEST_P(DirectoryTest, ListsByMunicipalityAndNamesIds) {
    auto slagelse = read(
        [&](db::Connection& c) { return directory::list(c, directory::Scope::SocialEconomy, "Slagelse"); });
    ASSERT_EQ(slagelse.size(), 2u);
    EXPECT_EQ(slagelse[0].name, "Sumak");
    EXPECT_EQ(read([&](db::Connection& c) { return directory::list(c); }).size(), 3u);
    EXPECT_TRUE(
        read([&](db::Connection& c) { return directory::list(c, directory::Scope::All, "Odense"); }).empty());

    const std::vector<std::int64_t> ids{m_bank, 424242, m_sumak, m_bank};
    auto names = read([&](db::Connection& c) { return directory::names(c, ids); });
    EXPECT_EQ(names.size(), 2u);
    EXPECT_EQ(names.at(m_bank), "Andelsbanken");
    EXPECT_EQ(names.at(m_sumak), "Sumak");
}

TEST_P(DirectoryTest, ChecksAnEnterpriseFieldWithOneMessageEach) {
    auto check = [&](std::string text, directory::ChoiceRules rules) {
        core::Validator v;
        auto found = read(
            [&](db::Connection& c) { return directory::check_choice(c, v, "enterprise_id", text, rules); });
        return std::make_pair(found, messages(v));
    };
    const directory::ChoiceRules social{directory::Scope::SocialEconomy, "Vælg virksomheden.",
                                        "Kun socialøkonomiske virksomheder."};
    auto [ok, none] = check(" " + std::to_string(m_sumak) + " ", social);
    ASSERT_TRUE(ok.has_value());
    EXPECT_EQ(ok->id, m_sumak);
    EXPECT_TRUE(none.empty());

    EXPECT_EQ(check("", social).second, (std::vector<std::string>{"enterprise_id: Vælg virksomheden."}));
    EXPECT_EQ(check("abc", social).second,
              (std::vector<std::string>{"enterprise_id: Vælg en virksomhed fra listen."}));
    EXPECT_EQ(check("-3", social).second,
              (std::vector<std::string>{"enterprise_id: Vælg en virksomhed fra listen."}));
    EXPECT_EQ(check("999999", social).second,
              (std::vector<std::string>{"enterprise_id: Vælg en virksomhed fra listen."}));
    auto [bank, wrong_kind] = check(std::to_string(m_bank), social);
    EXPECT_FALSE(bank.has_value());
    EXPECT_EQ(wrong_kind, (std::vector<std::string>{"enterprise_id: Kun socialøkonomiske virksomheder."}));
    // Every kind passes when the scope is the whole registry.
    EXPECT_TRUE(check(std::to_string(m_bank), {}).first.has_value());
}

TEST_P(DirectoryTest, VocabularyOnlyActiveUnlessAskedAndEntriesByCode) {
    auto before =
        read([&](db::Connection& c) { return directory::vocabulary(c, VocabularyKind::TargetGroup); });
    ASSERT_FALSE(before.empty());
    const std::string code = before.front().code;
    core::Actor admin;
    admin.username = "admin";
    admin.role = core::Role::Admin;
    ASSERT_TRUE(m_service->set_vocabulary_active(before.front().id, false, admin).ok());

    auto active =
        read([&](db::Connection& c) { return directory::vocabulary(c, VocabularyKind::TargetGroup); });
    EXPECT_EQ(active.size(), before.size() - 1);
    auto all =
        read([&](db::Connection& c) { return directory::vocabulary(c, VocabularyKind::TargetGroup, true); });
    EXPECT_EQ(all.size(), before.size());
    auto choices = read(
        [&](db::Connection& c) { return directory::vocabulary_choices(c, VocabularyKind::TargetGroup); });
    ASSERT_EQ(choices.size(), active.size());
    EXPECT_EQ(choices.front().value, active.front().code);
    EXPECT_EQ(choices.front().label, active.front().label);

    auto entry = read(
        [&](db::Connection& c) { return directory::vocabulary_entry(c, VocabularyKind::TargetGroup, code); });
    ASSERT_TRUE(entry.has_value());
    EXPECT_FALSE(entry->active);
    EXPECT_FALSE(read([&](db::Connection& c) {
                     return directory::vocabulary_entry(c, VocabularyKind::LegalForm, code);
                 }).has_value());
}

BB_INSTANTIATE_BACKENDS(DirectoryTest);

}  // namespace
}  // namespace enterprises
