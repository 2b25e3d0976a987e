// Employment store: placements and their timeline, capacity counts, hiring needs, intervention
// types and placement outcomes.
#include "employment/store/placements.hpp"

#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

PlacementRecord placement_from_row(const db::Row& r) {
    PlacementRecord p;
    p.id = r.int64(0);
    p.citizen_id = r.int64(1);
    p.citizen_name = r.text(2);
    p.case_ref = r.text(3);
    p.enterprise_id = r.int64(4);
    p.enterprise_name = r.text(5);
    p.agreement_id = r.opt_int64(6);
    p.agreement_title = r.text(7);
    p.intervention_type_id = r.int64(8);
    p.intervention_type_name = r.text(9);
    p.hiring_need_id = r.opt_int64(10);
    p.hiring_need_title = r.text(11);
    p.status = r.text(12);
    p.referred_on = date_of(r.text(13));
    p.start_date = opt_date(r, 14);
    p.planned_end = opt_date(r, 15);
    p.end_date = opt_date(r, 16);
    p.outcome_id = r.opt_int64(17);
    p.outcome_label = r.text(18);
    p.outcome_note = r.text(19);
    p.plan_made_on = opt_date(r, 20);
    if (auto o = r.opt_int64(21)) p.plan_owned = *o != 0;
    p.no_plan_reason = r.text(22);
    p.weekly_hours = r.opt_int64(23);
    if (auto d = r.opt_int64(24)) p.plan_deadline_days = static_cast<int>(*d);
    if (auto x = r.opt_int64(25)) p.extension_weeks_allowed = static_cast<int>(*x);
    p.extension_weeks_used = int_of(r, 26);
    return p;
}

std::vector<PlacementRecord> placements_of(const db::ResultSet& rs) {
    std::vector<PlacementRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back(placement_from_row(r));
    return out;
}

std::vector<db::Value> placement_params(const NewPlacement& p, const std::string& now) {
    return {p.citizen_id,
            p.enterprise_id,
            value(p.agreement_id),
            p.intervention_type_id,
            value(p.hiring_need_id),
            p.status,
            p.referred_on.iso(),
            value(p.start_date),
            value(p.planned_end),
            value(p.end_date),
            value(p.outcome_id),
            p.outcome_note,
            value(p.plan_made_on),
            value(p.plan_owned),
            p.no_plan_reason,
            value(p.weekly_hours),
            value(p.caseworker_user_id),
            now};
}

CapacityCounts capacity_from_row(const db::Row& r) {
    return CapacityCounts{r.int64(0), r.text(1), int_of(r, 2), int_of(r, 3), int_of(r, 4)};
}

HiringNeedRecord need_from_row(const db::Row& r) {
    HiringNeedRecord n;
    n.id = r.int64(0);
    n.enterprise_id = r.int64(1);
    n.enterprise_name = r.text(2);
    n.title = r.text(3);
    n.tasks = r.text(4);
    n.expected_on = date_of(r.text(5));
    n.positions = int_of(r, 6);
    n.status = r.text(7);
    n.jobs = int_of(r, 8);
    n.placements = int_of(r, 9);
    return n;
}

InterventionTypeRecord type_from_row(const db::Row& r) {
    InterventionTypeRecord t;
    t.id = r.int64(0);
    t.code = r.text(1);
    t.name = r.text(2);
    t.legal_basis = r.text(3);
    t.description = r.text(4);
    t.valid_from = date_of(r.text(5));
    t.valid_to = opt_date(r, 6);
    return t;
}

OutcomeRecord outcome_from_row(const db::Row& r) {
    return OutcomeRecord{r.int64(0), r.text(1), r.text(2), r.text(3), int_of(r, 4), r.int64(5) != 0};
}

core::Result<std::optional<std::int64_t>> first_id(core::Result<db::ResultSet> rs) {
    if (!rs.ok()) return rs.take_error();
    if (rs->empty()) return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>(rs->first().int64(0));
}

core::Result<void> done(core::Result<db::ResultSet> rs) {
    if (!rs.ok()) return rs.take_error();
    return {};
}

}  // namespace

// ---- placements ----------------------------------------------------------------------------------

core::Result<std::int64_t> insert_placement(db::Connection& conn, const NewPlacement& p,
                                            const std::string& now) {
    return returned_id(conn.query(sql::placement_insert, placement_params(p, now)));
}

core::Result<void> insert_placements(db::Connection& conn, std::span<const NewPlacement> rows,
                                     const std::string& now) {
    // The same INSERT without its RETURNING clause: on SQLite a RETURNING statement writes a
    // statement journal to a temporary file, which made a 100 000-row import twice as slow.
    // Looked up once, prepared once (the connection's statement cache), reused for every row.
    const std::string sql = without_returning(sql::placement_insert.text(conn.dialect()));
    for (const auto& p : rows) BB_TRY(conn.query(sql, placement_params(p, now)));
    return {};
}

core::Result<std::optional<PlacementRecord>> placement_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_by_id, {id}));
    if (rs.empty()) return std::optional<PlacementRecord>{};
    return std::optional<PlacementRecord>(placement_from_row(rs.first()));
}

core::Result<std::vector<PlacementRecord>> list_placements(db::Connection& conn, const PlacementQuery& q) {
    BB_ASSIGN(auto rs,
              conn.query(sql::placement_list, {q.status, q.agreement_id, q.enterprise_id, q.citizen_id}));
    return placements_of(rs);
}

core::Result<std::vector<PlacementRecord>> waiting_list(db::Connection& conn, std::int64_t agreement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_waiting, {agreement_id}));
    return placements_of(rs);
}

core::Result<std::int64_t> count_started(db::Connection& conn, core::Date from, core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::placements_started, {from.iso(), to.iso()}));
    return rs.empty() ? std::int64_t{0} : rs.first().int64(0);
}

core::Result<void> set_placement_status(db::Connection& conn, std::int64_t id, const std::string& status,
                                        const std::string& now) {
    return done(conn.query(sql::placement_set_status, {id, status, now}));
}

core::Result<void> update_placement(db::Connection& conn, std::int64_t id, std::int64_t intervention_type_id,
                                    std::optional<std::int64_t> weekly_hours, const std::string& now) {
    return done(conn.query(sql::placement_update, {id, intervention_type_id, value(weekly_hours), now}));
}

core::Result<void> start_placement(db::Connection& conn, std::int64_t id, core::Date start,
                                   std::optional<core::Date> planned_end, const std::string& now) {
    return done(conn.query(sql::placement_start, {id, start.iso(), value(planned_end), now}));
}

core::Result<void> end_placement(db::Connection& conn, std::int64_t id, core::Date end,
                                 std::int64_t outcome_id, const std::string& note, const std::string& now) {
    return done(conn.query(sql::placement_end, {id, end.iso(), outcome_id, note, now}));
}

core::Result<void> set_placement_plan(db::Connection& conn, std::int64_t id,
                                      std::optional<core::Date> made_on, std::optional<bool> owned,
                                      const std::string& no_plan_reason, const std::string& now) {
    return done(conn.query(sql::placement_plan, {id, value(made_on), value(owned), no_plan_reason, now}));
}

core::Result<void> set_planned_end(db::Connection& conn, std::int64_t id, core::Date planned_end,
                                   const std::string& now) {
    return done(conn.query(sql::placement_planned_end, {id, planned_end.iso(), now}));
}

// ---- timeline --------------------------------------------------------------------------------------

core::Result<std::int64_t> insert_placement_followup(db::Connection& conn, const NewPlacementFollowup& f,
                                                     const std::string& now) {
    return returned_id(conn.query(sql::placement_followup_insert, {f.placement_id, f.held_on.iso(), f.kind,
                                                                   f.note, value(f.recorded_by), now}));
}

core::Result<std::int64_t> insert_attendance(db::Connection& conn, const NewAttendance& a,
                                             const std::string& now) {
    return returned_id(
        conn.query(sql::placement_attendance_insert,
                   {a.placement_id, a.period_from.iso(), a.period_to.iso(), std::int64_t{a.days_planned},
                    std::int64_t{a.days_present}, value(a.hours_present), a.note, a.submitted_on.iso(),
                    value(a.recorded_by), now}));
}

core::Result<std::int64_t> insert_extension(db::Connection& conn, const NewExtension& x,
                                            const std::string& now) {
    return returned_id(conn.query(sql::placement_extension_insert,
                                  {x.placement_id, x.decided_on.iso(), std::int64_t{x.weeks}, x.new_end.iso(),
                                   x.reason, value(x.recorded_by), now}));
}

core::Result<std::int64_t> insert_placement_note(db::Connection& conn, const NewPlacementNote& n,
                                                 const std::string& now) {
    return returned_id(conn.query(sql::placement_note_insert, {n.placement_id, n.noted_on.iso(), n.text,
                                                               value(n.author_user_id), n.author_role, now}));
}

core::Result<std::vector<PlacementFollowupRecord>> placement_followups(db::Connection& conn,
                                                                       std::int64_t placement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_followups, {placement_id}));
    std::vector<PlacementFollowupRecord> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), date_of(r.text(1)), r.text(2), r.text(3)});
    return out;
}

core::Result<std::vector<AttendanceRecord>> placement_attendance(db::Connection& conn,
                                                                 std::int64_t placement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_attendance, {placement_id}));
    std::vector<AttendanceRecord> out;
    for (const auto& r : rs.rows)
        out.push_back({r.int64(0), date_of(r.text(1)), date_of(r.text(2)), int_of(r, 3), int_of(r, 4),
                       r.opt_int64(5), date_of(r.text(6)), r.text(7)});
    return out;
}

core::Result<std::vector<ExtensionRecord>> placement_extensions(db::Connection& conn,
                                                                std::int64_t placement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_extensions, {placement_id}));
    std::vector<ExtensionRecord> out;
    for (const auto& r : rs.rows)
        out.push_back({r.int64(0), date_of(r.text(1)), int_of(r, 2), date_of(r.text(3)), r.text(4)});
    return out;
}

core::Result<std::vector<PlacementNoteRecord>> placement_notes(db::Connection& conn,
                                                               std::int64_t placement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::placement_notes, {placement_id}));
    std::vector<PlacementNoteRecord> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), date_of(r.text(1)), r.text(2), r.text(3)});
    return out;
}

// ---- capacity ------------------------------------------------------------------------------------

core::Result<std::vector<CapacityCounts>> capacity_counts(db::Connection& conn, core::Date today) {
    BB_ASSIGN(auto rs, conn.query(sql::capacity_list, {today.iso()}));
    std::vector<CapacityCounts> out;
    for (const auto& r : rs.rows) out.push_back(capacity_from_row(r));
    return out;
}

core::Result<std::optional<CapacityCounts>> capacity_counts_of(db::Connection& conn, core::Date today,
                                                               std::int64_t enterprise_id) {
    BB_ASSIGN(auto rs, conn.query(sql::capacity_one, {today.iso(), enterprise_id}));
    if (rs.empty()) return std::optional<CapacityCounts>{};
    return std::optional<CapacityCounts>(capacity_from_row(rs.first()));
}

// ---- hiring needs ----------------------------------------------------------------------------------

core::Result<std::int64_t> insert_hiring_need(db::Connection& conn, std::int64_t enterprise_id,
                                              const HiringNeedFields& f,
                                              std::optional<std::int64_t> created_by,
                                              const std::string& now) {
    return returned_id(
        conn.query(sql::hiring_need_insert, {enterprise_id, f.title, f.tasks, f.expected_on.iso(),
                                             std::int64_t{f.positions}, value(created_by), now}));
}

core::Result<void> update_hiring_need(db::Connection& conn, std::int64_t id, const HiringNeedFields& f,
                                      const std::string& now) {
    return done(conn.query(sql::hiring_need_update,
                           {id, f.title, f.tasks, f.expected_on.iso(), std::int64_t{f.positions}, now}));
}

core::Result<void> withdraw_hiring_need(db::Connection& conn, std::int64_t id, const std::string& now) {
    return done(conn.query(sql::hiring_need_withdraw, {id, now}));
}

core::Result<std::optional<HiringNeedRecord>> hiring_need_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::hiring_need_by_id, {id}));
    if (rs.empty()) return std::optional<HiringNeedRecord>{};
    return std::optional<HiringNeedRecord>(need_from_row(rs.first()));
}

core::Result<std::vector<HiringNeedRecord>> list_hiring_needs(db::Connection& conn,
                                                              std::int64_t enterprise_id) {
    BB_ASSIGN(auto rs, conn.query(sql::hiring_need_list, {enterprise_id}));
    std::vector<HiringNeedRecord> out;
    for (const auto& r : rs.rows) out.push_back(need_from_row(r));
    return out;
}

// ---- intervention types ----------------------------------------------------------------------------

core::Result<std::int64_t> insert_intervention_type(db::Connection& conn, const std::string& code,
                                                    const InterventionTypeFields& f, const std::string& now) {
    return returned_id(
        conn.query(sql::intervention_type_insert,
                   {code, f.name, f.legal_basis, f.description, f.valid_from.iso(), value(f.valid_to), now}));
}

core::Result<void> update_intervention_type(db::Connection& conn, std::int64_t id,
                                            const InterventionTypeFields& f, const std::string& now) {
    return done(conn.query(sql::intervention_type_update, {id, f.name, f.legal_basis, f.description,
                                                           f.valid_from.iso(), value(f.valid_to), now}));
}

core::Result<std::optional<InterventionTypeRecord>> intervention_type_by_id(db::Connection& conn,
                                                                            std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::intervention_type_by_id, {id}));
    if (rs.empty()) return std::optional<InterventionTypeRecord>{};
    return std::optional<InterventionTypeRecord>(type_from_row(rs.first()));
}

core::Result<std::optional<std::int64_t>> intervention_type_id(db::Connection& conn,
                                                               const std::string& code) {
    return first_id(conn.query(sql::intervention_type_by_code, {code}));
}

core::Result<std::vector<InterventionTypeRecord>> intervention_types(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::intervention_type_list));
    std::vector<InterventionTypeRecord> out;
    for (const auto& r : rs.rows) out.push_back(type_from_row(r));
    return out;
}

// ---- outcomes ------------------------------------------------------------------------------------

core::Result<std::int64_t> insert_outcome(db::Connection& conn, const std::string& code,
                                          const std::string& label, const std::string& group, int sort) {
    return returned_id(conn.query(sql::outcome_insert, {code, label, group, std::int64_t{sort}}));
}

core::Result<void> update_outcome(db::Connection& conn, std::int64_t id, const std::string& label,
                                  const std::string& group, int sort) {
    return done(conn.query(sql::outcome_update, {id, label, group, std::int64_t{sort}}));
}

core::Result<void> set_outcome_active(db::Connection& conn, std::int64_t id, bool active) {
    return done(conn.query(sql::outcome_set_active, {id, flag(active)}));
}

core::Result<std::optional<OutcomeRecord>> outcome_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::outcome_by_id, {id}));
    if (rs.empty()) return std::optional<OutcomeRecord>{};
    return std::optional<OutcomeRecord>(outcome_from_row(rs.first()));
}

core::Result<std::optional<std::int64_t>> outcome_id(db::Connection& conn, const std::string& code) {
    return first_id(conn.query(sql::outcome_by_code, {code}));
}

core::Result<std::vector<OutcomeRecord>> outcomes(db::Connection& conn, bool active_only) {
    BB_ASSIGN(auto rs, conn.query(sql::outcome_list, {flag(active_only)}));
    std::vector<OutcomeRecord> out;
    for (const auto& r : rs.rows) out.push_back(outcome_from_row(r));
    return out;
}

}  // namespace employment::store
