// RsvService against every storage backend (SQLite always, PostgreSQL when configured).
#include "enterprises/rsv_service.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace enterprises {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = 0;  // no users table rows in these tests; audit rows keep the name
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class RsvServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<EnterpriseService>(database(), m_clock, m_audit);
        m_service = std::make_unique<RsvService>(database(), m_clock, m_audit);
        m_first = make("Sumak");
        m_second = make("Bryggeriet");
        m_owner = actor_with(core::Role::Enterprise, 5, m_first);
    }
    void TearDown() override {
        m_service.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t make(std::string name) {
        EnterpriseInput in;
        in.name = std::move(name);
        in.kind = "social_enterprise";
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->id : 0;
    }

    static RsvReadinessInput readiness_all(std::string met, std::string evidence = "Vedtægter §2") {
        RsvReadinessInput in;
        for (auto& c : in) c = {met, evidence};
        return in;
    }

    static RsvStatementInput statement(std::string year, std::string profit, std::string dividend = "") {
        RsvStatementInput in;
        in.year = std::move(year);
        in.profit_after_tax = std::move(profit);
        in.dividend = std::move(dividend);
        in.management_remuneration = "Direktør: løn efter overenskomst";
        in.management_remuneration_amount = "480.000";
        in.related_party_agreements = "Ingen";
        in.purpose_statement = "Arbejdspladser til udsatte ledige";
        in.independence = "Ingen offentlig bestemmende indflydelse";
        in.inclusive_governance = "Medarbejderrepræsentant i bestyrelsen";
        in.submitted_on = "2025-02-15";
        return in;
    }

    static std::vector<std::string> fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field);
        return out;
    }

    std::int64_t audit_rows(const std::string& action) {
        return database()
            .read([&](db::Connection& conn) -> core::Result<std::int64_t> {
                audit::AuditFilter f;
                f.action = action;
                BB_ASSIGN(auto page, m_audit.list(conn, f));
                return page.total;
            })
            .value();
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<EnterpriseService> m_enterprises;
    std::unique_ptr<RsvService> m_service;
    core::Actor m_admin = actor_with(core::Role::Admin, 1);
    core::Actor m_consultant = actor_with(core::Role::Consultant, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 4);
    core::Actor m_owner;
    std::int64_t m_first = 0;
    std::int64_t m_second = 0;
};

TEST_P(RsvServiceTest, ReadinessStartsUnassessed) {
    auto r = m_service->get_readiness(m_first, m_consultant);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->enterprise_name, "Sumak");
    EXPECT_EQ(r->updated_at, 0);
    for (std::size_t i = 0; i < k_rsv_criterion_count; ++i) {
        EXPECT_EQ(r->criteria[i].criterion, k_all_rsv_criteria[i]);
        EXPECT_EQ(r->criteria[i].met, RsvMet::Unanswered);
    }
    EXPECT_FALSE(r->ready());
}

TEST_P(RsvServiceTest, SavesAndLoadsReadiness) {
    RsvReadinessInput in = readiness_all("yes", "Se vedtægterne");
    in[1] = {"partly", "  Omsætning 40 % fra salg  "};
    in[3] = {"no", ""};
    in[4] = {"", ""};
    auto saved = m_service->save_readiness(m_first, in, m_consultant);
    ASSERT_TRUE(saved.ok()) << saved.error().message;
    auto r = m_service->get_readiness(m_first, m_caseworker);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->criteria[0].met, RsvMet::Yes);
    EXPECT_EQ(r->criteria[0].evidence, "Se vedtægterne");
    EXPECT_EQ(r->criteria[1].met, RsvMet::Partly);
    EXPECT_EQ(r->criteria[1].evidence, "Omsætning 40 % fra salg");
    EXPECT_EQ(r->criteria[3].met, RsvMet::No);
    EXPECT_EQ(r->criteria[4].met, RsvMet::Unanswered);
    EXPECT_EQ(r->met_count(), 2);
    EXPECT_EQ(r->updated_by, "consultant2");
    EXPECT_EQ(r->updated_at, m_clock.now());

    // Saving again replaces the checklist.
    ASSERT_TRUE(m_service->save_readiness(m_first, readiness_all("yes"), m_owner).ok());
    r = m_service->get_readiness(m_first, m_owner);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->ready());
    EXPECT_EQ(r->updated_by, "enterprise5");
    EXPECT_EQ(audit_rows("rsv_readiness"), 2);
    // The other enterprise is untouched.
    EXPECT_EQ(m_service->get_readiness(m_second, m_admin)->met_count(), 0);
}

TEST_P(RsvServiceTest, ReadinessValidation) {
    RsvReadinessInput in = readiness_all("yes");
    in[0].met = "maybe";
    in[2] = {"yes", ""};
    in[4].evidence = std::string(2001, 'x');
    auto r = m_service->save_readiness(m_first, in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"social_purpose_met", "independence_evidence",
                                                           "profit_handling_evidence"}));
    EXPECT_EQ(r.error().fields[1].message,
              "Skriv, hvad der dokumenterer, at kriteriet \"Uafhængighed af det offentlige\" er opfyldt.");
    EXPECT_EQ(r.error().fields[2].message, "Dokumentationen må højst være 2.000 tegn.");
    in[4].evidence = std::string(2000, 'x');
    in[0].met = "no";
    in[2].evidence = "Ejet af en forening";
    EXPECT_TRUE(m_service->save_readiness(m_first, in, m_consultant).ok());
    EXPECT_EQ(audit_rows("rsv_readiness"), 1);
}

TEST_P(RsvServiceTest, SavesStatementsAndChecksTheDividend) {
    auto created =
        m_service->save_statement(m_first, std::nullopt, statement("2024", "1.000.000", "350.000"), m_owner);
    ASSERT_TRUE(created.ok()) << created.error().message;
    EXPECT_EQ(created->year, 2024);
    EXPECT_EQ(created->profit_after_tax_oere, 100'000'000);
    EXPECT_EQ(created->dividend_oere, 35'000'000);
    EXPECT_EQ(created->management_remuneration_oere, 48'000'000);
    EXPECT_EQ(created->management_remuneration, "Direktør: løn efter overenskomst");
    EXPECT_EQ(created->submitted_on, core::Date::parse("2025-02-15"));
    EXPECT_TRUE(created->dividend_check().ok);

    auto second =
        m_service->save_statement(m_first, std::nullopt, statement("2023", "-12.500,50", "1.000"), m_admin);
    ASSERT_TRUE(second.ok()) << second.error().message;
    EXPECT_EQ(second->profit_after_tax_oere, -1'250'050);
    EXPECT_FALSE(second->dividend_check().ok);

    auto list = m_service->list_statements(m_first, m_caseworker);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].year, 2024);  // newest first
    EXPECT_EQ((*list)[1].year, 2023);
    EXPECT_TRUE(m_service->list_statements(m_second, m_consultant)->empty());

    // Edit: more dividend than 35 % is stored, and the check says so.
    RsvStatementInput edit = statement("2024", "1.000.000", "350.100");
    edit.management_remuneration_amount = "";
    edit.submitted_on = "";
    auto updated = m_service->save_statement(m_first, 2024, edit, m_consultant);
    ASSERT_TRUE(updated.ok()) << updated.error().message;
    EXPECT_EQ(updated->id, created->id);
    EXPECT_FALSE(updated->dividend_check().ok);
    EXPECT_EQ(updated->management_remuneration_oere, std::nullopt);
    EXPECT_EQ(updated->submitted_on, std::nullopt);
    auto got = m_service->get_statement(m_first, 2024, m_owner);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(got->dividend_oere, 35'010'000);
    EXPECT_EQ(got->updated_by, "consultant2");

    // Moving a statement to another year.
    edit.year = "2022";
    auto moved = m_service->save_statement(m_first, 2024, edit, m_consultant);
    ASSERT_TRUE(moved.ok()) << moved.error().message;
    EXPECT_EQ(moved->year, 2022);
    EXPECT_EQ(m_service->get_statement(m_first, 2024, m_consultant).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("rsv_statement_create"), 2);
    EXPECT_EQ(audit_rows("rsv_statement_update"), 2);
}

TEST_P(RsvServiceTest, DuplicateYearIsAConflict) {
    ASSERT_TRUE(
        m_service->save_statement(m_first, std::nullopt, statement("2024", "100"), m_consultant).ok());
    auto again = m_service->save_statement(m_first, std::nullopt, statement("2024", "200"), m_consultant);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, core::ErrorCode::Conflict);
    EXPECT_EQ(again.error().message, "Der findes allerede en årsredegørelse for 2024.");
    ASSERT_TRUE(
        m_service->save_statement(m_first, std::nullopt, statement("2023", "100"), m_consultant).ok());
    auto move = m_service->save_statement(m_first, 2023, statement("2024", "100"), m_consultant);
    ASSERT_FALSE(move.ok());
    EXPECT_EQ(move.error().code, core::ErrorCode::Conflict);
    // The same year for another enterprise is fine.
    EXPECT_TRUE(
        m_service->save_statement(m_second, std::nullopt, statement("2024", "100"), m_consultant).ok());
    // Editing a year that has no statement.
    EXPECT_EQ(m_service->save_statement(m_first, 2019, statement("2019", "100"), m_consultant).error().code,
              core::ErrorCode::NotFound);
}

TEST_P(RsvServiceTest, StatementValidation) {
    RsvStatementInput in = statement("13", "", "-5");
    in.management_remuneration_amount = "mange";
    in.purpose_statement = std::string(5001, 'x');
    in.submitted_on = "2025-13-01";
    auto r = m_service->save_statement(m_first, std::nullopt, in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"year", "profit_after_tax", "dividend",
                                                           "management_remuneration_amount",
                                                           "purpose_statement", "submitted_on"}));
    EXPECT_EQ(r.error().fields[0].message, "Skriv et årstal med fire cifre fra 2014 til 2025.");
    EXPECT_EQ(r.error().fields[2].message, "Beløbet kan ikke være negativt.");

    auto future = m_service->save_statement(m_first, std::nullopt, statement("2026", "100"), m_consultant);
    ASSERT_FALSE(future.ok());
    EXPECT_EQ(fields(future.error()), std::vector<std::string>{"year"});
    auto early = m_service->save_statement(m_first, std::nullopt, statement("2013", "100"), m_consultant);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(fields(early.error()), std::vector<std::string>{"year"});
    RsvStatementInput later = statement("2025", "100");
    later.submitted_on = "2025-03-02";  // tomorrow
    auto tomorrow = m_service->save_statement(m_first, std::nullopt, later, m_consultant);
    ASSERT_FALSE(tomorrow.ok());
    EXPECT_EQ(fields(tomorrow.error()), std::vector<std::string>{"submitted_on"});
    EXPECT_TRUE(m_service->list_statements(m_first, m_consultant)->empty());
    EXPECT_EQ(audit_rows("rsv_statement_create"), 0);
}

TEST_P(RsvServiceTest, RecordLevelAccess) {
    const auto ok_in = statement("2024", "100");
    // Enterprise users: own only; another enterprise (or one that does not exist) is NotFound.
    core::Actor other = actor_with(core::Role::Enterprise, 6, m_second);
    EXPECT_EQ(m_service->get_readiness(m_first, other).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->save_readiness(m_first, readiness_all("no"), other).error().code,
              core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->list_statements(m_first, other).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->save_statement(m_first, std::nullopt, ok_in, other).error().code,
              core::ErrorCode::NotFound);
    core::Actor orphan = actor_with(core::Role::Enterprise, 7);
    EXPECT_EQ(m_service->get_readiness(m_first, orphan).error().code, core::ErrorCode::NotFound);
    ASSERT_TRUE(m_service->save_statement(m_first, std::nullopt, ok_in, m_owner).ok());
    EXPECT_EQ(m_service->get_statement(m_first, 2024, other).error().code, core::ErrorCode::NotFound);
    EXPECT_TRUE(m_service->get_statement(m_first, 2024, m_owner).ok());

    // Caseworkers read, never write.
    EXPECT_TRUE(m_service->get_readiness(m_first, m_caseworker).ok());
    EXPECT_TRUE(m_service->get_statement(m_first, 2024, m_caseworker).ok());
    EXPECT_EQ(m_service->save_readiness(m_first, readiness_all("no"), m_caseworker).error().code,
              core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->save_statement(m_first, 2024, ok_in, m_caseworker).error().code,
              core::ErrorCode::Forbidden);

    // Buyers: nothing.
    EXPECT_EQ(m_service->get_readiness(m_first, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->list_statements(m_first, m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->save_statement(m_first, std::nullopt, ok_in, m_buyer).error().code,
              core::ErrorCode::Forbidden);

    // Staff see a missing enterprise as NotFound.
    EXPECT_EQ(m_service->get_readiness(999, m_admin).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->list_statements(999, m_admin).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->save_readiness(999, readiness_all("no"), m_admin).error().code,
              core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->save_statement(999, std::nullopt, ok_in, m_admin).error().code,
              core::ErrorCode::NotFound);
    EXPECT_EQ(audit_rows("rsv_readiness"), 0);
}

BB_INSTANTIATE_BACKENDS(RsvServiceTest);

}  // namespace
}  // namespace enterprises
