// Employment store: cooperation agreements, their target groups and notes, and what an
// agreement's evaluation reads.
#include "employment/store/agreements.hpp"

#include <algorithm>

#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

AgreementRecord agreement_from_row(const db::Row& r) {
    AgreementRecord a;
    a.id = r.int64(0);
    a.enterprise_id = r.int64(1);
    a.enterprise_name = r.text(2);
    a.title = r.text(3);
    a.start_date = date_of(r.text(4));
    a.end_date = opt_date(r, 5);
    a.slots = int_of(r, 6);
    a.frame_weeks = int_of(r, 7);
    a.extension_weeks = int_of(r, 8);
    a.plan_deadline_days = int_of(r, 9);
    a.attendance_interval_months = int_of(r, 10);
    a.target_description = r.text(11);
    a.price_ore = r.int64(12);
    a.price_unit = r.text(13);
    a.deliverables = r.text(14);
    a.in_use = int_of(r, 15);
    a.waiting = int_of(r, 16);
    return a;
}

std::vector<AgreementRecord> agreements_of(const db::ResultSet& rs) {
    std::vector<AgreementRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back(agreement_from_row(r));
    return out;
}

std::vector<db::Value> agreement_params(const AgreementFields& a) {
    return {a.enterprise_id,
            a.title,
            a.start_date.iso(),
            value(a.end_date),
            std::int64_t{a.slots},
            std::int64_t{a.frame_weeks},
            std::int64_t{a.extension_weeks},
            std::int64_t{a.plan_deadline_days},
            std::int64_t{a.attendance_interval_months},
            a.target_description,
            a.price_ore,
            a.price_unit,
            a.deliverables};
}

std::vector<AgreementNoteRecord> notes_of(const db::ResultSet& rs) {
    std::vector<AgreementNoteRecord> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.text(1), date_of(r.text(2)), r.text(3)});
    return out;
}

std::vector<std::pair<std::int64_t, core::Date>> dated(const db::ResultSet& rs) {
    std::vector<std::pair<std::int64_t, core::Date>> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.emplace_back(r.int64(0), date_of(r.text(1)));
    return out;
}

}  // namespace

core::Result<std::int64_t> insert_agreement(db::Connection& conn, const AgreementFields& fields,
                                            const std::string& now) {
    auto params = agreement_params(fields);
    params.emplace_back(now);
    return returned_id(conn.query(sql::agreement_insert, params));
}

core::Result<void> update_agreement(db::Connection& conn, std::int64_t id, const AgreementFields& fields,
                                    const std::string& now) {
    std::vector<db::Value> params{id};
    for (auto& p : agreement_params(fields)) params.push_back(std::move(p));
    params.emplace_back(now);
    BB_TRY(conn.query(sql::agreement_update, params));
    return {};
}

core::Result<std::optional<AgreementRecord>> agreement_by_id(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_by_id, {id}));
    if (rs.empty()) return std::optional<AgreementRecord>{};
    return std::optional<AgreementRecord>(agreement_from_row(rs.first()));
}

core::Result<std::vector<AgreementRecord>> list_agreements(db::Connection& conn, std::int64_t enterprise_id) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_list, {enterprise_id}));
    return agreements_of(rs);
}

core::Result<std::vector<AgreementRecord>> agreements_running(db::Connection& conn, core::Date from,
                                                              core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::agreements_running, {from.iso(), to.iso()}));
    return agreements_of(rs);
}

core::Result<std::vector<std::pair<std::int64_t, std::string>>> agreements_titled(db::Connection& conn,
                                                                                  const std::string& a,
                                                                                  const std::string& b) {
    BB_ASSIGN(auto rs, conn.query(sql::agreements_titled, {a, b}));
    std::vector<std::pair<std::int64_t, std::string>> out;
    for (const auto& r : rs.rows) out.emplace_back(r.int64(0), r.text(1));
    return out;
}

core::Result<void> insert_agreement_target_group(db::Connection& conn, std::int64_t agreement_id,
                                                 const std::string& code) {
    BB_TRY(conn.query(sql::agreement_target_group_insert, {agreement_id, code}));
    return {};
}

core::Result<std::vector<std::string>> agreement_target_groups(db::Connection& conn,
                                                               std::int64_t agreement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_target_groups, {agreement_id}));
    std::vector<std::string> out;
    for (const auto& r : rs.rows) out.push_back(r.text(0));
    return out;
}

core::Result<void> replace_agreement_target_groups(db::Connection& conn, std::int64_t agreement_id,
                                                   const std::vector<std::string>& codes) {
    BB_TRY(conn.query(sql::agreement_target_group_delete, {agreement_id}));
    std::vector<std::string> done;
    for (const auto& code : codes) {
        if (std::find(done.begin(), done.end(), code) != done.end()) continue;
        done.push_back(code);
        BB_TRY(insert_agreement_target_group(conn, agreement_id, code));
    }
    return {};
}

core::Result<std::int64_t> insert_agreement_note(db::Connection& conn, const NewAgreementNote& n,
                                                 const std::string& now) {
    return returned_id(conn.query(sql::agreement_note_insert, {n.agreement_id, n.topic, n.noted_on.iso(),
                                                               n.text, value(n.author_user_id), now}));
}

core::Result<std::vector<AgreementNoteRecord>> agreement_notes(db::Connection& conn,
                                                               std::int64_t agreement_id) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_note_list, {agreement_id}));
    return notes_of(rs);
}

core::Result<std::vector<AgreementNoteRecord>> agreement_notes_between(db::Connection& conn,
                                                                       std::int64_t agreement_id,
                                                                       core::Date from, core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_notes_between, {agreement_id, from.iso(), to.iso()}));
    return notes_of(rs);
}

core::Result<std::vector<EvaluatedPlacement>> agreement_placements(db::Connection& conn,
                                                                   std::int64_t agreement_id,
                                                                   core::Date until) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_placements, {agreement_id, until.iso()}));
    std::vector<EvaluatedPlacement> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) {
        EvaluatedPlacement p;
        p.id = r.int64(0);
        p.status = r.text(1);
        p.referred_on = date_of(r.text(2));
        p.start_date = opt_date(r, 3);
        p.end_date = opt_date(r, 4);
        p.outcome_code = r.text(5);
        p.outcome_label = r.text(6);
        p.outcome_group = r.text(7);
        p.plan_made_on = opt_date(r, 8);
        if (auto owned = r.opt_int64(9)) p.plan_owned = *owned != 0;
        p.no_plan_reason = r.text(10);
        out.push_back(std::move(p));
    }
    return out;
}

core::Result<std::vector<std::pair<std::int64_t, core::Date>>> agreement_followups(db::Connection& conn,
                                                                                   std::int64_t agreement_id,
                                                                                   core::Date from,
                                                                                   core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_followups, {agreement_id, from.iso(), to.iso()}));
    return dated(rs);
}

core::Result<std::vector<std::pair<std::int64_t, core::Date>>> agreement_attendance(db::Connection& conn,
                                                                                    std::int64_t agreement_id,
                                                                                    core::Date from,
                                                                                    core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_attendance, {agreement_id, from.iso(), to.iso()}));
    return dated(rs);
}

core::Result<std::int64_t> agreement_progress_notes(db::Connection& conn, std::int64_t agreement_id,
                                                    core::Date from, core::Date to) {
    BB_ASSIGN(auto rs, conn.query(sql::agreement_progress_notes, {agreement_id, from.iso(), to.iso()}));
    return rs.empty() ? std::int64_t{0} : rs.first().int64(0);
}

}  // namespace employment::store
