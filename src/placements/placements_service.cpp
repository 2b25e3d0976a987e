// PlacementsService: placements (C2) from referral to outcome, the waiting list, C8 warnings and
// enterprise users' own participants.
#include "placements/placements_service.hpp"

#include "core/money.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "enterprises/directory.hpp"
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
    BB_ASSIGN(auto f, store::placement_followups(conn, p.id));
    for (const auto& r : f) p.followups.push_back({r.id, r.held_on, r.kind, r.note});
    BB_ASSIGN(auto a, store::placement_attendance(conn, p.id));
    for (const auto& r : a)
        p.attendance.push_back({r.id, r.period_from, r.period_to, r.days_planned, r.days_present,
                                r.hours_present, r.submitted_on, r.note});
    BB_ASSIGN(auto x, store::placement_extensions(conn, p.id));
    for (const auto& r : x) p.extensions.push_back({r.id, r.decided_on, r.weeks, r.new_end, r.reason});
    BB_ASSIGN(auto n, store::placement_notes(conn, p.id));
    for (const auto& r : n) p.notes.push_back({r.id, r.noted_on, r.text, r.author_role});
    BB_ASSIGN(p.accommodations, store::citizen_tags_of_kind(conn, p.citizen_id, "accommodation"));
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
    BB_ASSIGN(auto waiting, store::waiting_list(conn, *agreement_id));
    if (waiting.empty()) return {};
    Placement next = placement_from(waiting.front());
    BB_TRY(store::set_placement_status(conn, next.id, "referred", now));
    BB_TRY(log.record(conn, actor, "update", "citizen", std::to_string(next.citizen_id),
                      placement_label(next) + ": fra venteliste til henvist", "forløb"));
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
core::Result<ChangeResult> PlacementsService::change(std::int64_t id, const core::Actor& actor,
                                                     bool enterprise_may, F&& body) {
    if (!actor.is_casework() && !(enterprise_may && actor.role == Role::Enterprise))
        return core::Error::forbidden("Du har ikke adgang til at ændre forløbet.");
    bool denied = false;
    std::int64_t denied_citizen = 0;
    auto result = m_db.write([&](db::Connection& conn) -> core::Result<ChangeResult> {
        BB_ASSIGN(Placement p, load_placement(conn, id));
        if (!actor.is_casework() && !own_enterprise(actor, p)) {
            denied = true;
            denied_citizen = p.citizen_id;
            return core::Error::not_found();
        }
        ChangeResult out;
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(std::string what, body(conn, p, now, out));
        BB_TRY(m_audit.record(conn, actor, "update", "citizen", std::to_string(p.citizen_id),
                              placement_label(p) + ": " + what, "forløb"));
        BB_ASSIGN(out.placement, load_placement(conn, id));
        if (!actor.is_casework()) minimise(out.placement);
        return out;
    });
    if (denied) {
        auto logged = m_db.write([&](db::Connection& conn) {
            return m_audit.record(conn, actor, "update", "citizen", std::to_string(denied_citizen),
                                  "forløb " + std::to_string(id) + " hos en anden virksomhed", "forløb",
                                  std::string(audit::k_outcome_denied));
        });
        if (!logged.ok()) return logged.error();
    }
    return result;
}

core::Result<ChangeResult> PlacementsService::refer(const ReferralInput& in, const core::Actor& actor,
                                                    const WithReferral& also) {
    if (!actor.is_casework()) return core::Error::forbidden("Kun sagsbehandlere kan henvise borgere.");
    return m_db.write([&](db::Connection& conn) -> core::Result<ChangeResult> {
        core::Validator v;
        std::int64_t citizen_id = 0;
        std::string citizen_name;
        const std::string ref(core::trim(in.citizen));
        if (ref.empty()) {
            v.add("citizen", "Skriv borgerens sagsnummer.");
        } else {
            BB_ASSIGN(auto found, store::citizen_by_case_ref(conn, ref));
            if (!found)
                v.add("citizen", "Der findes ingen borger med sagsnummeret " + ref + ".");
            else
                citizen_id = found->id, citizen_name = found->name;
        }
        auto referred = check_date(v, "referred_on", in.referred_on, "Skriv henvisningsdatoen.");
        std::int64_t enterprise_id = 0;
        if (auto e = parse_id(in.enterprise_id)) {
            BB_ASSIGN(auto found, enterprises::directory::find(conn, *e));
            if (!found)
                v.add("enterprise_id", "Vælg en virksomhed fra listen.");
            else
                enterprise_id = *e;
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
            BB_ASSIGN(auto type, store::intervention_type_by_id(conn, *t));
            if (!type) {
                v.add("intervention_type_id", "Vælg en indsatstype fra listen.");
            } else {
                const auto& to = type->valid_to;
                if (referred && to && *referred > *to)
                    v.add("intervention_type_id", "Indsatstypen " + type->name +
                                                      " er lukket for nye sager fra " +
                                                      to->add_days(1).danish() + ".");
                else if (referred && *referred < type->valid_from)
                    v.add("intervention_type_id", "Indsatstypen " + type->name + " kan først bruges fra " +
                                                      type->valid_from.danish() + ".");
                else
                    type_id = *t;
            }
        } else {
            v.add("intervention_type_id", "Vælg indsatstypen.");
        }
        std::optional<std::int64_t> need_id;
        if (!core::trim(in.hiring_need_id).empty()) {
            auto nid = parse_id(in.hiring_need_id);
            std::optional<store::HiringNeedRecord> need;
            if (nid) {
                BB_ASSIGN(need, store::hiring_need_by_id(conn, *nid));
            }
            if (!need)
                v.add("hiring_need_id", "Vælg et rekrutteringsbehov fra listen.");
            else if (enterprise_id != 0 && need->enterprise_id != enterprise_id)
                v.add("hiring_need_id", "Rekrutteringsbehovet hører til en anden virksomhed.");
            else if (need->status != "open" || need->jobs > 0)
                v.add("hiring_need_id", "Rekrutteringsbehovet er ikke længere åbent.");
            else
                need_id = nid;
        }
        std::optional<std::int64_t> hours;
        const auto parsed = employment::parse_hours(in.weekly_hours);
        using HS = employment::ParsedHours::Status;
        if (parsed.status == HS::Ok)
            hours = parsed.hundredths;
        else if (parsed.status != HS::Empty)
            v.add("weekly_hours", std::string(employment::hours_problem(parsed.status)));
        if (!v.ok()) return v.error();

        std::string status = "referred";
        if (agreement && agreement->in_use >= agreement->slots) {
            if (!in.waiting_list)
                return core::Error::validation(
                    "agreement_id", "Aftalen har ingen ledige pladser (" + std::to_string(agreement->in_use) +
                                        " af " + std::to_string(agreement->slots) + " i brug).");
            status = "waiting";
        }
        ChangeResult out;
        if (status == "referred") {
            BB_ASSIGN(auto cap, load_capacity(conn, *referred, enterprise_id));
            if (cap && cap->in_use() + 1 > cap->capacity) out.warning = c8_warning(*cap);
        }
        const std::string now = core::iso_timestamp(m_clock.now());
        store::NewPlacement referral;
        referral.citizen_id = citizen_id;
        referral.enterprise_id = enterprise_id;
        if (agreement) referral.agreement_id = agreement->id;
        referral.intervention_type_id = type_id;
        referral.hiring_need_id = need_id;
        referral.status = status;
        referral.referred_on = *referred;
        referral.weekly_hours = hours;
        referral.caseworker_user_id = actor.user_ref();
        BB_ASSIGN(const std::int64_t id, store::insert_placement(conn, referral, now));
        BB_ASSIGN(out.placement, load_placement(conn, id));
        BB_TRY(m_audit.record(conn, actor, "create", "citizen", std::to_string(citizen_id),
                              placement_label(out.placement) + ": henvist" +
                                  (status == "waiting" ? std::string(" (venteliste)") : std::string()),
                              "forløb"));
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
                          return core::Error::validation("intervention_type_id",
                                                         "Et afsluttet forløb kan ikke rettes.");
                      core::Validator v;
                      std::int64_t type_id = p.intervention_type_id;
                      auto t = parse_id(in.intervention_type_id);
                      if (!t) {
                          v.add("intervention_type_id", "Vælg indsatstypen.");
                      } else if (*t != p.intervention_type_id) {
                          BB_ASSIGN(auto type, store::intervention_type_by_id(conn, *t));
                          if (!type) {
                              v.add("intervention_type_id", "Vælg en indsatstype fra listen.");
                          } else {
                              const auto& to = type->valid_to;
                              if (to && p.referred_on > *to)
                                  v.add("intervention_type_id", "Indsatstypen " + type->name +
                                                                    " er lukket for nye sager fra " +
                                                                    to->add_days(1).danish() + ".");
                              else if (p.referred_on < type->valid_from)
                                  v.add("intervention_type_id", "Indsatstypen " + type->name +
                                                                    " kan først bruges fra " +
                                                                    type->valid_from.danish() + ".");
                              else
                                  type_id = *t;
                          }
                      }
                      std::optional<std::int64_t> hours;
                      const auto parsed = employment::parse_hours(in.weekly_hours);
                      using HS = employment::ParsedHours::Status;
                      if (parsed.status == HS::Ok)
                          hours = parsed.hundredths;
                      else if (parsed.status != HS::Empty)
                          v.add("weekly_hours", std::string(employment::hours_problem(parsed.status)));
                      if (!v.ok()) return v.error();
                      BB_TRY(store::update_placement(conn, p.id, type_id, hours, now));
                      return std::string("rettet");
                  });
}

core::Result<ChangeResult> PlacementsService::start(std::int64_t id, const std::string& start_date,
                                                    const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
                      if (p.status != Status::Referred)
                          return core::Error::validation(
                              "start_date", p.status == Status::Waiting
                                                ? "Forløbet står på venteliste og kan ikke startes endnu."
                                                : "Kun et henvist forløb kan startes.");
                      core::Validator v;
                      auto start = check_date(v, "start_date", start_date, "Skriv startdatoen.");
                      if (start && *start < p.referred_on)
                          v.add("start_date", "Startdatoen kan ikke ligge før henvisningsdatoen.");
                      if (!v.ok()) return v.error();
                      std::optional<core::Date> planned;
                      if (p.agreement_id) {
                          BB_ASSIGN(Agreement a, load_agreement(conn, *p.agreement_id));
                          planned = employment::frame_end(*start, a.frame_weeks);
                      }
                      BB_TRY(store::start_placement(conn, p.id, *start, planned, now));
                      return "startet " + start->iso();
                  });
}

core::Result<ChangeResult> PlacementsService::record_plan(std::int64_t id, const PlanInput& in,
                                                          const core::Actor& actor) {
    return change(
        id, actor, false,
        [&](db::Connection& conn, Placement& p, const std::string& now,
            ChangeResult&) -> core::Result<std::string> {
            if (p.status != Status::Active && p.status != Status::Ended)
                return core::Error::validation("plan_made_on",
                                               "Planen kan først registreres, når forløbet er startet.");
            core::Validator v;
            const std::string reason(core::trim(in.no_plan_reason));
            check_text(v, "no_plan_reason", reason, k_max_text, "Begrundelsen");
            std::optional<core::Date> made;
            std::optional<bool> owned;
            if (core::trim(in.plan_made_on).empty()) {
                if (reason.empty())
                    v.add("plan_made_on",
                          "Skriv datoen, planen blev lavet, eller hvorfor der ingen plan er.");
            } else {
                made = check_date(v, "plan_made_on", in.plan_made_on, "");
                if (made && p.start_date && *made < *p.start_date)
                    v.add("plan_made_on", "Planen kan ikke være lavet før forløbets start.");
                const std::string o(core::trim(in.plan_owned));
                if (o == "yes")
                    owned = true;
                else if (o == "no")
                    owned = false;
                else
                    v.add("plan_owned", "Vælg, om borgeren har ejerskab til planen.");
            }
            if (!v.ok()) return v.error();
            BB_TRY(store::set_placement_plan(conn, p.id, made, owned, made ? std::string() : reason, now));
            return made ? "plan " + made->iso() : std::string("ingen plan");
        });
}

core::Result<ChangeResult> PlacementsService::add_followup(std::int64_t id, const FollowupInput& in,
                                                           const core::Actor& actor) {
    return change(
        id, actor, false,
        [&](db::Connection& conn, Placement& p, const std::string& now,
            ChangeResult&) -> core::Result<std::string> {
            if (!p.start_date)
                return core::Error::validation("held_on",
                                               "Opfølgning kan først registreres, når forløbet er startet.");
            core::Validator v;
            auto held = check_date(v, "held_on", in.held_on, "Skriv datoen for opfølgningen.");
            if (held && *held < *p.start_date)
                v.add("held_on", "Opfølgningen kan ikke ligge før forløbets start.");
            const std::string kind(core::trim(in.kind));
            if (kind != "meeting" && kind != "dialogue")
                v.add("kind", "Vælg, om det var et møde eller en dialog.");
            const std::string note(core::trim(in.note));
            check_text(v, "note", note, k_max_text, "Noten");
            if (!v.ok()) return v.error();
            BB_TRY(store::insert_placement_followup(conn, {p.id, *held, kind, note, actor.user_ref()}, now));
            return "opfølgning " + held->iso();
        });
}

core::Result<ChangeResult> PlacementsService::add_attendance(std::int64_t id, const AttendanceInput& in,
                                                             const core::Actor& actor) {
    return change(
        id, actor, true,
        [&](db::Connection& conn, Placement& p, const std::string& now,
            ChangeResult&) -> core::Result<std::string> {
            if (!p.start_date)
                return core::Error::validation("period_from",
                                               "Fremmøde kan først registreres, når forløbet er startet.");
            core::Validator v;
            auto from = check_date(v, "period_from", in.period_from, "Skriv periodens første dag.");
            auto to = check_date(v, "period_to", in.period_to, "Skriv periodens sidste dag.");
            if (from && to && *to < *from)
                v.add("period_to", "Periodens sidste dag kan ikke ligge før den første.");
            auto planned = check_int(v, "days_planned", in.days_planned, 0, 400, "antal planlagte dage");
            auto present = check_int(v, "days_present", in.days_present, 0, 400, "antal dage med fremmøde");
            if (planned && present && *present > *planned)
                v.add("days_present", "Dage med fremmøde kan ikke være flere end de planlagte dage.");
            std::optional<std::int64_t> hours;
            if (!core::trim(in.hours_present).empty()) {
                // Hours over a whole period (not per week): hundredths, at most 9.600 hours.
                const auto parsed = core::parse_kroner(in.hours_present, 960000);
                if (parsed.status == core::ParsedKroner::Status::Ok && parsed.oere >= 0)
                    hours = parsed.oere;
                else
                    v.add("hours_present",
                          "Skriv timer med fremmøde i perioden som et tal, fx 45 eller 7,5.");
            }
            auto submitted =
                check_date(v, "submitted_on", in.submitted_on, "Skriv, hvornår sedlen blev modtaget.");
            const std::string note(core::trim(in.note));
            check_text(v, "note", note, k_max_text, "Noten");
            if (!v.ok()) return v.error();
            BB_TRY(store::insert_attendance(
                conn, {p.id, *from, *to, *planned, *present, hours, note, *submitted, actor.user_ref()},
                now));
            return "fremmøde " + from->iso() + "–" + to->iso();
        });
}

core::Result<ChangeResult> PlacementsService::add_note(std::int64_t id, const NoteInput& in,
                                                       const core::Actor& actor) {
    return change(
        id, actor, true,
        [&](db::Connection& conn, Placement& p, const std::string& now,
            ChangeResult&) -> core::Result<std::string> {
            core::Validator v;
            auto on = check_date(v, "noted_on", in.noted_on, "Skriv notens dato.");
            const std::string text(core::trim(in.text));
            if (text.empty())
                v.add("text", "Skriv, hvordan det går.");
            else
                check_text(v, "text", text, k_max_text, "Noten");
            if (!v.ok()) return v.error();
            BB_TRY(store::insert_placement_note(
                conn, {p.id, *on, text, actor.user_ref(), std::string(core::role_code(actor.role))}, now));
            return "note " + on->iso();
        });
}

core::Result<ChangeResult> PlacementsService::extend(std::int64_t id, const ExtensionInput& in,
                                                     const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult&) -> core::Result<std::string> {
                      if (p.status != Status::Active)
                          return core::Error::validation("weeks", "Kun et forløb i gang kan forlænges.");
                      if (!p.agreement_id || !p.planned_end)
                          return core::Error::validation(
                              "weeks", "Forløbet er ikke under en aftale med en ramme, der kan forlænges.");
                      core::Validator v;
                      auto decided =
                          check_date(v, "decided_on", in.decided_on, "Skriv datoen for beslutningen.");
                      auto weeks = check_int(v, "weeks", in.weeks, 1, 260, "antal uger");
                      if (weeks && p.extension_weeks_used + *weeks > p.extension_weeks_allowed)
                          v.add("weeks", "Aftalen giver højst " + std::to_string(p.extension_weeks_allowed) +
                                             " ugers forlængelse i alt; " +
                                             std::to_string(p.extension_weeks_used) + " er allerede brugt.");
                      const std::string reason(core::trim(in.reason));
                      check_text(v, "reason", reason, k_max_text, "Begrundelsen");
                      if (!v.ok()) return v.error();
                      const core::Date new_end = p.planned_end->add_days(7LL * *weeks);
                      BB_TRY(store::insert_extension(
                          conn, {p.id, *decided, *weeks, new_end, reason, actor.user_ref()}, now));
                      BB_TRY(store::set_planned_end(conn, p.id, new_end, now));
                      return "forlænget " + std::to_string(*weeks) + " uger til " + new_end.iso();
                  });
}

core::Result<ChangeResult> PlacementsService::end(std::int64_t id, const EndInput& in,
                                                  const core::Actor& actor) {
    return change(id, actor, false,
                  [&](db::Connection& conn, Placement& p, const std::string& now,
                      ChangeResult& out) -> core::Result<std::string> {
                      if (p.status != Status::Active)
                          return core::Error::validation(
                              "end_date",
                              p.status == Status::Ended
                                  ? "Forløbet er allerede afsluttet."
                                  : "Forløbet er ikke startet og kan ikke afsluttes. Annullér det i stedet.");
                      core::Validator v;
                      auto end_date = check_date(v, "end_date", in.end_date, "Skriv slutdatoen.");
                      if (end_date && *end_date < *p.start_date)
                          v.add("end_date", "Slutdatoen kan ikke ligge før startdatoen.");
                      std::optional<std::int64_t> outcome;
                      std::string label;
                      if (auto oid = parse_id(in.outcome_id)) {
                          BB_ASSIGN(auto found, store::outcome_by_id(conn, *oid));
                          if (!found || !found->active)
                              v.add("outcome_id", "Vælg et udfald fra listen.");
                          else
                              outcome = oid, label = found->label;
                      } else {
                          v.add("outcome_id", "Vælg forløbets udfald.");
                      }
                      const std::string note(core::trim(in.note));
                      check_text(v, "note", note, k_max_text, "Noten");
                      if (!v.ok()) return v.error();
                      BB_TRY(store::end_placement(conn, p.id, *end_date, *outcome, note, now));
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
                      BB_TRY(store::set_placement_status(conn, p.id, "cancelled", now));
                      if (p.status == Status::Referred)
                          BB_TRY(promote_waiting(conn, m_audit, actor, p.agreement_id, now, out));
                      return std::string("annulleret");
                  });
}

core::Result<Placement> PlacementsService::get_placement(std::int64_t id, const core::Actor& actor) {
    if (!actor.is_casework() && actor.role != Role::Enterprise) return core::Error::forbidden();
    bool denied = false;
    std::int64_t denied_citizen = 0;
    auto result = m_db.write([&](db::Connection& conn) -> core::Result<Placement> {
        BB_ASSIGN(Placement p, load_placement(conn, id));
        if (!actor.is_casework()) {
            if (!own_enterprise(actor, p) || p.status == Status::Waiting || p.status == Status::Cancelled) {
                denied = true;
                denied_citizen = p.citizen_id;
                return core::Error::not_found();
            }
            minimise(p);
        }
        BB_TRY(load_timeline(conn, p));
        BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                              placement_label(p), "forløb"));
        return p;
    });
    if (denied) {
        BB_TRY(m_db.write([&](db::Connection& conn) {
            return m_audit.record(conn, actor, "read", "citizen", std::to_string(denied_citizen),
                                  "forløb " + std::to_string(id) + " hos en anden virksomhed", "forløb",
                                  std::string(audit::k_outcome_denied));
        }));
    }
    return result;
}

core::Result<std::vector<Placement>> PlacementsService::list_placements(const PlacementFilter& f,
                                                                        const core::Actor& actor) {
    if (!actor.is_casework()) return core::Error::forbidden();
    const std::string status =
        parse_status(core::trim(f.status)) ? std::string(core::trim(f.status)) : std::string();
    const std::int64_t agreement = parse_id(f.agreement_id).value_or(0);
    const std::int64_t enterprise = parse_id(f.enterprise_id).value_or(0);
    const std::int64_t citizen = parse_id(f.citizen_id).value_or(0);
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Placement>> {
        BB_ASSIGN(auto rows, store::list_placements(conn, {status, agreement, enterprise, citizen}));
        std::vector<Placement> out;
        for (const auto& r : rows) {
            Placement p = placement_from(r);
            BB_TRY(m_audit.record(conn, actor, "search", "citizen", std::to_string(p.citizen_id),
                                  placement_label(p) + " i forløbslisten", "forløb"));
            out.push_back(std::move(p));
        }
        return out;
    });
}

core::Result<std::int64_t> PlacementsService::count_started(int year, const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden("Du har ikke adgang til antallet af forløb.");
    return m_db.read([&](db::Connection& conn) {
        return store::count_started(conn, core::Date{year, 1, 1}, core::Date{year + 1, 1, 1});
    });
}

core::Result<std::vector<Placement>> PlacementsService::participants(const core::Actor& actor) {
    if (actor.role != Role::Enterprise) return core::Error::forbidden();
    if (!actor.enterprise_id) return std::vector<Placement>{};
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Placement>> {
        std::vector<Placement> out;
        for (const char* status : {"active", "referred"}) {
            BB_ASSIGN(auto rows,
                      store::list_placements(conn, {std::string(status), 0, *actor.enterprise_id, 0}));
            for (const auto& r : rows) {
                Placement p = placement_from(r);
                minimise(p);
                BB_ASSIGN(p.accommodations, store::citizen_tags_of_kind(conn, p.citizen_id, "accommodation"));
                BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                                      placement_label(p) + " i Mine deltagere", "forløb"));
                out.push_back(std::move(p));
            }
        }
        return out;
    });
}

}  // namespace placements
