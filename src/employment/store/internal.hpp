#pragma once
/// Internals of the employment store's translation units (not part of its interface).
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "db/database.hpp"

namespace employment::store::detail {

inline core::Date date_of(const std::string& text) {
    return core::Date::parse(text).value_or(core::Date{});
}
inline std::optional<core::Date> opt_date(const db::Row& r, std::size_t i) {
    if (auto t = r.opt_text(i)) return core::Date::parse(*t);
    return std::nullopt;
}
inline int int_of(const db::Row& r, std::size_t i) {
    return static_cast<int>(r.int64(i));
}

inline db::Value value(const std::optional<core::Date>& d) {
    return d ? db::Value(d->iso()) : db::null();
}
inline db::Value value(const std::optional<std::int64_t>& v) {
    return v ? db::Value(*v) : db::null();
}
inline db::Value value(const std::optional<std::string>& v) {
    return v ? db::Value(*v) : db::null();
}
inline db::Value value(const std::optional<bool>& v) {
    return v ? db::Value(std::int64_t{*v ? 1 : 0}) : db::null();
}
inline db::Value flag(bool b) {
    return std::int64_t{b ? 1 : 0};
}

/// `sql` without a trailing "RETURNING …" clause, for bulk paths that do not need the ids.
inline std::string without_returning(std::string_view sql) {
    const auto at = sql.rfind("RETURNING");
    return std::string(at == std::string_view::npos ? sql : sql.substr(0, at));
}

/// The id of the first row of an INSERT … RETURNING id.
inline core::Result<std::int64_t> returned_id(core::Result<db::ResultSet> rs) {
    if (!rs.ok()) return rs.take_error();
    return rs->first().int64(0);
}

}  // namespace employment::store::detail
