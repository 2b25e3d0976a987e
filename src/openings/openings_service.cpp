// OpeningsService: openings over three sources, job openings, attributes and weights.
#include "openings/openings_service.hpp"

#include <cstdlib>
#include <map>
#include <span>

#include "citizens/model.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "employment/store/citizens.hpp"
#include "openings/internal.hpp"
#include "openings/sql.hpp"

namespace openings {

namespace detail {

Proposal proposal_from_row(const db::Row& r) {
    Proposal p;
    p.id = r.int64(0);
    p.run_id = r.text(1);
    p.citizen_id = r.int64(2);
    p.source = parse_source(r.text(3)).value_or(Source::Posted);
    p.source_id = r.int64(4);
    p.opening_title = r.text(5);
    p.score = static_cast<int>(r.int64(6));
    p.rank = static_cast<int>(r.int64(7));
    p.explanation = r.text(8);
    p.proposed_at = r.text(9);
    p.decision = r.text(10);
    p.decided_at = r.text(11);
    p.decline_reason = r.text(12);
    p.placement_id = r.opt_int64(13);
    return p;
}

core::Result<std::vector<Proposal>> proposals(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::proposal_list, {id}));
    std::vector<Proposal> out;
    std::vector<std::int64_t> ids;
    out.reserve(rows.rows.size());
    for (const auto& r : rows.rows) {
        out.push_back(proposal_from_row(r));
        ids.push_back(out.back().citizen_id);
    }
    BB_ASSIGN(auto names, employment::store::citizen_names(conn, ids));
    for (auto& p : out)
        if (auto it = names.find(p.citizen_id); it != names.end()) p.citizen_name = it->second;
    return out;
}

}  // namespace detail

using core::Role;
using detail::user_ref;

namespace {

std::vector<std::string> split_tags(const std::string& text) {
    auto r = citizens::parse_tags(text, "tags");
    return r.ok() ? std::move(r).value() : std::vector<std::string>{};
}

/// Attributes from columns first..first+8: tasks, hours_min, hours_max, min_intensity,
/// accommodations, target_groups, tags, postcode, start_date.
Attributes attributes_from(const db::Row& r, std::size_t first) {
    Attributes a;
    a.tasks = split_tags(r.text(first));
    a.hours_min = r.opt_int64(first + 1);
    a.hours_max = r.opt_int64(first + 2);
    if (auto i = r.opt_int64(first + 3)) a.min_intensity = static_cast<int>(*i);
    a.accommodations = split_tags(r.text(first + 4));
    a.target_groups = split_tags(r.text(first + 5));
    a.tags = split_tags(r.text(first + 6));
    a.postcode = r.text(first + 7);
    if (auto d = r.opt_text(first + 8)) a.start_date = core::Date::parse(*d);
    return a;
}

std::vector<db::Value> attribute_values(const Attributes& a) {
    return {citizens::join_tags(a.tasks),
            db::opt(a.hours_min),
            db::opt(a.hours_max),
            a.min_intensity ? db::Value(static_cast<std::int64_t>(*a.min_intensity)) : db::null(),
            citizens::join_tags(a.accommodations),
            citizens::join_tags(a.target_groups),
            citizens::join_tags(a.tags),
            a.postcode.empty() ? db::null() : db::Value(a.postcode),
            a.start_date ? db::Value(a.start_date->iso()) : db::null()};
}

Opening posted_from_row(const db::Row& r) {
    Opening o;
    o.source = Source::Posted;
    o.id = r.int64(0);
    o.enterprise_id = r.int64(1);
    o.enterprise_name = r.text(2);
    o.title = r.text(3);
    o.attributes = attributes_from(r, 4);
    o.has_attributes = true;
    o.capacity = static_cast<int>(r.int64(13));
    o.open = r.text(14) == "open";
    o.taken = static_cast<int>(r.int64(15));
    o.capacity_left = std::max(0, o.capacity - o.taken);
    return o;
}

bool owns(const core::Actor& a, std::int64_t enterprise_id) {
    return a.role == Role::Enterprise && a.enterprise_id && *a.enterprise_id == enterprise_id;
}

}  // namespace

OpeningsService::OpeningsService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                                 citizens::CitizenService& citizens,
                                 placements::PlacementsService& placements)
    : m_db(db), m_clock(clock), m_audit(audit), m_citizens(citizens), m_placements(placements) {}

core::Date OpeningsService::today() const {
    return core::today(m_clock);
}

core::Result<std::vector<Opening>> OpeningsService::load_openings(const core::Actor& actor, bool open_only) {
    BB_ASSIGN(auto agreements, m_placements.list_agreements(actor));
    BB_ASSIGN(auto needs, m_placements.list_needs(actor));
    const std::int64_t only = actor.role == Role::Enterprise ? actor.enterprise_id.value_or(-1) : 0;
    struct Stored {
        std::map<std::string, Attributes> attributes;
        std::map<std::string, int> accepted;
        std::vector<Opening> posted;
    };
    BB_ASSIGN(Stored stored, m_db.read([&](db::Connection& conn) -> core::Result<Stored> {
        Stored s;
        BB_ASSIGN(auto rows, conn.query(sql::attributes_list));
        for (const auto& r : rows.rows) s.attributes[r.text(0) + "-" + r.text(1)] = attributes_from(r, 2);
        BB_ASSIGN(auto counts, conn.query(sql::accepted_counts));
        for (const auto& r : counts.rows)
            s.accepted[r.text(0) + "-" + r.text(1)] = static_cast<int>(r.int64(2));
        if (only >= 0) {
            BB_ASSIGN(auto posted, conn.query(sql::posted_list, {only, std::int64_t{0}}));
            for (const auto& r : posted.rows) s.posted.push_back(posted_from_row(r));
        }
        return s;
    }));
    const core::Date now = today();
    std::vector<Opening> out;
    for (const auto& a : agreements) {
        if (a.end_date && *a.end_date < now) continue;
        Opening o;
        o.source = Source::Agreement;
        o.id = a.id;
        o.enterprise_id = a.enterprise_id;
        o.enterprise_name = a.enterprise_name;
        o.title = a.title;
        if (auto it = stored.attributes.find(o.key()); it != stored.attributes.end()) {
            o.attributes = it->second;
            o.has_attributes = true;
        }
        if (o.attributes.target_groups.empty()) o.attributes.target_groups = a.target_groups;
        o.capacity = a.slots;
        o.taken = a.in_use;
        o.capacity_left = std::max(0, a.slots - a.in_use);
        out.push_back(std::move(o));
    }
    for (const auto& n : needs) {
        if (open_only && n.status != "open") continue;
        Opening o;
        o.source = Source::Need;
        o.id = n.id;
        o.enterprise_id = n.enterprise_id;
        o.enterprise_name = n.enterprise_name;
        o.title = n.title;
        o.open = n.status == "open";
        if (auto it = stored.attributes.find(o.key()); it != stored.attributes.end()) {
            o.attributes = it->second;
            o.has_attributes = true;
        }
        if (o.attributes.tasks.empty()) o.attributes.tasks = split_tags(n.tasks);
        if (!o.attributes.start_date) o.attributes.start_date = n.expected_on;
        o.capacity = n.positions;
        if (auto it = stored.accepted.find(o.key()); it != stored.accepted.end()) o.taken = it->second;
        o.capacity_left = std::max(0, o.capacity - o.taken);
        out.push_back(std::move(o));
    }
    for (auto& o : stored.posted) {
        if (open_only && !o.open) continue;
        out.push_back(std::move(o));
    }
    return out;
}

core::Result<std::vector<Opening>> OpeningsService::list_openings(const core::Actor& actor) {
    if (actor.role == Role::Buyer) return core::Error::forbidden();
    return load_openings(actor, false);
}

core::Result<Opening> OpeningsService::get_opening(Source source, std::int64_t id, const core::Actor& actor) {
    if (actor.role == Role::Buyer) return core::Error::forbidden();
    BB_ASSIGN(auto list, load_openings(actor, false));
    for (auto& o : list)
        if (o.source == source && o.id == id) return std::move(o);
    if (actor.role == Role::Enterprise) {
        BB_TRY(m_db.write([&](db::Connection& conn) {
            return m_audit.record(conn, actor, "read", "opening",
                                  std::string(source_code(source)) + "-" + std::to_string(id), "", k_purpose,
                                  audit::k_outcome_denied);
        }));
    }
    return core::Error::not_found("Stillingen findes ikke.");
}

namespace {

struct PostedFields {
    std::int64_t enterprise_id = 0;
    std::string title;
    int capacity = 0;
    std::string status;
    Attributes attributes;
};

core::Result<PostedFields> check_posted(const JobOpeningInput& in, const core::Actor& actor, bool creating) {
    core::Validator v;
    PostedFields f;
    if (actor.role == Role::Enterprise) {
        if (!actor.enterprise_id) return core::Error::forbidden();
        f.enterprise_id = *actor.enterprise_id;
    } else if (creating) {
        long long id = 0;
        if (!core::parse_int64(core::trim(in.enterprise_id), id) || id <= 0)
            v.add("enterprise_id", "Vælg virksomheden, der har stillingen.");
        f.enterprise_id = id;
    }
    f.title = std::string(core::trim(in.title));
    if (f.title.empty())
        v.add("title", "Skriv stillingens titel, fx Lagermedhjælper.");
    else
        core::check_text(v, "title", f.title, k_max_title, "Titlen");
    long long cap = 0;
    if (!core::parse_int64(core::trim(in.capacity), cap) || cap < 1 || cap > k_max_capacity)
        v.add("capacity", "Antal pladser skal være et helt tal mellem 1 og 100.");
    f.capacity = static_cast<int>(cap);
    f.status = std::string(core::trim(in.status));
    if (f.status.empty()) f.status = "open";
    if (f.status != "open" && f.status != "closed")
        v.add("status", "Vælg, om opslaget er åbent eller lukket.");
    f.attributes = parse_attributes(v, in.attributes);
    if (!v.ok()) return v.error();
    return f;
}

}  // namespace

core::Result<Opening> OpeningsService::create_job_opening(const JobOpeningInput& in,
                                                          const core::Actor& actor) {
    if (!actor.is_casework() && actor.role != Role::Enterprise)
        return core::Error::forbidden("Kun virksomheder og sagsbehandlere kan slå stillinger op.");
    BB_ASSIGN(PostedFields f, check_posted(in, actor, true));
    if (actor.role != Role::Enterprise) {
        BB_ASSIGN(auto choices, m_placements.enterprise_choices(actor));
        bool known = false;
        for (const auto& c : choices) known = known || c.value == std::to_string(f.enterprise_id);
        if (!known) return core::Error::validation("enterprise_id", "Vælg en virksomhed fra listen.");
    }
    BB_ASSIGN(std::int64_t id, m_db.write([&](db::Connection& conn) -> core::Result<std::int64_t> {
        const std::string now = core::iso_timestamp(m_clock.now());
        std::vector<db::Value> params{f.enterprise_id, f.title};
        for (auto& val : attribute_values(f.attributes)) params.push_back(std::move(val));
        params.push_back(static_cast<std::int64_t>(f.capacity));
        params.push_back(f.status);
        params.push_back(user_ref(actor));
        params.push_back(now);
        BB_ASSIGN(auto rows, conn.query(sql::posted_insert, params));
        const std::int64_t new_id = rows.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "create", "job_opening", std::to_string(new_id),
                              "virksomhed " + std::to_string(f.enterprise_id), k_purpose));
        return new_id;
    }));
    return get_opening(Source::Posted, id, actor);
}

core::Result<Opening> OpeningsService::update_job_opening(std::int64_t id, const JobOpeningInput& in,
                                                          const core::Actor& actor) {
    if (!actor.is_casework() && actor.role != Role::Enterprise)
        return core::Error::forbidden("Kun virksomheder og sagsbehandlere kan ændre stillinger.");
    BB_ASSIGN(Opening current, get_opening(Source::Posted, id, actor));
    BB_ASSIGN(PostedFields f, check_posted(in, actor, false));
    if (f.capacity < current.taken)
        return core::Error::validation("capacity", "Antal pladser kan ikke være mindre end de " +
                                                       std::to_string(current.taken) +
                                                       " forslag, der er accepteret.");
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        std::vector<db::Value> params{id, f.title};
        for (auto& val : attribute_values(f.attributes)) params.push_back(std::move(val));
        params.push_back(static_cast<std::int64_t>(f.capacity));
        params.push_back(f.status);
        params.push_back(core::iso_timestamp(m_clock.now()));
        BB_TRY(conn.query(sql::posted_update, params));
        return m_audit.record(conn, actor, "update", "job_opening", std::to_string(id), f.status, k_purpose);
    }));
    return get_opening(Source::Posted, id, actor);
}

core::Result<Opening> OpeningsService::set_attributes(Source source, std::int64_t id,
                                                      const AttributesInput& in, const core::Actor& actor) {
    if (source == Source::Posted) return core::Error::not_found();
    if (!actor.is_casework() && !(actor.role == Role::Enterprise && source == Source::Need))
        return core::Error::forbidden("Kun sagsbehandlere kan tilføje matchoplysninger.");
    BB_ASSIGN(Opening current, get_opening(source, id, actor));
    if (actor.role == Role::Enterprise && !owns(actor, current.enterprise_id))
        return core::Error::not_found();
    core::Validator v;
    Attributes a = parse_attributes(v, in);
    if (!v.ok()) return v.error();
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        const std::string code(source_code(source));
        BB_TRY(conn.query(sql::attributes_delete, {code, id}));
        std::vector<db::Value> params{code, id};
        for (auto& val : attribute_values(a)) params.push_back(std::move(val));
        params.push_back(user_ref(actor));
        params.push_back(core::iso_timestamp(m_clock.now()));
        BB_TRY(conn.query(sql::attributes_insert, params));
        return m_audit.record(conn, actor, "update", "opening", code + "-" + std::to_string(id),
                              "matchoplysninger", k_purpose);
    }));
    return get_opening(source, id, actor);
}

core::Result<std::vector<Choice>> OpeningsService::enterprise_choices(const core::Actor& actor) {
    BB_ASSIGN(auto list, m_placements.enterprise_choices(actor));
    std::vector<Choice> out;
    for (auto& c : list) out.push_back({std::move(c.value), std::move(c.label)});
    return out;
}

core::Result<std::vector<Choice>> OpeningsService::target_group_choices(const core::Actor& actor) {
    BB_ASSIGN(auto list, m_placements.target_group_choices(actor));
    std::vector<Choice> out;
    for (auto& c : list) out.push_back({std::move(c.value), std::move(c.label)});
    return out;
}

core::Result<std::vector<Choice>> OpeningsService::intervention_type_choices(const core::Actor& actor) {
    BB_ASSIGN(auto list, m_placements.list_types(actor));
    const core::Date now = today();
    std::vector<Choice> out;
    for (const auto& t : list)
        if (t.valid_from <= now && (!t.valid_to || *t.valid_to >= now))
            out.push_back({std::to_string(t.id), t.name});
    return out;
}

// ---- weights ----

core::Result<matching::Weights> OpeningsService::load_weights() {
    return m_db.read([&](db::Connection& conn) -> core::Result<matching::Weights> {
        BB_ASSIGN(auto rows, conn.query(sql::weights_list));
        matching::Weights w;
        WeightsInput in = weights_input(w);
        std::map<std::string, std::string*> fields{{"competences", &in.competences},
                                                   {"interests", &in.interests},
                                                   {"hours", &in.hours},
                                                   {"distance", &in.distance},
                                                   {"preferences", &in.preferences},
                                                   {"max_km_walk", &in.max_km_walk},
                                                   {"max_km_bike", &in.max_km_bike},
                                                   {"max_km_public_transport", &in.max_km_public_transport},
                                                   {"max_km_car", &in.max_km_car},
                                                   {"start_tolerance_days", &in.start_tolerance_days}};
        for (const auto& r : rows.rows)
            if (auto it = fields.find(r.text(0)); it != fields.end()) *it->second = r.text(1);
        auto parsed = parse_weights(in);
        if (!parsed.ok()) {
            core::log::warn("openings: stored matching weights are invalid; using the defaults");
            return w;
        }
        return *parsed;
    });
}

core::Result<matching::Weights> OpeningsService::weights(const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan se og ændre vægtene.");
    return load_weights();
}

core::Result<matching::Weights> OpeningsService::set_weights(const WeightsInput& in,
                                                             const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan ændre vægtene.");
    BB_ASSIGN(matching::Weights w, parse_weights(in));
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        const std::string now = core::iso_timestamp(m_clock.now());
        auto put = [&](const char* key, double value) -> core::Result<void> {
            BB_TRY(conn.query(sql::weights_delete, {std::string(key)}));
            std::string text = std::to_string(value);
            BB_TRY(conn.query(sql::weights_insert, {std::string(key), text, user_ref(actor), now}));
            return {};
        };
        BB_TRY(put("competences", w.competences));
        BB_TRY(put("interests", w.interests));
        BB_TRY(put("hours", w.hours));
        BB_TRY(put("distance", w.distance));
        BB_TRY(put("preferences", w.preferences));
        BB_TRY(put("max_km_walk", w.max_km_walk));
        BB_TRY(put("max_km_bike", w.max_km_bike));
        BB_TRY(put("max_km_public_transport", w.max_km_public_transport));
        BB_TRY(put("max_km_car", w.max_km_car));
        BB_TRY(put("start_tolerance_days", static_cast<double>(w.start_tolerance_days)));
        return m_audit.record(conn, actor, "update", "setting", "matching_weights", "vægte for match",
                              k_purpose);
    }));
    return w;
}

core::Result<matching::CentroidTable> OpeningsService::load_centroids() {
    return m_db.read([&](db::Connection& conn) -> core::Result<matching::CentroidTable> {
        BB_ASSIGN(auto rows, conn.query(sql::centroids_list));
        matching::CentroidTable t;
        for (const auto& r : rows.rows) t[r.text(0)] = matching::Centroid{r.real(1), r.real(2)};
        return t;
    });
}

}  // namespace openings
