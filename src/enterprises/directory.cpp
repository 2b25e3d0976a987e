// The registry's read API for other packages (directory.hpp).
#include "enterprises/directory.hpp"

#include "core/text.hpp"
#include "db/id_list.hpp"
#include "enterprises/service_detail.hpp"
#include "enterprises/sql.hpp"

namespace enterprises::directory {
namespace {

std::int64_t scope_flag(Scope scope) {
    return scope == Scope::SocialEconomy ? 1 : 0;
}

EnterpriseRef ref_from_row(const db::Row& r) {
    EnterpriseRef e;
    e.id = r.int64(0);
    e.name = r.text(1);
    e.kind = parse_kind(r.text(2)).value_or(Kind::SocialEnterprise);
    if (!r.is_null(3)) e.employees = static_cast<int>(r.int64(3));
    e.cvr = r.text(4);
    e.municipality = r.text(5);
    return e;
}

}  // namespace

bool in_scope(Kind kind, Scope scope) {
    return scope == Scope::All || kind == Kind::SocialEnterprise || kind == Kind::Initiative;
}

core::Result<std::optional<EnterpriseRef>> find(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::directory_find, {id}));
    if (rows.empty()) return std::optional<EnterpriseRef>{};
    return std::optional<EnterpriseRef>{ref_from_row(rows.first())};
}

core::Result<std::vector<EnterpriseRef>> list(db::Connection& conn, Scope scope,
                                              std::string_view municipality) {
    BB_ASSIGN(auto rows, conn.query(sql::directory_list, {scope_flag(scope), std::string(municipality)}));
    std::vector<EnterpriseRef> out;
    out.reserve(rows.rows.size());
    for (const auto& r : rows.rows) out.push_back(ref_from_row(r));
    return out;
}

core::Result<std::vector<core::Choice>> choices(db::Connection& conn, Scope scope, std::int64_t only) {
    BB_ASSIGN(auto rows, conn.query(sql::directory_choices, {scope_flag(scope), only}));
    std::vector<core::Choice> out;
    out.reserve(rows.rows.size());
    for (const auto& r : rows.rows) out.push_back({std::to_string(r.int64(0)), r.text(1)});
    return out;
}

core::Result<std::unordered_map<std::int64_t, std::string>> names(db::Connection& conn,
                                                                  std::span<const std::int64_t> ids) {
    std::unordered_map<std::int64_t, std::string> out;
    if (ids.empty()) return out;
    BB_ASSIGN(auto rs, conn.query(sql::directory_names, {db::id_list(ids)}));
    for (const auto& r : rs.rows) out.emplace(r.int64(0), r.text(1));
    return out;
}

core::Result<std::optional<EnterpriseRef>> check_choice(db::Connection& conn, core::Validator& v,
                                                        std::string_view field, std::string_view text,
                                                        const ChoiceRules& rules) {
    const std::string_view t = core::trim(text);
    long long id = 0;
    if (t.empty()) {
        v.add(std::string(field), rules.missing);
        return std::optional<EnterpriseRef>{};
    }
    if (!core::parse_int64(t, id) || id <= 0) {
        v.add(std::string(field), "Vælg en virksomhed fra listen.");
        return std::optional<EnterpriseRef>{};
    }
    BB_ASSIGN(auto found, find(conn, static_cast<std::int64_t>(id)));
    if (!found) {
        v.add(std::string(field), "Vælg en virksomhed fra listen.");
        return found;
    }
    if (!in_scope(found->kind, rules.scope)) {
        v.add(std::string(field), rules.out_of_scope);
        return std::optional<EnterpriseRef>{};
    }
    return found;
}

core::Result<std::vector<VocabularyEntry>> vocabulary(db::Connection& conn, VocabularyKind kind,
                                                      bool include_inactive) {
    BB_ASSIGN(auto rows, conn.query(sql::vocabulary_list, {std::string(vocabulary_kind_code(kind)),
                                                           std::int64_t{include_inactive ? 1 : 0}}));
    std::vector<VocabularyEntry> out;
    out.reserve(rows.rows.size());
    for (const auto& r : rows.rows) out.push_back(detail::vocabulary_from_row(r));
    return out;
}

core::Result<std::vector<core::Choice>> vocabulary_choices(db::Connection& conn, VocabularyKind kind) {
    BB_ASSIGN(auto entries, vocabulary(conn, kind));
    std::vector<core::Choice> out;
    out.reserve(entries.size());
    for (auto& e : entries) out.push_back({std::move(e.code), std::move(e.label)});
    return out;
}

core::Result<std::optional<VocabularyEntry>> vocabulary_entry(db::Connection& conn, VocabularyKind kind,
                                                              std::string_view code) {
    BB_ASSIGN(auto rows, conn.query(sql::directory_vocabulary_entry,
                                    {std::string(vocabulary_kind_code(kind)), std::string(code)}));
    if (rows.empty()) return std::optional<VocabularyEntry>{};
    return std::optional<VocabularyEntry>{detail::vocabulary_from_row(rows.first())};
}

}  // namespace enterprises::directory
