// PlacementsService: placements (C2) from referral to outcome, the waiting list, C8 warnings and
// enterprise users' own participants.
#include "placements/placements_service.hpp"

#include "core/money.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "placements/internal.hpp"

namespace placements {

using namespace detail;
using core::Role;

namespace {

bool own_enterprise(const core::Actor& a, const Placement& p) {
    return a.role == Role::Enterprise && a.enterprise_id && *a.enterprise_id == p.enterprise_id;
}

/// Enterprise users see the minimum: no case reference, no outcome note, no agreement price.
void minimise(Placement& p) {
    p.case_ref.clear();
    p.outcome_note.clear();
    p.no_plan_reason.clear();
    p.hiring_need_title.clear();
}

core::Result<void> load_timeline(db::Connection& conn, Placement& p) {
    const db::Dialect d = conn.dialect();
    auto date = [](const std::string& s) { return core::Date::parse(s).value_or(core::Date{}); };
    BB_ASSIGN(auto f, conn.query(query("followup_list", d), {p.id}));
    for (const auto& r : f.rows) p.followups.push_back({r.int64(0), date(r.text(1)), r.text(2), r.text(3)});
    BB_ASSIGN(auto a, conn.query(query("attendance_list", d), {p.id}));
    for (const auto& r : a.rows)
        p.attendance.push_back({r.int64(0), date(r.text(1)), date(r.text(2)), static_cast<int>(r.int64(3)),
                                static_cast<int>(r.int64(4)), r.opt_int64(5), date(r.text(6)), r.text(7)});
    BB_ASSIGN(auto x, conn.query(query("extension_list", d), {p.id}));
    for (const auto& r : x.rows)
        p.extensions.push_back({r.int64(0), date(r.text(1)), static_cast<int>(r.int64(2)), date(r.text(3)), r.text(4)});
    BB_ASSIGN(auto n, conn.query(query("note_list", d), {p.id}));
    for (const auto& r : n.rows) p.notes.push_back({r.int64(0), date(r.text(1)), r.text(2), r.text(3)});
    BB_ASSIGN(auto t, conn.query(query("citizen_accommodations", d), {p.citizen_id}));
    for (const auto& r : t.rows) p.accommodations.push_back(r.text(0));
    return {};
}

/// When the agreement has a free slot and a waiting list, the first waiting placement (by
/// referral date, then id) gets the slot — in the caller's transaction.
core::Result<void> promote_waiting(db::Connection& conn, const audit::AuditLog& log, const core::Actor& actor,
                                   std::optional<std::int64_t> agreement_id, const std::string& now,
                                   ChangeResult& out) {
    if (!agreement_id) return {};
    BB_ASSIGN(Agreement a, load_agreement(conn, *agreement_id));
    if (a.in_use >= a.slots || a.waiting == 0) return {};
    BB_ASSIGN(auto waiting, conn.query(query("placement_waiting", conn.dialect()), {*agreement_id}));
    if (waiting.empty()) return {};
    Placement next = placement_from_row(waiting.first());
    BB_TRY(conn.query(query("placement_set_status", conn.dialect()), {next.id, std::string("referred"), now}));
    BB_TRY(audit_event(log, conn, actor, "update", "citizen", std::to_string(next.citizen_id),
                       placement_label(next) + ": fra venteliste til henvist"));
    out.promoted_id = next.id;
    out.promoted_name = next.citizen_name;
    return {};
}

std::string c8_warning(const Capacity& c) {
    return "Rimelighedskravet: " + c.enterprise_name + " har " + std::to_string(c.employees) +
           " ordinært ansatte og dermed plads til " + std::to_string(c.capacity) +
           " i praktik eller løntilskud; med dette forløb er der " + std::to_string(c.in_use() + 1) + ".";
}

}  // namespace

template <class F>
core::Result<ChangeResult> PlacementsService::change(std::int64_t id, const core::Actor& actor, bool enterprise_may,
                                                     F&& body) {
    if (!is_case(actor) && !(enterprise_may && actor.role == Role::Enterprise))
        return core::Error::forbidden("Du har ikke adgang til at ændre forløbet.");
    bool denied = false;
    std::int64_t denied_citizen = 0;
    auto result = m_db.write([&](db::Connection& conn) -> core::Result<ChangeResult> {
        BB_ASSIGN(Placement p, load_placement(conn, id));
        if (!is_case(actor) && !own_enterprise(actor, p)) {
            denied = true;
            denied_citizen = p.citizen_id;
            return core::Error::not_found();
        }
        ChangeResult out;
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(std::string what, body(conn, p, now, out));
        BB_TRY(audit_event(m_audit, conn, actor, "update", "citizen", std::to_string(p.citizen_id),
                           placement_label(p) + ": " + what));
        BB_ASSIGN(out.placement, load_placement(conn, id));
        if (!is_case(actor)) minimise(out.placement);
        return out;
    });
    if (denied) {
        auto logged = m_db.write([&](db::Connection& conn) {
            return audit_event(m_audit, conn, actor, "update", "citizen", std::to_string(denied_citizen),
                               "forløb " + std::to_string(id) + " hos en anden virksomhed",
                               std::string(audit::k_outcome_denied));
        });
        if (!logged.ok()) return logged.error();
    }
    return result;
}

core::Result<ChangeResult> PlacementsService::refer(const ReferralInput& in, const core::Actor& actor,
                                                    const WithReferral& also) {
    if (!is_case(actor)) return core::Error::forbidden("Kun sagsbehandlere kan henvise borgere.");
    return m_db.write([&](db::Connection& conn) -> core::Result<ChangeResult> {
        const db::Dialect d = conn.dialect();
        core::Validator v;
        std::int64_t citizen_id = 0;
        std::string citizen_name;
        const std::string ref(core::trim(in.citizen));
        if (ref.empty()) {
            v.add("citizen", "Skriv borgerens sagsnummer.");
        } else {
            BB_ASSIGN(auto rows, conn.query(query("citizen_by_ref", d), {ref}));
            if (rows.empty()) v.add("citizen", "Der findes ingen borger med sagsnummeret " + ref + ".");
            else citizen_id = rows.first().int64(0), citizen_name = rows.first().text(1);
        }
        auto referred = check_date(v, "referred_on", in.referred_on, "Skriv henvisningsdatoen.");
        std::int64_t enterprise_id = 0;
        if (auto e = parse_id(in.enterprise_id)) {
            BB_ASSIGN(auto rows, conn.query(query("enterprise_ref", d), {*e}));
            if (rows.empty()) v.add("enterprise_id", "Vælg en virksomhed fra listen.");
            else enterprise_id = *e;
        } else {
            v.add("enterprise_id", "Vælg virksomheden, borgeren henvises til.");
        }
        std::optional<Agreement> agreement;
        if (!core::trim(in.agreement_id).empty()) {
            auto aid = parse_id(in.agreement_id);
            auto found = aid ? load_agreement(conn, *aid) : core::Result<Agreement>(core::Error::not_found());
            if (!found.ok()) {
                if (found.error().code != core::ErrorCode::NotFound) return found.error();
                v.add("agreement_id", "Vælg en aftale fra listen.");
            } else if (enterprise_id != 0 && found->enterprise_id != enterprise_id) {
                v.add("agreement_id", "Aftalen er indgået med en anden virksomhed.");
            } else if (referred && !found->running_on(*referred)) {
                v.add("agreement_id", "Aftalen løber ikke på henvisningsdatoen.");
            } else {
                agreement = *found;
            }
        }
        std::int64_t type_id = 0;
        if (auto t = parse_id(in.intervention_type_id)) {
            BB_ASSIGN(auto rows, conn.query(query("type_by_id", d), {*t}));
            if (rows.empty()) {
                v.add("intervention_type_id", "Vælg en indsatstype fra listen.");
            } else {
                const auto& r = rows.first();
                const auto from = core::Date::parse(r.text(5));
                const auto to = r.opt_text(6) ? core::Date::parse(*r.opt_text(6)) : std::nullopt;
                if (referred && to && *referred > *to)
                    v.add("intervention_type_id", "Indsatstypen " + r.text(2) + " er lukket for nye sager fra " +
                                                      to->add_days(1).danish() + ".");
                else if (referred && from && *referred < *from)
                    v.add("intervention_type_id", "Indsatstypen " + r.text(2) + " kan først bruges fra " +
                                                      from->danish() + ".");
                else type_id = *t;
            }
        } else {
            v.add("intervention_type_id", "Vælg indsatstypen.");
        }
        std::optional<std::int64_t> need_id;
        if (!core::trim(in.hiring_need_id).empty()) {
            auto nid = parse_id(in.hiring_need_id);
            std::optional<db::ResultSet> rows;
            if (nid) {
                BB_ASSIGN(auto found, conn.query(query("need_by_id", d), {*nid}));
                rows = std::move(found);
            }
            if (!rows || rows->empty()) v.add("hiring_need_id", "Vælg et rekrutteringsbehov fra listen.");
            else if (enterprise_id != 0 && rows->first().int64(1) != enterprise_id)
                v.add("hiring_need_id", "Rekrutteringsbehovet hører til en anden virksomhed.");
            else if (rows->first().text(7) != "open" || rows->first().int64(8) > 0)
                v.add("hiring_need_id", "Rekrutteringsbehovet er ikke længere åbent.");
            else need_id = nid;
        }
        std::optional<std::int64_t> hours;
        const auto parsed = employment::parse_hours(in.weekly_hours);
        using HS = employment::ParsedHours::Status;
        if (parsed.status == HS::Ok) hours = parsed.hundredths;
        else if (parsed.status != HS::Empty) v.add("weekly_hours", std::string(employment::hours_problem(parsed.status)));
        if (!v.ok()) return v.error();

        std::string status = "referred";
        if (agreement && agreement->in_use >= agreement->slots) {
            if (!in.waiting_list)
                return core::Error::validation("agreement_id", "Aftalen har ingen ledige pladser (" +
                                                                   std::to_string(agreement->in_use) + " af " +
                                                                   std::to_string(agreement->slots) + " i brug).");
            status = "waiting";
        }
        ChangeResult out;
        if (status == "referred") {
            BB_ASSIGN(auto cap, load_capacity(conn, *referred, enterprise_id));
            if (cap && cap->in_use() + 1 > cap->capacity) out.warning = c8_warning(*cap);
        }
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto ins, conn.query(query("placement_insert", d),
                                       {citizen_id, enterprise_id,
                                        agreement ? db::Value(agreement->id) : db::null(), type_id, db::opt(need_id),
                                        status, referred->iso(), db::opt(hours), user_ref(actor), now}));
        const std::int64_t id = ins.first().int64(0);
        BB_ASSIGN(out.placement, load_placement(conn, id));
        BB_TRY(audit_event(m_audit, conn, actor, "create", "citizen", std::to_string(citizen_id),
                           placement_label(out.placement) + ": henvist" +
                               (status == "waiting" ? std::string(" (venteliste)") : std::string())));
        if (also) BB_TRY(also(conn, out));
        return out;
    });
}

core::Result<ChangeResult> PlacementsService::update(std::int64_t id, const PlacementEdit& in,
                                                     const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (p.status == Status::Ended || p.status == Status::Cancelled)
            return core::Error::validation("intervention_type_id", "Et afsluttet forløb kan ikke rettes.");
        core::Validator v;
        std::int64_t type_id = p.intervention_type_id;
        auto t = parse_id(in.intervention_type_id);
        if (!t) {
            v.add("intervention_type_id", "Vælg indsatstypen.");
        } else if (*t != p.intervention_type_id) {
            BB_ASSIGN(auto rows, conn.query(query("type_by_id", conn.dialect()), {*t}));
            if (rows.empty()) {
                v.add("intervention_type_id", "Vælg en indsatstype fra listen.");
            } else {
                const auto& r = rows.first();
                const auto from = core::Date::parse(r.text(5));
                const auto to = r.opt_text(6) ? core::Date::parse(*r.opt_text(6)) : std::nullopt;
                if (to && p.referred_on > *to)
                    v.add("intervention_type_id", "Indsatstypen " + r.text(2) + " er lukket for nye sager fra " +
                                                      to->add_days(1).danish() + ".");
                else if (from && p.referred_on < *from)
                    v.add("intervention_type_id", "Indsatstypen " + r.text(2) + " kan først bruges fra " +
                                                      from->danish() + ".");
                else type_id = *t;
            }
        }
        std::optional<std::int64_t> hours;
        const auto parsed = employment::parse_hours(in.weekly_hours);
        using HS = employment::ParsedHours::Status;
        if (parsed.status == HS::Ok) hours = parsed.hundredths;
        else if (parsed.status != HS::Empty) v.add("weekly_hours", std::string(employment::hours_problem(parsed.status)));
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("placement_update", conn.dialect()), {p.id, type_id, db::opt(hours), now}));
        return std::string("rettet");
    });
}

core::Result<ChangeResult> PlacementsService::start(std::int64_t id, const std::string& start_date,
                                                    const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (p.status != Status::Referred)
            return core::Error::validation("start_date", p.status == Status::Waiting
                                                             ? "Forløbet står på venteliste og kan ikke startes endnu."
                                                             : "Kun et henvist forløb kan startes.");
        core::Validator v;
        auto start = check_date(v, "start_date", start_date, "Skriv startdatoen.");
        if (start && *start < p.referred_on) v.add("start_date", "Startdatoen kan ikke ligge før henvisningsdatoen.");
        if (!v.ok()) return v.error();
        std::optional<core::Date> planned;
        if (p.agreement_id) {
            BB_ASSIGN(Agreement a, load_agreement(conn, *p.agreement_id));
            planned = employment::frame_end(*start, a.frame_weeks);
        }
        BB_TRY(conn.query(query("placement_start", conn.dialect()),
                          {p.id, start->iso(), planned ? db::Value(planned->iso()) : db::null(), now}));
        return "startet " + start->iso();
    });
}

core::Result<ChangeResult> PlacementsService::record_plan(std::int64_t id, const PlanInput& in,
                                                          const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (p.status != Status::Active && p.status != Status::Ended)
            return core::Error::validation("plan_made_on", "Planen kan først registreres, når forløbet er startet.");
        core::Validator v;
        const std::string reason(core::trim(in.no_plan_reason));
        check_text(v, "no_plan_reason", reason, k_max_text, "Begrundelsen");
        std::optional<core::Date> made;
        std::optional<std::int64_t> owned;
        if (core::trim(in.plan_made_on).empty()) {
            if (reason.empty()) v.add("plan_made_on", "Skriv datoen, planen blev lavet, eller hvorfor der ingen plan er.");
        } else {
            made = check_date(v, "plan_made_on", in.plan_made_on, "");
            if (made && p.start_date && *made < *p.start_date)
                v.add("plan_made_on", "Planen kan ikke være lavet før forløbets start.");
            const std::string o(core::trim(in.plan_owned));
            if (o == "yes") owned = 1;
            else if (o == "no") owned = 0;
            else v.add("plan_owned", "Vælg, om borgeren har ejerskab til planen.");
        }
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("placement_plan", conn.dialect()),
                          {p.id, made ? db::Value(made->iso()) : db::null(), db::opt(owned),
                           made ? std::string() : reason, now}));
        return made ? "plan " + made->iso() : std::string("ingen plan");
    });
}

core::Result<ChangeResult> PlacementsService::add_followup(std::int64_t id, const FollowupInput& in,
                                                           const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (!p.start_date) return core::Error::validation("held_on", "Opfølgning kan først registreres, når forløbet er startet.");
        core::Validator v;
        auto held = check_date(v, "held_on", in.held_on, "Skriv datoen for opfølgningen.");
        if (held && *held < *p.start_date) v.add("held_on", "Opfølgningen kan ikke ligge før forløbets start.");
        const std::string kind(core::trim(in.kind));
        if (kind != "meeting" && kind != "dialogue") v.add("kind", "Vælg, om det var et møde eller en dialog.");
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_text, "Noten");
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("followup_insert", conn.dialect()), {p.id, held->iso(), kind, note, user_ref(actor), now}));
        return "opfølgning " + held->iso();
    });
}

core::Result<ChangeResult> PlacementsService::add_attendance(std::int64_t id, const AttendanceInput& in,
                                                             const core::Actor& actor) {
    return change(id, actor, true,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (!p.start_date)
            return core::Error::validation("period_from", "Fremmøde kan først registreres, når forløbet er startet.");
        core::Validator v;
        auto from = check_date(v, "period_from", in.period_from, "Skriv periodens første dag.");
        auto to = check_date(v, "period_to", in.period_to, "Skriv periodens sidste dag.");
        if (from && to && *to < *from) v.add("period_to", "Periodens sidste dag kan ikke ligge før den første.");
        auto planned = check_int(v, "days_planned", in.days_planned, 0, 400, "antal planlagte dage");
        auto present = check_int(v, "days_present", in.days_present, 0, 400, "antal dage med fremmøde");
        if (planned && present && *present > *planned)
            v.add("days_present", "Dage med fremmøde kan ikke være flere end de planlagte dage.");
        std::optional<std::int64_t> hours;
        if (!core::trim(in.hours_present).empty()) {
            // Hours over a whole period (not per week): hundredths, at most 9.600 hours.
            const auto parsed = core::parse_kroner(in.hours_present, 960000);
            if (parsed.status == core::ParsedKroner::Status::Ok && parsed.oere >= 0) hours = parsed.oere;
            else v.add("hours_present", "Skriv timer med fremmøde i perioden som et tal, fx 45 eller 7,5.");
        }
        auto submitted = check_date(v, "submitted_on", in.submitted_on, "Skriv, hvornår sedlen blev modtaget.");
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_text, "Noten");
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("attendance_insert", conn.dialect()),
                          {p.id, from->iso(), to->iso(), std::int64_t{*planned}, std::int64_t{*present},
                           db::opt(hours), note, submitted->iso(), user_ref(actor), now}));
        return "fremmøde " + from->iso() + "–" + to->iso();
    });
}

core::Result<ChangeResult> PlacementsService::add_note(std::int64_t id, const NoteInput& in, const core::Actor& actor) {
    return change(id, actor, true,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        core::Validator v;
        auto on = check_date(v, "noted_on", in.noted_on, "Skriv notens dato.");
        const std::string text(core::trim(in.text));
        if (text.empty()) v.add("text", "Skriv, hvordan det går.");
        else check_text(v, "text", text, k_max_text, "Noten");
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("note_insert", conn.dialect()),
                          {p.id, on->iso(), text, user_ref(actor), std::string(core::role_code(actor.role)), now}));
        return "note " + on->iso();
    });
}

core::Result<ChangeResult> PlacementsService::extend(std::int64_t id, const ExtensionInput& in,
                                                     const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
        if (p.status != Status::Active) return core::Error::validation("weeks", "Kun et forløb i gang kan forlænges.");
        if (!p.agreement_id || !p.planned_end)
            return core::Error::validation("weeks", "Forløbet er ikke under en aftale med en ramme, der kan forlænges.");
        core::Validator v;
        auto decided = check_date(v, "decided_on", in.decided_on, "Skriv datoen for beslutningen.");
        auto weeks = check_int(v, "weeks", in.weeks, 1, 260, "antal uger");
        if (weeks && p.extension_weeks_used + *weeks > p.extension_weeks_allowed)
            v.add("weeks", "Aftalen giver højst " + std::to_string(p.extension_weeks_allowed) +
                               " ugers forlængelse i alt; " + std::to_string(p.extension_weeks_used) +
                               " er allerede brugt.");
        const std::string reason(core::trim(in.reason));
        check_text(v, "reason", reason, k_max_text, "Begrundelsen");
        if (!v.ok()) return v.error();
        const core::Date new_end = p.planned_end->add_days(7LL * *weeks);
        BB_TRY(conn.query(query("extension_insert", conn.dialect()),
                          {p.id, decided->iso(), std::int64_t{*weeks}, new_end.iso(), reason, user_ref(actor), now}));
        BB_TRY(conn.query(query("placement_planned_end", conn.dialect()), {p.id, new_end.iso(), now}));
        return "forlænget " + std::to_string(*weeks) + " uger til " + new_end.iso();
    });
}

core::Result<ChangeResult> PlacementsService::end(std::int64_t id, const EndInput& in, const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult& out) -> core::Result<std::string> {
        if (p.status != Status::Active)
            return core::Error::validation("end_date", p.status == Status::Ended
                                                           ? "Forløbet er allerede afsluttet."
                                                           : "Forløbet er ikke startet og kan ikke afsluttes. Annullér det i stedet.");
        core::Validator v;
        auto end_date = check_date(v, "end_date", in.end_date, "Skriv slutdatoen.");
        if (end_date && *end_date < *p.start_date) v.add("end_date", "Slutdatoen kan ikke ligge før startdatoen.");
        std::optional<std::int64_t> outcome;
        std::string label;
        if (auto oid = parse_id(in.outcome_id)) {
            BB_ASSIGN(auto rows, conn.query(query("outcome_by_id", conn.dialect()), {*oid}));
            if (rows.empty() || rows.first().int64(5) == 0) v.add("outcome_id", "Vælg et udfald fra listen.");
            else outcome = oid, label = rows.first().text(2);
        } else {
            v.add("outcome_id", "Vælg forløbets udfald.");
        }
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_text, "Noten");
        if (!v.ok()) return v.error();
        BB_TRY(conn.query(query("placement_end", conn.dialect()), {p.id, end_date->iso(), *outcome, note, now}));
        BB_TRY(promote_waiting(conn, m_audit, actor, p.agreement_id, now, out));
        return "afsluttet " + end_date->iso() + " (" + label + ")";
    });
}

core::Result<ChangeResult> PlacementsService::cancel(std::int64_t id, const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult& out) -> core::Result<std::string> {
        if (p.status != Status::Referred && p.status != Status::Waiting)
            return core::Error::conflict("Kun et forløb, der ikke er startet, kan annulleres.");
        BB_TRY(conn.query(query("placement_set_status", conn.dialect()), {p.id, std::string("cancelled"), now}));
        if (p.status == Status::Referred) BB_TRY(promote_waiting(conn, m_audit, actor, p.agreement_id, now, out));
        return std::string("annulleret");
    });
}

core::Result<Placement> PlacementsService::get_placement(std::int64_t id, const core::Actor& actor) {
    if (!is_case(actor) && actor.role != Role::Enterprise) return core::Error::forbidden();
    bool denied = false;
    std::int64_t denied_citizen = 0;
    auto result = m_db.write([&](db::Connection& conn) -> core::Result<Placement> {
        BB_ASSIGN(Placement p, load_placement(conn, id));
        if (!is_case(actor)) {
            if (!own_enterprise(actor, p) || p.status == Status::Waiting || p.status == Status::Cancelled) {
                denied = true;
                denied_citizen = p.citizen_id;
                return core::Error::not_found();
            }
            minimise(p);
        }
        BB_TRY(load_timeline(conn, p));
        BB_TRY(audit_event(m_audit, conn, actor, "read", "citizen", std::to_string(p.citizen_id), placement_label(p)));
        return p;
    });
    if (denied) {
        BB_TRY(m_db.write([&](db::Connection& conn) {
            return audit_event(m_audit, conn, actor, "read", "citizen", std::to_string(denied_citizen),
                               "forløb " + std::to_string(id) + " hos en anden virksomhed",
                               std::string(audit::k_outcome_denied));
        }));
    }
    return result;
}

core::Result<std::vector<Placement>> PlacementsService::list_placements(const PlacementFilter& f,
                                                                        const core::Actor& actor) {
    if (!is_case(actor)) return core::Error::forbidden();
    const std::string status = parse_status(core::trim(f.status)) ? std::string(core::trim(f.status)) : std::string();
    const std::int64_t agreement = parse_id(f.agreement_id).value_or(0);
    const std::int64_t enterprise = parse_id(f.enterprise_id).value_or(0);
    const std::int64_t citizen = parse_id(f.citizen_id).value_or(0);
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Placement>> {
        BB_ASSIGN(auto rows, conn.query(query("placement_list", conn.dialect()), {status, agreement, enterprise, citizen}));
        std::vector<Placement> out;
        for (const auto& r : rows.rows) {
            Placement p = placement_from_row(r);
            BB_TRY(audit_event(m_audit, conn, actor, "search", "citizen", std::to_string(p.citizen_id),
                               placement_label(p) + " i forløbslisten"));
            out.push_back(std::move(p));
        }
        return out;
    });
}

core::Result<std::int64_t> PlacementsService::count_started(int year) {
    const std::string from = std::to_string(year) + "-01-01";
    const std::string to = std::to_string(year + 1) + "-01-01";
    return m_db.read([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rows, conn.query(query("placements_started_count", conn.dialect()), {from, to}));
        return rows.empty() ? std::int64_t{0} : rows.first().int64(0);
    });
}

core::Result<std::vector<Placement>> PlacementsService::participants(const core::Actor& actor) {
    if (actor.role != Role::Enterprise) return core::Error::forbidden();
    if (!actor.enterprise_id) return std::vector<Placement>{};
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Placement>> {
        std::vector<Placement> out;
        for (const char* status : {"active", "referred"}) {
            BB_ASSIGN(auto rows, conn.query(query("placement_list", conn.dialect()),
                                            {std::string(status), std::int64_t{0}, *actor.enterprise_id, std::int64_t{0}}));
            for (const auto& r : rows.rows) {
                Placement p = placement_from_row(r);
                minimise(p);
                BB_ASSIGN(auto tags, conn.query(query("citizen_accommodations", conn.dialect()), {p.citizen_id}));
                for (const auto& t : tags.rows) p.accommodations.push_back(t.text(0));
                BB_TRY(audit_event(m_audit, conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                                   placement_label(p) + " i Mine deltagere"));
                out.push_back(std::move(p));
            }
        }
        return out;
    });
}

}  // namespace placements
