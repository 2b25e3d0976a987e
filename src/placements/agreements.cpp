// PlacementsService: cooperation agreements (C1), capacity (C8) and hiring needs ahead (C7).
#include "core/money.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "enterprises/directory.hpp"
#include "placements/internal.hpp"
#include "placements/placements_service.hpp"

namespace placements {

using namespace detail;
using core::Role;

namespace {

struct AgreementValues {
    std::int64_t enterprise_id = 0;
    std::string title;
    core::Date start;
    std::optional<core::Date> end;
    int slots = 0, frame = 0, extension = 0, deadline = 0, interval = 2;
    std::string target_description;
    std::vector<std::string> groups;
    std::int64_t price = 0;
    std::string unit;
    std::string deliverables;
};

core::Result<AgreementValues> validate_agreement(db::Connection& conn, const AgreementInput& in) {
    core::Validator v;
    AgreementValues a;
    if (auto id = parse_id(in.enterprise_id)) {
        BB_ASSIGN(auto found, enterprises::directory::find(conn, *id));
        if (!found)
            v.add("enterprise_id", "Vælg en virksomhed fra listen.");
        else
            a.enterprise_id = *id;
    } else {
        v.add("enterprise_id", "Vælg virksomheden, aftalen er indgået med.");
    }
    a.title = std::string(core::trim(in.title));
    if (a.title.empty())
        v.add("title", "Skriv en titel på aftalen, fx Samarbejdsaftale med Sumak 2018.");
    else
        check_text(v, "title", a.title, k_max_name, "Titlen");
    auto start = check_date(v, "start_date", in.start_date, "Skriv, hvornår aftalen begynder.");
    a.end = check_date(v, "end_date", in.end_date, "");
    if (start && a.end && *a.end < *start) {
        v.add("end_date", "Slutdatoen kan ikke ligge før startdatoen.");
        a.end.reset();
    }
    if (start) a.start = *start;
    a.slots = check_int(v, "slots", in.slots, 1, 1000, "antal pladser").value_or(0);
    a.frame = check_int(v, "frame_weeks", in.frame_weeks, 1, 260, "forløbets længde i uger").value_or(0);
    if (core::trim(in.extension_weeks).empty())
        a.extension = 0;
    else
        a.extension =
            check_int(v, "extension_weeks", in.extension_weeks, 0, 260, "forlængelse i uger").value_or(0);
    a.deadline = check_int(v, "plan_deadline_days", in.plan_deadline_days, 0, 365, "frist for plan i dage")
                     .value_or(0);
    if (core::trim(in.attendance_interval_months).empty())
        a.interval = 2;
    else
        a.interval = check_int(v, "attendance_interval_months", in.attendance_interval_months, 1, 12,
                               "hvor ofte der sendes fremmødesedler (måneder)")
                         .value_or(2);
    a.target_description = std::string(core::trim(in.target_description));
    check_text(v, "target_description", a.target_description, k_max_text, "Beskrivelsen af målgruppen");
    for (const auto& g : in.target_groups) {
        const std::string code(core::trim(g));
        if (code.empty()) continue;
        BB_ASSIGN(auto found, enterprises::directory::vocabulary_entry(
                                  conn, enterprises::VocabularyKind::TargetGroup, code));
        if (!found) {
            v.add("target_groups", "Vælg målgrupper fra listen.");
            break;
        }
        a.groups.push_back(code);
    }
    if (core::trim(in.price).empty()) {
        a.price = 0;
    } else {
        auto p = core::parse_kroner(in.price, 1'000'000'000'00);
        if (p.status != core::ParsedKroner::Status::Ok || p.oere < 0)
            v.add("price", "Skriv prisen i kroner, fx 12.500 eller 950,50.");
        else
            a.price = p.oere;
    }
    a.unit = std::string(core::trim(in.price_unit));
    if (a.unit.empty()) a.unit = "per_placement";
    if (!is_price_unit(a.unit)) v.add("price_unit", "Vælg, hvad prisen gælder for.");
    a.deliverables = std::string(core::trim(in.deliverables));
    check_text(v, "deliverables", a.deliverables, k_max_text, "Leverancerne");
    if (!v.ok()) return v.error();
    return a;
}

store::AgreementFields fields_of(const AgreementValues& a) {
    store::AgreementFields f;
    f.enterprise_id = a.enterprise_id;
    f.title = a.title;
    f.start_date = a.start;
    f.end_date = a.end;
    f.slots = a.slots;
    f.frame_weeks = a.frame;
    f.extension_weeks = a.extension;
    f.plan_deadline_days = a.deadline;
    f.attendance_interval_months = a.interval;
    f.target_description = a.target_description;
    f.price_ore = a.price;
    f.price_unit = a.unit;
    f.deliverables = a.deliverables;
    return f;
}

/// Whether the actor may read the agreement: staff readers all; enterprise users their own.
bool reads_agreement(const core::Actor& a, const Agreement& ag) {
    if (a.is_municipal()) return true;
    return a.role == Role::Enterprise && a.enterprise_id && *a.enterprise_id == ag.enterprise_id;
}

}  // namespace

core::Result<Agreement> PlacementsService::create_agreement(const AgreementInput& in,
                                                            const core::Actor& actor) {
    if (!actor.is_casework())
        return core::Error::forbidden("Kun sagsbehandlere kan oprette samarbejdsaftaler.");
    return m_db.write([&](db::Connection& conn) -> core::Result<Agreement> {
        BB_ASSIGN(AgreementValues a, validate_agreement(conn, in));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(const std::int64_t id, store::insert_agreement(conn, fields_of(a), now));
        BB_TRY(store::replace_agreement_target_groups(conn, id, a.groups));
        BB_TRY(m_audit.record(conn, actor, "create", "agreement", std::to_string(id), a.title, "forløb"));
        return load_agreement(conn, id);
    });
}

core::Result<Agreement> PlacementsService::update_agreement(std::int64_t id, const AgreementInput& in,
                                                            const core::Actor& actor) {
    if (!actor.is_casework())
        return core::Error::forbidden("Kun sagsbehandlere kan ændre samarbejdsaftaler.");
    return m_db.write([&](db::Connection& conn) -> core::Result<Agreement> {
        BB_ASSIGN(Agreement current, load_agreement(conn, id));
        BB_ASSIGN(AgreementValues a, validate_agreement(conn, in));
        if (a.enterprise_id != current.enterprise_id && (current.in_use > 0 || current.waiting > 0))
            return core::Error::validation("enterprise_id",
                                           "Virksomheden kan ikke skiftes, når aftalen har forløb.");
        BB_TRY(store::update_agreement(conn, id, fields_of(a), core::iso_timestamp(m_clock.now())));
        BB_TRY(store::replace_agreement_target_groups(conn, id, a.groups));
        BB_TRY(m_audit.record(conn, actor, "update", "agreement", std::to_string(id), a.title, "forløb"));
        return load_agreement(conn, id);
    });
}

core::Result<Agreement> PlacementsService::get_agreement(std::int64_t id, const core::Actor& actor) {
    BB_ASSIGN(Agreement a, m_db.read([&](db::Connection& conn) { return load_agreement(conn, id); }));
    if (!reads_agreement(actor, a)) return core::Error::not_found();
    return a;
}

core::Result<AgreementDetail> PlacementsService::agreement_detail(std::int64_t id, const core::Actor& actor) {
    if (!actor.is_municipal() && actor.role != Role::Enterprise) return core::Error::forbidden();
    return m_db.write([&](db::Connection& conn) -> core::Result<AgreementDetail> {
        AgreementDetail d;
        BB_ASSIGN(d.agreement, load_agreement(conn, id));
        if (!reads_agreement(actor, d.agreement)) return core::Error::not_found();
        BB_ASSIGN(auto notes, store::agreement_notes(conn, id));
        for (const auto& r : notes) d.notes.push_back({r.id, r.topic, r.noted_on, r.text});
        BB_ASSIGN(d.capacity, load_capacity(conn, today(), d.agreement.enterprise_id));
        d.shows_persons = actor.is_casework();
        if (!d.shows_persons) return d;
        BB_ASSIGN(auto list, store::list_placements(conn, {std::string(), id, 0, 0}));
        for (const auto& r : list) {
            Placement p = placement_from(r);
            if (p.status == Status::Waiting) continue;
            BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                                  placement_label(p) + " på aftale " + std::to_string(id), "forløb"));
            d.placements.push_back(std::move(p));
        }
        BB_ASSIGN(auto waiting, store::waiting_list(conn, id));
        for (const auto& r : waiting) {
            Placement p = placement_from(r);
            BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                                  placement_label(p) + " på venteliste til aftale " + std::to_string(id),
                                  "forløb"));
            d.waiting.push_back(std::move(p));
        }
        return d;
    });
}

core::Result<std::vector<Agreement>> PlacementsService::list_agreements(const core::Actor& actor) {
    std::int64_t only = 0;
    if (actor.role == Role::Enterprise) {
        if (!actor.enterprise_id) return std::vector<Agreement>{};
        only = *actor.enterprise_id;
    } else if (!actor.is_municipal()) {
        return core::Error::forbidden();
    }
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Agreement>> {
        BB_ASSIGN(auto rows, store::list_agreements(conn, only));
        std::vector<Agreement> out;
        for (const auto& r : rows) out.push_back(agreement_from(r));
        return out;
    });
}

core::Result<AgreementNote> PlacementsService::add_agreement_note(std::int64_t id, const NoteInput& in,
                                                                  const core::Actor& actor) {
    if (!actor.is_casework())
        return core::Error::forbidden("Kun sagsbehandlere kan skrive noter om aftalen.");
    return m_db.write([&](db::Connection& conn) -> core::Result<AgreementNote> {
        BB_TRY(load_agreement(conn, id));
        core::Validator v;
        const std::string topic(core::trim(in.topic));
        if (!is_note_topic(topic)) v.add("topic", "Vælg, hvad noten handler om.");
        auto on = check_date(v, "noted_on", in.noted_on, "Skriv notens dato.");
        const std::string text(core::trim(in.text));
        if (text.empty())
            v.add("text", "Skriv noten.");
        else
            check_text(v, "text", text, k_max_text, "Noten");
        if (!v.ok()) return v.error();
        BB_ASSIGN(const std::int64_t note_id,
                  store::insert_agreement_note(conn, {id, topic, *on, text, actor.user_ref()},
                                               core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(conn, actor, "create", "agreement_note", std::to_string(note_id),
                              "aftale " + std::to_string(id), "forløb"));
        return AgreementNote{note_id, topic, *on, text};
    });
}

core::Result<std::vector<Choice>> PlacementsService::enterprise_choices(const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::All);
    });
}

core::Result<std::vector<Choice>> PlacementsService::target_group_choices(const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::vocabulary_choices(conn, enterprises::VocabularyKind::TargetGroup);
    });
}

// ---- capacity ------------------------------------------------------------------------------------

core::Result<std::vector<Capacity>> PlacementsService::capacity(const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    const core::Date day = today();
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Capacity>> {
        BB_ASSIGN(auto rows, store::capacity_counts(conn, day));
        std::vector<Capacity> out;
        for (const auto& r : rows) out.push_back(capacity_from(r));
        return out;
    });
}

// ---- hiring needs --------------------------------------------------------------------------------

namespace {

HiringNeed need_from(const store::HiringNeedRecord& r) {
    HiringNeed n;
    n.id = r.id;
    n.enterprise_id = r.enterprise_id;
    n.enterprise_name = r.enterprise_name;
    n.title = r.title;
    n.tasks = r.tasks;
    n.expected_on = r.expected_on;
    n.positions = r.positions;
    n.status = r.status;
    if (r.jobs > 0) n.status = "filled";  // derived: a job references the need
    n.linked_placements = r.placements;
    return n;
}

core::Result<HiringNeed> load_need(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::hiring_need_by_id(conn, id));
    if (!found) return core::Error::not_found();
    return need_from(*found);
}

bool owns_need(const core::Actor& a, const HiringNeed& n) {
    return a.role == Role::Enterprise && a.enterprise_id && *a.enterprise_id == n.enterprise_id;
}

struct NeedValues {
    std::string title, tasks;
    core::Date expected;
    int positions = 1;
};

core::Result<NeedValues> validate_need(const NeedInput& in, core::Date today) {
    core::Validator v;
    NeedValues n;
    n.title = std::string(core::trim(in.title));
    if (n.title.empty())
        v.add("title", "Skriv en titel på behovet, fx Lagermedarbejder.");
    else
        check_text(v, "title", n.title, k_max_name, "Titlen");
    n.tasks = std::string(core::trim(in.tasks));
    check_text(v, "tasks", n.tasks, k_max_text, "Opgaverne");
    if (auto d = check_date(v, "expected_on", in.expected_on, "Skriv, hvornår I forventer at ansætte.")) {
        if (*d <= today)
            v.add("expected_on", "Den forventede dato skal ligge i fremtiden.");
        else if (*d > today.add_months(12))
            v.add("expected_on", "Den forventede dato må højst ligge 12 måneder frem.");
        else
            n.expected = *d;
    }
    if (!core::trim(in.positions).empty())
        n.positions = check_int(v, "positions", in.positions, 1, 100, "antal stillinger").value_or(1);
    if (!v.ok()) return v.error();
    return n;
}

}  // namespace

core::Result<HiringNeed> PlacementsService::create_need(const NeedInput& in, const core::Actor& actor) {
    std::int64_t enterprise = 0;  // 0: none (ids are positive)
    if (actor.role == Role::Enterprise)
        enterprise = actor.enterprise_id.value_or(0);
    else if (actor.is_casework())
        enterprise = parse_id(in.enterprise_id).value_or(0);
    else
        return core::Error::forbidden();
    const core::Date day = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<HiringNeed> {
        core::Validator ev;
        if (enterprise != 0) {
            BB_ASSIGN(auto found, enterprises::directory::find(conn, enterprise));
            if (!found) enterprise = 0;
        }
        auto values = validate_need(in, day);
        if (enterprise == 0 || !values.ok()) {
            core::Validator v;
            if (enterprise == 0) v.add("enterprise_id", "Vælg virksomheden.");
            if (!values.ok())
                for (const auto& f : values.error().fields) v.add(f.field, f.message);
            return v.error();
        }
        const NeedValues& n = *values;
        BB_ASSIGN(const std::int64_t id,
                  store::insert_hiring_need(conn, enterprise, {n.title, n.tasks, n.expected, n.positions},
                                            actor.user_ref(), core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(conn, actor, "create", "hiring_need", std::to_string(id), n.title, "forløb"));
        return load_need(conn, id);
    });
}

core::Result<HiringNeed> PlacementsService::update_need(std::int64_t id, const NeedInput& in,
                                                        const core::Actor& actor) {
    if (actor.role != Role::Enterprise && !actor.is_casework()) return core::Error::forbidden();
    const core::Date day = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<HiringNeed> {
        BB_ASSIGN(HiringNeed current, load_need(conn, id));
        if (actor.role == Role::Enterprise && !owns_need(actor, current)) return core::Error::not_found();
        if (current.status != "open")
            return core::Error::conflict("Behovet er ikke længere åbent og kan ikke ændres.");
        BB_ASSIGN(NeedValues n, validate_need(in, day));
        BB_TRY(store::update_hiring_need(conn, id, {n.title, n.tasks, n.expected, n.positions},
                                         core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(conn, actor, "update", "hiring_need", std::to_string(id), n.title, "forløb"));
        return load_need(conn, id);
    });
}

core::Result<HiringNeed> PlacementsService::withdraw_need(std::int64_t id, const core::Actor& actor) {
    if (actor.role != Role::Enterprise && !actor.is_casework()) return core::Error::forbidden();
    return m_db.write([&](db::Connection& conn) -> core::Result<HiringNeed> {
        BB_ASSIGN(HiringNeed current, load_need(conn, id));
        if (actor.role == Role::Enterprise && !owns_need(actor, current)) return core::Error::not_found();
        if (current.status != "open") return core::Error::conflict("Behovet er ikke længere åbent.");
        BB_TRY(store::withdraw_hiring_need(conn, id, core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(conn, actor, "withdraw", "hiring_need", std::to_string(id), current.title,
                              "forløb"));
        return load_need(conn, id);
    });
}

core::Result<HiringNeed> PlacementsService::get_need(std::int64_t id, const core::Actor& actor) {
    if (actor.role != Role::Enterprise && !actor.is_municipal()) return core::Error::forbidden();
    BB_ASSIGN(HiringNeed n, m_db.read([&](db::Connection& conn) { return load_need(conn, id); }));
    if (actor.role == Role::Enterprise && !owns_need(actor, n)) return core::Error::not_found();
    return n;
}

core::Result<std::vector<HiringNeed>> PlacementsService::list_needs(const core::Actor& actor) {
    std::int64_t only = 0;
    if (actor.role == Role::Enterprise) {
        if (!actor.enterprise_id) return std::vector<HiringNeed>{};
        only = *actor.enterprise_id;
    } else if (!actor.is_municipal()) {
        return core::Error::forbidden();
    }
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<HiringNeed>> {
        BB_ASSIGN(auto rows, store::list_hiring_needs(conn, only));
        std::vector<HiringNeed> out;
        for (const auto& r : rows) out.push_back(need_from(r));
        return out;
    });
}

}  // namespace placements
