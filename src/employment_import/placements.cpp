// Import of placements (forløb, C2) with their outcomes; citizens are matched by case
// reference and created when unknown. Capacity rule: an agreement's slots are never exceeded
// on any date, counting the placements already stored.
#include "employment/store/placements.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "employment/rules.hpp"
#include "employment/store/bulk.hpp"
#include "employment_import/context.hpp"

namespace employment_import::detail {
namespace {

enum Col : std::size_t {
    CASE_REF,
    NAME,
    TARGET_GROUP,
    CVR,
    ENTERPRISE,
    AGREEMENT,
    TYPE,
    REFERRED,
    START,
    PLAN_DATE,
    PLAN_OWNED,
    END,
    OUTCOME,
    OUTCOME_NOTE,
    HOURS,
    NCOLS
};

constexpr Column k_columns[] = {
    {"sagsnummer", true, "Borgerens sagsnummer i kommunen (aldrig CPR-nummer)"},
    {"navn", false, "Borgerens navn; skal udfyldes, når sagsnummeret er nyt"},
    {"maalgruppe_borger", false, "Borgerens målgruppe fra listen (kode eller betegnelse)"},
    {"virksomhed_cvr", false, "Virksomhedens CVR-nummer (eller brug kolonnen virksomhed)"},
    {"virksomhed", false, "Virksomhedens navn, når der ikke er CVR-nummer"},
    {"aftale", false, "Titlen på samarbejdsaftalen med virksomheden"},
    {"indsatstype", true, "Indsatstype (kode eller navn), åben på henvisningsdatoen"},
    {"henvist", true, "Henvisningsdato"},
    {"start", false, "Startdato; tom = henvist, ikke startet"},
    {"plan_dato", false, "Dato for planen"},
    {"plan_ejerskab", false, "ja/nej: ejer borgeren planen"},
    {"slut", false, "Slutdato; så skal udfald udfyldes"},
    {"udfald", false, "Udfald fra listen (kode eller betegnelse)"},
    {"udfald_note", false, "Bemærkning til udfaldet"},
    {"timer", false, "Timer pr. uge, 0–37, fx 15 eller 7,5"},
};
static_assert(std::size(k_columns) == NCOLS);

using TypeRef = employment::store::InterventionTypeRef;
using OutcomeRef = employment::store::OutcomeRecord;
using AgreementRef = employment::store::AgreementRef;

struct Placement {
    std::size_t row = 0;  ///< index into ctx.rows
    std::size_t citizen = 0;
    std::int64_t enterprise_id = 0;
    const AgreementRef* agreement = nullptr;
    std::int64_t type_id = 0;
    core::Date referred;
    std::optional<core::Date> start, plan, end;
    std::optional<bool> plan_owned;
    std::optional<std::int64_t> outcome_id;
    std::string outcome_note;
    std::optional<std::int64_t> hours;
    bool rejected = false;
};

std::string status_of(const Placement& p) {
    return p.end ? "ended" : p.start ? "active" : "referred";
}

}  // namespace

std::span<const Column> placement_columns() {
    return k_columns;
}

core::Result<void> import_placements(Context& ctx) {
    EnterpriseLookup enterprises;
    BB_TRY(enterprises.load(ctx.conn));
    Citizens citizens;
    BB_TRY(citizens.load(ctx.conn));
    BB_ASSIGN(const std::vector<TypeRef> types, employment::store::all_intervention_types(ctx.conn));
    BB_ASSIGN(const std::vector<OutcomeRef> outcomes, employment::store::outcomes(ctx.conn, false));
    BB_ASSIGN(const std::vector<AgreementRef> agreements, employment::store::all_agreements(ctx.conn));
    std::unordered_map<std::int64_t, std::vector<const AgreementRef*>> by_enterprise;
    for (const auto& a : agreements) by_enterprise[a.enterprise_id].push_back(&a);
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> stored;  // citizen, enterprise, referral
    BB_ASSIGN(auto keys, employment::store::placement_keys(ctx.conn));
    for (auto& k : keys) stored.emplace(k.citizen_id, k.enterprise_id, std::move(k.date));
    std::map<std::tuple<std::size_t, std::int64_t, std::string>, std::size_t> in_file;  // → line

    auto type_listing = [&] {
        std::string s;
        for (const auto& t : types) s += (s.empty() ? "" : ", ") + t.name + " (" + t.code + ")";
        return s;
    };
    auto outcome_listing = [&] {
        std::string s;
        for (const auto& o : outcomes)
            if (o.active) s += (s.empty() ? "" : ", ") + o.label + " (" + o.code + ")";
        return s;
    };

    std::vector<Placement> out;
    const std::size_t total = ctx.rows.size();
    for (std::size_t i = 0; i < total; ++i) {
        Cells cells(ctx.rows[i], k_columns, ctx.xlsx, ctx.report);
        Placement p;
        p.row = i;
        auto citizen = citizens.resolve(cells, CASE_REF, NAME, TARGET_GROUP, ctx.target_groups);
        auto ent = enterprises.find(cells, CVR, ENTERPRISE);
        auto referred = cells.date(REFERRED, true, "Henvisningsdatoen");
        p.start = cells.date(START, false, "Startdatoen");
        p.plan = cells.date(PLAN_DATE, false, "Datoen for planen");
        p.end = cells.date(END, false, "Slutdatoen");
        p.plan_owned = cells.yes_no(PLAN_OWNED, "Planens ejerskab");
        p.outcome_note = cells.str(OUTCOME_NOTE, false, 2000, "Bemærkningen til udfaldet");

        // Intervention type: by code or name, open on the referral date.
        const TypeRef* type = nullptr;
        if (!cells.empty(TYPE)) {
            std::string v = fold(cells.text(TYPE));
            for (const auto& t : types)
                if (fold(t.code) == v || fold(t.name) == v) type = &t;
            if (!type)
                cells.error(TYPE, "Ukendt indsatstype '" + std::string(cells.text(TYPE)) +
                                      "'. Brug en af: " + type_listing() + ".");
        } else {
            cells.error(TYPE, "Indsatstypen skal udfyldes.");
        }
        if (type && referred) {
            if (type->valid_to && referred->iso() > *type->valid_to)
                cells.error(TYPE, "Indsatstypen " + type->name + " er lukket for nye sager fra " +
                                      core::Date::parse(*type->valid_to)->add_days(1).danish() +
                                      " (henvist " + referred->iso() + ").");
            else if (referred->iso() < type->valid_from)
                cells.error(TYPE, "Indsatstypen " + type->name + " kan først bruges fra " +
                                      core::Date::parse(type->valid_from)->danish() + " (henvist " +
                                      referred->iso() + ").");
        }

        // Dates: end ≥ start ≥ referral.
        if (referred && p.start && *p.start < *referred)
            cells.error(START, "Startdatoen kan ikke ligge før henvisningsdatoen (" + p.start->iso() +
                                   " før " + referred->iso() + ").");
        if (p.end && !p.start && cells.empty(START))
            cells.error(END, "Et forløb med slutdato skal også have en startdato.");
        if (p.end && p.start && *p.end < *p.start)
            cells.error(END, "Slutdatoen kan ikke ligge før startdatoen (" + p.end->iso() + " før " +
                                 p.start->iso() + ").");
        if (p.plan && !p.start && cells.empty(START))
            cells.error(PLAN_DATE, "Planen kan først registreres, når forløbet er startet. Udfyld start.");
        else if (p.plan && p.start && *p.plan < *p.start)
            cells.error(PLAN_DATE, "Planen kan ikke være lavet før forløbets start (" + p.plan->iso() +
                                       " før " + p.start->iso() + ").");
        if (p.plan_owned && cells.empty(PLAN_DATE))
            cells.error(PLAN_OWNED, "Planens ejerskab kan kun angives sammen med plan_dato.");

        // Outcome: required exactly when the placement has ended.
        if (!cells.empty(OUTCOME)) {
            std::string v = fold(cells.text(OUTCOME));
            const OutcomeRef* o = nullptr;
            for (const auto& x : outcomes)
                if (fold(x.code) == v || fold(x.label) == v) o = &x;
            if (!o)
                cells.error(OUTCOME, "Ukendt udfald '" + std::string(cells.text(OUTCOME)) +
                                         "'. Brug en af: " + outcome_listing() + ".");
            else if (!o->active)
                cells.error(OUTCOME,
                            "Udfaldet '" + o->label + "' er ikke længere på listen og kan ikke vælges.");
            else if (cells.empty(END))
                cells.error(OUTCOME,
                            "Udfald kan kun angives for et afsluttet forløb. Udfyld slut, eller lad udfald "
                            "stå tomt.");
            else
                p.outcome_id = o->id;
        } else if (!cells.empty(END)) {
            cells.error(OUTCOME, "Et afsluttet forløb skal have et udfald fra listen.");
        }

        if (!cells.empty(HOURS)) {
            auto h = employment::parse_hours(cells.text(HOURS));
            if (h.status == employment::ParsedHours::Status::Ok)
                p.hours = h.hundredths;
            else
                cells.error(HOURS, employment::with_typed_value(employment::hours_problem(h.status),
                                                                cells.text(HOURS)));
        }

        // Agreement: by title at the enterprise; with several, the one running on the referral date.
        if (!cells.empty(AGREEMENT) && ent) {
            std::string v = fold(cells.text(AGREEMENT));
            std::vector<const AgreementRef*> hits;
            for (const AgreementRef* a : by_enterprise[*ent])
                if (fold(a->title) == v) hits.push_back(a);
            if (hits.size() > 1 && referred) {
                std::vector<const AgreementRef*> running;
                for (const AgreementRef* a : hits)
                    if (a->start_date <= referred->iso() && (!a->end_date || referred->iso() <= *a->end_date))
                        running.push_back(a);
                hits = running.empty() ? hits : running;
            }
            if (hits.empty())
                cells.error(AGREEMENT, enterprises.name_of(*ent) +
                                           " har ingen samarbejdsaftale med titlen '" +
                                           std::string(cells.text(AGREEMENT)) + "'. Importér aftalen først.");
            else if (hits.size() > 1)
                cells.error(AGREEMENT, enterprises.name_of(*ent) + " har flere aftaler med titlen '" +
                                           std::string(cells.text(AGREEMENT)) +
                                           "', der gælder på henvisningsdatoen.");
            else
                p.agreement = hits.front();
        }

        // The same placement twice (same citizen, enterprise and referral date) is refused.
        if (!cells.failed() && citizen && ent && referred) {
            auto [it, fresh] =
                in_file.emplace(std::make_tuple(*citizen, *ent, referred->iso()), cells.line());
            if (!fresh)
                cells.row_error(
                    "Forløbet (samme sagsnummer, virksomhed og henvisningsdato) står også på linje " +
                    std::to_string(it->second) + ".");
            else if (citizens.id(*citizen) != 0 &&
                     stored.count({citizens.id(*citizen), *ent, referred->iso()}))
                cells.row_error("Borgeren har allerede et forløb hos " + enterprises.name_of(*ent) +
                                " henvist " + referred->iso() + ". Ret det i systemet i stedet.");
        }
        if (!cells.failed() && citizen && ent && referred && type) {
            p.citizen = *citizen;
            p.enterprise_id = *ent;
            p.type_id = type->id;
            p.referred = *referred;
            out.push_back(std::move(p));
        }
        tick(ctx.options, i + 1, total);
    }

    // Capacity (C1): per agreement, sweep the days on which slots are held — stored placements
    // first, then the file's rows in file order. A placement holds its slot from the referral
    // through the end date (inclusive), or onwards when it has not ended.
    struct Event {
        std::int64_t day;
        int order;  ///< 0 release, 1 stored, 2 file row
        std::size_t line;
        Placement* p;  ///< nullptr for stored ones
    };
    std::unordered_map<std::int64_t, std::vector<Event>> events;
    BB_ASSIGN(auto holders, employment::store::slot_holders(ctx.conn));
    for (const auto& h : holders) {
        auto from = core::Date::parse(h.from);
        if (!from) continue;
        events[h.agreement_id].push_back({from->days_since_epoch(), 1, 0, nullptr});
        if (auto to = core::Date::parse(h.to))
            events[h.agreement_id].push_back({to->days_since_epoch() + 1, 0, 0, nullptr});
    }
    for (auto& p : out) {
        if (!p.agreement) continue;
        std::size_t line = ctx.rows[p.row].line;
        events[p.agreement->id].push_back({p.referred.days_since_epoch(), 2, line, &p});
        if (p.end) events[p.agreement->id].push_back({p.end->days_since_epoch() + 1, 0, line, &p});
    }
    for (auto& [agreement_id, list] : events) {
        const AgreementRef* a = nullptr;
        for (const auto& x : agreements)
            if (x.id == agreement_id) a = &x;
        if (!a) continue;
        std::sort(list.begin(), list.end(), [](const Event& x, const Event& y) {
            return std::tie(x.day, x.order, x.line) < std::tie(y.day, y.order, y.line);
        });
        std::int64_t in_use = 0;
        for (const Event& e : list) {
            if (e.order == 0) {
                if (!e.p || !e.p->rejected) --in_use;
                continue;
            }
            if (e.p && in_use + 1 > a->slots) {
                e.p->rejected = true;
                ctx.report.errors.push_back({e.line, "aftale",
                                             "Aftalen '" + a->title + "' har kun " +
                                                 std::to_string(a->slots) + " pladser; på " +
                                                 core::Date::from_days(e.day).iso() + " ville " +
                                                 std::to_string(in_use + 1) + " være i brug."});
                continue;
            }
            ++in_use;
        }
    }
    if (!ctx.report.errors.empty()) return {};
    ctx.report.created = out.size();
    if (ctx.options.dry_run) {
        ctx.report.citizens_created = 0;
        return audit_run(ctx, "citizen",
                         "prøvekørsel: " + std::to_string(out.size()) + " forløb kontrolleret");
    }

    BB_TRY(citizens.store(ctx, "forløb"));
    ctx.report.citizens_created = citizens.created();
    const std::optional<std::int64_t> caseworker =
        ctx.actor.role == core::Role::Caseworker && ctx.actor.user_id != 0
            ? std::optional<std::int64_t>(ctx.actor.user_id)
            : std::nullopt;
    std::vector<employment::store::NewPlacement> rows;
    rows.reserve(out.size());
    for (const auto& p : out) {
        employment::store::NewPlacement& n = rows.emplace_back();
        n.citizen_id = citizens.id(p.citizen);
        n.enterprise_id = p.enterprise_id;
        if (p.agreement) n.agreement_id = p.agreement->id;
        n.intervention_type_id = p.type_id;
        n.status = status_of(p);
        n.referred_on = p.referred;
        n.start_date = p.start;
        if (p.start && p.agreement)
            n.planned_end = employment::frame_end(*p.start, static_cast<int>(p.agreement->frame_weeks));
        n.end_date = p.end;
        n.outcome_id = p.outcome_id;
        n.outcome_note = p.outcome_note;
        n.plan_made_on = p.plan;
        n.plan_owned = p.plan_owned;
        n.weekly_hours = p.hours;
        n.caseworker_user_id = caseworker;
    }
    BB_TRY(employment::store::insert_placements(ctx.conn, rows, ctx.now));
    return audit_run(ctx, "citizen",
                     std::to_string(out.size()) + " forløb for " + std::to_string(citizens.used()) +
                         " borgere, " + std::to_string(citizens.created()) + " nye borgere");
}

}  // namespace employment_import::detail
