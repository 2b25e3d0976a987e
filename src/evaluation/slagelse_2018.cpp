// The Slagelse 2018 data set: see slagelse_2018.hpp and docs/evaluation.md §4.
#include "evaluation/slagelse_2018.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/date.hpp"
#include "core/text.hpp"
#include "employment/rules.hpp"
#include "employment/store/store.hpp"
#include "enterprises/directory.hpp"
#include "evaluation/model.hpp"

namespace evaluation {
namespace {

namespace store = employment::store;

using core::Date;

const Date k_start{2016, 8, 1};  // both agreements start here
const Date k_until{2018, 8, 1};  // the summer 2018 evaluation

constexpr std::array k_first_names = {
    "Anna",   "Bent",    "Camilla", "Dorte", "Erik",  "Fatima", "Gitte",  "Hassan", "Ida",  "Jens",
    "Karen",  "Lars",    "Mette",   "Niels", "Olga",  "Peter",  "Rikke",  "Søren",  "Tina", "Ulla",
    "Vibeke", "William", "Yasmin",  "Zaid",  "Aisha", "Bo",     "Connie", "Dennis", "Elif", "Frank",
    "Grethe", "Henrik",  "Inge",    "Jakob", "Kim",   "Lone",   "Mona",   "Nadia",  "Ole",  "Pia"};
constexpr std::string_view k_initials = "ABDEFGHJKLMNPRST";
constexpr std::array k_target_groups = {"kanten_af_arbejdsmarkedet", "psykisk_saarbare", "udsatte_borgere",
                                        "forloebsdeltagere", "fleksjobbere"};
constexpr std::array k_types = {"ressourceforloeb", "lab_2_3", "integration", "jobafklaringsforloeb"};

struct Loader {
    db::Connection& conn;
    std::string now;
    Summary summary;
    int next_citizen = 1;
    Date today;  ///< the fleksjob follow-ups due until about today are recorded as held

    std::vector<enterprises::directory::EnterpriseRef> registry;  ///< read once, by name

    /// The id of the registry's enterprise with exactly this name (the first by id).
    core::Result<std::int64_t> enterprise(std::string_view name) {
        if (registry.empty()) {
            BB_ASSIGN(registry, enterprises::directory::list(conn));
        }
        std::optional<std::int64_t> best;
        for (const auto& e : registry)
            if (e.name == name && (!best || e.id < *best)) best = e.id;
        if (!best)
            return core::Error::validation("enterprise",
                                           "Virksomheden " + std::string(name) +
                                               " findes ikke i registret; indlæs registrets demodata først.");
        return *best;
    }

    core::Result<std::int64_t> citizen(std::string forced_name = {}) {
        const int n = next_citizen++;
        std::string ref = std::to_string(n);
        ref = "DEMO-" + std::string(4 - std::min<std::size_t>(4, ref.size()), '0') + ref;
        std::string name = forced_name;
        if (name.empty())
            name = std::string(k_first_names[(n * 7) % k_first_names.size()]) + " " +
                   k_initials[(n * 5) % k_initials.size()] + ".";
        const std::int64_t low = 300 + (n % 8) * 100;
        store::CitizenFields f;
        f.case_ref = ref;
        f.name = name;
        f.target_group = std::string(k_target_groups[n % k_target_groups.size()]);
        f.wished_hours_min = low;
        f.wished_hours_max = low + 800;
        f.note = "Fiktiv borger i demodata (003 §6.5)";
        BB_ASSIGN(std::int64_t id, store::insert_citizen(conn, f, now));
        ++summary.citizens;
        return id;
    }

    /// The id of a list entry the data set needs (an intervention type or an outcome).
    static core::Result<std::int64_t> needed(core::Result<std::optional<std::int64_t>> found,
                                             const std::string& code) {
        if (!found.ok()) return found.take_error();
        if (!*found) return core::Error::validation("data", "Mangler data til 2018-datasættet: " + code);
        return **found;
    }
    core::Result<std::int64_t> type_id(const std::string& code) {
        return needed(store::intervention_type_id(conn, code), code);
    }
    core::Result<std::int64_t> outcome_id(const std::string& code) {
        return needed(store::outcome_id(conn, code), code);
    }
};

/// One placement to create.
struct Spec {
    Date start;
    std::optional<Date> end;  ///< nullopt: still active at k_until
    std::string outcome;      ///< for ended ones
    std::optional<Date> plan;
    std::optional<bool> owned;
    std::string no_plan_reason;
};

/// Cuts the lanes (one per slot, so never more than `slots` at once) into placements:
/// `completed[l]` ended ones, then an active one from `active_start[l]` (if given).
std::vector<Spec> lanes(const std::vector<int>& completed,
                        const std::vector<std::optional<Date>>& active_start) {
    std::vector<Spec> out;
    for (std::size_t l = 0; l < completed.size(); ++l) {
        const Date w0 = k_start.add_days(static_cast<std::int64_t>(l) * 9);
        const Date we = active_start[l] ? active_start[l]->add_days(-10)
                                        : k_until.add_days(-1 - static_cast<std::int64_t>(l) * 11);
        const std::int64_t seg = (we.days_since_epoch() - w0.days_since_epoch() + 1) / completed[l];
        for (int k = 0; k < completed[l]; ++k) {
            Spec s;
            s.start = w0.add_days(k * seg);
            s.end = s.start.add_days(seg - 1 - (5 + (k * 3 + static_cast<int>(l)) % 10));
            out.push_back(std::move(s));
        }
    }
    for (std::size_t l = 0; l < completed.size(); ++l)
        if (active_start[l])
            out.push_back(Spec{*active_start[l], std::nullopt, "", std::nullopt, std::nullopt, ""});
    return out;
}

/// `counts` expanded in order and spread with a stride co-prime to the total.
std::vector<std::string> spread(const std::vector<std::pair<std::string, int>>& counts, int stride) {
    std::vector<std::string> flat;
    for (const auto& [code, n] : counts)
        for (int i = 0; i < n; ++i) flat.push_back(code);
    std::vector<std::string> out(flat.size());
    for (std::size_t j = 0; j < flat.size(); ++j)
        out[j] = flat[(j * static_cast<std::size_t>(stride)) % flat.size()];
    return out;
}

struct AgreementDef {
    const char* enterprise;
    const char* title;
    int frame_weeks;
    int extension_weeks;
    int deadline_days;
    std::int64_t price_ore;
    const char* price_unit;
    const char* deliverables;
    std::vector<std::pair<const char*, const char*>> notes;  // topic, text (noted 2018-06-20)
};

core::Result<std::int64_t> load_agreement(Loader& L, const AgreementDef& def, std::vector<Spec> specs,
                                          const std::vector<std::int64_t>& missing_sheets) {
    BB_ASSIGN(std::int64_t enterprise, L.enterprise(def.enterprise));
    store::AgreementFields fields;
    fields.enterprise_id = enterprise;
    fields.title = def.title;
    fields.start_date = k_start;
    fields.slots = 8;
    fields.frame_weeks = def.frame_weeks;
    fields.extension_weeks = def.extension_weeks;
    fields.plan_deadline_days = def.deadline_days;
    fields.attendance_interval_months = 2;
    fields.target_description =
        "Borgere langt fra arbejdsmarkedet: ressourceforløb, LAB § 2, nr. 3, "
        "integrationsloven og ægtefælleforsørgede";
    fields.price_ore = def.price_ore;
    fields.price_unit = def.price_unit;
    fields.deliverables = def.deliverables;
    BB_ASSIGN(const std::int64_t agreement, store::insert_agreement(L.conn, fields, L.now));
    for (const char* code : {"kanten_af_arbejdsmarkedet", "udsatte_borgere"})
        BB_TRY(store::insert_agreement_target_group(L.conn, agreement, code));
    for (const auto& [topic, text] : def.notes)
        BB_TRY(store::insert_agreement_note(L.conn, {agreement, topic, Date{2018, 6, 20}, text, std::nullopt},
                                            L.now));
    int index = 0;
    for (const auto& s : specs) {
        BB_ASSIGN(std::int64_t citizen, L.citizen());
        BB_ASSIGN(std::int64_t type, L.type_id(k_types[index % k_types.size()]));
        std::optional<std::int64_t> outcome;
        if (s.end) {
            BB_ASSIGN(outcome, L.outcome_id(s.outcome));
        }
        // The frame, extended as often as the placement ran beyond it.
        Date planned = employment::frame_end(s.start, def.frame_weeks);
        const Date must_reach = s.end ? *s.end : k_until;
        std::vector<std::pair<Date, Date>> extensions;  // decided on, new end
        while (planned < must_reach) {
            const Date next = planned.add_days(7LL * def.extension_weeks);
            extensions.emplace_back(planned.add_days(-14), next);
            planned = next;
        }
        const Date referred = std::max(k_start, s.start.add_days(-14));
        store::NewPlacement p;
        p.citizen_id = citizen;
        p.enterprise_id = enterprise;
        p.agreement_id = agreement;
        p.intervention_type_id = type;
        p.status = s.end ? "ended" : "active";
        p.referred_on = referred;
        p.start_date = s.start;
        p.planned_end = planned;
        p.end_date = s.end;
        p.outcome_id = outcome;
        p.plan_made_on = s.plan;
        p.plan_owned = s.owned;
        p.no_plan_reason = s.no_plan_reason;
        p.weekly_hours = 600 + (index % 10) * 100;
        BB_ASSIGN(const std::int64_t placement, store::insert_placement(L.conn, p, L.now));
        ++L.summary.placements;
        for (const auto& [decided, new_end] : extensions)
            BB_TRY(store::insert_extension(
                L.conn,
                {placement, decided, def.extension_weeks, new_end,
                 "Forlænget: fremskridt sker langsommere end forventet", std::nullopt},
                L.now));
        // A follow-up about every 60 days while it runs (meeting and dialogue by turns).
        int f = 0;
        for (Date d = s.start.add_days(30); d < must_reach; d = d.add_days(60), ++f)
            BB_TRY(store::insert_placement_followup(
                L.conn,
                {placement, d, f % 2 == 0 ? "meeting" : "dialogue",
                 "Opfølgning mellem deltager, virksomhed og sagsbehandler", std::nullopt},
                L.now));
        // Attendance sheets every second month; a few are missing on purpose.
        const auto periods = sheet_periods(s.start, s.end, 2, k_until);
        for (std::size_t k = 0; k < periods.size(); ++k) {
            const bool last = k + 1 == periods.size();
            bool skip = false;
            for (auto m : missing_sheets) skip = skip || (last && m == index);
            if (skip) continue;
            const int planned_days = 30;
            BB_TRY(store::insert_attendance(L.conn,
                                            {placement, periods[k].first, periods[k].second, planned_days,
                                             18 + (index + static_cast<int>(k)) % 13, std::nullopt, "",
                                             periods[k].second.add_days(5), std::nullopt},
                                            L.now));
        }
        if (s.start.add_days(45) < must_reach)
            BB_TRY(store::insert_placement_note(
                L.conn,
                {placement, s.start.add_days(45),
                 "Mødestabiliteten er blevet bedre; deltageren har fået overblik over, "
                 "hvad der skal tages hånd om.",
                 std::nullopt, "enterprise"},
                L.now));
        ++index;
    }
    return agreement;
}

core::Result<void> load_agreements(Loader& L) {
    // ---- agreement 1: Sumak, 52 weeks, plan after 4 weeks ----
    std::vector<Spec> a1 = lanes({3, 3, 3, 3, 4, 3, 3, 3},
                                 {Date{2018, 3, 5}, Date{2018, 7, 9}, Date{2018, 7, 16}, Date{2018, 7, 23},
                                  std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    const auto outcomes1 = spread({{"fleksjob", 5},
                                   {"ordinary_job", 2},
                                   {"education", 3},
                                   {"stopped_challenges", 4},
                                   {"second_trial", 5},
                                   {"awaiting_rehab", 3},
                                   {"early_retirement", 1},
                                   {"prison", 1},
                                   {"job_seeking", 1}},
                                  7);
    const std::array<const char*, 3> reasons1 = {
        "Virksomheden er anvendt som back up sideløbende med behandling", "Har været i et kort forløb",
        "Massive udfordringer og meget fravær"};
    int r = 0;
    for (std::size_t i = 0; i < a1.size(); ++i) {
        Spec& s = a1[i];
        if (s.end) {
            s.outcome = outcomes1[i];
            if (i == 2 || i == 7 || i == 11 || i == 15 || i == 19 || i == 23) {
                s.no_plan_reason = reasons1[r++ % reasons1.size()];
                continue;
            }
        } else if (s.start > Date{2018, 7, 4}) {
            continue;  // new: the plan is being made (deadline not passed on 2018-08-01)
        }
        s.plan = s.start.add_days(10 + static_cast<std::int64_t>(i % 18));  // within 28 days
        s.owned = true;
    }
    AgreementDef d1{
        "Sumak",
        k_agreement_1_title,
        52,
        26,
        28,
        300000,
        "per_slot_month",
        "Individuel plan efter 4 uger, udformet af mentor og deltager sammen. Fremmødesedler hver 2. måned "
        "til jobcenterets kontaktperson. Tilbud om opfølgningsmøde; efterspørges der møder, afholdes der "
        "møder.",
        {{"deliverables",
          "Ja, der kommer tilbud om møde og fremmødesedler fremsendes. Efterspørges der "
          "møder - afholdes der møder."},
         {"effects",
          "I deltagergruppen arbejdes der primært med etablering af mødestabilitet, evnen til at "
          "finde ro og mærke sig selv og opbygning af tillid. Deltagerne opnår mere "
          "regelmæssighed, mødestabilitet og overblik over, hvad der skal tages hånd om."},
         {"cooperation",
          "Samarbejdet med virksomheden er velfungerende og der gås langt for den enkelte. "
          "Når der er behov for korrektion, er der dialog. Der er behov for opmærksomhed på, "
          "at det er en tungere borgergruppe, som er i forløb nu end tidligere."}}};
    BB_ASSIGN(L.summary.agreement_1, load_agreement(L, d1, std::move(a1), {5, 12}));

    // ---- agreement 2: VeteranHaven, 13 weeks, plan after 1 week ----
    std::vector<Spec> a2 =
        lanes({5, 5, 4, 4, 4, 4, 4, 4},
              {Date{2018, 7, 28}, Date{2018, 4, 9}, Date{2018, 5, 7}, Date{2018, 6, 4}, Date{2018, 3, 12},
               Date{2018, 4, 23}, Date{2018, 5, 22}, Date{2018, 6, 18}});
    const auto outcomes2 = spread({{"fleksjob", 5},
                                   {"ordinary_job", 7},
                                   {"wage_subsidy", 2},
                                   {"education", 4},
                                   {"language_school", 4},
                                   {"second_trial", 1},
                                   {"parental_leave", 1},
                                   {"stopped_challenges", 1},
                                   {"rehab_clarification", 4},
                                   {"awaiting_rehab", 5}},
                                  5);
    for (std::size_t i = 0; i < a2.size(); ++i) {
        Spec& s = a2[i];
        if (s.end) {
            s.outcome = outcomes2[i];
            const bool late = i == 4 || i == 13 || i == 27;
            s.plan = s.start.add_days(late ? 10 + static_cast<std::int64_t>(i % 3)
                                           : 2 + static_cast<std::int64_t>(i % 5));
            s.owned = !(i == 8 || i == 21);
            continue;
        }
        if (s.start == Date{2018, 7, 28}) continue;  // the plan is being made
        if (s.start == Date{2018, 4, 9} || s.start == Date{2018, 5, 7} || s.start == Date{2018, 6, 4}) {
            s.no_plan_reason = "I arbejdsprøvning – planen laves efter afklaringen";
            continue;
        }
        s.plan = s.start.add_days(3);
        s.owned = true;
    }
    AgreementDef d2{
        "VeteranHaven",
        k_agreement_2_title,
        13,
        13,
        7,
        950000,
        "per_placement",
        "Individuel plan efter 1 uge; planen fremsendes løbende. Fremmødesedler hver 2. måned til "
        "jobcenterets kontaktperson. Tilbud om opfølgningsmøde.",
        {{"deliverables",
          "Ja, der kommer tilbud om møde og fremmødesedler fremsendes. Plan fremsendes "
          "løbende."},
         {"effects",
          "I deltagergruppen er der generelt fokus på sprogtræning, på træning i at begå sig på "
          "arbejdsmarkedet – skrevne og uskrevne regler, selvstændig varetagelse af opgaver og "
          "mødestabilitet."},
         {"cooperation",
          "Samarbejdet med virksomheden er velfungerende og virksomheden har søgt og opnået "
          "en pulje til videreudvikling af metoderne, som anvendes med borgerne."}}};
    BB_ASSIGN(L.summary.agreement_2, load_agreement(L, d2, std::move(a2), {}));

    // The one on the waiting list for agreement 2 (all 8 slots in use).
    BB_ASSIGN(std::int64_t citizen, L.citizen());
    BB_ASSIGN(std::int64_t enterprise, L.enterprise("VeteranHaven"));
    BB_ASSIGN(std::int64_t type, L.type_id("integration"));
    store::NewPlacement waiting;
    waiting.citizen_id = citizen;
    waiting.enterprise_id = enterprise;
    waiting.agreement_id = L.summary.agreement_2;
    waiting.intervention_type_id = type;
    waiting.status = "waiting";
    waiting.referred_on = Date{2018, 7, 16};
    BB_TRY(store::insert_placement(L.conn, waiting, L.now));
    ++L.summary.placements;
    return {};
}

core::Result<void> load_jobs(Loader& L) {
    BB_ASSIGN(auto slagelse,
              enterprises::directory::list(L.conn, enterprises::directory::Scope::SocialEconomy, "Slagelse"));
    std::vector<std::int64_t> places;
    for (const auto& e : slagelse) places.push_back(e.id);
    std::sort(places.begin(), places.end());
    BB_ASSIGN(std::int64_t sumak, L.enterprise("Sumak"));
    if (places.empty()) places.push_back(sumak);

    auto job = [&](std::int64_t citizen, std::int64_t enterprise, const std::string& kind,
                   const std::string& channel, Date hired,
                   const std::vector<std::tuple<Date, std::int64_t, std::int64_t>>& hours,
                   const std::string& note) -> core::Result<void> {
        const store::NewJob hire{citizen,      enterprise, kind,         channel,      hired,
                                 std::nullopt, false,      std::nullopt, std::nullopt, note};
        BB_ASSIGN(const std::int64_t id, store::insert_job(L.conn, hire, L.now));
        ++L.summary.jobs;
        for (const auto& [from, hundredths, intensity] : hours)
            BB_TRY(store::insert_job_hours(
                L.conn, id, {from, hundredths, static_cast<int>(intensity), std::string()}, L.now));
        if (kind == "fleksjob") {
            // The jobcentre has held the follow-ups (LAB § 70 d) that fell due until six weeks ago,
            // except for every seventh fleksjob, whose latest one is overdue: the dashboard shows
            // a believable list rather than years of backlog.
            const auto dues = employment::fleksjob_due_dates(hired, false, L.today.add_days(-42));
            const bool behind = L.summary.jobs % 7 == 3;
            for (std::size_t k = 0; k < dues.size(); ++k) {
                if (behind && k + 1 == dues.size()) break;
                BB_TRY(store::insert_job_followup(
                    L.conn,
                    {id, dues[k].due, "follow_up", dues[k].due.add_days(-9),
                     "Opfølgning holdt: betingelserne for fleksjob er fortsat opfyldt.", std::nullopt},
                    L.now));
            }
        }
        return {};
    };
    struct Batch {
        const char* channel;
        std::vector<std::pair<std::string, int>> kinds;
        Date first;
        int step;
    };
    const Batch batches[] = {
        {"municipality",
         {{"fleksjob", 21}, {"part_time", 7}, {"full_time", 3}, {"wage_subsidy", 4}},
         Date{2018, 1, 8},
         10},
        {"other",
         {{"fleksjob", 8}, {"part_time", 9}, {"full_time", 5}, {"small_job", 5}, {"wage_subsidy", 2}},
         Date{2018, 1, 15},
         12},
    };
    int n = 0;
    for (const auto& b : batches) {
        int i = 0;
        for (const auto& kind : spread(b.kinds, 1)) {
            BB_ASSIGN(std::int64_t citizen, L.citizen());
            const Date hired = b.first.add_days(static_cast<std::int64_t>(i) * b.step);
            std::vector<std::tuple<Date, std::int64_t, std::int64_t>> hours;
            if (kind == "fleksjob") {
                const std::int64_t h = 600 + (n % 7) * 150;
                hours = {{hired, h, 70 + (n % 3) * 10}, {hired.add_months(4), h + 300, 80 + (n % 3) * 10}};
            } else if (kind == "part_time") {
                hours = {{hired, 1500 + (n % 5) * 200, 100}, {hired.add_months(6), 2500, 100}};
            } else if (kind == "small_job") {
                hours = {{hired, 300 + (n % 4) * 100, 100}};
            } else {
                hours = {{hired, 3700, 100}};
            }
            BB_TRY(job(citizen, places[static_cast<std::size_t>(n) % places.size()], kind, b.channel, hired,
                       hours, "Ansat i 2018 (003 §6.8)"));
            ++i;
            ++n;
        }
    }
    // "Victor" (003 §6.9): fleksjob from 8 September 2016, 4,5 hours at 80 %, up to 15 hours at 100 %.
    BB_ASSIGN(std::int64_t victor, L.citizen("Victor V."));
    BB_TRY(job(victor, sumak, "fleksjob", "municipality", Date{2016, 9, 8},
               {{Date{2016, 9, 8}, 450, 80},
                {Date{2017, 3, 1}, 600, 85},
                {Date{2017, 9, 1}, 900, 90},
                {Date{2018, 4, 1}, 1200, 95},
                {Date{2019, 1, 15}, 1500, 100}},
               "Progression i timer og intensitet (003 §6.9)"));
    return {};
}

}  // namespace

core::Result<Summary> load_slagelse_2018(db::Database& db, const core::Clock& clock) {
    return db.write([&](db::Connection& conn) -> core::Result<Summary> {
        Loader L{conn, core::iso_timestamp(clock.now()), {}, 1, core::utc_date(clock.now())};
        BB_ASSIGN(auto loaded, store::citizen_by_case_ref(conn, "DEMO-0001"));
        if (loaded) {
            BB_ASSIGN(auto ids, store::agreements_titled(conn, k_agreement_1_title, k_agreement_2_title));
            for (const auto& [id, title] : ids)
                (title == k_agreement_1_title ? L.summary.agreement_1 : L.summary.agreement_2) = id;
            return L.summary;
        }
        for (const char* name : {"Sumak", "VeteranHaven"}) BB_TRY(L.enterprise(name));
        BB_TRY(load_agreements(L));
        BB_TRY(load_jobs(L));
        L.summary.loaded = true;
        return L.summary;
    });
}

}  // namespace evaluation
