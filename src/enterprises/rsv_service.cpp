// RsvService: validation, record-level access and storage of the RSV checklist and statements.
#include "enterprises/rsv_service.hpp"

#include <cstdlib>
#include <span>

#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/model.hpp"
#include "enterprises/sql.hpp"

namespace enterprises {

namespace {

enum class Want { Read, Write };

/// Record-level access to enterprise `id`, the same rules as EnterpriseService (AC-03).
core::Result<void> check_access(const core::Actor& a, std::int64_t id, Want want) {
    switch (a.role) {
        case core::Role::Admin:
        case core::Role::Consultant:
            return {};
        case core::Role::Caseworker:
            if (want == Want::Read) return {};
            return core::Error::forbidden("Sagsbehandlere kan se RSV-oplysningerne, men ikke ændre dem.");
        case core::Role::Enterprise:
            if (a.enterprise_id && *a.enterprise_id == id) return {};
            return core::Error::not_found();
        case core::Role::Buyer:
            break;
    }
    return core::Error::forbidden();
}

using core::check_text;

using audit::user_ref;

/// The enterprise's name, or NotFound.
core::Result<std::string> enterprise_name(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::rsv_enterprise_name, {id}));
    if (rows.empty()) return core::Error::not_found();
    return rows.first().text(0);
}

core::Result<RsvReadiness> load_readiness(db::Connection& conn, std::int64_t id) {
    RsvReadiness r;
    r.enterprise_id = id;
    BB_ASSIGN(r.enterprise_name, enterprise_name(conn, id));
    for (std::size_t i = 0; i < k_rsv_criterion_count; ++i) r.criteria[i].criterion = k_all_rsv_criteria[i];
    BB_ASSIGN(auto rows, conn.query(sql::rsv_criteria_of, {id}));
    for (const auto& row : rows.rows) {
        auto c = parse_rsv_criterion(row.text(0));
        if (!c) continue;
        auto& answer = r.criteria[static_cast<std::size_t>(*c)];
        answer.met = parse_rsv_met(row.text(1)).value_or(RsvMet::Unanswered);
        answer.evidence = row.text(2);
        core::UnixSeconds at = core::parse_iso_timestamp(row.text(3)).value_or(0);
        if (at >= r.updated_at) {
            r.updated_at = at;
            r.updated_by = row.text(4);
        }
    }
    return r;
}

RsvStatement statement_from_row(const db::Row& r) {
    RsvStatement s;
    s.id = r.int64(0);
    s.enterprise_id = r.int64(1);
    s.year = static_cast<int>(r.int64(2));
    s.profit_after_tax_oere = r.int64(3);
    s.dividend_oere = r.int64(4);
    s.management_remuneration = r.text(5);
    s.management_remuneration_oere = r.opt_int64(6);
    s.related_party_agreements = r.text(7);
    s.purpose_statement = r.text(8);
    s.independence = r.text(9);
    s.inclusive_governance = r.text(10);
    if (auto d = r.opt_text(11)) s.submitted_on = core::Date::parse(*d);
    s.created_at = core::parse_iso_timestamp(r.text(12)).value_or(0);
    s.updated_at = core::parse_iso_timestamp(r.text(13)).value_or(0);
    s.updated_by = r.text(14);
    return s;
}

/// The typed values of a checked statement input.
struct ParsedStatement {
    int year = 0;
    std::int64_t profit = 0;
    std::int64_t dividend = 0;
    std::optional<std::int64_t> remuneration_amount;
    std::string remuneration;
    std::string related_party;
    std::string purpose;
    std::string independence;
    std::string governance;
    std::optional<core::Date> submitted_on;
};

core::Result<ParsedStatement> parse_statement(const RsvStatementInput& in, const core::Date& today) {
    core::Validator v;
    ParsedStatement p;

    // Accounting years from the RSV law (2014) up to this year.
    const core::YearRange accounting_years{k_first_rsv_year, today.year};
    if (const auto year = core::check_year(v, "year", in.year, accounting_years,
                                           "Skriv regnskabsåret, fx " + std::to_string(today.year - 1) + "."))
        p.year = *year;

    if (core::trim(in.profit_after_tax).empty()) {
        v.add("profit_after_tax", "Skriv årets overskud efter skat i kroner (et underskud med minus).");
    } else if (auto profit = parse_kroner(in.profit_after_tax, "profit_after_tax", true); !profit.ok()) {
        v.add("profit_after_tax", profit.error().fields.front().message);
    } else {
        p.profit = profit->value_or(0);
    }
    if (auto dividend = parse_kroner(in.dividend, "dividend", false); !dividend.ok())
        v.add("dividend", dividend.error().fields.front().message);
    else
        p.dividend = dividend->value_or(0);
    if (auto amount =
            parse_kroner(in.management_remuneration_amount, "management_remuneration_amount", false);
        !amount.ok())
        v.add("management_remuneration_amount", amount.error().fields.front().message);
    else
        p.remuneration_amount = *amount;

    p.remuneration = std::string(core::trim(in.management_remuneration));
    p.related_party = std::string(core::trim(in.related_party_agreements));
    p.purpose = std::string(core::trim(in.purpose_statement));
    p.independence = std::string(core::trim(in.independence));
    p.governance = std::string(core::trim(in.inclusive_governance));
    check_text(v, "management_remuneration", p.remuneration, k_max_rsv_statement_text,
               "Oplysningen om vederlag");
    check_text(v, "related_party_agreements", p.related_party, k_max_rsv_statement_text,
               "Oplysningen om aftaler med nærtstående");
    check_text(v, "purpose_statement", p.purpose, k_max_rsv_statement_text, "Redegørelsen for formålet");
    check_text(v, "independence", p.independence, k_max_rsv_statement_text, "Redegørelsen for uafhængighed");
    check_text(v, "inclusive_governance", p.governance, k_max_rsv_statement_text,
               "Redegørelsen for inddragende ledelse");

    std::string submitted(core::trim(in.submitted_on));
    if (!submitted.empty()) {
        auto d = core::Date::parse(submitted);
        if (!d)
            v.add("submitted_on", "Skriv en gyldig dato som ÅÅÅÅ-MM-DD, fx 2025-05-31.");
        else if (*d > today)
            v.add("submitted_on", "Datoen kan ikke ligge i fremtiden.");
        else if (d->year < k_first_rsv_year)
            v.add("submitted_on", "Datoen ligger før loven trådte i kraft i 2014.");
        else
            p.submitted_on = *d;
    }
    if (!v.ok()) return v.error();
    return p;
}

}  // namespace

std::string rsv_statement_exists_message(int year) {
    return "Der findes allerede en årsredegørelse for " + std::to_string(year) + ".";
}

RsvService::RsvService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date RsvService::today() const {
    return core::today(m_clock);
}

// ---- readiness -----------------------------------------------------------------------------

core::Result<RsvReadiness> RsvService::get_readiness(std::int64_t enterprise_id, const core::Actor& actor) {
    BB_TRY(check_access(actor, enterprise_id, Want::Read));
    return m_db.read([&](db::Connection& conn) { return load_readiness(conn, enterprise_id); });
}

core::Result<RsvReadiness> RsvService::save_readiness(std::int64_t enterprise_id,
                                                      const RsvReadinessInput& input,
                                                      const core::Actor& actor) {
    BB_TRY(check_access(actor, enterprise_id, Want::Write));
    core::Validator v;
    std::array<RsvCriterionAnswer, k_rsv_criterion_count> answers{};
    for (std::size_t i = 0; i < k_rsv_criterion_count; ++i) {
        const RsvCriterion c = k_all_rsv_criteria[i];
        const std::string code(rsv_criterion_code(c));
        answers[i].criterion = c;
        auto met = parse_rsv_met(core::trim(input[i].met));
        if (!met)
            v.add(code + "_met",
                  "Vælg, om kriteriet \"" + std::string(rsv_criterion_label(c)) + "\" er opfyldt.");
        else
            answers[i].met = *met;
        answers[i].evidence = std::string(core::trim(input[i].evidence));
        check_text(v, code + "_evidence", answers[i].evidence, k_max_rsv_evidence, "Dokumentationen");
        if (met && *met == RsvMet::Yes && answers[i].evidence.empty())
            v.add(code + "_evidence", "Skriv, hvad der dokumenterer, at kriteriet \"" +
                                          std::string(rsv_criterion_label(c)) + "\" er opfyldt.");
    }
    if (!v.ok()) return v.error();
    return m_db.write([&](db::Connection& conn) -> core::Result<RsvReadiness> {
        BB_TRY(enterprise_name(conn, enterprise_id));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(conn.query(sql::rsv_criteria_delete, {enterprise_id}));
        std::string summary;
        for (const auto& a : answers) {
            BB_TRY(conn.query(
                sql::rsv_criterion_insert,
                {enterprise_id, std::string(rsv_criterion_code(a.criterion)),
                 std::string(rsv_met_code(a.met)), a.evidence, now, user_ref(actor), actor.username}));
            if (!summary.empty()) summary += ' ';
            summary += std::string(rsv_criterion_code(a.criterion)) + "=" +
                       (a.met == RsvMet::Unanswered ? std::string("-") : std::string(rsv_met_code(a.met)));
        }
        BB_TRY(m_audit.record(conn, actor, "rsv_readiness", "enterprise", std::to_string(enterprise_id),
                              summary));
        return load_readiness(conn, enterprise_id);
    });
}

// ---- statements ----------------------------------------------------------------------------

core::Result<std::vector<RsvStatement>> RsvService::list_statements(std::int64_t enterprise_id,
                                                                    const core::Actor& actor) {
    BB_TRY(check_access(actor, enterprise_id, Want::Read));
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<RsvStatement>> {
        BB_TRY(enterprise_name(conn, enterprise_id));
        BB_ASSIGN(auto rows, conn.query(sql::rsv_statements_of, {enterprise_id}));
        std::vector<RsvStatement> out;
        for (const auto& r : rows.rows) out.push_back(statement_from_row(r));
        return out;
    });
}

core::Result<RsvStatement> RsvService::get_statement(std::int64_t enterprise_id, int year,
                                                     const core::Actor& actor) {
    BB_TRY(check_access(actor, enterprise_id, Want::Read));
    return m_db.read([&](db::Connection& conn) -> core::Result<RsvStatement> {
        BB_ASSIGN(auto rows, conn.query(sql::rsv_statement_by_year, {enterprise_id, std::int64_t{year}}));
        if (rows.empty()) return core::Error::not_found();
        return statement_from_row(rows.first());
    });
}

core::Result<RsvStatement> RsvService::save_statement(std::int64_t enterprise_id,
                                                      std::optional<int> existing_year,
                                                      const RsvStatementInput& input,
                                                      const core::Actor& actor) {
    BB_TRY(check_access(actor, enterprise_id, Want::Write));
    BB_ASSIGN(ParsedStatement p, parse_statement(input, today()));
    return m_db.write([&](db::Connection& conn) -> core::Result<RsvStatement> {
        BB_TRY(enterprise_name(conn, enterprise_id));
        if (existing_year) {
            BB_ASSIGN(auto current,
                      conn.query(sql::rsv_statement_by_year, {enterprise_id, std::int64_t{*existing_year}}));
            if (current.empty()) return core::Error::not_found();
        }
        if (!existing_year || *existing_year != p.year) {
            BB_ASSIGN(auto taken,
                      conn.query(sql::rsv_statement_by_year, {enterprise_id, std::int64_t{p.year}}));
            if (!taken.empty()) return core::Error::conflict(rsv_statement_exists_message(p.year));
        }
        const std::string now = core::iso_timestamp(m_clock.now());
        const db::Value submitted = p.submitted_on ? db::Value(p.submitted_on->iso()) : db::null();
        const db::Value amount = p.remuneration_amount ? db::Value(*p.remuneration_amount) : db::null();
        core::Result<db::ResultSet> written =
            existing_year
                ? conn.query(sql::rsv_statement_update,
                             {enterprise_id, std::int64_t{*existing_year}, std::int64_t{p.year}, p.profit,
                              p.dividend, p.remuneration, amount, p.related_party, p.purpose, p.independence,
                              p.governance, submitted, now, user_ref(actor), actor.username})
                : conn.query(sql::rsv_statement_insert,
                             {enterprise_id, std::int64_t{p.year}, p.profit, p.dividend, p.remuneration,
                              amount, p.related_party, p.purpose, p.independence, p.governance, submitted,
                              now, user_ref(actor), actor.username});
        if (!written.ok()) {
            // A concurrent save of the same year hits the unique index.
            if (written.error().code == core::ErrorCode::Conflict)
                return core::Error::conflict(rsv_statement_exists_message(p.year));
            return written.take_error();
        }
        const DividendCheck check = check_dividend(p.profit, p.dividend);
        std::string what = "år " + std::to_string(p.year) + (check.ok ? "" : " udbytte over 35 %");
        if (existing_year && *existing_year != p.year)
            what = "år " + std::to_string(*existing_year) + " → " + what;
        BB_TRY(m_audit.record(conn, actor, existing_year ? "rsv_statement_update" : "rsv_statement_create",
                              "enterprise", std::to_string(enterprise_id), what));
        BB_ASSIGN(auto rows, conn.query(sql::rsv_statement_by_year, {enterprise_id, std::int64_t{p.year}}));
        if (rows.empty()) return core::Error::internal();
        return statement_from_row(rows.first());
    });
}

}  // namespace enterprises
