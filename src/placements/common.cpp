// PlacementsService: shared helpers, intervention types (C3) and the outcome list.
#include <cstdlib>
#include <span>

#include "core/log.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "placements/internal.hpp"
#include "placements/placements_service.hpp"

namespace placements {

namespace detail {

using core::Role;

std::optional<int> check_int(core::Validator& v, std::string_view field, std::string_view text, int lo,
                             int hi, std::string_view what) {
    const std::string_view t = core::trim(text);
    long long n = 0;
    if (t.empty()) {
        v.add(std::string(field), "Skriv " + std::string(what) + ".");
        return std::nullopt;
    }
    if (!core::parse_int64(t, n)) {
        v.add(std::string(field), "Skriv " + std::string(what) + " som et helt tal.");
        return std::nullopt;
    }
    if (n < lo || n > hi) {
        v.add(std::string(field), "Skriv " + std::string(what) + " mellem " + std::to_string(lo) + " og " +
                                      std::to_string(hi) + ".");
        return std::nullopt;
    }
    return static_cast<int>(n);
}

std::optional<std::int64_t> parse_id(std::string_view text) {
    long long n = 0;
    if (!core::parse_int64(core::trim(text), n) || n <= 0) return std::nullopt;
    return static_cast<std::int64_t>(n);
}

Agreement agreement_from(const store::AgreementRecord& r) {
    Agreement a;
    a.id = r.id;
    a.enterprise_id = r.enterprise_id;
    a.enterprise_name = r.enterprise_name;
    a.title = r.title;
    a.start_date = r.start_date;
    a.end_date = r.end_date;
    a.slots = r.slots;
    a.frame_weeks = r.frame_weeks;
    a.extension_weeks = r.extension_weeks;
    a.plan_deadline_days = r.plan_deadline_days;
    a.attendance_interval_months = r.attendance_interval_months;
    a.target_description = r.target_description;
    a.price_ore = r.price_ore;
    a.price_unit = r.price_unit;
    a.deliverables = r.deliverables;
    a.in_use = r.in_use;
    a.waiting = r.waiting;
    return a;
}

core::Result<Agreement> load_agreement(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::agreement_by_id(conn, id));
    if (!found) return core::Error::not_found();
    Agreement a = agreement_from(*found);
    BB_ASSIGN(a.target_groups, store::agreement_target_groups(conn, id));
    return a;
}

Placement placement_from(const store::PlacementRecord& r) {
    Placement p;
    p.id = r.id;
    p.citizen_id = r.citizen_id;
    p.citizen_name = r.citizen_name;
    p.case_ref = r.case_ref;
    p.enterprise_id = r.enterprise_id;
    p.enterprise_name = r.enterprise_name;
    p.agreement_id = r.agreement_id;
    p.agreement_title = r.agreement_title;
    p.intervention_type_id = r.intervention_type_id;
    p.intervention_type_name = r.intervention_type_name;
    p.hiring_need_id = r.hiring_need_id;
    p.hiring_need_title = r.hiring_need_title;
    p.status = parse_status(r.status).value_or(Status::Referred);
    p.referred_on = r.referred_on;
    p.start_date = r.start_date;
    p.planned_end = r.planned_end;
    p.end_date = r.end_date;
    p.outcome_id = r.outcome_id;
    p.outcome_label = r.outcome_label;
    p.outcome_note = r.outcome_note;
    p.plan_made_on = r.plan_made_on;
    p.plan_owned = r.plan_owned;
    p.no_plan_reason = r.no_plan_reason;
    p.weekly_hours = r.weekly_hours;
    if (r.plan_deadline_days && p.start_date)
        p.plan_due = employment::plan_due(*p.start_date, *r.plan_deadline_days);
    p.extension_weeks_allowed = r.extension_weeks_allowed.value_or(0);
    p.extension_weeks_used = r.extension_weeks_used;
    return p;
}

std::vector<Placement> placements_from(const std::vector<store::PlacementRecord>& rows) {
    std::vector<Placement> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(placement_from(r));
    return out;
}

core::Result<Placement> load_placement(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::placement_by_id(conn, id));
    if (!found) return core::Error::not_found();
    return placement_from(*found);
}

Capacity capacity_from(const store::CapacityCounts& r) {
    Capacity c;
    c.enterprise_id = r.enterprise_id;
    c.enterprise_name = r.enterprise_name;
    c.employees = r.employees;
    c.capacity = employment::placement_capacity(c.employees);
    c.placements = r.placements;
    c.wage_subsidy = r.wage_subsidy;
    return c;
}

core::Result<std::optional<Capacity>> load_capacity(db::Connection& conn, core::Date today,
                                                    std::int64_t enterprise) {
    BB_ASSIGN(auto found, store::capacity_counts_of(conn, today, enterprise));
    if (!found) return std::optional<Capacity>{};
    return std::optional<Capacity>{capacity_from(*found)};
}

std::string placement_label(const Placement& p) {
    return "forløb " + std::to_string(p.id) + " (" + p.enterprise_name + ")";
}

}  // namespace detail

using namespace detail;
using core::Role;

PlacementsService::PlacementsService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date PlacementsService::today() const {
    return core::today(m_clock);
}

// ---- intervention types -----------------------------------------------------------------------

namespace {

InterventionType type_from(const store::InterventionTypeRecord& r) {
    return InterventionType{r.id, r.code, r.name, r.legal_basis, r.description, r.valid_from, r.valid_to};
}

core::Result<InterventionType> load_type(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::intervention_type_by_id(conn, id));
    if (!found) return core::Error::not_found();
    return type_from(*found);
}

/// A code from a label: lower case ASCII, æ→ae, ø→oe, å→aa, others "_".
std::string code_for(std::string_view label) {
    std::string lower = core::to_lower_danish(label);
    std::string out;
    for (std::size_t i = 0; i < lower.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(lower[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else if (lower.compare(i, 2, "æ") == 0) {
            out += "ae";
            ++i;
        } else if (lower.compare(i, 2, "ø") == 0) {
            out += "oe";
            ++i;
        } else if (lower.compare(i, 2, "å") == 0) {
            out += "aa";
            ++i;
        } else if (!out.empty() && out.back() != '_')
            out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out.substr(0, 60);
}

struct TypeValues {
    std::string name, legal_basis, description;
    core::Date from;
    std::optional<core::Date> to;
};

core::Result<TypeValues> validate_type(const TypeInput& in) {
    core::Validator v;
    TypeValues t;
    t.name = std::string(core::trim(in.name));
    if (t.name.empty())
        v.add("name", "Skriv indsatstypens navn.");
    else
        check_text(v, "name", t.name, k_max_name, "Navnet");
    t.legal_basis = std::string(core::trim(in.legal_basis));
    check_text(v, "legal_basis", t.legal_basis, k_max_name, "Lovgrundlaget");
    t.description = std::string(core::trim(in.description));
    check_text(v, "description", t.description, k_max_text, "Beskrivelsen");
    auto from = check_date(v, "valid_from", in.valid_from, "Skriv, hvornår indsatstypen kan bruges fra.");
    auto to = check_date(v, "valid_to", in.valid_to, "");
    if (from && to && *to < *from) v.add("valid_to", "Sidste dag kan ikke ligge før første dag.");
    if (!v.ok()) return v.error();
    t.from = *from;
    t.to = to;
    return t;
}

core::Result<void> check_admin(const core::Actor& a) {
    if (a.is_admin()) return {};
    return core::Error::forbidden("Kun administratorer kan ændre indsatstyper og udfald.");
}

}  // namespace

core::Result<std::vector<InterventionType>> PlacementsService::list_types(const core::Actor& actor) {
    if (!actor.is_casework()) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<InterventionType>> {
        BB_ASSIGN(auto rows, store::intervention_types(conn));
        std::vector<InterventionType> out;
        for (const auto& r : rows) out.push_back(type_from(r));
        return out;
    });
}

core::Result<InterventionType> PlacementsService::get_type(std::int64_t id, const core::Actor& actor) {
    if (!actor.is_casework()) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) { return load_type(conn, id); });
}

core::Result<InterventionType> PlacementsService::create_type(const TypeInput& in, const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    BB_ASSIGN(TypeValues t, validate_type(in));
    std::string code(core::trim(in.code));
    if (code.empty()) code = code_for(t.name);
    return m_db.write([&](db::Connection& conn) -> core::Result<InterventionType> {
        BB_ASSIGN(auto dup, store::intervention_type_id(conn, code));
        if (dup) return core::Error::validation("name", "Der findes allerede en indsatstype med det navn.");
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(const std::int64_t id,
                  store::insert_intervention_type(conn, code,
                                                  {t.name, t.legal_basis, t.description, t.from, t.to}, now));
        BB_TRY(
            m_audit.record(conn, actor, "create", "intervention_type", std::to_string(id), t.name, "forløb"));
        return load_type(conn, id);
    });
}

core::Result<InterventionType> PlacementsService::update_type(std::int64_t id, const TypeInput& in,
                                                              const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    BB_ASSIGN(TypeValues t, validate_type(in));
    return m_db.write([&](db::Connection& conn) -> core::Result<InterventionType> {
        BB_TRY(load_type(conn, id));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(store::update_intervention_type(conn, id, {t.name, t.legal_basis, t.description, t.from, t.to},
                                               now));
        BB_TRY(
            m_audit.record(conn, actor, "update", "intervention_type", std::to_string(id), t.name, "forløb"));
        return load_type(conn, id);
    });
}

// ---- outcomes ------------------------------------------------------------------------------------

namespace {

Outcome outcome_from(const store::OutcomeRecord& r) {
    return Outcome{r.id, r.code, r.label, r.group, r.sort, r.active};
}

core::Result<Outcome> load_outcome(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::outcome_by_id(conn, id));
    if (!found) return core::Error::not_found();
    return outcome_from(*found);
}

core::Result<std::pair<Outcome, std::string>> validate_outcome(const OutcomeInput& in) {
    core::Validator v;
    Outcome o;
    o.label = std::string(core::trim(in.label));
    if (o.label.empty())
        v.add("label", "Skriv udfaldets tekst.");
    else
        check_text(v, "label", o.label, k_max_name, "Teksten");
    if (!employment::parse_outcome_group(core::trim(in.group)))
        v.add("group", "Vælg en gruppe for udfaldet.");
    else
        o.group = std::string(core::trim(in.group));
    if (!core::trim(in.sort).empty()) {
        if (auto s = check_int(v, "sort", in.sort, 0, 100000, "rækkefølgen")) o.sort = *s;
    }
    if (!v.ok()) return v.error();
    return std::pair<Outcome, std::string>{o, code_for(o.label)};
}

}  // namespace

core::Result<std::vector<Outcome>> PlacementsService::list_outcomes(const core::Actor& actor,
                                                                    bool active_only) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Outcome>> {
        BB_ASSIGN(auto rows, store::outcomes(conn, active_only));
        std::vector<Outcome> out;
        for (const auto& r : rows) out.push_back(outcome_from(r));
        return out;
    });
}

core::Result<Outcome> PlacementsService::get_outcome(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    return m_db.read([&](db::Connection& conn) { return load_outcome(conn, id); });
}

core::Result<Outcome> PlacementsService::create_outcome(const OutcomeInput& in, const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    BB_ASSIGN(auto values, validate_outcome(in));
    std::string code(core::trim(in.code));
    if (code.empty()) code = values.second;
    return m_db.write([&](db::Connection& conn) -> core::Result<Outcome> {
        BB_ASSIGN(auto dup, store::outcome_id(conn, code));
        if (dup) return core::Error::validation("label", "Der findes allerede et udfald med den tekst.");
        const Outcome& o = values.first;
        BB_ASSIGN(const std::int64_t id, store::insert_outcome(conn, code, o.label, o.group, o.sort));
        BB_TRY(m_audit.record(conn, actor, "create", "placement_outcome", std::to_string(id), o.label,
                              "forløb"));
        return load_outcome(conn, id);
    });
}

core::Result<Outcome> PlacementsService::update_outcome(std::int64_t id, const OutcomeInput& in,
                                                        const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    BB_ASSIGN(auto values, validate_outcome(in));
    return m_db.write([&](db::Connection& conn) -> core::Result<Outcome> {
        BB_TRY(load_outcome(conn, id));
        const Outcome& o = values.first;
        BB_TRY(store::update_outcome(conn, id, o.label, o.group, o.sort));
        BB_TRY(m_audit.record(conn, actor, "update", "placement_outcome", std::to_string(id), o.label,
                              "forløb"));
        return load_outcome(conn, id);
    });
}

core::Result<Outcome> PlacementsService::set_outcome_active(std::int64_t id, bool active,
                                                            const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Outcome> {
        BB_TRY(load_outcome(conn, id));
        BB_TRY(store::set_outcome_active(conn, id, active));
        BB_TRY(m_audit.record(conn, actor, active ? "activate" : "deactivate", "placement_outcome",
                              std::to_string(id), "", "forløb"));
        return load_outcome(conn, id);
    });
}

}  // namespace placements
