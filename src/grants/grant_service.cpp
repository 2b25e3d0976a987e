// GrantService: validation, record-level access, storage and sums per enterprise and year (E3).
#include "grants/grant_service.hpp"

#include <cstdlib>
#include <optional>
#include <span>

#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "grants/sql.hpp"

namespace grants {

namespace {

using core::Role;

/// Who may see grants at all; the enterprise user only with an enterprise.
core::Result<void> check_reader(const core::Actor& a) {
    if (a.is_municipal()) return {};
    if (a.role == Role::Enterprise && a.enterprise_id) return {};
    return core::Error::forbidden("Du har ikke adgang til tilskud og fondsmidler.");
}

core::Result<void> check_writer(const core::Actor& a) {
    if (a.is_staff()) return {};
    if (a.role == Role::Enterprise && a.enterprise_id) return {};
    return core::Error::forbidden("Du kan ikke registrere tilskud og fondsmidler.");
}

/// 0 = every enterprise; an enterprise user's own enterprise otherwise.
std::int64_t enterprise_filter(const core::Actor& a) {
    return a.role == Role::Enterprise && a.enterprise_id ? *a.enterprise_id : 0;
}

using audit::user_ref;

Grant grant_from_row(const db::Row& r) {
    Grant g;
    g.id = r.int64(0);
    g.enterprise_id = r.int64(1);
    g.enterprise_name = r.text(2);
    g.year = static_cast<int>(r.int64(3));
    g.amount_oere = r.int64(4);
    g.approximate = r.int64(5) != 0;
    g.source = r.text(6);
    g.purpose = r.text(7);
    return g;
}

core::Result<Grant> load_grant(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::grant_by_id, {id}));
    if (rows.empty()) return core::Error::not_found("Tilskuddet findes ikke.");
    return grant_from_row(rows.first());
}

struct Checked {
    std::int64_t enterprise_id = 0;
    int year = 0;
    std::int64_t amount_oere = 0;
    bool approximate = false;
    std::string source, purpose;
};

/// Validates the form; the enterprise must exist in the registry.
core::Result<Checked> check_input(db::Connection& conn, const GrantInput& in, int this_year) {
    core::Validator v;
    Checked out;
    BB_ASSIGN(auto found,
              enterprises::directory::check_choice(
                  conn, v, "enterprise_id", in.enterprise_id,
                  {.missing = "Vælg den virksomhed eller det initiativ, der har fået tilskuddet."}));
    if (found) out.enterprise_id = found->id;
    if (auto year = core::check_year(v, "year", in.year, core::years::received(this_year),
                                     "Skriv året, tilskuddet er modtaget, fx 2018."))
        out.year = *year;
    auto amount = parse_amount(in.amount, "amount");
    if (amount.ok())
        out.amount_oere = *amount;
    else
        v.add("amount", amount.error().fields.front().message);
    out.approximate = in.approximate;
    out.source = std::string(core::trim(in.source));
    if (out.source.empty())
        v.add("source", "Skriv, hvem tilskuddet kommer fra, fx A.P. Møllers Støttefond.");
    else
        core::check_text(v, "source", out.source, k_max_source, "Kilden");
    out.purpose = std::string(core::trim(in.purpose));
    core::check_text(v, "purpose", out.purpose, k_max_purpose, "Formålet");
    if (!v.ok()) return v.error();
    return out;
}

std::string describe(const Checked& c) {
    return "virksomhed " + std::to_string(c.enterprise_id) + ", " + std::to_string(c.year) + ", " +
           std::to_string(c.amount_oere) + " øre";
}

}  // namespace

GrantService::GrantService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date GrantService::today() const {
    return core::today(m_clock);
}

core::Result<Grant> GrantService::create(const GrantInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const int this_year = today().year;
    const std::int64_t only = enterprise_filter(actor);
    BB_ASSIGN(std::optional<Grant> made, m_db.write([&](db::Connection& conn)
                                                        -> core::Result<std::optional<Grant>> {
        BB_ASSIGN(Checked c, check_input(conn, in, this_year));
        if (only != 0 && c.enterprise_id != only) {
            // Committed (the caller gets NotFound): the attempt is on record, nothing stored.
            BB_TRY(m_audit.record(conn, actor, "create", "grant", "",
                                  "tilskud til en anden virksomhed (" + std::to_string(c.enterprise_id) + ")",
                                  {}, std::string(audit::k_outcome_denied)));
            return std::optional<Grant>{};
        }
        BB_ASSIGN(auto inserted,
                  conn.query(sql::grant_insert, {c.enterprise_id, std::int64_t{c.year}, c.amount_oere,
                                                 std::int64_t{c.approximate ? 1 : 0}, c.source, c.purpose,
                                                 core::iso_timestamp(m_clock.now()), user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "create", "grant", std::to_string(id), describe(c)));
        BB_ASSIGN(Grant g, load_grant(conn, id));
        return std::optional<Grant>(std::move(g));
    }));
    if (!made) return core::Error::not_found("Virksomheden findes ikke.");
    return std::move(*made);
}

core::Result<Grant> GrantService::update(std::int64_t id, const GrantInput& in, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const int this_year = today().year;
    const std::int64_t only = enterprise_filter(actor);
    BB_ASSIGN(std::optional<Grant> done, m_db.write([&](db::Connection& conn)
                                                        -> core::Result<std::optional<Grant>> {
        BB_ASSIGN(Grant current, load_grant(conn, id));
        if (only != 0 && current.enterprise_id != only) {
            BB_TRY(m_audit.record(conn, actor, "update", "grant", std::to_string(id),
                                  "tilskud i en anden virksomhed", {}, std::string(audit::k_outcome_denied)));
            return std::optional<Grant>{};
        }
        BB_ASSIGN(Checked c, check_input(conn, in, this_year));
        if (only != 0 && c.enterprise_id != only) {
            BB_TRY(m_audit.record(conn, actor, "update", "grant", std::to_string(id),
                                  "flyt til en anden virksomhed", {}, std::string(audit::k_outcome_denied)));
            return std::optional<Grant>{};
        }
        BB_TRY(conn.query(sql::grant_update, {id, c.enterprise_id, std::int64_t{c.year}, c.amount_oere,
                                              std::int64_t{c.approximate ? 1 : 0}, c.source, c.purpose,
                                              core::iso_timestamp(m_clock.now())}));
        BB_TRY(m_audit.record(conn, actor, "update", "grant", std::to_string(id), describe(c)));
        BB_ASSIGN(Grant g, load_grant(conn, id));
        return std::optional<Grant>(std::move(g));
    }));
    if (!done) return core::Error::not_found("Tilskuddet findes ikke.");
    return std::move(*done);
}

core::Result<void> GrantService::remove(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const std::int64_t only = enterprise_filter(actor);
    BB_ASSIGN(bool removed, m_db.write([&](db::Connection& conn) -> core::Result<bool> {
        BB_ASSIGN(Grant current, load_grant(conn, id));
        if (only != 0 && current.enterprise_id != only) {
            BB_TRY(m_audit.record(conn, actor, "delete", "grant", std::to_string(id),
                                  "tilskud i en anden virksomhed", {}, std::string(audit::k_outcome_denied)));
            return false;
        }
        BB_TRY(conn.query(sql::grant_delete, {id}));
        BB_TRY(m_audit.record(
            conn, actor, "delete", "grant", std::to_string(id),
            "virksomhed " + std::to_string(current.enterprise_id) + ", " + std::to_string(current.year)));
        return true;
    }));
    if (!removed) return core::Error::not_found("Tilskuddet findes ikke.");
    return {};
}

core::Result<Grant> GrantService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    const std::int64_t only = enterprise_filter(actor);
    BB_ASSIGN(std::optional<Grant> found,
              m_db.write([&](db::Connection& conn) -> core::Result<std::optional<Grant>> {
                  BB_ASSIGN(Grant g, load_grant(conn, id));
                  if (only != 0 && g.enterprise_id != only) {
                      BB_TRY(m_audit.record(conn, actor, "read", "grant", std::to_string(id),
                                            "tilskud i en anden virksomhed", {},
                                            std::string(audit::k_outcome_denied)));
                      return std::optional<Grant>{};
                  }
                  return std::optional<Grant>(std::move(g));
              }));
    if (!found) return core::Error::not_found("Tilskuddet findes ikke.");
    return std::move(*found);
}

core::Result<YearSummary> GrantService::year_summary(int year, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_TRY(core::check_year("year", year, core::years::records));
    const std::int64_t only = enterprise_filter(actor);
    return m_db.read([&](db::Connection& conn) -> core::Result<YearSummary> {
        BB_ASSIGN(auto rows, conn.query(sql::grant_list, {std::int64_t{year}, only}));
        YearSummary s;
        s.year = year;
        for (const auto& r : rows.rows) {
            Grant g = grant_from_row(r);
            if (s.enterprises.empty() || s.enterprises.back().enterprise_id != g.enterprise_id)
                s.enterprises.push_back({g.enterprise_id, g.enterprise_name, 0, false, {}});
            EnterpriseGrants& e = s.enterprises.back();
            e.total_oere += g.amount_oere;
            e.approximate = e.approximate || g.approximate;
            s.total_oere += g.amount_oere;
            ++s.grant_count;
            e.grants.push_back(std::move(g));
        }
        return s;
    });
}

core::Result<std::vector<int>> GrantService::years(const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    const std::int64_t only = enterprise_filter(actor);
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<int>> {
        BB_ASSIGN(auto rows, conn.query(sql::grant_years, {only}));
        std::vector<int> out;
        for (const auto& r : rows.rows) out.push_back(static_cast<int>(r.int64(0)));
        return out;
    });
}

core::Result<std::vector<Choice>> GrantService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_writer(actor));
    const std::int64_t only = enterprise_filter(actor);
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::All, only);
    });
}

}  // namespace grants
