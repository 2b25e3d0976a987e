// BuyingService against every storage backend (SQLite always, PostgreSQL when configured).
#include "buying/buying_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "buying/demo.hpp"
#include "catalogue/catalogue_service.hpp"
#include "enterprises/enterprise_service.hpp"
#include "support/test_db.hpp"

namespace buying {
namespace {

core::Actor actor_with(core::Role role, std::int64_t user_id,
                       std::optional<std::int64_t> enterprise_id = std::nullopt) {
    core::Actor a;
    a.user_id = user_id;
    a.username = std::string(core::role_code(role)) + std::to_string(user_id);
    a.role = role;
    a.enterprise_id = enterprise_id;
    return a;
}

class BuyingServiceTest : public test_support::BackendTest {
protected:
    void SetUp() override {
        BackendTest::SetUp();
        m_enterprises = std::make_unique<enterprises::EnterpriseService>(database(), m_clock, m_audit);
        m_catalogue = std::make_unique<catalogue::CatalogueService>(database(), m_clock, m_audit);
        m_service = std::make_unique<BuyingService>(database(), m_clock, m_audit, *m_catalogue);
        m_a = enterprise("Sumak");
        m_b = enterprise("Grøn Fokus");
        m_partner = enterprise("Firma A/S", "csr_company");
        m_user_a = actor_with(core::Role::Enterprise, 11, m_a);
        m_user_b = actor_with(core::Role::Enterprise, 12, m_b);
        m_item_a = item(m_a, "Frokostbuffet");
        m_item_b = item(m_b, "Havearbejde");
        m_draft_a = item(m_a, "Hemmelig kladde", false);
    }
    void TearDown() override {
        m_service.reset();
        m_catalogue.reset();
        m_enterprises.reset();
        BackendTest::TearDown();
    }

    std::int64_t enterprise(std::string name, std::string kind = "social_enterprise") {
        enterprises::EnterpriseInput in;
        in.name = std::move(name);
        in.kind = std::move(kind);
        in.municipality = "Slagelse";
        in.status = "established";
        in.status_date = "2018-01-01";
        auto r = m_enterprises->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? r->id : 0;
    }

    std::int64_t item(std::int64_t enterprise_id, std::string title, bool publish = true) {
        catalogue::ItemInput in;
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = std::move(title);
        in.category = "mad_catering";
        in.price = "100";
        in.unit = "stk.";
        auto r = m_catalogue->create(in, m_consultant);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        if (r.ok() && publish) {
            EXPECT_TRUE(m_catalogue->publish(r->id, m_consultant).ok());
        }
        return r.ok() ? r->id : 0;
    }

    static RequestInput request_input(std::int64_t item_id,
                                      std::string message = "Kan I levere til 40 personer?") {
        RequestInput in;
        in.item_id = std::to_string(item_id);
        in.buyer_organisation = "Slagelse Kommune, Jobcenter";
        in.message = std::move(message);
        in.quantity = "40 kuverter";
        in.desired_date = "2025-04-01";
        return in;
    }

    Request send(std::int64_t item_id, const core::Actor& buyer) {
        auto r = m_service->send_request(request_input(item_id), buyer);
        EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
        return r.ok() ? *r : Request{};
    }

    PurchaseInput purchase_input(std::string date, std::string amount, std::string buyer,
                                 std::int64_t enterprise_id) {
        PurchaseInput in;
        in.purchase_date = std::move(date);
        in.amount = std::move(amount);
        in.buyer_organisation = std::move(buyer);
        in.enterprise_id = std::to_string(enterprise_id);
        in.description = "Indkøb";
        return in;
    }

    AgreementInput agreement_input(std::int64_t enterprise_id, std::string start = "2024-01-01",
                                   std::string end = "") {
        AgreementInput in;
        in.buyer_organisation = "Slagelse Kommune";
        in.enterprise_id = std::to_string(enterprise_id);
        in.title = "Mødeforplejning";
        in.start_date = std::move(start);
        in.end_date = std::move(end);
        in.note = "Frivillig indkøbsaftale.";
        return in;
    }

    static std::vector<std::string> fields(const core::Error& e) {
        std::vector<std::string> out;
        for (const auto& f : e.fields) out.push_back(f.field);
        return out;
    }
    static bool has_field(const core::Error& e, std::string_view field) {
        auto f = fields(e);
        return std::find(f.begin(), f.end(), field) != f.end();
    }
    std::int64_t audit_rows(std::string_view object_type) {
        auto r = database().read([&](db::Connection& c) {
            return c.query("SELECT COUNT(*) FROM audit_log WHERE object_type = $1",
                           {std::string(object_type)});
        });
        EXPECT_TRUE(r.ok());
        return r.ok() ? r->first().int64(0) : -1;
    }

    core::ManualClock m_clock{*core::parse_iso_timestamp("2025-03-01T10:00:00Z")};
    audit::AuditLog m_audit{m_clock};
    std::unique_ptr<enterprises::EnterpriseService> m_enterprises;
    std::unique_ptr<catalogue::CatalogueService> m_catalogue;
    std::unique_ptr<BuyingService> m_service;
    core::Actor m_consultant = actor_with(core::Role::Consultant, 1);
    core::Actor m_admin = actor_with(core::Role::Admin, 2);
    core::Actor m_caseworker = actor_with(core::Role::Caseworker, 3);
    core::Actor m_buyer = actor_with(core::Role::Buyer, 21);
    core::Actor m_buyer2 = actor_with(core::Role::Buyer, 22);
    std::int64_t m_a = 0, m_b = 0, m_partner = 0;
    core::Actor m_user_a, m_user_b;
    std::int64_t m_item_a = 0, m_item_b = 0, m_draft_a = 0;
};

TEST_P(BuyingServiceTest, BuyerSendsRequestAndEnterpriseAnswers) {
    auto sent = m_service->send_request(request_input(m_item_a), m_buyer);
    ASSERT_TRUE(sent.ok()) << sent.error().message;
    EXPECT_EQ(sent->enterprise_id, m_a);
    EXPECT_EQ(sent->enterprise_name, "Sumak");
    EXPECT_EQ(sent->item_title, "Frokostbuffet");
    EXPECT_EQ(sent->buyer_user_id, 21);
    EXPECT_EQ(sent->buyer_organisation, "Slagelse Kommune, Jobcenter");
    EXPECT_EQ(sent->quantity, "40 kuverter");
    ASSERT_TRUE(sent->desired_date);
    EXPECT_EQ(sent->desired_date->iso(), "2025-04-01");
    EXPECT_EQ(sent->status, RequestStatus::Sent);

    auto inbox = m_service->list_requests("", m_user_a);
    ASSERT_TRUE(inbox.ok());
    ASSERT_EQ(inbox->size(), 1u);
    EXPECT_EQ(inbox->front().id, sent->id);

    m_clock.advance(3600);
    auto answered = m_service->answer_request(sent->id, {"answered", "Ja, vi leverer kl. 11.30."}, m_user_a);
    ASSERT_TRUE(answered.ok()) << answered.error().message;
    EXPECT_EQ(answered->status, RequestStatus::Answered);
    EXPECT_EQ(answered->answer, "Ja, vi leverer kl. 11.30.");
    EXPECT_TRUE(answered->answered_at);

    auto seen = m_service->get_request(sent->id, m_buyer);
    ASSERT_TRUE(seen.ok());
    EXPECT_EQ(seen->status, RequestStatus::Answered);
    EXPECT_EQ(seen->answer, "Ja, vi leverer kl. 11.30.");
    EXPECT_EQ(audit_rows("buying_request"), 2);

    // A consultant can decline another; the status filter works.
    auto second = send(m_item_b, m_buyer);
    ASSERT_TRUE(m_service->answer_request(second.id, {"declined", "Ikke muligt i år."}, m_consultant).ok());
    auto declined = m_service->list_requests("declined", m_consultant);
    ASSERT_TRUE(declined.ok());
    ASSERT_EQ(declined->size(), 1u);
    EXPECT_EQ(declined->front().id, second.id);
    EXPECT_EQ(m_service->list_requests("", m_admin)->size(), 2u);
}

TEST_P(BuyingServiceTest, RequestsAreIsolated) {
    auto to_a = send(m_item_a, m_buyer);
    auto to_b = send(m_item_b, m_buyer2);

    // Enterprise B cannot see or answer A's request: NotFound, nothing changes.
    auto get = m_service->get_request(to_a.id, m_user_b);
    ASSERT_FALSE(get.ok());
    EXPECT_EQ(get.error().code, core::ErrorCode::NotFound);
    auto answer = m_service->answer_request(to_a.id, {"answered", "Hej"}, m_user_b);
    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->get_request(to_a.id, m_user_a)->status, RequestStatus::Sent);
    auto b_list = m_service->list_requests("", m_user_b);
    ASSERT_TRUE(b_list.ok());
    ASSERT_EQ(b_list->size(), 1u);
    EXPECT_EQ(b_list->front().id, to_b.id);

    // A buyer sees only the requests it sent; another buyer's are NotFound.
    auto mine = m_service->list_requests("", m_buyer);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().id, to_a.id);
    EXPECT_EQ(m_service->get_request(to_b.id, m_buyer).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->answer_request(to_b.id, {"answered", "x"}, m_buyer).error().code,
              core::ErrorCode::NotFound);
    // …and cannot answer its own.
    EXPECT_EQ(m_service->answer_request(to_a.id, {"answered", "x"}, m_buyer).error().code,
              core::ErrorCode::Forbidden);

    // An enterprise user without an enterprise sees nothing; caseworkers have no access.
    EXPECT_TRUE(m_service->list_requests("", actor_with(core::Role::Enterprise, 13))->empty());
    EXPECT_EQ(m_service->list_requests("", m_caseworker).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->get_request(to_a.id, m_caseworker).error().code, core::ErrorCode::Forbidden);
    // Only buyers send requests.
    EXPECT_EQ(m_service->send_request(request_input(m_item_a), m_consultant).error().code,
              core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->send_request(request_input(m_item_a), m_user_a).error().code,
              core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->get_request(999999, m_consultant).error().code, core::ErrorCode::NotFound);
}

TEST_P(BuyingServiceTest, RequestValidation) {
    RequestInput in;
    in.item_id = std::to_string(m_draft_a);
    in.message = std::string(2001, 'x');
    in.quantity = std::string(101, 'y');
    in.desired_date = "2025-02-28";  // yesterday
    auto r = m_service->send_request(in, m_buyer);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, core::ErrorCode::Validation);
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"item_id", "buyer_organisation", "message",
                                                           "quantity", "desired_date"}));
    EXPECT_EQ(r.error().fields[0].message,
              "Varen eller ydelsen findes ikke i kataloget eller er ikke offentliggjort.");
    EXPECT_EQ(r.error().fields[2].message, "Beskeden må højst være 2.000 tegn.");

    auto bad_date = request_input(m_item_a);
    bad_date.desired_date = "2025-02-30";
    EXPECT_EQ(m_service->send_request(bad_date, m_buyer).error().fields[0].message,
              "Skriv datoen som ÅÅÅÅ-MM-DD, fx 2026-03-14.");
    auto no_message = request_input(m_item_a, "   ");
    EXPECT_EQ(m_service->send_request(no_message, m_buyer).error().fields[0].message,
              "Skriv din forespørgsel til virksomheden.");
    auto optional_empty = request_input(m_item_a);
    optional_empty.quantity.clear();
    optional_empty.desired_date.clear();
    auto ok = m_service->send_request(optional_empty, m_buyer);
    ASSERT_TRUE(ok.ok());
    EXPECT_FALSE(ok->desired_date);
    EXPECT_EQ(m_service->request_item(m_draft_a, m_buyer).error().code, core::ErrorCode::NotFound);
    EXPECT_EQ(m_service->request_item(m_item_a, m_buyer)->enterprise_name, "Sumak");

    auto a = m_service->answer_request(ok->id, {"sent", ""}, m_user_a);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(fields(a.error()), (std::vector<std::string>{"status", "answer"}));
    EXPECT_EQ(m_service->get_request(ok->id, m_user_a)->status, RequestStatus::Sent);
}

TEST_P(BuyingServiceTest, RequestKeepsItemTitleWhenItemIsDeleted) {
    auto sent = send(m_item_a, m_buyer);
    ASSERT_TRUE(m_catalogue->remove(m_item_a, m_consultant).ok());
    auto r = m_service->get_request(sent.id, m_buyer);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->item_id);
    EXPECT_EQ(r->item_title, "Frokostbuffet");
}

TEST_P(BuyingServiceTest, SpendIsSummedByPurchaseDatePerYearBuyerAndEnterprise) {
    // Typed on 2025-03-01, but happened in 2024: counts in 2024.
    ASSERT_TRUE(
        m_service
            ->record_purchase(purchase_input("2024-12-31", "1.000", "Slagelse Kommune", m_a), m_consultant)
            .ok());
    ASSERT_TRUE(
        m_service->record_purchase(purchase_input("2024-06-15", "250,50", "slagelse kommune ", m_b), m_buyer)
            .ok());
    ASSERT_TRUE(
        m_service->record_purchase(purchase_input("2024-01-01", "500", "Boligselskabet", m_a), m_admin).ok());
    ASSERT_TRUE(
        m_service->record_purchase(purchase_input("2025-01-01", "99", "Slagelse Kommune", m_a), m_consultant)
            .ok());
    EXPECT_EQ(audit_rows("purchase"), 4);

    auto y2024 = m_service->spend("2024", m_consultant);
    ASSERT_TRUE(y2024.ok()) << y2024.error().message;
    EXPECT_EQ(y2024->year, 2024);
    EXPECT_EQ(y2024->total_oere, 175050);
    EXPECT_EQ(y2024->total_purchases, 3);
    ASSERT_EQ(y2024->by_buyer.size(), 2u);  // "Slagelse Kommune" and "slagelse kommune" are one buyer
    EXPECT_EQ(y2024->by_buyer[0].amount_oere, 125050);
    EXPECT_EQ(y2024->by_buyer[0].purchases, 2);
    EXPECT_EQ(y2024->by_buyer[1].label, "Boligselskabet");
    EXPECT_EQ(y2024->by_buyer[1].amount_oere, 50000);
    ASSERT_EQ(y2024->by_enterprise.size(), 2u);
    EXPECT_EQ(y2024->by_enterprise[0].label, "Sumak");
    EXPECT_EQ(y2024->by_enterprise[0].amount_oere, 150000);
    EXPECT_EQ(y2024->by_enterprise[1].label, "Grøn Fokus");
    EXPECT_EQ(y2024->by_enterprise[1].amount_oere, 25050);
    ASSERT_EQ(y2024->by_year.size(), 2u);
    EXPECT_EQ(y2024->by_year[0].key, "2024");
    EXPECT_EQ(y2024->by_year[0].amount_oere, 175050);
    EXPECT_EQ(y2024->by_year[1].key, "2025");
    EXPECT_EQ(y2024->by_year[1].amount_oere, 9900);

    auto current = m_service->spend("", m_admin);  // this year in Copenhagen: 2025
    ASSERT_TRUE(current.ok());
    EXPECT_EQ(current->year, 2025);
    EXPECT_EQ(current->total_oere, 9900);
    EXPECT_EQ(m_service->spend("2023", m_admin)->total_oere, 0);
    EXPECT_TRUE(has_field(m_service->spend("24", m_admin).error(), "year"));
    EXPECT_EQ(m_service->spend("2024", m_buyer).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->spend("2024", m_user_a).error().code, core::ErrorCode::Forbidden);

    // Buyers list only their own purchases; staff all; by year of purchase.
    auto mine = m_service->list_purchases({}, m_buyer);
    ASSERT_TRUE(mine.ok());
    ASSERT_EQ(mine->size(), 1u);
    EXPECT_EQ(mine->front().amount_oere, 25050);
    EXPECT_EQ(m_service->list_purchases({}, m_buyer2)->size(), 0u);
    EXPECT_EQ(m_service->list_purchases({}, m_consultant)->size(), 4u);
    EXPECT_EQ(m_service->list_purchases({"2024"}, m_consultant)->size(), 3u);
    EXPECT_EQ(m_service->list_purchases({}, m_user_a).error().code, core::ErrorCode::Forbidden);
}

TEST_P(BuyingServiceTest, PurchaseValidation) {
    PurchaseInput in;
    in.purchase_date = "2025-03-02";  // tomorrow
    in.amount = "0";
    in.enterprise_id = std::to_string(m_partner);
    in.description = std::string(501, 'x');
    auto r = m_service->record_purchase(in, m_consultant);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(fields(r.error()), (std::vector<std::string>{"purchase_date", "amount", "buyer_organisation",
                                                           "enterprise_id", "description"}));
    EXPECT_EQ(r.error().fields[0].message, "Købsdatoen kan ikke ligge i fremtiden.");
    EXPECT_EQ(r.error().fields[1].message, "Beløbet skal være større end 0 kr.");
    EXPECT_EQ(r.error().fields[3].message, "Vælg en socialøkonomisk virksomhed eller et initiativ.");

    auto big = purchase_input("2025-03-01", "10.000.000,01", "Slagelse Kommune", m_a);
    EXPECT_EQ(m_service->record_purchase(big, m_consultant).error().fields[0].message,
              "Beløbet må højst være 10.000.000 kr.");
    auto max = purchase_input("2025-03-01", "10.000.000", "Slagelse Kommune", m_a);
    EXPECT_TRUE(m_service->record_purchase(max, m_consultant).ok());
    auto old = purchase_input("1999-12-31", "10", "Slagelse Kommune", m_a);
    EXPECT_TRUE(has_field(m_service->record_purchase(old, m_consultant).error(), "purchase_date"));
    EXPECT_EQ(m_service->record_purchase(max, m_user_a).error().code, core::ErrorCode::Forbidden);
    EXPECT_EQ(m_service->record_purchase(max, m_caseworker).error().code, core::ErrorCode::Forbidden);
}

TEST_P(BuyingServiceTest, AgreementDateRules) {
    auto bad = m_service->create_agreement(agreement_input(m_a, "2025-06-01", "2025-05-31"), m_consultant);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(fields(bad.error()), (std::vector<std::string>{"end_date"}));
    EXPECT_EQ(bad.error().fields[0].message, "Slutdatoen kan ikke ligge før startdatoen.");
    auto missing = m_service->create_agreement(agreement_input(m_a, ""), m_consultant);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().fields[0].message, "Skriv, hvornår aftalen begynder.");
    AgreementInput empty;
    auto all = m_service->create_agreement(empty, m_consultant);
    ASSERT_FALSE(all.ok());
    EXPECT_EQ(fields(all.error()),
              (std::vector<std::string>{"buyer_organisation", "enterprise_id", "title", "start_date"}));

    auto same_day =
        m_service->create_agreement(agreement_input(m_a, "2024-01-01", "2024-01-01"), m_consultant);
    ASSERT_TRUE(same_day.ok()) << same_day.error().message;
    auto agreement =
        m_service->create_agreement(agreement_input(m_a, "2024-01-01", "2024-12-31"), m_consultant);
    ASSERT_TRUE(agreement.ok());
    EXPECT_EQ(agreement->enterprise_name, "Sumak");
    ASSERT_TRUE(agreement->end_date);
    EXPECT_EQ(agreement->end_date->iso(), "2024-12-31");
    EXPECT_EQ(audit_rows("purchase_agreement"), 2);

    // A purchase under the agreement must fall inside its period, with the same enterprise and buyer.
    auto in = purchase_input("2025-01-15", "500", "Slagelse Kommune", m_a);
    in.agreement_id = std::to_string(agreement->id);
    auto outside = m_service->record_purchase(in, m_consultant);
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().fields[0].message, "Købsdatoen ligger uden for aftalens periode.");
    in.purchase_date = "2024-12-31";
    auto inside = m_service->record_purchase(in, m_consultant);
    ASSERT_TRUE(inside.ok()) << inside.error().message;
    EXPECT_EQ(inside->agreement_id, agreement->id);
    EXPECT_EQ(inside->agreement_title, "Mødeforplejning");
    in.enterprise_id = std::to_string(m_b);
    EXPECT_EQ(m_service->record_purchase(in, m_consultant).error().fields[0].message,
              "Aftalen er med en anden virksomhed end købet.");
    in.enterprise_id = std::to_string(m_a);
    in.buyer_organisation = "Boligselskabet";
    EXPECT_EQ(m_service->record_purchase(in, m_consultant).error().fields[0].message,
              "Aftalen er indgået af en anden organisation end køberen.");

    // Buyers record and see their own agreements; another buyer's agreement cannot be used.
    auto own = m_service->create_agreement(agreement_input(m_b), m_buyer);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(m_service->list_agreements(m_buyer)->size(), 1u);
    EXPECT_EQ(m_service->list_agreements(m_buyer2)->size(), 0u);
    EXPECT_EQ(m_service->list_agreements(m_consultant)->size(), 3u);
    EXPECT_EQ(m_service->get_agreement(own->id, m_buyer2).error().code, core::ErrorCode::NotFound);
    auto foreign = purchase_input("2025-01-15", "500", "Slagelse Kommune", m_b);
    foreign.agreement_id = std::to_string(own->id);
    EXPECT_EQ(m_service->record_purchase(foreign, m_buyer2).error().fields[0].message,
              "Vælg en aftale fra listen.");
    EXPECT_TRUE(m_service->record_purchase(foreign, m_buyer).ok());
    EXPECT_EQ(m_service->create_agreement(agreement_input(m_a), m_user_a).error().code,
              core::ErrorCode::Forbidden);
}

TEST_P(BuyingServiceTest, DemoData) {
    auto n = load_demo(*m_service, core::Actor::system("demo"), 21);
    ASSERT_TRUE(n.ok()) << n.error().message;
    // Sumak has a published item (Frokostbuffet): one request; two agreements need Sumak and
    // Blindes Arbejde (only Sumak here); purchases for Sumak (5 of 12).
    EXPECT_EQ(*n, 1 + 1 + 5);
    EXPECT_EQ(m_service->list_requests("", m_buyer)->size(), 1u);
    EXPECT_EQ(m_service->list_requests("answered", m_user_a)->size(), 1u);
    auto purchases = m_service->list_purchases({}, m_consultant);
    ASSERT_TRUE(purchases.ok());
    EXPECT_EQ(purchases->size(), 5u);
    for (const auto& p : purchases.value()) EXPECT_TRUE(p.agreement_id);
}

BB_INSTANTIATE_BACKENDS(BuyingServiceTest);

}  // namespace
}  // namespace buying
