#include "audit/audit_log.hpp"

#include <algorithm>
#include <cstdlib>

#include "audit/sql.hpp"
#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace audit {

namespace {

// Field caps in bytes. Generous enough for a search form's criteria, small enough that a
// hostile value cannot bloat the log.
constexpr std::size_t k_short_cap = 64;
constexpr std::size_t k_name_cap = 128;
constexpr std::size_t k_object_id_cap = 256;
constexpr std::size_t k_text_cap = 1000;

constexpr char k_hex[] = "0123456789abcdef";

void append_byte_escape(std::string& out, unsigned char c) {
    out += "\\x";
    out += k_hex[c >> 4];
    out += k_hex[c & 15];
}

// Length of the well-formed UTF-8 sequence starting at s[i] (0 when malformed) and its code point.
std::size_t utf8_sequence(std::string_view s, std::size_t i, unsigned& cp) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        auto d = static_cast<unsigned char>(s[i + k]);
        if ((d & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

db::Value opt_id(std::optional<std::int64_t> id) {
    return id ? db::Value(*id) : db::null();
}

Record to_record(const db::Row& row) {
    Record r;
    r.id = row.int64(0);
    r.at = core::parse_iso_timestamp(row.text(1)).value_or(0);
    r.user_id = row.opt_int64(2);
    r.username = row.text(3);
    r.role = row.text(4);
    r.enterprise_id = row.opt_int64(5);
    r.action = row.text(6);
    r.object_type = row.text(7);
    r.object_id = row.text(8);
    r.criteria = row.text(9);
    r.purpose = row.text(10);
    r.client_ip = row.text(11);
    r.request_id = row.text(12);
    r.outcome = row.text(13);
    return r;
}

}  // namespace

std::string log_field(std::string_view value, std::size_t max_bytes) {
    static constexpr std::string_view k_ellipsis = "\xE2\x80\xA6";  // "…" marks a cut value
    std::string out;
    out.reserve(std::min(value.size(), max_bytes));
    std::size_t i = 0;
    std::string piece;
    while (i < value.size()) {
        piece.clear();
        auto c = static_cast<unsigned char>(value[i]);
        std::size_t consumed = 1;
        if (c < 0x20 || c == 0x7F)
            append_byte_escape(piece, c);
        else if (c == '\\')
            piece = "\\\\";
        else if (c < 0x80)
            piece += static_cast<char>(c);
        else {
            unsigned cp = 0;
            std::size_t len = utf8_sequence(value, i, cp);
            if (len == 0)
                append_byte_escape(piece, c);
            else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
                // C1 controls and Unicode line separators would break a line in some viewers.
                static constexpr char k_fmt[] = "\\u0000";
                piece = k_fmt;
                for (int k = 0; k < 4; ++k) piece[2 + k] = k_hex[(cp >> (12 - 4 * k)) & 15];
                consumed = len;
            } else {
                piece.assign(value.substr(i, len));
                consumed = len;
            }
        }
        if (out.size() + piece.size() > max_bytes) {
            // Cut on a character boundary and leave room for the marker.
            while (!out.empty() && out.size() + k_ellipsis.size() > max_bytes) {
                std::size_t back = out.size() - 1;
                while (back > 0 && (static_cast<unsigned char>(out[back]) & 0xC0) == 0x80) --back;
                out.resize(back);
            }
            if (out.size() + k_ellipsis.size() <= max_bytes) out += k_ellipsis;
            return out;
        }
        out += piece;
        i += consumed;
    }
    return out;
}

struct AuditLog::Who {
    std::optional<std::int64_t> user_id;
    std::string_view username;
    std::string_view role;
    std::optional<std::int64_t> enterprise_id;
    std::string_view client_ip;
    std::string_view request_id;
};

core::Result<void> AuditLog::record(db::Connection& conn, const core::Actor& actor,
                                    const Entry& entry) const {
    Who who{actor.user_ref(),    actor.username,  core::role_code(actor.role),
            actor.enterprise_id, actor.client_ip, actor.request_id};
    return write(conn, who, entry);
}

core::Result<void> AuditLog::record(db::Connection& conn, const core::Actor& actor, std::string_view action,
                                    std::string_view object_type, std::string_view object_id,
                                    std::string_view criteria, std::string_view purpose,
                                    std::string_view outcome) const {
    return record(conn, actor,
                  Entry{std::string(action), std::string(object_type), std::string(object_id),
                        std::string(criteria), std::string(purpose), std::string(outcome)});
}

core::Result<void> AuditLog::record_anonymous(db::Connection& conn, std::string_view claimed_name,
                                              std::string_view client_ip, std::string_view request_id,
                                              const Entry& entry) const {
    return write(conn, Who{std::nullopt, claimed_name, "", std::nullopt, client_ip, request_id}, entry);
}

core::Result<void> AuditLog::write(db::Connection& conn, const Who& who, const Entry& entry) const {
    if (m_fail_for_testing.load())
        return core::Error::unavailable("Handlingen kunne ikke logges og er derfor afvist.");
    if (entry.action.empty()) return core::Error::internal();
    std::vector<db::Value> params{
        core::iso_timestamp(m_clock.now()),
        opt_id(who.user_id),
        log_field(who.username, k_name_cap),
        std::string(who.role),
        opt_id(who.enterprise_id),
        log_field(entry.action, k_short_cap),
        log_field(entry.object_type, k_short_cap),
        log_field(entry.object_id, k_object_id_cap),
        log_field(entry.criteria, k_text_cap),
        log_field(entry.purpose, k_text_cap),
        log_field(who.client_ip, k_short_cap),
        log_field(who.request_id, k_name_cap),
        log_field(entry.outcome, k_short_cap),
    };
    auto r = conn.query(sql::audit_insert, params);
    if (!r.ok()) {
        core::log::error("audit: could not write the audit row for action " +
                         log_field(entry.action, k_short_cap));
        // Whatever the storage said, the caller must refuse: the event could not be logged.
        return core::Error::unavailable("Handlingen kunne ikke logges og er derfor afvist.");
    }
    return {};
}

core::Result<AuditPage> AuditLog::list(db::Connection& conn, const AuditFilter& filter) const {
    // The WHERE clause is assembled from constant fragments only; every value is a bound
    // parameter (IN-01).
    std::string where = " WHERE 1 = 1";
    std::vector<db::Value> params;
    auto add = [&](std::string_view fragment, db::Value value) {
        params.push_back(std::move(value));
        where += " AND ";
        where += fragment;
        where += " $" + std::to_string(params.size());
    };
    if (filter.from) add("at >=", core::iso_timestamp(*filter.from));
    if (filter.to) add("at <", core::iso_timestamp(*filter.to));
    if (filter.username) add("lower(username) =", core::to_lower_ascii(core::trim(*filter.username)));
    if (filter.user_id) add("user_id =", *filter.user_id);
    if (filter.object_type) add("object_type =", *filter.object_type);
    if (filter.object_id) add("object_id =", *filter.object_id);
    if (filter.action) add("action =", *filter.action);

    AuditPage page;
    BB_ASSIGN(auto count, conn.query("SELECT COUNT(*) FROM audit_log" + where, params));
    page.total = count.empty() ? 0 : count.first().int64(0);

    const std::int64_t limit = std::clamp(filter.limit, 1, 1000);
    const std::int64_t offset = std::max(filter.offset, 0);
    params.emplace_back(limit);
    params.emplace_back(offset);
    std::string sql =
        "SELECT id, at, user_id, username, role, enterprise_id, action, object_type, object_id, criteria, "
        "purpose, client_ip, request_id, outcome FROM audit_log" +
        where + " ORDER BY at DESC, id DESC LIMIT $" + std::to_string(params.size() - 1) + " OFFSET $" +
        std::to_string(params.size());
    BB_ASSIGN(auto rows, conn.query(sql, params));
    page.rows.reserve(rows.rows.size());
    for (const auto& row : rows.rows) page.rows.push_back(to_record(row));
    return page;
}

core::Result<std::vector<SubjectAccess>> AuditLog::subject_report(db::Connection& conn,
                                                                  std::string_view object_type,
                                                                  std::string_view object_id,
                                                                  StaffIdentity staff) const {
    BB_ASSIGN(auto rows, conn.query(sql::subject_report, {std::string(object_type), std::string(object_id)}));
    std::vector<SubjectAccess> out;
    out.reserve(rows.rows.size());
    for (const auto& row : rows.rows) {
        SubjectAccess a;
        a.at = core::parse_iso_timestamp(row.text(0)).value_or(0);
        a.action = row.text(1);
        a.purpose = row.text(2);
        a.role = row.text(3);
        if (staff == StaffIdentity::Included) a.username = row.text(4);
        out.push_back(std::move(a));
    }
    return out;
}

core::Result<std::int64_t> AuditLog::prune(db::Database& db, int older_than_months) const {
    if (older_than_months < k_min_retention_months || older_than_months > k_max_retention_months)
        return core::Error::validation("audit_retention_months",
                                       "Opbevaringsperioden skal være 1–120 måneder.");
    const core::UnixSeconds now = m_clock.now();
    const core::UnixSeconds time_of_day = ((now % 86400) + 86400) % 86400;
    const core::Date cutoff_date = core::utc_date(now).add_months(-older_than_months);
    const core::UnixSeconds cutoff = cutoff_date.days_since_epoch() * 86400 + time_of_day;
    const std::string cutoff_text = core::iso_timestamp(cutoff);
    return db.write([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto deleted, conn.query(sql::prune, {cutoff_text}));
        Entry entry{"audit_pruned", "audit_log", "",
                    "deleted=" + std::to_string(deleted.affected) + " before=" + cutoff_text,
                    "retention " + std::to_string(older_than_months) + " months"};
        BB_TRY(record(conn, core::Actor::system("retention"), entry));
        return deleted.affected;
    });
}

core::Result<int> AuditLog::retention_months(db::Connection& conn) const {
    BB_ASSIGN(auto rows, conn.query(sql::retention_months));
    if (rows.empty()) return k_default_retention_months;
    long long months = 0;
    if (!core::parse_int64(core::trim(rows.first().text(0)), months) || months < k_min_retention_months ||
        months > k_max_retention_months) {
        core::log::warn("audit: setting audit_retention_months is invalid; using the default");
        return k_default_retention_months;
    }
    return static_cast<int>(months);
}

}  // namespace audit
