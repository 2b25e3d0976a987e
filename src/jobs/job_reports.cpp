// JobService: yearly counts (C5), fleksjob follow-up (C6) and the job kinds list.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "jobs/job_service.hpp"
#include "jobs/service_detail.hpp"

namespace store = employment::store;

namespace jobs {
namespace {

using namespace detail;
using core::Role;
using employment::FleksjobDue;

bool flag(std::string_view text) {
    const std::string_view t = core::trim(text);
    return t == "1" || t == "on" || t == "true";
}

bool valid_code(std::string_view code) {
    if (code.empty() || code.size() > k_max_code) return false;
    for (char c : code)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

/// Label and sort checks shared by create and update.
void check_kind_fields(core::Validator& v, const JobKindInput& in, std::string& label, int& sort) {
    label = std::string(core::trim(in.label));
    if (label.empty())
        v.add("label", "Skriv jobtypens navn, fx Deltidsjob.");
    else
        check_text(v, "label", label, k_max_label, "Navnet");
    sort = 0;
    if (const std::string_view s = core::trim(in.sort); !s.empty()) {
        long long n = 0;
        if (!core::parse_int64(s, n) || n < 0 || n > 10000)
            v.add("sort", "Skriv rækkefølgen som et helt tal mellem 0 og 10000.");
        else
            sort = static_cast<int>(n);
    }
}

}  // namespace

// ---- counts ---------------------------------------------------------------------------------

core::Result<Counts> JobService::counts(const std::string& year_text, const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden("Du har ikke adgang til opgørelsen af job.");
    Counts c;
    BB_ASSIGN(c.year, core::year_or("year", year_text, core::years::jobs, today().year));
    const core::Date from{c.year, 1, 1};
    const core::Date to{c.year + 1, 1, 1};
    return m_db.read([&](db::Connection& conn) -> core::Result<Counts> {
        BB_ASSIGN(auto kinds, store::job_kinds(conn, true));
        BB_ASSIGN(auto rows, store::hire_counts(conn, from, to));
        std::map<std::string, std::pair<std::int64_t, std::int64_t>> per_kind;
        for (const auto& r : rows) {
            auto& slot = per_kind[r.kind];
            (parse_channel(r.channel) == Channel::Municipality ? slot.first : slot.second) += r.hires;
        }
        for (const auto& r : kinds) {
            const JobKind k = kind_from(r);
            auto it = per_kind.find(k.code);
            if (it == per_kind.end() && !k.active) continue;
            CountRow row{k.code, k.label, 0, 0};
            if (it != per_kind.end()) {
                row.municipality = it->second.first;
                row.other = it->second.second;
                per_kind.erase(it);
            }
            c.rows.push_back(std::move(row));
        }
        for (const auto& [code, n] : per_kind)
            c.rows.push_back({code, code, n.first, n.second});  // kinds since removed
        for (const auto& row : c.rows) {
            c.municipality += row.municipality;
            c.other += row.other;
        }
        return c;
    });
}

// ---- fleksjob follow-up -----------------------------------------------------------------------

core::Result<DueList> JobService::due_followups(const std::string& within_days, const core::Actor& actor,
                                                std::size_t limit) {
    BB_TRY(check_caseworker(actor));
    DueList list;
    list.today = today();
    if (const std::string_view t = core::trim(within_days); !t.empty()) {
        long long n = 0;
        if (!core::parse_int64(t, n) || n < 0 || n > 1000)
            return core::Error::validation("days",
                                           "Skriv antal dage som et helt tal mellem 0 og 1000, fx 90.");
        list.within_days = static_cast<int>(n);
    }
    const core::Date until = list.today.add_days(list.within_days);
    return m_db.write([&](db::Connection& conn) -> core::Result<DueList> {
        BB_ASSIGN(auto held_rows, store::running_job_followups(conn));
        std::set<std::tuple<std::int64_t, std::string, std::string>> held;
        for (const auto& r : held_rows) held.emplace(r.job_id, r.due_on.iso(), r.kind);
        BB_ASSIGN(auto running, store::running_fleksjobs(conn));
        for (const auto& r : running) {
            for (const auto& due : employment::fleksjob_due_dates(r.hired_on, r.temporary_fleksjob, until)) {
                if (held.count({r.job_id, due.due.iso(), std::string(employment::due_kind_code(due.kind))}))
                    continue;
                DueItem item;
                item.job_id = r.job_id;
                item.citizen_id = r.citizen_id;
                item.citizen_name = r.citizen_name;
                item.citizen_case_ref = r.case_ref;
                item.enterprise_name = r.enterprise_name;
                item.hired_on = r.hired_on;
                item.due = due.due;
                item.kind = due.kind;
                item.overdue = due.due < list.today;
                list.items.push_back(std::move(item));
            }
        }
        std::stable_sort(list.items.begin(), list.items.end(),
                         [](const DueItem& a, const DueItem& b) { return a.due < b.due; });
        list.total = list.items.size();
        if (list.items.size() > limit) list.items.resize(limit);
        std::set<std::int64_t> citizens;  // each citizen shown is audited once
        for (const auto& item : list.items) citizens.insert(item.citizen_id);
        for (std::int64_t c : citizens)
            BB_TRY(m_audit.record(conn, actor, "list", "citizen", std::to_string(c), "opfølgning på fleksjob",
                                  "Job og progression"));
        return list;
    });
}

core::Result<Job> JobService::record_followup(std::int64_t job_id, const FollowupInput& in,
                                              const core::Actor& actor) {
    BB_TRY(check_caseworker(actor));
    const core::Date now_date = today();
    return m_db.write([&](db::Connection& conn) -> core::Result<Job> {
        BB_ASSIGN(Job job, load_job(conn, job_id));
        BB_TRY(load_history(conn, job));
        core::Validator v;
        if (!job.kind_is_fleksjob)
            return core::Error::validation("due_on", "Opfølgning registreres kun for fleksjob.");
        const auto kind = employment::parse_due_kind(core::trim(in.kind));
        if (!kind) v.add("kind", "Vælg, om det er opfølgningen eller status ved 4½ år.");
        auto due = check_job_date(v, "due_on", in.due_on, "Vælg den opfølgning, der er holdt.");
        if (due && kind) {
            bool found = false;
            for (const auto& d : employment::fleksjob_due_dates(job.hired_on, job.temporary_fleksjob, *due))
                if (d.due == *due && d.kind == *kind) found = true;
            if (!found)
                v.add("due_on",
                      "Datoen " + due->danish() + " er ikke en frist for opfølgning på dette fleksjob.");
            for (const auto& f : job.followups)
                if (f.due_on == *due && f.kind == *kind)
                    v.add("due_on",
                          "Opfølgningen med frist " + due->danish() + " er allerede registreret som holdt.");
        }
        auto held = check_job_date(v, "held_on", in.held_on, "Skriv datoen, opfølgningen blev holdt.");
        if (held && *held > now_date)
            v.add("held_on", "Datoen kan ikke ligge i fremtiden.");
        else if (held && *held < job.hired_on)
            v.add("held_on", "Datoen kan ikke ligge før ansættelsesdatoen " + job.hired_on.danish() + ".");
        const std::string note(core::trim(in.note));
        check_text(v, "note", note, k_max_note, "Noten");
        if (!v.ok()) return v.error();
        auto inserted = store::insert_job_followup(
            conn,
            {job_id, *due, std::string(employment::due_kind_code(*kind)), *held, note, actor.user_ref()},
            core::iso_timestamp(m_clock.now()));
        if (!inserted.ok()) {
            if (inserted.error().code == core::ErrorCode::Conflict)
                return core::Error::validation("due_on", "Opfølgningen er allerede registreret som holdt.");
            return inserted.take_error();
        }
        BB_TRY(m_audit.record(
            conn, actor, "update", "citizen", std::to_string(job.citizen_id),
            "job " + std::to_string(job_id) + ": opfølgning " + due->iso() + " holdt " + held->iso(),
            "Job og progression"));
        BB_TRY(load_history(conn, job));
        return job;
    });
}

// ---- job kinds ----------------------------------------------------------------------------------

namespace {

core::Result<std::vector<JobKind>> read_kinds(db::Database& db, bool include_inactive) {
    return db.read([&](db::Connection& conn) -> core::Result<std::vector<JobKind>> {
        BB_ASSIGN(auto rows, store::job_kinds(conn, include_inactive));
        std::vector<JobKind> out;
        for (const auto& r : rows) out.push_back(kind_from(r));
        return out;
    });
}

}  // namespace

core::Result<std::vector<JobKind>> JobService::kind_names(const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden("Du har ikke adgang til jobtyperne.");
    return read_kinds(m_db, true);
}

core::Result<std::vector<JobKind>> JobService::list_kinds(const core::Actor& actor, bool include_inactive) {
    if (include_inactive && !actor.is_admin())
        return core::Error::forbidden("Kun administratorer kan se alle jobtyper.");
    if (!actor.is_municipal()) return core::Error::forbidden("Du har ikke adgang til jobtyperne.");
    return read_kinds(m_db, include_inactive);
}

core::Result<JobKind> JobService::get_kind(std::int64_t id, const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan ændre jobtyper.");
    return m_db.read([&](db::Connection& conn) -> core::Result<JobKind> {
        BB_ASSIGN(auto found, store::job_kind_by_id(conn, id));
        if (!found) return core::Error::not_found();
        return kind_from(*found);
    });
}

core::Result<JobKind> JobService::create_kind(const JobKindInput& in, const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan ændre jobtyper.");
    return m_db.write([&](db::Connection& conn) -> core::Result<JobKind> {
        core::Validator v;
        const std::string code(core::trim(in.code));
        if (code.empty())
            v.add("code", "Skriv en kode, fx mini_fleksjob.");
        else if (!valid_code(code))
            v.add("code", "Koden må kun indeholde små bogstaver a–z, tal og _ (højst 40 tegn).");
        else {
            BB_ASSIGN(auto existing, store::job_kind_by_code(conn, code));
            if (existing) v.add("code", "Der findes allerede en jobtype med koden " + code + ".");
        }
        std::string label;
        int sort = 0;
        check_kind_fields(v, in, label, sort);
        if (!v.ok()) return v.error();
        BB_ASSIGN(const std::int64_t id,
                  store::insert_job_kind(conn, code, label, flag(in.is_fleksjob), sort, true));
        audit::Entry e{"create", "job_kind", std::to_string(id), code, "", std::string(audit::k_outcome_ok)};
        BB_TRY(m_audit.record(conn, actor, e));
        BB_ASSIGN(auto stored, store::job_kind_by_id(conn, id));
        return kind_from(*stored);
    });
}

core::Result<JobKind> JobService::update_kind(std::int64_t id, const JobKindInput& in,
                                              const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan ændre jobtyper.");
    return m_db.write([&](db::Connection& conn) -> core::Result<JobKind> {
        BB_ASSIGN(auto found, store::job_kind_by_id(conn, id));
        if (!found) return core::Error::not_found();
        core::Validator v;
        std::string label;
        int sort = 0;
        check_kind_fields(v, in, label, sort);
        if (!v.ok()) return v.error();
        BB_TRY(store::update_job_kind(conn, id, label, flag(in.is_fleksjob), sort, flag(in.active)));
        audit::Entry e{"update",
                       "job_kind",
                       std::to_string(id),
                       label + (flag(in.active) ? "" : " (inaktiv)"),
                       "",
                       std::string(audit::k_outcome_ok)};
        BB_TRY(m_audit.record(conn, actor, e));
        BB_ASSIGN(auto stored, store::job_kind_by_id(conn, id));
        return kind_from(*stored);
    });
}

}  // namespace jobs
