// Employment store: citizens and their tags.
#include "employment/store/citizens.hpp"

#include "core/text.hpp"
#include "db/id_list.hpp"
#include "employment/store/internal.hpp"
#include "employment/store/sql.hpp"

namespace employment::store {

using namespace detail;

namespace {

CitizenRecord citizen_from_row(const db::Row& r) {
    CitizenRecord c;
    c.id = r.int64(0);
    c.case_ref = r.text(1);
    c.name = r.text(2);
    c.target_group = r.opt_text(3);
    c.wished_hours_min = r.opt_int64(4);
    c.wished_hours_max = r.opt_int64(5);
    c.postcode = r.opt_text(6);
    c.transport = r.opt_text(7);
    c.note = r.text(8);
    c.legal_hold = r.int64(9) != 0;
    c.legal_hold_reason = r.text(10);
    c.anonymised_at = r.opt_text(11);
    c.created_at = r.text(12);
    c.updated_at = r.text(13);
    return c;
}

core::Result<std::optional<CitizenRecord>> one_citizen(core::Result<db::ResultSet> rs) {
    if (!rs.ok()) return rs.take_error();
    if (rs->empty()) return std::optional<CitizenRecord>{};
    return std::optional<CitizenRecord>(citizen_from_row(rs->first()));
}

std::vector<db::Value> citizen_params(const CitizenFields& f) {
    return {f.case_ref,
            f.name,
            core::to_lower_danish(f.name),
            value(f.target_group),
            value(f.wished_hours_min),
            value(f.wished_hours_max),
            value(f.postcode),
            value(f.transport),
            f.note,
            flag(f.legal_hold),
            f.legal_hold_reason};
}

/// The LIKE pattern for a search text: % and _ taken literally.
std::string like_pattern(const std::string& text) {
    std::string out = "%";
    for (char ch : text) {
        if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
        out.push_back(ch);
    }
    return out + "%";
}

}  // namespace

core::Result<std::int64_t> insert_citizen(db::Connection& conn, const CitizenFields& fields,
                                          const std::string& now) {
    auto params = citizen_params(fields);
    params.emplace_back(now);
    return returned_id(conn.query(sql::citizen_insert, params));
}

core::Result<void> update_citizen(db::Connection& conn, std::int64_t id, const CitizenFields& fields,
                                  const std::string& now) {
    std::vector<db::Value> params{id};
    for (auto& p : citizen_params(fields)) params.push_back(std::move(p));
    params.emplace_back(now);
    BB_TRY(conn.query(sql::citizen_update, params));
    return {};
}

core::Result<void> set_citizen_target_group(db::Connection& conn, std::int64_t id,
                                            const std::string& target_group, const std::string& now) {
    BB_TRY(conn.query(sql::citizen_set_target_group, {id, target_group, now}));
    return {};
}

core::Result<std::optional<CitizenRecord>> citizen_by_id(db::Connection& conn, std::int64_t id) {
    return one_citizen(conn.query(sql::citizen_by_id, {id}));
}

core::Result<std::optional<CitizenRecord>> citizen_by_case_ref(db::Connection& conn,
                                                               const std::string& case_ref) {
    return one_citizen(conn.query(sql::citizen_by_case_ref, {case_ref}));
}

core::Result<std::vector<CitizenRecord>> list_citizens(db::Connection& conn, const std::string& search,
                                                       const std::string& target_group) {
    const std::string q = core::to_lower_danish(search);
    BB_ASSIGN(auto rs, conn.query(sql::citizen_list, {q, like_pattern(q), target_group}));
    std::vector<CitizenRecord> out;
    out.reserve(rs.rows.size());
    for (const auto& r : rs.rows) out.push_back(citizen_from_row(r));
    return out;
}

core::Result<std::unordered_map<std::int64_t, std::string>> citizen_names(
    db::Connection& conn, const std::vector<std::int64_t>& ids) {
    std::unordered_map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    BB_ASSIGN(auto rs, conn.query(sql::citizen_names, {db::id_list(ids)}));
    for (const auto& r : rs.rows) out.emplace(r.int64(0), r.text(1));
    return out;
}

core::Result<std::vector<CitizenTag>> citizen_tags(db::Connection& conn, std::int64_t citizen_id) {
    BB_ASSIGN(auto rs, conn.query(sql::citizen_tags, {citizen_id}));
    std::vector<CitizenTag> out;
    for (const auto& r : rs.rows) out.push_back({r.text(0), r.text(1)});
    return out;
}

core::Result<std::vector<std::string>> citizen_tags_of_kind(db::Connection& conn, std::int64_t citizen_id,
                                                            const std::string& kind) {
    BB_ASSIGN(auto rs, conn.query(sql::citizen_tags_of_kind, {citizen_id, kind}));
    std::vector<std::string> out;
    for (const auto& r : rs.rows) out.push_back(r.text(0));
    return out;
}

core::Result<void> replace_citizen_tags(db::Connection& conn, std::int64_t citizen_id,
                                        const std::vector<CitizenTag>& tags) {
    BB_TRY(conn.query(sql::citizen_tags_delete, {citizen_id}));
    for (const auto& t : tags) BB_TRY(conn.query(sql::citizen_tag_insert, {citizen_id, t.kind, t.tag}));
    return {};
}

}  // namespace employment::store
