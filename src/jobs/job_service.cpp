// JobService: recording hires, hours history, ends, reading and listing jobs.
#include "jobs/job_service.hpp"

#include <cstdlib>
#include <set>
#include <span>

#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "jobs/service_detail.hpp"

namespace store = employment::store;

namespace jobs {

namespace detail {

using core::Role;

core::Result<void> check_caseworker(const core::Actor& a) {
    if (a.is_casework()) return {};
    return core::Error::forbidden("Kun sagsbehandlere kan registrere og ændre job.");
}

std::optional<core::Date> check_job_date(core::Validator& v, std::string_view field, std::string_view text,
                                         std::string_view missing) {
    return core::check_date(v, field, text, missing, k_earliest_date);
}

JobKind kind_from(const store::JobKindRecord& r) {
    return JobKind{r.id, r.code, r.label, r.is_fleksjob, r.sort, r.active};
}

HoursEntry hours_from(const store::HoursRecord& r) {
    HoursEntry h;
    h.id = r.id;
    h.effective_from = r.effective_from;
    h.weekly_hundredths = r.weekly_hours;
    h.intensity = r.intensity;
    h.note = r.note;
    return h;
}

Job job_from(const store::JobRecord& r) {
    Job j;
    j.id = r.id;
    j.citizen_id = r.citizen_id;
    j.citizen_case_ref = r.case_ref;
    j.citizen_name = r.citizen_name;
    j.enterprise_id = r.enterprise_id;
    j.enterprise_name = r.enterprise_name;
    j.kind = r.kind;
    j.kind_label = r.kind_label;
    j.kind_is_fleksjob = r.kind_is_fleksjob;
    j.channel = parse_channel(r.channel).value_or(Channel::Other);
    j.hired_on = r.hired_on;
    j.ended_on = r.ended_on;
    j.temporary_fleksjob = r.temporary_fleksjob;
    j.placement_id = r.placement_id;
    j.hiring_need_id = r.hiring_need_id;
    j.note = r.note;
    if (r.current) {
        HoursEntry h = hours_from(*r.current);
        h.id = 0;
        h.note.clear();
        j.current = h;
    }
    return j;
}

core::Result<Job> load_job(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto found, store::job_by_id(conn, id));
    if (!found) return core::Error::not_found();
    return job_from(*found);
}

core::Result<void> load_history(db::Connection& conn, Job& job) {
    BB_ASSIGN(auto hours, store::job_hours(conn, job.id));
    job.hours.clear();
    for (const auto& r : hours) job.hours.push_back(hours_from(r));
    if (!job.hours.empty()) job.current = job.hours.back();
    BB_ASSIGN(auto held, store::job_followups(conn, job.id));
    job.followups.clear();
    for (const auto& r : held) {
        FollowupHeld f;
        f.due_on = r.due_on;
        f.kind = employment::parse_due_kind(r.kind).value_or(employment::FleksjobDue::Kind::FollowUp);
        f.held_on = r.held_on;
        f.note = r.note;
        job.followups.push_back(std::move(f));
    }
    return {};
}

}  // namespace detail

namespace {

using namespace detail;
using core::Role;

/// Whether the actor may see job `j` at all (record level).
bool sees_job(const core::Actor& a, const Job& j) {
    if (a.is_casework()) return true;
    return a.role == Role::Enterprise && a.enterprise_id && *a.enterprise_id == j.enterprise_id;
}

core::Result<void> check_reader(const core::Actor& a) {
    if (a.is_casework() || a.role == Role::Enterprise) return {};
    return core::Error::forbidden("Du har ikke adgang til oplysninger om personer i job.");
}

/// The enterprise's view: first name, kind, dates and hours; nothing else about the person.
void minimise(Job& j) {
    const std::string name = j.citizen_name;
    const auto space = name.find(' ');
    j.citizen_name = space == std::string::npos ? name : name.substr(0, space);
    j.citizen_case_ref.clear();
    j.note.clear();
    j.placement_id.reset();
    j.hiring_need_id.reset();
    j.followups.clear();
    for (auto& h : j.hours) h.note.clear();
}

void check_hours(core::Validator& v, std::string_view hours_text, std::string_view intensity_text,
                 std::int64_t& hours, int& intensity) {
    const auto h = employment::parse_hours(hours_text);
    if (h.status == employment::ParsedHours::Status::Ok)
        hours = h.hundredths;
    else
        v.add("weekly_hours", std::string(employment::hours_problem(h.status)));
    const auto i = employment::parse_intensity(intensity_text);
    if (i.status == employment::ParsedIntensity::Status::Ok)
        intensity = i.percent;
    else
        v.add("intensity", std::string(employment::intensity_problem(i.status)));
}

/// An active kind by code, or a field error on "kind". `keep` is accepted even when inactive
/// (a job keeps its kind).
core::Result<std::optional<JobKind>> check_kind(db::Connection& conn, core::Validator& v,
                                                std::string_view code, std::string_view keep = {}) {
    const std::string c(core::trim(code));
    if (c.empty()) {
        v.add("kind", "Vælg jobtypen, fx fleksjob eller deltidsjob.");
        return std::optional<JobKind>{};
    }
    BB_ASSIGN(auto found, store::job_kind_by_code(conn, c));
    if (!found) {
        v.add("kind", "Vælg en jobtype fra listen.");
        return std::optional<JobKind>{};
    }
    JobKind k = kind_from(*found);
    if (!k.active && c != keep) {
        v.add("kind", "Jobtypen \"" + k.label + "\" bruges ikke længere. Vælg en jobtype fra listen.");
        return std::optional<JobKind>{};
    }
    return std::optional<JobKind>(std::move(k));
}

std::optional<Channel> check_channel(core::Validator& v, std::string_view text) {
    auto c = parse_channel(core::trim(text));
    if (!c) v.add("channel", "Vælg, om ansættelsen skete via jobcentret eller via andre kanaler.");
    return c;
}

bool flag(std::string_view text) {
    const std::string_view t = core::trim(text);
    return t == "1" || t == "on" || t == "true";
}

core::Result<std::int64_t> parse_id_filter(std::string_view text, std::string field, std::string message) {
    const std::string_view t = core::trim(text);
    if (t.empty()) return std::int64_t{0};
    long long id = 0;
    if (!core::parse_int64(t, id) || id <= 0)
        return core::Error::validation(std::move(field), std::move(message));
    return static_cast<std::int64_t>(id);
}

}  // namespace

JobService::JobService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

core::Date JobService::today() const {
    return core::today(m_clock);
}

core::Result<Job> JobService::create_job(const JobInput& in, const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Job> {
        core::Validator v;
        std::int64_t citizen_id = 0;
        const std::string ref(core::trim(in.citizen_ref));
        if (ref.empty()) {
            v.add("citizen_ref", "Skriv borgerens sagsnummer.");
        } else {
            BB_ASSIGN(auto found, store::citizen_by_case_ref(conn, ref));
            if (!found)
                v.add("citizen_ref", "Der findes ingen borger med sagsnummeret " + ref + ".");
            else if (found->anonymised_at)
                v.add("citizen_ref", "Borgeren er anonymiseret og kan ikke få registreret nye job.");
            else
                citizen_id = found->id;
        }
        std::int64_t enterprise_id = 0;
        {
            BB_ASSIGN(auto found, enterprises::directory::check_choice(
                                      conn, v, "enterprise_id", in.enterprise_id,
                                      {.missing = "Vælg virksomheden, der har ansat borgeren."}));
            if (found) enterprise_id = found->id;
        }
        BB_ASSIGN(auto kind, check_kind(conn, v, in.kind));
        const auto channel = check_channel(v, in.channel);
        auto hired = check_job_date(v, "hired_on", in.hired_on, "Skriv datoen for ansættelsen.");
        if (hired && *hired > now_date) {
            v.add("hired_on", "Ansættelsesdatoen kan ikke ligge i fremtiden.");
            hired.reset();
        }
        const bool temporary = flag(in.temporary_fleksjob);
        if (temporary && kind && !kind->is_fleksjob)
            v.add("temporary_fleksjob",
                  "Kun et fleksjob kan være midlertidigt. Fjern markeringen, eller vælg en fleksjobtype.");
        std::optional<std::int64_t> placement_id;
        std::optional<std::int64_t> hiring_need_id;
        if (const std::string_view t = core::trim(in.placement_id); !t.empty()) {
            long long id = 0;
            std::optional<store::PlacementRecord> p;
            if (core::parse_int64(t, id) && id > 0) {
                BB_ASSIGN(p, store::placement_by_id(conn, static_cast<std::int64_t>(id)));
            }
            if (!p)
                v.add("placement_id",
                      "Forløbet findes ikke. Vælg et forløb fra listen, eller lad feltet stå tomt.");
            else if (citizen_id != 0 && p->citizen_id != citizen_id)
                v.add("placement_id", "Forløbet tilhører en anden borger end jobbet.");
            else if (enterprise_id != 0 && p->enterprise_id != enterprise_id)
                v.add("placement_id", "Forløbet er i en anden virksomhed end jobbet.");
            else {
                placement_id = p->id;
                hiring_need_id = p->hiring_need_id;
            }
        }
        std::int64_t hours = 0;
        int intensity = 0;
        check_hours(v, in.weekly_hours, in.intensity, hours, intensity);
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_note, "Noten");
        if (!v.ok()) return v.error();
        const std::string now = core::iso_timestamp(m_clock.now());
        const store::NewJob hire{
            citizen_id,     enterprise_id, kind->code, std::string(channel_code(*channel)),
            *hired,         std::nullopt,  temporary,  placement_id,
            hiring_need_id, note};
        BB_ASSIGN(const std::int64_t id, store::insert_job(conn, hire, now));
        BB_TRY(store::insert_job_hours(conn, id, {*hired, hours, intensity, std::string()}, now));
        BB_TRY(m_audit.record(conn, actor, "create", "citizen", std::to_string(citizen_id),
                              "job " + std::to_string(id) + ": " + kind->code + ", virksomhed " +
                                  std::to_string(enterprise_id) + ", ansat " + hired->iso(),
                              "Job og progression"));
        BB_ASSIGN(Job job, load_job(conn, id));
        BB_TRY(load_history(conn, job));
        return job;
    });
}

core::Result<Job> JobService::update_job(std::int64_t id, const JobEditInput& in, const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Job> {
        BB_ASSIGN(Job job, load_job(conn, id));
        core::Validator v;
        BB_ASSIGN(auto kind, check_kind(conn, v, in.kind, job.kind));
        const auto channel = check_channel(v, in.channel);
        const bool temporary = flag(in.temporary_fleksjob);
        if (temporary && kind && !kind->is_fleksjob)
            v.add("temporary_fleksjob",
                  "Kun et fleksjob kan være midlertidigt. Fjern markeringen, eller vælg en fleksjobtype.");
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_note, "Noten");
        if (!v.ok()) return v.error();
        BB_TRY(store::update_job(conn, id, kind->code, std::string(channel_code(*channel)), temporary, note,
                                 core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(
            conn, actor, "update", "citizen", std::to_string(job.citizen_id),
            "job " + std::to_string(id) + ": " + kind->code + ", " + std::string(channel_code(*channel)),
            "Job og progression"));
        BB_ASSIGN(Job updated, load_job(conn, id));
        BB_TRY(load_history(conn, updated));
        return updated;
    });
}

core::Result<Job> JobService::add_hours(std::int64_t id, const HoursInput& in, const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Job> {
        BB_ASSIGN(Job job, load_job(conn, id));
        BB_TRY(load_history(conn, job));
        core::Validator v;
        auto from =
            check_job_date(v, "effective_from", in.effective_from, "Skriv datoen, ændringen gælder fra.");
        if (from && *from < job.hired_on) {
            v.add("effective_from",
                  "Datoen kan ikke ligge før ansættelsesdatoen " + job.hired_on.danish() + ".");
        } else if (from && job.ended_on && *from > *job.ended_on) {
            v.add("effective_from",
                  "Datoen kan ikke ligge efter jobbets slutdato " + job.ended_on->danish() + ".");
        } else if (from) {
            for (const auto& h : job.hours)
                if (h.effective_from == *from) {
                    v.add("effective_from", "Der er allerede registreret timer og intensitet fra " +
                                                from->danish() + ". Vælg en anden dato.");
                    break;
                }
        }
        std::int64_t hours = 0;
        int intensity = 0;
        check_hours(v, in.weekly_hours, in.intensity, hours, intensity);
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_note, "Noten");
        if (!v.ok()) return v.error();
        auto inserted = store::insert_job_hours(conn, id, {*from, hours, intensity, note},
                                                core::iso_timestamp(m_clock.now()));
        if (!inserted.ok()) {
            if (inserted.error().code == core::ErrorCode::Conflict)
                return core::Error::validation("effective_from",
                                               "Der er allerede registreret timer og intensitet fra " +
                                                   from->danish() + ". Vælg en anden dato.");
            return inserted.take_error();
        }
        BB_TRY(m_audit.record(conn, actor, "update", "citizen", std::to_string(job.citizen_id),
                              "job " + std::to_string(id) + ": timer " + employment::format_hours(hours) +
                                  ", " + std::to_string(intensity) + " % fra " + from->iso(),
                              "Job og progression"));
        BB_TRY(load_history(conn, job));
        return job;
    });
}

core::Result<Job> JobService::end_job(std::int64_t id, const std::string& ended_on,
                                      const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Job> {
        BB_ASSIGN(Job job, load_job(conn, id));
        BB_TRY(load_history(conn, job));
        core::Validator v;
        auto end = check_job_date(v, "ended_on", ended_on, "Skriv datoen, jobbet sluttede.");
        if (job.ended_on)
            v.add("ended_on", "Jobbet er allerede afsluttet " + job.ended_on->danish() + ".");
        else if (end && *end < job.hired_on)
            v.add("ended_on",
                  "Slutdatoen kan ikke ligge før ansættelsesdatoen " + job.hired_on.danish() + ".");
        else if (end && !job.hours.empty() && *end < job.hours.back().effective_from)
            v.add("ended_on", "Slutdatoen kan ikke ligge før den seneste ændring af timer (" +
                                  job.hours.back().effective_from.danish() + ").");
        if (!v.ok()) return v.error();
        BB_TRY(store::end_job(conn, id, *end, core::iso_timestamp(m_clock.now())));
        BB_TRY(m_audit.record(conn, actor, "update", "citizen", std::to_string(job.citizen_id),
                              "job " + std::to_string(id) + ": afsluttet " + end->iso(),
                              "Job og progression"));
        job.ended_on = end;
        return job;
    });
}

core::Result<Job> JobService::get_job(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    BB_ASSIGN(std::optional<Job> found,
              m_db.write([&](db::Connection& conn) -> core::Result<std::optional<Job>> {
                  BB_ASSIGN(Job job, load_job(conn, id));
                  if (!sees_job(actor, job)) {
                      // Committed (the caller gets NotFound): the attempt is on record.
                      BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(job.citizen_id),
                                            "job " + std::to_string(id) + " i en anden virksomhed",
                                            "Job og progression", std::string(audit::k_outcome_denied)));
                      return std::optional<Job>{};
                  }
                  BB_TRY(load_history(conn, job));
                  BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(job.citizen_id),
                                        "job " + std::to_string(id), "Job og progression"));
                  return std::optional<Job>(std::move(job));
              }));
    if (!found) return core::Error::not_found();
    if (actor.role == Role::Enterprise) minimise(*found);
    return std::move(*found);
}

core::Result<std::vector<Job>> JobService::list_jobs(const JobFilter& filter, const core::Actor& actor) {
    BB_TRY(check_reader(actor));
    std::int64_t enterprise = 0;
    if (actor.role == Role::Enterprise) {
        if (!actor.enterprise_id) return std::vector<Job>{};
        enterprise = *actor.enterprise_id;
    } else {
        BB_ASSIGN(enterprise,
                  parse_id_filter(filter.enterprise_id, "enterprise_id", "Vælg en virksomhed fra listen."));
    }
    BB_ASSIGN(std::int64_t citizen, parse_id_filter(filter.citizen_id, "citizen_id", "Ukendt borger."));
    std::string from;
    std::string to;
    if (const std::string_view y = core::trim(filter.year); !y.empty()) {
        BB_ASSIGN(const int year, core::year_or("year", y, core::years::jobs, 0));
        from = std::to_string(year) + "-01-01";
        to = std::to_string(year + 1) + "-01-01";
    }
    const std::string kind(core::trim(filter.kind));
    const std::string channel(core::trim(filter.channel));
    if (!channel.empty() && !parse_channel(channel))
        return core::Error::validation("channel", "Vælg en kanal fra listen.");
    return m_db.write([&](db::Connection& conn) -> core::Result<std::vector<Job>> {
        BB_ASSIGN(auto rows, store::list_jobs(conn, {enterprise, from, to, kind, channel, citizen}));
        std::vector<Job> out;
        std::set<std::int64_t> citizens;
        for (const auto& r : rows) {
            Job j = job_from(r);
            citizens.insert(j.citizen_id);
            if (actor.role == Role::Enterprise) minimise(j);
            out.push_back(std::move(j));
        }
        for (std::int64_t c : citizens)
            BB_TRY(m_audit.record(conn, actor, "list", "citizen", std::to_string(c), "jobliste",
                                  "Job og progression"));
        return out;
    });
}

core::Result<JobInput> JobService::input_from_placement(std::int64_t placement_id, const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<JobInput> {
        BB_ASSIGN(auto found, store::placement_by_id(conn, placement_id));
        if (!found) return core::Error::not_found();
        const store::PlacementRecord& p = *found;
        JobInput in;
        in.placement_id = std::to_string(p.id);
        in.enterprise_id = std::to_string(p.enterprise_id);
        in.citizen_ref = p.case_ref;
        in.channel = "municipality";
        in.hired_on = p.end_date ? p.end_date->iso() : now_date.iso();
        BB_TRY(m_audit.record(conn, actor, "read", "citizen", std::to_string(p.citizen_id),
                              "forløb " + std::to_string(placement_id) + " til ansættelse",
                              "Job og progression"));
        return in;
    });
}

core::Result<std::vector<Choice>> JobService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    return m_db.read([&](db::Connection& conn) {
        return enterprises::directory::choices(conn, enterprises::directory::Scope::All);
    });
}

}  // namespace jobs
