// CitizenService: validation, role checks, storage and audit of citizens.
#include "citizens/citizen_service.hpp"

#include <cstdlib>
#include <span>

#include "citizens/service_detail.hpp"
#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "employment/store/citizens.hpp"

namespace citizens {

namespace detail {

core::UnixSeconds ts(const std::string& text) {
    return core::parse_iso_timestamp(text).value_or(0);
}

Citizen citizen_from(const employment::store::CitizenRecord& r) {
    Citizen c;
    c.id = r.id;
    c.case_ref = r.case_ref;
    c.name = r.name;
    c.target_group = r.target_group;
    c.wished_hours_min = r.wished_hours_min;
    c.wished_hours_max = r.wished_hours_max;
    c.postcode = r.postcode;
    if (r.transport) c.transport = parse_transport(*r.transport);
    c.note = r.note;
    c.legal_hold = r.legal_hold;
    c.legal_hold_reason = r.legal_hold_reason;
    if (r.anonymised_at) c.anonymised_at = ts(*r.anonymised_at);
    c.created_at = ts(r.created_at);
    c.updated_at = ts(r.updated_at);
    return c;
}

core::Result<void> load_tags(db::Connection& conn, Citizen& c) {
    BB_ASSIGN(auto tags, employment::store::citizen_tags(conn, c.id));
    for (const auto& t : tags) {
        auto kind = parse_tag_kind(t.kind);
        if (!kind) continue;
        auto& list = *kind == TagKind::Accommodation ? c.accommodations
                     : *kind == TagKind::Competence  ? c.competences
                                                     : c.interests;
        list.push_back(t.tag);
    }
    return {};
}

core::Result<Citizen> load(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, employment::store::citizen_by_id(conn, id));
    if (!found) return core::Error::not_found("Borgeren findes ikke.");
    Citizen c = citizen_from(*found);
    BB_TRY(load_tags(conn, c));
    return c;
}

}  // namespace detail

namespace {

struct Checked {
    std::string case_ref, name, name_key;
    std::optional<std::string> target_group;
    std::vector<std::string> tags[3];
    std::optional<std::int64_t> hours_min, hours_max;
    std::optional<std::string> postcode, transport;
    std::string note, hold_reason;
    bool hold = false;
};

void check_text(core::Validator& v, std::string_view field, const std::string& value, std::size_t max,
                std::string message) {
    if (!core::is_valid_utf8(value))
        v.add(std::string(field), "Teksten indeholder ugyldige tegn.");
    else if (core::utf8_length(value) > max)
        v.add(std::string(field), std::move(message));
}

std::optional<std::int64_t> check_hours(core::Validator& v, std::string_view field, const std::string& text,
                                        std::string_view what) {
    auto h = employment::parse_hours(text);
    switch (h.status) {
        case employment::ParsedHours::Status::Empty:
            return std::nullopt;
        case employment::ParsedHours::Status::Ok:
            return h.hundredths;
        case employment::ParsedHours::Status::Malformed:
            v.add(std::string(field), std::string(what) + " skal være et tal, fx 15 eller 7,5.");
            return std::nullopt;
        case employment::ParsedHours::Status::OutOfRange:
            v.add(std::string(field), std::string(what) + " skal være mellem 0 og 37 timer om ugen.");
            return std::nullopt;
    }
    return std::nullopt;
}

/// Pure checks of every field; the target group and uniqueness are checked by the caller.
Checked check_input(core::Validator& v, const CitizenInput& in) {
    Checked c;
    c.case_ref = std::string(core::trim(in.case_ref));
    if (c.case_ref.empty())
        v.add("case_ref", "Skriv borgerens sagsnummer.");
    else if (looks_like_cpr(c.case_ref))
        v.add("case_ref",
              "Sagsnummeret ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger – brug kommunens "
              "sagsnummer.");
    else
        check_text(v, "case_ref", c.case_ref, k_max_case_ref, "Sagsnummeret må højst være 40 tegn.");
    c.name = std::string(core::trim(in.name));
    if (c.name.empty())
        v.add("name", "Skriv borgerens navn.");
    else if (looks_like_cpr(c.name))
        v.add("name", "Navnet ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger.");
    else
        check_text(v, "name", c.name, k_max_name, "Navnet må højst være 200 tegn.");
    c.name_key = core::to_lower_danish(c.name);
    const std::string tg(core::trim(in.target_group));
    if (!tg.empty()) c.target_group = tg;
    const std::string* texts[3] = {&in.accommodations, &in.competences, &in.interests};
    const char* fields[3] = {"accommodations", "competences", "interests"};
    for (int i = 0; i < 3; ++i) {
        auto tags = parse_tags(*texts[i], fields[i]);
        if (!tags.ok()) {
            for (const auto& f : tags.error().fields) v.add(f.field, f.message);
        } else {
            for (const auto& t : *tags)
                if (looks_like_cpr(t))
                    v.add(fields[i], "Et stikord ligner et CPR-nummer. CPR-numre må ikke gemmes.");
            c.tags[i] = std::move(*tags);
        }
    }
    c.hours_min = check_hours(v, "wished_hours_min", in.wished_hours_min, "Ønsket antal timer (mindst)");
    c.hours_max = check_hours(v, "wished_hours_max", in.wished_hours_max, "Ønsket antal timer (højst)");
    if (c.hours_min && c.hours_max && *c.hours_min > *c.hours_max)
        v.add("wished_hours_max", "Det højeste antal timer kan ikke være mindre end det mindste.");
    const std::string pc(core::trim(in.postcode));
    if (!pc.empty()) {
        bool ok = pc.size() == 4;
        for (char ch : pc) ok = ok && ch >= '0' && ch <= '9';
        if (!ok)
            v.add("postcode", "Postnummeret skal være fire cifre, fx 4200.");
        else
            c.postcode = pc;
    }
    const std::string tr(core::trim(in.transport));
    if (!tr.empty()) {
        if (parse_transport(tr))
            c.transport = tr;
        else
            v.add("transport", "Vælg transport fra listen.");
    }
    c.note = std::string(core::trim(in.note));
    if (looks_like_cpr(c.note))
        v.add("note", "Noten indeholder noget, der ligner et CPR-nummer. CPR-numre må ikke gemmes.");
    else
        check_text(v, "note", c.note, k_max_note, "Noten må højst være 2.000 tegn.");
    c.hold = in.legal_hold;
    c.hold_reason = std::string(core::trim(in.legal_hold_reason));
    if (c.hold && c.hold_reason.empty())
        v.add("legal_hold_reason", "Skriv hvorfor borgerens data ikke må slettes (retligt krav).");
    check_text(v, "legal_hold_reason", c.hold_reason, k_max_hold_reason,
               "Begrundelsen må højst være 500 tegn.");
    if (!c.hold) c.hold_reason.clear();
    return c;
}

employment::store::CitizenFields fields_of(const Checked& c) {
    employment::store::CitizenFields f;
    f.case_ref = c.case_ref;
    f.name = c.name;
    f.target_group = c.target_group;
    f.wished_hours_min = c.hours_min;
    f.wished_hours_max = c.hours_max;
    f.postcode = c.postcode;
    f.transport = c.transport;
    f.note = c.note;
    f.legal_hold = c.hold;
    f.legal_hold_reason = c.hold_reason;
    return f;
}

core::Result<void> store_tags(db::Connection& conn, std::int64_t id, const Checked& c) {
    std::vector<employment::store::CitizenTag> tags;
    for (int i = 0; i < 3; ++i)
        for (const auto& t : c.tags[i]) tags.push_back({std::string(tag_kind_code(k_all_tag_kinds[i])), t});
    return employment::store::replace_citizen_tags(conn, id, tags);
}

}  // namespace

CitizenService::CitizenService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                               enterprises::EnterpriseService& registry)
    : m_db(db), m_clock(clock), m_audit(audit), m_registry(registry) {}

core::Date CitizenService::today() const {
    return core::today(m_clock);
}

core::Result<void> CitizenService::check_access(const core::Actor& actor, std::string_view action,
                                                std::int64_t id) {
    if (actor.is_casework()) return {};
    // The refusal itself is logged (fail closed: if it cannot be logged, still refuse).
    (void)m_db.write([&](db::Connection& conn) -> core::Result<void> {
        return m_audit.record(conn, actor, std::string(action), "citizen", id > 0 ? std::to_string(id) : "",
                              "", k_purpose_casework, audit::k_outcome_denied);
    });
    return core::Error::forbidden("Kun sagsbehandlere kan se og ændre oplysninger om borgere.");
}

void CitizenService::label(std::vector<Citizen>& list) {
    auto vocab = m_registry.vocabulary(enterprises::VocabularyKind::TargetGroup, true);
    if (!vocab.ok()) return;
    for (auto& c : list) {
        if (!c.target_group) continue;
        c.target_group_label = *c.target_group;
        for (const auto& e : *vocab)
            if (e.code == *c.target_group) c.target_group_label = e.label;
    }
}

Citizen CitizenService::label(Citizen c) {
    std::vector<Citizen> one{std::move(c)};
    label(one);
    return std::move(one.front());
}

core::Result<std::vector<Choice>> CitizenService::target_group_choices(const core::Actor& actor) {
    if (!actor.is_casework()) return core::Error::forbidden();
    BB_ASSIGN(auto entries, m_registry.vocabulary(enterprises::VocabularyKind::TargetGroup));
    std::vector<Choice> out;
    for (const auto& e : entries) out.push_back({e.code, e.label});
    return out;
}

namespace {
/// Validates the target group against the registry's vocabulary (active values; a citizen
/// keeps an inactive value already stored).
void check_target_group(core::Validator& v, const Checked& c,
                        const std::vector<enterprises::VocabularyEntry>& vocab,
                        const std::optional<std::string>& stored) {
    if (!c.target_group) return;
    for (const auto& e : vocab)
        if (e.code == *c.target_group && (e.active || (stored && *stored == e.code))) return;
    v.add("target_group", "Målgruppen findes ikke i ordlisten. Vælg en målgruppe fra listen.");
}
}  // namespace

core::Result<Citizen> CitizenService::create(const CitizenInput& in, const core::Actor& actor) {
    BB_TRY(check_access(actor, "create", 0));
    BB_ASSIGN(auto vocab, m_registry.vocabulary(enterprises::VocabularyKind::TargetGroup, true));
    const std::string now = core::iso_timestamp(m_clock.now());
    auto r = m_db.write([&](db::Connection& conn) -> core::Result<Citizen> {
        core::Validator v;
        Checked c = check_input(v, in);
        check_target_group(v, c, vocab, std::nullopt);
        if (!c.case_ref.empty()) {
            BB_ASSIGN(auto dup, employment::store::citizen_by_case_ref(conn, c.case_ref));
            if (dup) v.add("case_ref", "Der findes allerede en borger med dette sagsnummer.");
        }
        if (!v.ok()) return v.error();
        BB_ASSIGN(const std::int64_t id, employment::store::insert_citizen(conn, fields_of(c), now));
        BB_TRY(store_tags(conn, id, c));
        BB_TRY(m_audit.record(conn, actor, "create", "citizen", std::to_string(id), "", k_purpose_casework));
        return detail::load(conn, id);
    });
    if (!r.ok()) return r;
    return label(std::move(r).value());
}

core::Result<Citizen> CitizenService::update(std::int64_t id, const CitizenInput& in,
                                             const core::Actor& actor) {
    BB_TRY(check_access(actor, "update", id));
    BB_ASSIGN(auto vocab, m_registry.vocabulary(enterprises::VocabularyKind::TargetGroup, true));
    const std::string now = core::iso_timestamp(m_clock.now());
    auto r = m_db.write([&](db::Connection& conn) -> core::Result<Citizen> {
        BB_ASSIGN(Citizen current, detail::load(conn, id));
        if (current.anonymised_at)
            return core::Error::conflict("Borgeren er anonymiseret og kan ikke ændres.");
        core::Validator v;
        Checked c = check_input(v, in);
        check_target_group(v, c, vocab, current.target_group);
        if (!c.case_ref.empty() && c.case_ref != current.case_ref) {
            BB_ASSIGN(auto dup, employment::store::citizen_by_case_ref(conn, c.case_ref));
            if (dup) v.add("case_ref", "Der findes allerede en borger med dette sagsnummer.");
        }
        if (!v.ok()) return v.error();
        BB_TRY(employment::store::update_citizen(conn, id, fields_of(c), now));
        BB_TRY(store_tags(conn, id, c));
        BB_TRY(m_audit.record(conn, actor, "update", "citizen", std::to_string(id), "", k_purpose_casework));
        return detail::load(conn, id);
    });
    if (!r.ok()) return r;
    return label(std::move(r).value());
}

core::Result<Citizen> CitizenService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_access(actor, "read", id));
    auto r = m_db.read([&](db::Connection& conn) -> core::Result<Citizen> {
        BB_ASSIGN(Citizen c, detail::load(conn, id));
        BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(id), "", k_purpose_casework));
        return c;
    });
    if (!r.ok()) return r;
    return label(std::move(r).value());
}

core::Result<std::vector<Citizen>> CitizenService::list(const CitizenFilter& filter,
                                                        const core::Actor& actor) {
    BB_TRY(check_access(actor, "search", 0));
    const std::string q = core::to_lower_danish(core::trim(filter.query));
    const std::string tg(core::trim(filter.target_group));
    if (!core::is_valid_utf8(q) || core::utf8_length(q) > 200)
        return core::Error::validation("q", "Søgeteksten må højst være 200 tegn.");
    std::string criteria;
    if (!q.empty()) criteria = "søgning=" + q;
    if (!tg.empty()) criteria += std::string(criteria.empty() ? "" : "; ") + "målgruppe=" + tg;
    auto r = m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Citizen>> {
        BB_ASSIGN(auto rows, employment::store::list_citizens(conn, q, tg));
        std::vector<Citizen> out;
        for (const auto& r : rows) {
            out.push_back(detail::citizen_from(r));
            BB_TRY(detail::load_tags(conn, out.back()));
        }
        BB_TRY(m_audit.record(conn, actor, "search", "citizen", "", criteria, k_purpose_casework));
        return out;
    });
    if (r.ok()) label(r.value());
    return r;
}

core::Result<std::vector<audit::SubjectAccess>> CitizenService::access_log(std::int64_t id,
                                                                           const core::Actor& actor) {
    BB_TRY(check_access(actor, "read", id));
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<audit::SubjectAccess>> {
        BB_TRY(detail::load(conn, id));
        BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(id), "adgangslog",
                              k_purpose_casework));
        return m_audit.subject_report(conn, "citizen", std::to_string(id), audit::StaffIdentity::Hidden);
    });
}

}  // namespace citizens
