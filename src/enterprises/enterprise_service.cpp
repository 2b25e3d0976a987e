// EnterpriseService: validation, record-level access, storage and the Table 1 counts.
#include "enterprises/enterprise_service.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <span>

#include "core/cvr.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "enterprises/service_detail.hpp"
#include "enterprises/sql.hpp"

namespace enterprises {

using namespace detail;

namespace {

constexpr std::string_view k_cvr_taken = "Der findes allerede en virksomhed med dette CVR-nummer.";

enum class Want { Read, Write };

/// Record-level access to enterprise `id` (AC-03): NotFound hides other enterprises from
/// enterprise users; Forbidden for roles without access to the registry at all.
core::Result<void> check_access(const core::Actor& a, std::int64_t id, Want want) {
    switch (a.role) {
        case core::Role::Admin:
        case core::Role::Consultant:
            return {};
        case core::Role::Caseworker:
            if (want == Want::Read) return {};
            return core::Error::forbidden("Sagsbehandlere kan se registret, men ikke ændre det.");
        case core::Role::Enterprise:
            if (a.enterprise_id && *a.enterprise_id == id) return {};
            return core::Error::not_found();
        case core::Role::Buyer:
            break;
    }
    return core::Error::forbidden();
}

using core::check_text;

std::string normalise_cvr(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != ' ') out += c;
    return out;
}

std::string like_pattern(std::string_view q) {
    std::string lower = core::to_lower_danish(core::trim(q));
    if (lower.empty()) return {};
    std::string out = "%";
    for (char c : lower) {
        if (c == '\\' || c == '%' || c == '_') out += '\\';
        out += c;
    }
    out += '%';
    return out;
}

db::Value opt_int(const std::optional<std::int64_t>& v) {
    return v ? db::Value(*v) : db::null();
}
using audit::user_ref;

core::Date parse_date_cell(const std::string& text) {
    return core::Date::parse(text).value_or(core::Date{});
}

/// The typed values of a checked input.
struct Parsed {
    std::string name;
    std::optional<std::string> cvr;
    std::optional<std::string> legal_form;
    Kind kind = Kind::SocialEnterprise;
    std::optional<std::int64_t> employees;
    std::optional<std::int64_t> fte_tenths;
    std::vector<std::string> target_groups;
    Status status = Status::Idea;
    core::Date status_date;
};

}  // namespace

std::string vocabulary_code_for(std::string_view label) {
    std::string lower = core::to_lower_danish(core::trim(label));
    std::string out;
    auto push = [&](std::string_view s) { out += s; };
    for (std::size_t i = 0; i < lower.size();) {
        unsigned char c = static_cast<unsigned char>(lower[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        std::string_view rest(lower.data() + i, lower.size() - i);
        if (rest.starts_with("æ")) {
            push("ae");
            i += 2;
            continue;
        }
        if (rest.starts_with("ø")) {
            push("oe");
            i += 2;
            continue;
        }
        if (rest.starts_with("å")) {
            push("aa");
            i += 2;
            continue;
        }
        if (rest.starts_with("é")) {
            push("e");
            i += 2;
            continue;
        }
        if (rest.starts_with("ü")) {
            push("u");
            i += 2;
            continue;
        }
        if (rest.starts_with("ö")) {
            push("oe");
            i += 2;
            continue;
        }
        if (rest.starts_with("ä")) {
            push("ae");
            i += 2;
            continue;
        }
        if (!out.empty() && out.back() != '_') out += '_';
        // Skip the whole UTF-8 sequence of any other character.
        ++i;
        while (i < lower.size() && (static_cast<unsigned char>(lower[i]) & 0xC0) == 0x80) ++i;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (out.size() > 60) out.resize(60);
    return out;
}

EnterpriseService::EnterpriseService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date EnterpriseService::today() const {
    return core::today(m_clock);
}

// ---- validation ----------------------------------------------------------------------------

namespace {

core::Result<Parsed> parse_input(db::Connection& conn, const EnterpriseInput& in, bool creating,
                                 const std::vector<std::string>& current_target_groups,
                                 const std::optional<std::string>& current_legal_form,
                                 const core::Date& today_date, std::int64_t self_id) {
    core::Validator v;
    Parsed p;
    p.name = std::string(core::trim(in.name));
    if (p.name.empty())
        v.add("name", "Skriv virksomhedens navn.");
    else
        check_text(v, "name", p.name, k_max_name, "Navnet");

    std::string cvr = normalise_cvr(core::trim(in.cvr));
    if (!cvr.empty()) {
        if (auto problem = core::cvr_problem(cvr)) {
            v.add("cvr", *problem);
        } else {
            BB_ASSIGN(auto taken, conn.query(sql::enterprise_cvr_taken, {cvr, self_id}));
            if (!taken.empty() && taken.first().int64(0) > 0) v.add("cvr", std::string(k_cvr_taken));
            p.cvr = cvr;
        }
    }

    std::string legal_form(core::trim(in.legal_form));
    if (!legal_form.empty()) {
        BB_ASSIGN(auto found, directory::vocabulary_entry(conn, VocabularyKind::LegalForm, legal_form));
        bool ok = found && (found->active || current_legal_form == legal_form);
        if (!ok)
            v.add("legal_form", "Vælg en af de juridiske former på listen.");
        else
            p.legal_form = legal_form;
    }

    if (auto k = parse_kind(core::trim(in.kind)))
        p.kind = *k;
    else
        v.add("kind", "Vælg, hvilken slags organisation det er.");

    std::string municipality(core::trim(in.municipality));
    if (municipality.empty())
        v.add("municipality", "Skriv kommunen.");
    else
        check_text(v, "municipality", municipality, k_max_municipality, "Kommunens navn");

    check_text(v, "address", in.address, k_max_address, "Adressen");
    check_text(v, "purpose", in.purpose, k_max_purpose, "Formålet");
    check_text(v, "description", in.description, k_max_description, "Beskrivelsen");
    check_text(v, "plans", in.plans, k_max_plans, "Planerne for næste år");

    std::string website(core::trim(in.website));
    if (!website.empty()) {
        bool scheme = website.starts_with("https://") || website.starts_with("http://");
        bool spaces = website.find_first_of(" \t\r\n<>\"") != std::string::npos;
        if (!scheme || spaces || website.size() < 11)
            v.add("website", "Skriv hjemmesidens fulde adresse, fx https://www.eksempel.dk.");
        else
            check_text(v, "website", website, k_max_website, "Hjemmesidens adresse");
    }

    auto employees = parse_employees(in.employees, "employees");
    if (!employees.ok())
        v.add("employees", employees.error().fields.front().message);
    else
        p.employees = *employees;
    auto fte = parse_fte(in.fte, "fte");
    if (!fte.ok())
        v.add("fte", fte.error().fields.front().message);
    else
        p.fte_tenths = *fte;

    std::set<std::string> seen;
    for (const auto& raw : in.target_groups) {
        std::string code(core::trim(raw));
        if (code.empty() || !seen.insert(code).second) continue;
        BB_ASSIGN(auto found, directory::vocabulary_entry(conn, VocabularyKind::TargetGroup, code));
        bool current = std::find(current_target_groups.begin(), current_target_groups.end(), code) !=
                       current_target_groups.end();
        if (!found || (!found->active && !current)) {
            v.add("target_groups", "Vælg målgrupper fra listen.");
            break;
        }
        p.target_groups.push_back(code);
    }

    if (creating) {
        if (auto s = parse_status(core::trim(in.status)))
            p.status = *s;
        else
            v.add("status", "Vælg en status.");
        if (auto problem = date_problem(core::trim(in.status_date), today_date, &p.status_date))
            v.add("status_date", *problem);
    }
    if (!v.ok()) return v.error();
    return p;
}

/// Inserts a checked enterprise with its target groups, first status and audit row.
core::Result<std::int64_t> insert_parsed(db::Connection& conn, const audit::AuditLog& audit, const Parsed& p,
                                         const EnterpriseInput& input, const core::Actor& actor,
                                         const std::string& now, std::string_view audit_action) {
    auto inserted =
        conn.query(sql::enterprise_insert,
                   {p.name, core::to_lower_danish(p.name), db::opt(p.cvr), db::opt(p.legal_form),
                    std::string(kind_code(p.kind)), std::string(core::trim(input.municipality)),
                    std::string(core::trim(input.address)), std::string(core::trim(input.purpose)),
                    std::string(core::trim(input.description)), std::string(core::trim(input.plans)),
                    std::string(core::trim(input.website)), opt_int(p.employees), opt_int(p.fte_tenths),
                    std::string(status_code(p.status)), p.status_date.iso(), now, user_ref(actor)});
    if (!inserted.ok()) {
        if (inserted.error().code == core::ErrorCode::Conflict)
            return core::Error::conflict(std::string(k_cvr_taken));
        return inserted.take_error();
    }
    const std::int64_t id = inserted->first().int64(0);
    for (const auto& code : p.target_groups) BB_TRY(conn.query(sql::target_group_insert, {id, code}));
    BB_TRY(conn.query(sql::history_insert,
                      {id, std::string(status_code(p.status)), p.status_date.iso(),
                       std::string("Oprettet i registret"), now, user_ref(actor), actor.username}));
    BB_TRY(audit.record(conn, actor, std::string(audit_action), "enterprise", std::to_string(id)));
    return id;
}

}  // namespace

// ---- reads ---------------------------------------------------------------------------------

core::Result<Enterprise> EnterpriseService::load(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::enterprise_by_id, {id}));
    if (rows.empty()) return core::Error::not_found();
    const db::Row& r = rows.first();
    Enterprise e;
    e.id = r.int64(0);
    e.name = r.text(1);
    e.cvr = r.opt_text(2);
    e.legal_form = r.opt_text(3);
    e.legal_form_label = r.opt_text(4);
    if (e.legal_form && !e.legal_form_label) e.legal_form_label = e.legal_form;
    e.kind = parse_kind(r.text(5)).value_or(Kind::SocialEnterprise);
    e.municipality = r.text(6);
    e.address = r.text(7);
    e.purpose = r.text(8);
    e.description = r.text(9);
    e.plans = r.text(10);
    e.website = r.text(11);
    e.employees = r.opt_int64(12);
    e.fte_tenths = r.opt_int64(13);
    e.status = parse_status(r.text(14)).value_or(Status::Idea);
    e.status_since = parse_date_cell(r.text(15));
    e.created_at = core::parse_iso_timestamp(r.text(16)).value_or(0);
    e.updated_at = core::parse_iso_timestamp(r.text(17)).value_or(0);

    BB_ASSIGN(auto groups, conn.query(sql::target_groups_of, {id}));
    for (const auto& g : groups.rows) e.target_groups.push_back({g.text(0), g.text(1)});
    BB_ASSIGN(auto contacts, conn.query(sql::contacts_of, {id}));
    for (const auto& c : contacts.rows)
        e.contacts.push_back({c.int64(0), c.int64(1), c.text(2), c.text(3), c.text(4), c.text(5)});
    BB_ASSIGN(auto history, conn.query(sql::history_of, {id}));
    for (const auto& h : history.rows) {
        StatusChange s;
        s.id = h.int64(0);
        s.status = parse_status(h.text(1)).value_or(Status::Idea);
        s.happened_on = parse_date_cell(h.text(2));
        s.note = h.text(3);
        s.recorded_at = core::parse_iso_timestamp(h.text(4)).value_or(0);
        s.recorded_by = h.text(5);
        e.history.push_back(std::move(s));
    }
    return e;
}

core::Result<Enterprise> EnterpriseService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_access(actor, id, Want::Read));
    return m_db.read([&](db::Connection& conn) { return load(conn, id); });
}

core::Result<EnterprisePage> EnterpriseService::list(const EnterpriseFilter& filter,
                                                     const core::Actor& actor) {
    std::int64_t only_id = 0;
    if (actor.role == core::Role::Enterprise) {
        if (!actor.enterprise_id) return EnterprisePage{};
        only_id = *actor.enterprise_id;
    } else if (actor.role == core::Role::Buyer) {
        return core::Error::forbidden();
    }
    EnterprisePage page;
    page.page_size = std::clamp(filter.page_size, 1, 100);
    page.page = std::clamp(filter.page, 1, 1'000'000);
    std::vector<db::Value> params{std::string(core::trim(filter.kind)),
                                  std::string(core::trim(filter.status)),
                                  std::string(core::trim(filter.municipality)),
                                  std::string(core::trim(filter.target_group)),
                                  std::string(core::trim(filter.rsv)),
                                  like_pattern(filter.q),
                                  only_id};
    return m_db.read([&](db::Connection& conn) -> core::Result<EnterprisePage> {
        BB_ASSIGN(auto count, conn.query(sql::enterprises_count, params));
        page.total = count.empty() ? 0 : count.first().int64(0);
        auto list_params = params;
        list_params.emplace_back(static_cast<std::int64_t>(page.page_size));
        list_params.emplace_back(static_cast<std::int64_t>(page.page - 1) * page.page_size);
        BB_ASSIGN(auto rows, conn.query(sql::enterprises_list, list_params));
        for (const auto& r : rows.rows) {
            EnterpriseSummary s;
            s.id = r.int64(0);
            s.name = r.text(1);
            s.cvr = r.opt_text(2);
            s.kind = parse_kind(r.text(3)).value_or(Kind::SocialEnterprise);
            s.municipality = r.text(4);
            s.status = parse_status(r.text(5)).value_or(Status::Idea);
            s.status_since = parse_date_cell(r.text(6));
            page.items.push_back(std::move(s));
        }
        return page;
    });
}

core::Result<std::vector<std::string>> EnterpriseService::municipalities(const core::Actor& actor) {
    if (actor.role == core::Role::Buyer) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<std::string>> {
        BB_ASSIGN(auto rows, conn.query(sql::municipalities));
        std::vector<std::string> out;
        for (const auto& r : rows.rows) out.push_back(r.text(0));
        return out;
    });
}

core::Result<std::int64_t> EnterpriseService::count_all() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rows, conn.query(sql::enterprises_count_all));
        return rows.empty() ? 0 : rows.first().int64(0);
    });
}

// ---- writes --------------------------------------------------------------------------------

core::Result<Enterprise> EnterpriseService::create(const EnterpriseInput& input, const core::Actor& actor) {
    if (!actor.is_staff())
        return core::Error::forbidden(
            "Kun socialøkonomiske konsulenter og administratorer kan oprette virksomheder.");
    const core::Date now_date = core::today(m_clock);
    return m_db.write([&](db::Connection& conn) -> core::Result<Enterprise> {
        BB_ASSIGN(Parsed p, parse_input(conn, input, true, {}, std::nullopt, now_date, 0));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(std::int64_t id, insert_parsed(conn, m_audit, p, input, actor, now, "create"));
        return load(conn, id);
    });
}

core::Result<ImportOutcome> EnterpriseService::import_rows(const std::vector<EnterpriseInput>& rows,
                                                           const core::Actor& actor,
                                                           const ImportProgress& progress) {
    if (!actor.is_staff())
        return core::Error::forbidden(
            "Kun socialøkonomiske konsulenter og administratorer kan importere virksomheder.");
    const core::Date now_date = core::today(m_clock);
    return m_db.write([&](db::Connection& conn) -> core::Result<ImportOutcome> {
        ImportOutcome out;
        std::vector<Parsed> parsed;
        parsed.reserve(rows.size());
        // 1. Validate every row like the form; nothing is written while any row has a problem.
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto p = parse_input(conn, rows[i], true, {}, std::nullopt, now_date, 0);
            if (p.ok()) {
                parsed.push_back(std::move(p.value()));
            } else {
                const core::Error& e = p.error();
                if (e.code != core::ErrorCode::Validation) return e;
                for (const auto& f : e.fields) out.problems.push_back({i, f.field, f.message});
                parsed.emplace_back();
            }
            if (progress && ((i + 1) % 100 == 0 || i + 1 == rows.size())) progress(i + 1, rows.size());
        }
        if (!out.problems.empty()) return out;
        // 2. All valid: insert them all in this one transaction.
        const std::string now = core::iso_timestamp(m_clock.now());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto id = insert_parsed(conn, m_audit, parsed[i], rows[i], actor, now, "import");
            if (!id.ok()) {
                return id.take_error();
            }
            ++out.created;
        }
        return out;
    });
}

core::Result<std::vector<ImportProblem>> EnterpriseService::validate_rows(
    const std::vector<EnterpriseInput>& rows, const core::Actor& actor, const ImportProgress& progress) {
    if (!actor.is_staff())
        return core::Error::forbidden(
            "Kun socialøkonomiske konsulenter og administratorer kan importere virksomheder.");
    const core::Date now_date = core::today(m_clock);
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<ImportProblem>> {
        std::vector<ImportProblem> problems;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto p = parse_input(conn, rows[i], true, {}, std::nullopt, now_date, 0);
            if (!p.ok()) {
                if (p.error().code != core::ErrorCode::Validation) return p.error();
                for (const auto& f : p.error().fields) problems.push_back({i, f.field, f.message});
            }
            if (progress && ((i + 1) % 100 == 0 || i + 1 == rows.size())) progress(i + 1, rows.size());
        }
        return problems;
    });
}

core::Result<Enterprise> EnterpriseService::update(std::int64_t id, const EnterpriseInput& input,
                                                   const core::Actor& actor) {
    BB_TRY(check_access(actor, id, Want::Write));
    const core::Date now_date = core::today(m_clock);
    return m_db.write([&](db::Connection& conn) -> core::Result<Enterprise> {
        BB_ASSIGN(Enterprise current, load(conn, id));
        EnterpriseInput in = input;
        if (actor.role == core::Role::Enterprise) {
            // No mass assignment: these fields belong to the municipality's registry.
            in.cvr = current.cvr.value_or("");
            in.kind = std::string(kind_code(current.kind));
            in.municipality = current.municipality;
        }
        std::vector<std::string> current_groups;
        for (const auto& g : current.target_groups) current_groups.push_back(g.code);
        BB_ASSIGN(Parsed p, parse_input(conn, in, false, current_groups, current.legal_form, now_date, id));
        const std::string now = core::iso_timestamp(m_clock.now());
        auto updated =
            conn.query(sql::enterprise_update,
                       {id, p.name, core::to_lower_danish(p.name), db::opt(p.cvr), db::opt(p.legal_form),
                        std::string(kind_code(p.kind)), std::string(core::trim(in.municipality)),
                        std::string(core::trim(in.address)), std::string(core::trim(in.purpose)),
                        std::string(core::trim(in.description)), std::string(core::trim(in.plans)),
                        std::string(core::trim(in.website)), opt_int(p.employees), opt_int(p.fte_tenths), now,
                        user_ref(actor)});
        if (!updated.ok()) {
            if (updated.error().code == core::ErrorCode::Conflict)
                return core::Error::conflict(std::string(k_cvr_taken));
            return updated.take_error();
        }
        BB_TRY(conn.query(sql::target_groups_delete, {id}));
        for (const auto& code : p.target_groups) BB_TRY(conn.query(sql::target_group_insert, {id, code}));
        BB_TRY(m_audit.record(conn, actor, "update", "enterprise", std::to_string(id)));
        return load(conn, id);
    });
}

core::Result<void> EnterpriseService::refresh_status(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto latest, conn.query(sql::history_latest, {id}));
    if (latest.empty()) return core::Error::internal();
    BB_TRY(conn.query(sql::enterprise_set_status, {id, latest.first().text(0), latest.first().text(1)}));
    return {};
}

core::Result<Enterprise> EnterpriseService::record_status(std::int64_t id, const StatusInput& input,
                                                          const core::Actor& actor) {
    BB_TRY(check_access(actor, id, Want::Write));
    core::Validator v;
    auto status = parse_status(core::trim(input.status));
    if (!status) v.add("status", "Vælg en status.");
    core::Date happened;
    if (auto problem = date_problem(core::trim(input.happened_on), core::today(m_clock), &happened))
        v.add("happened_on", *problem);
    std::string note(core::trim(input.note));
    check_text(v, "note", note, k_max_note, "Noten");
    if (!v.ok()) return v.error();
    if (*status == Status::RegisteredRsv && actor.role == core::Role::Enterprise)
        return core::Error::forbidden(
            "Kun kommunen kan registrere status som registreret socialøkonomisk virksomhed (RSV).");
    return m_db.write([&](db::Connection& conn) -> core::Result<Enterprise> {
        BB_TRY(load(conn, id));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(conn.query(sql::history_insert, {id, std::string(status_code(*status)), happened.iso(), note,
                                                now, user_ref(actor), actor.username}));
        BB_TRY(refresh_status(conn, id));
        BB_TRY(m_audit.record(conn, actor, "status", "enterprise", std::to_string(id),
                              std::string(status_code(*status)) + " " + happened.iso()));
        return load(conn, id);
    });
}

core::Result<Contact> EnterpriseService::add_contact(std::int64_t id, const ContactInput& input,
                                                     const core::Actor& actor) {
    BB_TRY(check_access(actor, id, Want::Write));
    Contact c;
    c.enterprise_id = id;
    c.name = std::string(core::trim(input.name));
    c.title = std::string(core::trim(input.title));
    c.email = std::string(core::trim(input.email));
    c.phone = std::string(core::trim(input.phone));
    core::Validator v;
    if (c.name.empty())
        v.add("contact_name", "Skriv kontaktpersonens navn.");
    else
        check_text(v, "contact_name", c.name, k_max_contact_name, "Navnet");
    check_text(v, "contact_title", c.title, k_max_contact_title, "Rollen");
    if (!c.email.empty()) {
        auto at = c.email.find('@');
        bool ok = at != std::string::npos && at > 0 && c.email.find('.', at) != std::string::npos &&
                  c.email.back() != '.' && c.email.find_first_of(" \t\r\n,;<>\"") == std::string::npos &&
                  c.email.size() <= k_max_email;
        if (!ok) v.add("contact_email", "Skriv en gyldig e-mailadresse, fx navn@virksomhed.dk.");
    }
    if (!c.phone.empty()) {
        bool ok = c.phone.size() <= k_max_phone &&
                  c.phone.find_first_not_of("+0123456789 -()") == std::string::npos &&
                  std::count_if(c.phone.begin(), c.phone.end(),
                                [](char ch) { return ch >= '0' && ch <= '9'; }) >= 8;
        if (!ok) v.add("contact_phone", "Skriv et telefonnummer med mindst 8 cifre, fx 58 57 36 00.");
    }
    if (!c.name.empty() && c.email.empty() && c.phone.empty())
        v.add("contact_email", "Skriv en e-mailadresse eller et telefonnummer.");
    if (!v.ok()) return v.error();
    return m_db.write([&](db::Connection& conn) -> core::Result<Contact> {
        BB_TRY(load(conn, id));
        BB_ASSIGN(auto inserted, conn.query(sql::contact_insert, {id, c.name, c.title, c.email, c.phone,
                                                                  core::iso_timestamp(m_clock.now())}));
        c.id = inserted.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "contact_add", "enterprise", std::to_string(id),
                              "kontakt " + std::to_string(c.id)));
        return c;
    });
}

core::Result<void> EnterpriseService::remove_contact(std::int64_t id, std::int64_t contact_id,
                                                     const core::Actor& actor) {
    BB_TRY(check_access(actor, id, Want::Write));
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto deleted, conn.query(sql::contact_delete, {contact_id, id}));
        if (deleted.affected == 0) return core::Error::not_found();
        return m_audit.record(conn, actor, "contact_remove", "enterprise", std::to_string(id),
                              "kontakt " + std::to_string(contact_id));
    });
}

}  // namespace enterprises
