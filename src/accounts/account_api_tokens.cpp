// AccountService: API tokens for the JSON API. The secret is "bb_" + a random token; storage
// keeps only its BLAKE2b hash and a short prefix for recognising it in the list.
#include "accounts/account_service.hpp"
#include "accounts/service_detail.hpp"
#include "accounts/sql.hpp"
#include "core/text.hpp"

namespace accounts {

namespace {

constexpr std::string_view k_secret_prefix = "bb_";
constexpr std::size_t k_shown_prefix = 10;  // "bb_" + 7 characters: recognisable, not guessable

audit::Entry token_entry(std::string action, std::int64_t id, std::string criteria = {}) {
    audit::Entry e;
    e.action = std::move(action);
    e.object_type = "api_token";
    e.object_id = std::to_string(id);
    e.criteria = std::move(criteria);
    return e;
}

}  // namespace

core::Result<CreatedApiToken> AccountService::create_api_token(std::string_view name, core::Role role,
                                                               std::optional<std::int64_t> enterprise_id,
                                                               const core::Actor& actor) {
    BB_TRY(require_admin(actor, "api_token_create", ""));
    const std::string clean_name(core::trim(name));
    core::Validator v;
    if (!core::is_valid_utf8(clean_name) || core::utf8_length(clean_name) == 0 ||
        core::utf8_length(clean_name) > 80)
        v.add("name", "Giv nøglen et navn på 1–80 tegn.");
    else
        for (unsigned char c : clean_name)
            if (c < 0x20 || c == 0x7F) {
                v.add("name", "Navnet må ikke indeholde kontroltegn.");
                break;
            }
    detail::check_enterprise(v, role, enterprise_id);
    if (!v.ok()) return v.error();

    CreatedApiToken created;
    created.secret = std::string(k_secret_prefix) + random_token();
    const std::string now = detail::iso(m_clock.now());
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto inserted,
                  conn.query(sql::api_token_insert,
                             {clean_name, hash_token(created.secret),
                              created.secret.substr(0, k_shown_prefix), std::string(core::role_code(role)),
                              detail::opt_value(enterprise_id), audit::user_ref(actor), now}));
        created.id = inserted.first().int64(0);
        std::string criteria = "role=" + std::string(core::role_code(role));
        if (enterprise_id) criteria += " enterprise_id=" + std::to_string(*enterprise_id);
        return m_audit.record(conn, actor, token_entry("api_token_created", created.id, criteria));
    }));
    return created;
}

core::Result<std::vector<ApiTokenInfo>> AccountService::list_api_tokens() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<ApiTokenInfo>> {
        BB_ASSIGN(auto rows, conn.query(sql::api_tokens_all));
        std::vector<ApiTokenInfo> tokens;
        tokens.reserve(rows.rows.size());
        for (const auto& row : rows.rows) {
            ApiTokenInfo t;
            t.id = row.int64(0);
            t.name = row.text(1);
            t.prefix = row.text(2);
            t.role = detail::role_from_code(row.text(3));
            t.enterprise_id = row.opt_int64(4);
            t.created_by = row.opt_int64(5);
            t.created_at = detail::parse_time(row.text(6));
            t.last_used_at = detail::parse_opt_time(row.opt_text(7));
            t.revoked_at = detail::parse_opt_time(row.opt_text(8));
            tokens.push_back(std::move(t));
        }
        return tokens;
    });
}

core::Result<void> AccountService::revoke_api_token(std::int64_t id, const core::Actor& actor) {
    BB_TRY(require_admin(actor, "api_token_revoke", std::to_string(id)));
    const std::string now = detail::iso(m_clock.now());
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto rows, conn.query(sql::api_token_by_id, {id}));
        if (rows.empty()) return core::Error::not_found("API-nøglen findes ikke.");
        if (!rows.first().is_null(2)) return {};
        BB_TRY(conn.query(sql::api_token_revoke, {now, id}));
        return m_audit.record(conn, actor, token_entry("api_token_revoked", id));
    });
}

core::Result<std::optional<ApiPrincipal>> AccountService::resolve_api_token(std::string_view secret) {
    if (secret.substr(0, k_secret_prefix.size()) != k_secret_prefix ||
        !is_token_shaped(secret.substr(k_secret_prefix.size())))
        return std::optional<ApiPrincipal>();
    const std::string token_hash = hash_token(secret);
    const core::UnixSeconds now = m_clock.now();
    BB_ASSIGN(auto rows, m_db.read([&](db::Connection& conn) {
        return conn.query(sql::api_token_by_hash, {token_hash});
    }));
    if (rows.empty() || !rows.first().is_null(5)) return std::optional<ApiPrincipal>();
    const db::Row& row = rows.first();
    ApiPrincipal p;
    p.token_id = row.int64(0);
    p.name = row.text(1);
    p.role = detail::role_from_code(row.text(2));
    p.enterprise_id = row.opt_int64(3);
    const auto last_used = detail::parse_opt_time(row.opt_text(4));
    if (!last_used || now - *last_used >= m_settings.touch_interval)
        BB_TRY(m_db.write([&](db::Connection& conn) {
            return conn.query(sql::api_token_touch, {detail::iso(now), p.token_id});
        }));
    return std::optional<ApiPrincipal>(std::move(p));
}

}  // namespace accounts
