// Employment store: what a bulk import reads in one go.
#include "employment/store/bulk.hpp"

#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

core::Result<std::vector<CaseKey>> keys(db::Connection& conn, const db::Query& query) {
    BB_ASSIGN(auto rs, conn.query(query));
    std::vector<CaseKey> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.int64(1), r.text(2)});
    return out;
}

}  // namespace

core::Result<std::vector<CitizenRef>> all_citizens(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::all_citizens));
    std::vector<CitizenRef> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), !r.is_null(4)});
    return out;
}

core::Result<std::vector<AgreementRef>> all_agreements(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::all_agreements));
    std::vector<AgreementRef> out;
    for (const auto& r : rs.rows)
        out.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.opt_text(4), r.int64(5), r.int64(6)});
    return out;
}

core::Result<std::vector<InterventionTypeRef>> all_intervention_types(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::all_intervention_types));
    std::vector<InterventionTypeRef> out;
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.opt_text(4)});
    return out;
}

core::Result<std::vector<JobKindRef>> all_job_kinds(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::all_job_kinds));
    std::vector<JobKindRef> out;
    for (const auto& r : rs.rows) out.push_back({r.text(0), r.text(1), r.int64(2) != 0, r.int64(3) != 0});
    return out;
}

core::Result<std::vector<CaseKey>> placement_keys(db::Connection& conn) {
    return keys(conn, sql::placement_keys);
}
core::Result<std::vector<CaseKey>> job_keys(db::Connection& conn) {
    return keys(conn, sql::job_keys);
}

core::Result<std::vector<SlotHolder>> slot_holders(db::Connection& conn) {
    BB_ASSIGN(auto rs, conn.query(sql::slot_holders));
    std::vector<SlotHolder> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back({r.int64(0), r.text(1), r.text(2)});
    return out;
}

}  // namespace employment::store
