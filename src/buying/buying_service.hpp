#pragma once
/// Buying (B2): requests from buyers to enterprises about published catalogue items, the
/// enterprises' answers, voluntary purchase agreements (frivillige indkøbsaftaler), recorded
/// purchases and the spend report (docs/buying.md).
///
/// Access is decided here, from the core::Actor:
///   - buyer: sends requests (only about published items) and sees only the requests it sent
///     (others are NotFound); records agreements and purchases and sees only the ones it
///     recorded itself; cannot answer (Forbidden for its own request, NotFound for others');
///   - enterprise user: sees and answers only requests to its own enterprise
///     (actor.enterprise_id); other enterprises' requests are NotFound and nothing changes;
///     no agreements, purchases or spend (Forbidden);
///   - consultant, admin: see and answer every request; record and see every agreement and
///     purchase; the spend report;
///   - caseworker: nothing (Forbidden), except the year's spend as one sum (spend_total).
/// Every change writes an audit row (object_type "buying_request", "purchase_agreement",
/// "purchase") in the same transaction. The item of a request is looked up through
/// catalogue::CatalogueService::public_item; buying's SQL reads the registry's `enterprises`
/// (id, name, kind) read-only for names and choices. Thread-safe: one instance serves all.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "buying/model.hpp"
#include "catalogue/catalogue_service.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace buying {

class BuyingService {
public:
    /// `catalogue`: the published items a request or an agreement may name.
    BuyingService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                  catalogue::CatalogueService& catalogue);
    BuyingService(const BuyingService&) = delete;
    BuyingService& operator=(const BuyingService&) = delete;

    // ---- requests ----

    /// The published item a buyer is about to ask about (the "new request" page). Buyers
    /// only; NotFound for drafts and unknown items.
    core::Result<ItemRef> request_item(std::int64_t item_id, const core::Actor& actor);
    /// Sends a request (buyers only). Validation: item_id, buyer_organisation, message,
    /// quantity, desired_date.
    core::Result<Request> send_request(const RequestInput& input, const core::Actor& actor);
    /// One request the actor may see; NotFound otherwise.
    core::Result<Request> get_request(std::int64_t id, const core::Actor& actor);
    /// The requests the actor may see, newest first; `status` filters ("" = all).
    core::Result<std::vector<Request>> list_requests(const std::string& status, const core::Actor& actor);
    /// Answers (or declines) a request: the owning enterprise's users, consultant, admin.
    /// Validation: status, answer. May be answered again (the latest answer counts).
    core::Result<Request> answer_request(std::int64_t id, const AnswerInput& input, const core::Actor& actor);

    // ---- agreements and purchases ----

    /// Records an agreement (consultant, admin, buyer). Validation: buyer_organisation,
    /// enterprise_id, title, start_date, end_date, note.
    core::Result<Agreement> create_agreement(const AgreementInput& input, const core::Actor& actor);
    core::Result<Agreement> get_agreement(std::int64_t id, const core::Actor& actor);
    /// Every agreement (staff) or the buyer's own.
    core::Result<std::vector<Agreement>> list_agreements(const core::Actor& actor);
    /// Records a purchase (consultant, admin, buyer). Validation: purchase_date, amount,
    /// buyer_organisation, enterprise_id, agreement_id, description.
    core::Result<Purchase> record_purchase(const PurchaseInput& input, const core::Actor& actor);
    /// Every purchase (staff) or the buyer's own, by purchase date.
    core::Result<std::vector<Purchase>> list_purchases(const PurchaseFilter& filter,
                                                       const core::Actor& actor);
    /// Social enterprises and initiatives for the agreement and purchase forms.
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);

    // ---- report ----

    /// Spend in `year` ("" = this year in Copenhagen) per buyer organisation and enterprise,
    /// and per year overall; consultant and admin only. Validation on "year".
    core::Result<SpendReport> spend(const std::string& year, const core::Actor& actor);
    /// Figure read: the spend of `year` as one sum and a count of purchases — never a buyer,
    /// an enterprise or a purchase. Consultant, admin and caseworker (the roles that read the
    /// goals, F1); enterprise and buyer Forbidden. Validation on "year" (2000–9999).
    core::Result<SpendTotal> spend_total(int year, const core::Actor& actor);

    /// Published items of an enterprise (for the demo loader).
    core::Result<std::vector<ItemRef>> published_items(std::int64_t enterprise_id);
    /// Today in Europe/Copenhagen.
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    catalogue::CatalogueService& m_catalogue;
};

}  // namespace buying
