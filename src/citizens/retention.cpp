// CitizenService: the retention rule (delete or anonymise, issue item 9) and the subject
// export (GDPR art. 15). Both read the placement and job tables of 0007 with citizens' own
// read-only queries, and retention blanks or deletes their rows: the documented exception
// to layering rule 2 (docs/architecture.md §2, docs/citizens.md).
#include "citizens/citizen_service.hpp"
#include "citizens/queries.hpp"
#include "citizens/service_detail.hpp"
#include "core/date.hpp"
#include "core/text.hpp"

namespace citizens {
namespace {

using detail::audit_event;

constexpr const char* k_months_key = "citizen_retention_months";
constexpr const char* k_mode_key = "citizen_retention_mode";

core::Result<void> check_admin(const core::Actor& actor) {
    if (actor.role == core::Role::Admin) return {};
    return core::Error::forbidden("Kun administratorer kan ændre og køre opbevaringsreglen.");
}

core::Result<RetentionSettings> load_settings(db::Connection& conn) {
    RetentionSettings s;
    BB_ASSIGN(auto months, conn.query(query("setting_get", conn.dialect()), {std::string(k_months_key)}));
    if (!months.empty()) {
        long long m = 0;
        if (core::parse_int64(core::trim(months.first().text(0)), m) && m >= k_min_retention_months &&
            m <= k_max_retention_months)
            s.months = static_cast<int>(m);
    }
    BB_ASSIGN(auto mode, conn.query(query("setting_get", conn.dialect()), {std::string(k_mode_key)}));
    if (!mode.empty())
        if (auto m = parse_retention_mode(core::trim(mode.first().text(0)))) s.mode = *m;
    return s;
}

std::vector<ExportRecord> records(const db::ResultSet& rs) {
    std::vector<ExportRecord> out;
    for (const auto& row : rs.rows) {
        ExportRecord r;
        for (std::size_t i = 0; i < rs.columns.size() && i < row.size(); ++i)
            r.fields.emplace_back(rs.columns[i], row.opt_text(i));
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace

core::Result<RetentionSettings> CitizenService::retention_settings(const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    return m_db.read([&](db::Connection& conn) { return load_settings(conn); });
}

core::Result<RetentionSettings> CitizenService::set_retention_settings(const std::string& months_text,
                                                                       const std::string& mode_text,
                                                                       const core::Actor& actor) {
    BB_TRY(check_admin(actor));
    core::Validator v;
    RetentionSettings s;
    long long months = 0;
    if (!core::parse_int64(core::trim(months_text), months) || months < k_min_retention_months ||
        months > k_max_retention_months)
        v.add("months", "Opbevaringstiden skal være et helt antal måneder mellem 6 og 120.");
    else
        s.months = static_cast<int>(months);
    if (auto m = parse_retention_mode(core::trim(mode_text)))
        s.mode = *m;
    else
        v.add("mode", "Vælg om borgere skal slettes eller anonymiseres.");
    if (!v.ok()) return v.error();
    return m_db.write([&](db::Connection& conn) -> core::Result<RetentionSettings> {
        BB_TRY(conn.query(query("setting_set", conn.dialect()), {std::string(k_months_key), std::to_string(s.months)}));
        BB_TRY(conn.query(query("setting_set", conn.dialect()),
                          {std::string(k_mode_key), std::string(retention_mode_code(s.mode))}));
        BB_TRY(audit_event(m_audit, conn, actor, "update", "setting", "citizen_retention",
                           "måneder=" + std::to_string(s.months) + "; " + std::string(retention_mode_code(s.mode)),
                           "administration", audit::k_outcome_ok));
        return s;
    });
}

core::Result<RetentionReport> CitizenService::retention_preview(const core::Actor& actor) {
    return retention(actor, false);
}

core::Result<RetentionReport> CitizenService::run_retention(const core::Actor& actor) {
    return retention(actor, true);
}

core::Result<RetentionReport> CitizenService::retention(const core::Actor& actor, bool apply) {
    BB_TRY(check_admin(actor));
    const std::string now = core::iso_timestamp(m_clock.now());
    const core::Date day = today();
    auto body = [&](db::Connection& conn) -> core::Result<RetentionReport> {
        RetentionReport report;
        BB_ASSIGN(report.settings, load_settings(conn));
        report.cutoff = day.add_months(-report.settings.months);
        BB_ASSIGN(auto due, conn.query(query("retention_due", conn.dialect()), {report.cutoff.iso()}));
        for (const auto& r : due.rows) report.affected.push_back({r.int64(0), r.text(1)});
        if (!apply) return report;
        const bool erase = report.settings.mode == RetentionMode::Delete;
        for (const auto& c : report.affected) {
            if (erase) {
                BB_TRY(conn.query(query("citizen_delete", conn.dialect()), {c.id}));
            } else {
                BB_TRY(conn.query(query("anonymise_citizen", conn.dialect()),
                                  {c.id, "ANON-" + std::to_string(c.id), now}));
                BB_TRY(conn.query(query("tags_delete", conn.dialect()), {c.id}));
                for (const char* q : {"anonymise_placements", "anonymise_placement_notes",
                                      "anonymise_placement_followups", "anonymise_placement_attendance",
                                      "anonymise_placement_extensions", "anonymise_jobs", "anonymise_job_hours",
                                      "anonymise_job_followups"})
                    BB_TRY(conn.query(query(q, conn.dialect()), {c.id}));
            }
            BB_TRY(audit_event(m_audit, conn, actor, erase ? "delete" : "anonymise", "citizen", std::to_string(c.id),
                               "ingen aktivitet siden " + report.cutoff.iso(), k_purpose_retention,
                               audit::k_outcome_ok));
        }
        report.applied = true;
        return report;
    };
    if (apply) return m_db.write(body);
    return m_db.read(body);
}

core::Result<SubjectExport> CitizenService::export_subject(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_access(actor, "export", id));
    const core::UnixSeconds now = m_clock.now();
    auto r = m_db.read([&](db::Connection& conn) -> core::Result<SubjectExport> {
        SubjectExport x;
        BB_ASSIGN(x.citizen, detail::load(conn, id));
        struct Part {
            const char* query;
            std::vector<ExportRecord>* into;
        };
        const Part parts[] = {{"export_placements", &x.placements},
                              {"export_placement_followups", &x.placement_followups},
                              {"export_placement_attendance", &x.placement_attendance},
                              {"export_placement_extensions", &x.placement_extensions},
                              {"export_placement_notes", &x.placement_notes},
                              {"export_jobs", &x.jobs},
                              {"export_job_hours", &x.job_hours},
                              {"export_job_followups", &x.job_followups}};
        for (const auto& p : parts) {
            BB_ASSIGN(auto rs, conn.query(query(p.query, conn.dialect()), {id}));
            *p.into = records(rs);
        }
        // The export itself is in the report it contains.
        BB_TRY(audit_event(m_audit, conn, actor, "export", "citizen", std::to_string(id), "indsigt (art. 15)",
                           k_purpose_casework, audit::k_outcome_ok));
        BB_ASSIGN(x.access_report,
                  m_audit.subject_report(conn, "citizen", std::to_string(id), audit::StaffIdentity::Hidden));
        x.exported_at = now;
        return x;
    });
    if (r.ok()) r->citizen = label(std::move(r->citizen));
    return r;
}

}  // namespace citizens
