// BuyingService: validation, record-level access, storage and the spend report.
#include "buying/buying_service.hpp"

#include <cstdlib>
#include <span>

#include "buying/sql.hpp"
#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"

namespace buying {

namespace {

using core::Role;

core::Result<void> check_recorder(const core::Actor& a) {
    if (a.is_staff() || a.role == Role::Buyer) return {};
    return core::Error::forbidden("Kun indkøbere og kommunens konsulenter kan registrere aftaler og køb.");
}

/// 0 = sees everything (staff); a buyer's own user id otherwise.
std::int64_t recorder_filter(const core::Actor& a) {
    return a.is_staff() ? 0 : a.user_id;
}

using audit::user_ref;

core::UnixSeconds ts(const std::string& text) {
    return core::parse_iso_timestamp(text).value_or(0);
}

using core::check_date;
using core::check_text;

std::string organisation_key(const std::string& organisation) {
    return core::to_lower_danish(organisation);
}

void check_organisation(core::Validator& v, const std::string& organisation) {
    if (organisation.empty())
        v.add("buyer_organisation",
              "Skriv navnet på den organisation, der køber, fx Slagelse Kommune, Jobcenter.");
    else
        check_text(v, "buyer_organisation", organisation, k_max_organisation, "Organisationens navn");
}

Request request_from_row(const db::Row& r) {
    Request q;
    q.id = r.int64(0);
    q.item_id = r.opt_int64(1);
    q.item_title = r.text(2);
    q.enterprise_id = r.int64(3);
    q.enterprise_name = r.text(4);
    q.buyer_user_id = r.int64(5);
    q.buyer_organisation = r.text(6);
    q.message = r.text(7);
    q.quantity = r.text(8);
    if (auto d = r.opt_text(9)) q.desired_date = core::Date::parse(*d);
    q.status = parse_request_status(r.text(10)).value_or(RequestStatus::Sent);
    q.answer = r.text(11);
    if (auto a = r.opt_text(12)) q.answered_at = ts(*a);
    q.created_at = ts(r.text(13));
    return q;
}

Agreement agreement_from_row(const db::Row& r) {
    Agreement a;
    a.id = r.int64(0);
    a.buyer_organisation = r.text(1);
    a.enterprise_id = r.int64(2);
    a.enterprise_name = r.text(3);
    a.title = r.text(4);
    a.start_date = core::Date::parse(r.text(5)).value_or(core::Date{});
    if (auto e = r.opt_text(6)) a.end_date = core::Date::parse(*e);
    a.note = r.text(7);
    a.created_by = r.opt_int64(8);
    a.created_at = ts(r.text(9));
    return a;
}

Purchase purchase_from_row(const db::Row& r) {
    Purchase p;
    p.id = r.int64(0);
    p.purchase_date = core::Date::parse(r.text(1)).value_or(core::Date{});
    p.amount_oere = r.int64(2);
    p.buyer_organisation = r.text(3);
    p.enterprise_id = r.int64(4);
    p.enterprise_name = r.text(5);
    p.agreement_id = r.opt_int64(6);
    p.agreement_title = r.text(7);
    p.description = r.text(8);
    p.created_by = r.opt_int64(9);
    p.created_at = ts(r.text(10));
    return p;
}

core::Result<Request> load_request(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::request_by_id, {id}));
    if (rows.empty()) return core::Error::not_found();
    return request_from_row(rows.first());
}

core::Result<Agreement> load_agreement(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::agreement_by_id, {id}));
    if (rows.empty()) return core::Error::not_found();
    return agreement_from_row(rows.first());
}

core::Result<Purchase> load_purchase(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::purchase_by_id, {id}));
    if (rows.empty()) return core::Error::not_found();
    return purchase_from_row(rows.first());
}

/// Whether the actor may see request `r` (record level); callers hide it as NotFound.
bool sees_request(const core::Actor& a, const Request& r) {
    if (a.is_staff()) return true;
    if (a.role == Role::Buyer) return a.user_id > 0 && r.buyer_user_id == a.user_id;
    if (a.role == Role::Enterprise) return a.enterprise_id && *a.enterprise_id == r.enterprise_id;
    return false;
}

core::Result<void> check_request_reader(const core::Actor& a) {
    if (a.is_staff() || a.role == Role::Buyer || a.role == Role::Enterprise) return {};
    return core::Error::forbidden("Du har ikke adgang til forespørgsler.");
}

/// A posted enterprise id that must name a social enterprise or initiative of the registry.
core::Result<std::int64_t> check_enterprise(db::Connection& conn, core::Validator& v, std::string_view text) {
    BB_ASSIGN(auto found,
              enterprises::directory::check_choice(conn, v, "enterprise_id", text,
                                                   {.scope = enterprises::directory::Scope::SocialEconomy,
                                                    .missing = "Vælg den socialøkonomiske virksomhed."}));
    return found ? found->id : std::int64_t{0};
}

}  // namespace

BuyingService::BuyingService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                             catalogue::CatalogueService& catalogue)
    : m_db(db), m_clock(clock), m_audit(audit), m_catalogue(catalogue) {}

core::Date BuyingService::today() const {
    return core::today(m_clock);
}

// ---- requests ---------------------------------------------------------------------------------

core::Result<ItemRef> BuyingService::request_item(std::int64_t item_id, const core::Actor& actor) {
    if (actor.role != Role::Buyer) return core::Error::forbidden("Kun indkøbere kan sende forespørgsler.");
    BB_ASSIGN(auto item, m_catalogue.public_item(item_id));
    return ItemRef{item.id, item.title, item.enterprise_id, item.enterprise_name};
}

core::Result<Request> BuyingService::send_request(const RequestInput& in, const core::Actor& actor) {
    if (actor.role != Role::Buyer || actor.user_id <= 0)
        return core::Error::forbidden("Kun indkøbere kan sende forespørgsler.");
    core::Validator v;
    std::optional<ItemRef> item;
    long long item_id = 0;
    if (!core::parse_int64(core::trim(in.item_id), item_id) || item_id <= 0) {
        v.add("item_id", "Vælg en vare eller ydelse i kataloget.");
    } else {
        auto found = m_catalogue.public_item(item_id);
        if (found.ok())
            item = ItemRef{found->id, found->title, found->enterprise_id, found->enterprise_name};
        else if (found.error().code == core::ErrorCode::NotFound)
            v.add("item_id", "Varen eller ydelsen findes ikke i kataloget eller er ikke offentliggjort.");
        else
            return found.take_error();
    }
    const std::string organisation(core::trim(in.buyer_organisation));
    check_organisation(v, organisation);
    const std::string message(core::trim(in.message));
    if (message.empty())
        v.add("message", "Skriv din forespørgsel til virksomheden.");
    else
        check_text(v, "message", message, k_max_message, "Beskeden");
    const std::string quantity(core::trim(in.quantity));
    check_text(v, "quantity", quantity, k_max_quantity, "Antal");
    std::optional<core::Date> desired;
    if (!core::trim(in.desired_date).empty()) {
        desired = check_date(v, "desired_date", in.desired_date, "");
        if (desired && *desired < today()) {
            v.add("desired_date", "Den ønskede dato kan ikke ligge før i dag.");
            desired.reset();
        }
    }
    if (!v.ok()) return v.error();
    return m_db.write([&](db::Connection& conn) -> core::Result<Request> {
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto inserted,
                  conn.query(sql::request_insert,
                             {item->id, item->title, item->enterprise_id, actor.user_id, organisation,
                              message, quantity, desired ? db::Value(desired->iso()) : db::null(), now}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_audit.record(
            conn, actor, "create", "buying_request", std::to_string(id),
            "vare " + std::to_string(item->id) + ", virksomhed " + std::to_string(item->enterprise_id)));
        return load_request(conn, id);
    });
}

core::Result<Request> BuyingService::get_request(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_request_reader(actor));
    BB_ASSIGN(Request r, m_db.read([&](db::Connection& conn) { return load_request(conn, id); }));
    if (!sees_request(actor, r)) return core::Error::not_found();
    return r;
}

core::Result<std::vector<Request>> BuyingService::list_requests(const std::string& status,
                                                                const core::Actor& actor) {
    BB_TRY(check_request_reader(actor));
    std::int64_t enterprise = 0;
    std::int64_t buyer = 0;
    if (actor.role == Role::Enterprise) {
        if (!actor.enterprise_id) return std::vector<Request>{};
        enterprise = *actor.enterprise_id;
    } else if (actor.role == Role::Buyer) {
        if (actor.user_id <= 0) return std::vector<Request>{};
        buyer = actor.user_id;
    }
    const std::string s = parse_request_status(status) ? status : std::string();
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Request>> {
        BB_ASSIGN(auto rows, conn.query(sql::request_list, {enterprise, buyer, s}));
        std::vector<Request> out;
        for (const auto& r : rows.rows) out.push_back(request_from_row(r));
        return out;
    });
}

core::Result<Request> BuyingService::answer_request(std::int64_t id, const AnswerInput& in,
                                                    const core::Actor& actor) {
    BB_TRY(check_request_reader(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Request> {
        BB_ASSIGN(Request current, load_request(conn, id));
        if (!sees_request(actor, current)) return core::Error::not_found();
        if (actor.role == Role::Buyer)
            return core::Error::forbidden("Forespørgslen besvares af virksomheden.");
        core::Validator v;
        const auto status = parse_request_status(core::trim(in.status));
        if (!status || *status == RequestStatus::Sent)
            v.add("status", "Vælg, om forespørgslen besvares eller afvises.");
        const std::string answer(core::trim(in.answer));
        if (answer.empty())
            v.add("answer", "Skriv et svar til køberen.");
        else
            check_text(v, "answer", answer, k_max_answer, "Svaret");
        if (!v.ok()) return v.error();
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(conn.query(sql::request_answer,
                          {id, std::string(request_status_code(*status)), answer, now, user_ref(actor)}));
        BB_TRY(m_audit.record(conn, actor, "answer", "buying_request", std::to_string(id),
                              std::string(request_status_code(*status))));
        return load_request(conn, id);
    });
}

// ---- agreements and purchases --------------------------------------------------------------------

core::Result<Agreement> BuyingService::create_agreement(const AgreementInput& in, const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Agreement> {
        core::Validator v;
        const std::string organisation(core::trim(in.buyer_organisation));
        check_organisation(v, organisation);
        BB_ASSIGN(std::int64_t enterprise_id, check_enterprise(conn, v, in.enterprise_id));
        const std::string title(core::trim(in.title));
        if (title.empty())
            v.add("title", "Skriv en titel på aftalen, fx Gaver til jubilæer.");
        else
            check_text(v, "title", title, k_max_title, "Titlen");
        auto start = check_date(v, "start_date", in.start_date, "Skriv, hvornår aftalen begynder.");
        std::optional<core::Date> end;
        if (!core::trim(in.end_date).empty()) {
            end = check_date(v, "end_date", in.end_date, "");
            if (end && start && *end < *start) {
                v.add("end_date", "Slutdatoen kan ikke ligge før startdatoen.");
                end.reset();
            }
        }
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_note, "Noten");
        if (!v.ok()) return v.error();
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto inserted, conn.query(sql::agreement_insert,
                                            {organisation, organisation_key(organisation), enterprise_id,
                                             title, start->iso(), end ? db::Value(end->iso()) : db::null(),
                                             note, now, user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "create", "purchase_agreement", std::to_string(id),
                              "virksomhed " + std::to_string(enterprise_id)));
        return load_agreement(conn, id);
    });
}

core::Result<Agreement> BuyingService::get_agreement(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    BB_ASSIGN(Agreement a, m_db.read([&](db::Connection& conn) { return load_agreement(conn, id); }));
    if (!actor.is_staff() && (actor.user_id <= 0 || a.created_by != actor.user_id))
        return core::Error::not_found();
    return a;
}

core::Result<std::vector<Agreement>> BuyingService::list_agreements(const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    const std::int64_t only = recorder_filter(actor);
    if (!actor.is_staff() && only <= 0) return std::vector<Agreement>{};
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Agreement>> {
        BB_ASSIGN(auto rows, conn.query(sql::agreement_list, {only}));
        std::vector<Agreement> out;
        for (const auto& r : rows.rows) out.push_back(agreement_from_row(r));
        return out;
    });
}

core::Result<Purchase> BuyingService::record_purchase(const PurchaseInput& in, const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Purchase> {
        core::Validator v;
        auto date = check_date(v, "purchase_date", in.purchase_date, "Skriv datoen for købet.");
        if (date && *date > now_date) {
            v.add("purchase_date", "Købsdatoen kan ikke ligge i fremtiden.");
            date.reset();
        }
        std::int64_t amount = 0;
        auto parsed = parse_amount(in.amount, "amount");
        if (parsed.ok())
            amount = *parsed;
        else
            for (const auto& f : parsed.error().fields) v.add(f.field, f.message);
        const std::string organisation(core::trim(in.buyer_organisation));
        check_organisation(v, organisation);
        BB_ASSIGN(std::int64_t enterprise_id, check_enterprise(conn, v, in.enterprise_id));
        std::optional<std::int64_t> agreement_id;
        if (const std::string_view t = core::trim(in.agreement_id); !t.empty()) {
            long long id = 0;
            std::optional<Agreement> agreement;
            if (core::parse_int64(t, id) && id > 0) {
                auto found = load_agreement(conn, id);
                if (found.ok() &&
                    (actor.is_staff() || (actor.user_id > 0 && found->created_by == actor.user_id)))
                    agreement = std::move(*found);
                else if (!found.ok() && found.error().code != core::ErrorCode::NotFound)
                    return found.take_error();
            }
            if (!agreement) {
                v.add("agreement_id", "Vælg en aftale fra listen.");
            } else {
                agreement_id = agreement->id;
                if (enterprise_id != 0 && agreement->enterprise_id != enterprise_id)
                    v.add("agreement_id", "Aftalen er med en anden virksomhed end købet.");
                else if (!organisation.empty() &&
                         organisation_key(agreement->buyer_organisation) != organisation_key(organisation))
                    v.add("agreement_id", "Aftalen er indgået af en anden organisation end køberen.");
                else if (date && (*date < agreement->start_date ||
                                  (agreement->end_date && *date > *agreement->end_date)))
                    v.add("agreement_id", "Købsdatoen ligger uden for aftalens periode.");
            }
        }
        const std::string description(core::trim(in.description));
        check_text(v, "description", description, k_max_description, "Beskrivelsen");
        if (!v.ok()) return v.error();
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto inserted,
                  conn.query(sql::purchase_insert,
                             {date->iso(), amount, organisation, organisation_key(organisation),
                              enterprise_id, db::opt(agreement_id), description, now, user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "create", "purchase", std::to_string(id),
                              "virksomhed " + std::to_string(enterprise_id) + ", " + date->iso()));
        return load_purchase(conn, id);
    });
}

core::Result<std::vector<Purchase>> BuyingService::list_purchases(const PurchaseFilter& filter,
                                                                  const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    const std::int64_t only = recorder_filter(actor);
    if (!actor.is_staff() && only <= 0) return std::vector<Purchase>{};
    std::string from;
    std::string to;
    if (const std::string_view y = core::trim(filter.year); !y.empty()) {
        BB_ASSIGN(const int year, core::year_or("year", y, core::years::records, 0));
        from = std::to_string(year) + "-01-01";
        to = std::to_string(year + 1) + "-01-01";
    }
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Purchase>> {
        BB_ASSIGN(auto rows, conn.query(sql::purchase_list, {only, from, to}));
        std::vector<Purchase> out;
        for (const auto& r : rows.rows) out.push_back(purchase_from_row(r));
        return out;
    });
}

core::Result<std::vector<Choice>> BuyingService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_recorder(actor));
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::SocialEconomy);
    });
}

// ---- report ---------------------------------------------------------------------------------------

core::Result<SpendReport> BuyingService::spend(const std::string& year_text, const core::Actor& actor) {
    if (!actor.is_staff()) return core::Error::forbidden("Kun kommunens konsulenter kan se forbruget.");
    SpendReport report;
    BB_ASSIGN(report.year, core::year_or("year", year_text, core::years::records, today().year));
    const std::string from = std::to_string(report.year) + "-01-01";
    const std::string to = std::to_string(report.year + 1) + "-01-01";
    return m_db.read([&](db::Connection& conn) -> core::Result<SpendReport> {
        BB_ASSIGN(auto buyers, conn.query(sql::spend_by_buyer, {from, to}));
        for (const auto& r : buyers.rows) {
            report.by_buyer.push_back({r.text(0), r.text(1), r.int64(2), r.int64(3)});
            report.total_oere += r.int64(2);
            report.total_purchases += r.int64(3);
        }
        BB_ASSIGN(auto enterprises, conn.query(sql::spend_by_enterprise, {from, to}));
        for (const auto& r : enterprises.rows)
            report.by_enterprise.push_back({std::to_string(r.int64(0)), r.text(1), r.int64(2), r.int64(3)});
        BB_ASSIGN(auto years, conn.query(sql::spend_by_year));
        for (const auto& r : years.rows)
            report.by_year.push_back({r.text(0), r.text(0), r.int64(1), r.int64(2)});
        return report;
    });
}

core::Result<SpendTotal> BuyingService::spend_total(int year, const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden("Du har ikke adgang til forbruget.");
    BB_TRY(core::check_year("year", year, core::years::records));
    const std::string from = std::to_string(year) + "-01-01";
    const std::string to = std::to_string(year + 1) + "-01-01";
    return m_db.read([&](db::Connection& conn) -> core::Result<SpendTotal> {
        SpendTotal t;
        t.year = year;
        BB_ASSIGN(auto buyers, conn.query(sql::spend_by_buyer, {from, to}));
        for (const auto& r : buyers.rows) {
            t.total_oere += r.int64(2);
            t.purchases += r.int64(3);
        }
        return t;
    });
}

core::Result<std::vector<ItemRef>> BuyingService::published_items(std::int64_t enterprise_id) {
    auto profile = m_catalogue.public_profile(enterprise_id);
    if (!profile.ok()) {
        if (profile.error().code == core::ErrorCode::NotFound) return std::vector<ItemRef>{};
        return profile.take_error();
    }
    std::vector<ItemRef> out;
    for (const auto& i : profile->items) out.push_back({i.id, i.title, i.enterprise_id, i.enterprise_name});
    return out;
}

}  // namespace buying
