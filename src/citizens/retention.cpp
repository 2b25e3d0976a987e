// CitizenService: the retention rule (delete or anonymise, issue item 9) and the subject
// export (GDPR art. 15). The case history, who is due and the deletion or anonymisation
// itself are the employment store's (src/employment/store/case_history.hpp); the rules,
// settings and audit rows are here (docs/citizens.md).
#include "citizens/citizen_service.hpp"
#include "citizens/service_detail.hpp"
#include "citizens/sql.hpp"
#include "core/date.hpp"
#include "core/text.hpp"
#include "employment/store/case_history.hpp"

namespace citizens {
namespace {

constexpr const char* k_months_key = "citizen_retention_months";
constexpr const char* k_mode_key = "citizen_retention_mode";

core::Result<void> check_admin(const core::Actor& actor) {
    if (actor.is_admin()) return {};
    return core::Error::forbidden("Kun administratorer kan ændre og køre opbevaringsreglen.");
}

core::Result<RetentionSettings> load_settings(db::Connection& conn) {
    RetentionSettings s;
    BB_ASSIGN(auto months, conn.query(sql::setting_get, {std::string(k_months_key)}));
    if (!months.empty()) {
        long long m = 0;
        if (core::parse_int64(core::trim(months.first().text(0)), m) && m >= k_min_retention_months &&
            m <= k_max_retention_months)
            s.months = static_cast<int>(m);
    }
    BB_ASSIGN(auto mode, conn.query(sql::setting_get, {std::string(k_mode_key)}));
    if (!mode.empty())
        if (auto m = parse_retention_mode(core::trim(mode.first().text(0)))) s.mode = *m;
    return s;
}

std::vector<ExportRecord> records(std::vector<employment::store::HistoryRow>&& rows) {
    std::vector<ExportRecord> out;
    out.reserve(rows.size());
    for (auto& row : rows) out.push_back(ExportRecord{std::move(row.fields)});
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
        BB_TRY(conn.query(sql::setting_set, {std::string(k_months_key), std::to_string(s.months)}));
        BB_TRY(conn.query(sql::setting_set,
                          {std::string(k_mode_key), std::string(retention_mode_code(s.mode))}));
        BB_TRY(m_audit.record(
            conn, actor, "update", "setting", "citizen_retention",
            "måneder=" + std::to_string(s.months) + "; " + std::string(retention_mode_code(s.mode)),
            "administration"));
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
        BB_ASSIGN(auto due, employment::store::retention_due(conn, report.cutoff.iso()));
        for (const auto& r : due) report.affected.push_back({r.id, r.case_ref});
        if (!apply) return report;
        const bool erase = report.settings.mode == RetentionMode::Delete;
        for (const auto& c : report.affected) {
            if (erase)
                BB_TRY(employment::store::delete_citizen(conn, c.id));
            else
                BB_TRY(employment::store::anonymise_citizen(conn, c.id, now));
            BB_TRY(m_audit.record(conn, actor, erase ? "delete" : "anonymise", "citizen",
                                  std::to_string(c.id), "ingen aktivitet siden " + report.cutoff.iso(),
                                  k_purpose_retention));
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
        BB_ASSIGN(auto history, employment::store::case_history(conn, id));
        x.placements = records(std::move(history.placements));
        x.placement_followups = records(std::move(history.placement_followups));
        x.placement_attendance = records(std::move(history.placement_attendance));
        x.placement_extensions = records(std::move(history.placement_extensions));
        x.placement_notes = records(std::move(history.placement_notes));
        x.jobs = records(std::move(history.jobs));
        x.job_hours = records(std::move(history.job_hours));
        x.job_followups = records(std::move(history.job_followups));
        // The export itself is in the report it contains.
        BB_TRY(m_audit.record(conn, actor, "export", "citizen", std::to_string(id), "indsigt (art. 15)",
                              k_purpose_casework));
        BB_ASSIGN(x.access_report,
                  m_audit.subject_report(conn, "citizen", std::to_string(id), audit::StaffIdentity::Hidden));
        x.exported_at = now;
        return x;
    });
    if (r.ok()) r->citizen = label(std::move(r->citizen));
    return r;
}

}  // namespace citizens
