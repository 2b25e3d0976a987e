// AccountService: construction, shared helpers and user administration. Login and sessions
// are in account_sessions.cpp, API tokens in account_api_tokens.cpp.
#include "accounts/account_service.hpp"

#include <cstdlib>
#include <mutex>

#include "accounts/service_detail.hpp"
#include "accounts/sql.hpp"
#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"

namespace accounts {

// ---- model helpers -----------------------------------------------------------------------

core::Actor User::actor(std::string client_ip, std::string request_id) const {
    core::Actor a;
    a.user_id = id;
    a.username = username;
    a.role = role;
    a.enterprise_id = enterprise_id;
    a.client_ip = std::move(client_ip);
    a.request_id = std::move(request_id);
    return a;
}

core::Actor ApiPrincipal::actor(std::string client_ip, std::string request_id) const {
    core::Actor a;
    a.user_id = 0;
    a.username = "api:" + name;
    a.role = role;
    a.enterprise_id = enterprise_id;
    a.client_ip = std::move(client_ip);
    a.request_id = std::move(request_id);
    a.via_api_token = true;
    return a;
}

// ---- detail ------------------------------------------------------------------------------

namespace detail {

std::string iso(core::UnixSeconds t) {
    return core::iso_timestamp(t);
}

core::UnixSeconds parse_time(const std::string& text) {
    return core::parse_iso_timestamp(text).value_or(0);
}

std::optional<core::UnixSeconds> parse_opt_time(const std::optional<std::string>& text) {
    if (!text) return std::nullopt;
    return core::parse_iso_timestamp(*text);
}

db::Value opt_value(std::optional<std::int64_t> v) {
    return v ? db::Value(*v) : db::null();
}

core::Role role_from_code(const std::string& code) {
    return core::parse_role(code).value_or(core::Role::Buyer);
}

User user_from_row(const db::Row& row, std::size_t first) {
    User u;
    u.id = row.int64(first);
    u.username = row.text(first + 1);
    u.display_name = row.text(first + 2);
    u.role = role_from_code(row.text(first + 3));
    u.enterprise_id = row.opt_int64(first + 4);
    u.disabled = row.int64(first + 5) != 0;
    u.must_change_password = row.int64(first + 6) != 0;
    u.created_at = parse_time(row.text(first + 7));
    u.updated_at = parse_time(row.text(first + 8));
    u.password_changed_at = parse_time(row.text(first + 9));
    return u;
}

void check_enterprise(core::Validator& v, core::Role role, const std::optional<std::int64_t>& enterprise_id) {
    if (role == core::Role::Enterprise && (!enterprise_id || *enterprise_id <= 0))
        v.add("enterprise_id", "Vælg den virksomhed, brugeren hører til.");
    else if (role != core::Role::Enterprise && enterprise_id)
        v.add("enterprise_id", "Kun virksomhedsbrugere kan knyttes til en virksomhed.");
}

core::Result<void> audit_user_event(const audit::AuditLog& log, db::Connection& conn,
                                    const core::Actor& actor, std::string_view action, std::int64_t user_id,
                                    std::string criteria, std::string_view outcome) {
    return log.record(conn, actor, action, "user", user_id > 0 ? std::to_string(user_id) : std::string(),
                      criteria, {}, outcome);
}

core::Result<void> keep_one_admin(db::Connection& conn, std::int64_t user_id) {
    BB_ASSIGN(auto rows, conn.query(sql::admins_enabled_except, {user_id}));
    if (rows.empty() || rows.first().int64(0) == 0)
        return core::Error::conflict("Der skal være mindst én aktiv administrator.");
    return {};
}

}  // namespace detail

// ---- construction and shared helpers ---------------------------------------------------

AccountService::AccountService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
                               AccountSettings settings)
    : m_db(db),
      m_clock(clock),
      m_audit(audit),
      m_settings(std::move(settings)),
      m_gate(std::make_unique<HashGate>(m_settings.max_concurrent_hashes)) {}

AccountService::~AccountService() = default;

core::Result<void> AccountService::require_admin(const core::Actor& actor, std::string_view action,
                                                 std::string_view object_id) {
    if (actor.is_admin() && !actor.via_api_token) return {};
    // Refused privilege changes are security events too (AC-09, LG-07).
    auto logged = m_db.write([&](db::Connection& conn) -> core::Result<void> {
        audit::Entry entry{std::string(action),
                           "user",
                           std::string(object_id),
                           "",
                           "",
                           std::string(audit::k_outcome_denied)};
        return m_audit.record(conn, actor, entry);
    });
    if (!logged.ok()) core::log::warn("accounts: could not audit a refused " + std::string(action));
    return core::Error::forbidden();
}

core::Result<std::string> AccountService::hash_gated(std::string_view password) {
    m_gate->enter();
    auto hashed = hash_password(password, m_settings.hash);
    m_gate->leave();
    return hashed;
}

bool AccountService::verify_gated(std::string_view stored_hash, std::string_view password) {
    m_gate->enter();
    const bool ok = verify_password(stored_hash, password);
    m_gate->leave();
    return ok;
}

const std::string& AccountService::dummy_hash() {
    // Verified against for unknown user names so they take as long as known ones.
    static std::mutex mutex;
    static std::string hash;
    std::lock_guard lock(mutex);
    if (hash.empty() || needs_rehash(hash, m_settings.hash)) {
        auto made = hash_password(random_token(), m_settings.hash);
        hash = made.ok() ? *made : std::string();
    }
    return hash;
}

// ---- users -------------------------------------------------------------------------------

namespace {

void check_username(core::Validator& v, std::string_view username) {
    if (username.size() < 3 || username.size() > 64 || !core::is_safe_identifier(username))
        v.add(
            "username",
            "Brugernavnet skal være 3–64 tegn og må kun indeholde bogstaverne a–z, tal og tegnene . _ - @.");
}

void check_display_name(core::Validator& v, std::string_view name) {
    if (!core::is_valid_utf8(name)) {
        v.add("display_name", "Navnet indeholder ugyldige tegn.");
        return;
    }
    for (unsigned char c : name)
        if (c < 0x20 || c == 0x7F) {
            v.add("display_name", "Navnet må ikke indeholde kontroltegn.");
            return;
        }
    const std::size_t length = core::utf8_length(name);
    if (length == 0)
        v.add("display_name", "Skriv brugerens navn.");
    else if (length > 120)
        v.add("display_name", "Navnet må højst være på 120 tegn.");
}

core::Result<User> load_user(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::user_by_id, {id}));
    if (rows.empty()) return core::Error::not_found("Brugeren findes ikke.");
    return detail::user_from_row(rows.first());
}

}  // namespace

core::Result<User> AccountService::create_user(const NewUser& input, const core::Actor& actor) {
    BB_TRY(require_admin(actor, "user_create", ""));
    const std::string username(core::trim(input.username));
    const std::string display_name(core::trim(input.display_name));
    core::Validator v;
    check_username(v, username);
    check_display_name(v, display_name);
    detail::check_enterprise(v, input.role, input.enterprise_id);
    if (auto problem = password_problem(input.password, username)) v.add("password", *problem);
    if (!v.ok()) return v.error();

    const std::string key = core::to_lower_ascii(username);
    BB_ASSIGN(auto exists,
              m_db.read([&](db::Connection& conn) { return conn.query(sql::user_exists_key, {key}); }));
    if (!exists.empty()) return core::Error::conflict("Brugernavnet er allerede i brug.");
    BB_ASSIGN(std::string hash, hash_gated(input.password));

    const std::string now = detail::iso(m_clock.now());
    auto created = m_db.write([&](db::Connection& conn) -> core::Result<User> {
        auto inserted = conn.query(sql::user_insert,
                                   {username, key, display_name, std::string(core::role_code(input.role)),
                                    detail::opt_value(input.enterprise_id), hash,
                                    std::int64_t{input.must_change_password ? 1 : 0}, now, now, now});
        if (!inserted.ok()) {
            if (inserted.error().code == core::ErrorCode::Conflict)
                return core::Error::conflict("Brugernavnet er allerede i brug.");
            return inserted.take_error();
        }
        const std::int64_t id = inserted->first().int64(0);
        std::string criteria = "role=" + std::string(core::role_code(input.role));
        if (input.enterprise_id) criteria += " enterprise_id=" + std::to_string(*input.enterprise_id);
        BB_TRY(detail::audit_user_event(m_audit, conn, actor, "user_created", id, criteria));
        return load_user(conn, id);
    });
    return created;
}

core::Result<std::vector<User>> AccountService::list_users() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<User>> {
        BB_ASSIGN(auto rows, conn.query(sql::users_all));
        std::vector<User> users;
        users.reserve(rows.rows.size());
        for (const auto& row : rows.rows) users.push_back(detail::user_from_row(row));
        return users;
    });
}

core::Result<User> AccountService::get_user(std::int64_t id) {
    return m_db.read([&](db::Connection& conn) { return load_user(conn, id); });
}

core::Result<User> AccountService::find_user(std::string_view username) {
    const std::string key = core::to_lower_ascii(core::trim(username));
    return m_db.read([&](db::Connection& conn) -> core::Result<User> {
        BB_ASSIGN(auto rows, conn.query(sql::user_by_key, {key}));
        if (rows.empty()) return core::Error::not_found("Brugeren findes ikke.");
        return detail::user_from_row(rows.first());
    });
}

core::Result<std::int64_t> AccountService::count_users() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rows, conn.query(sql::users_count));
        return rows.empty() ? std::int64_t{0} : rows.first().int64(0);
    });
}

core::Result<std::vector<RoleCount>> AccountService::count_users_by_role() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<RoleCount>> {
        BB_ASSIGN(auto rows, conn.query(sql::users_count_by_role));
        std::vector<RoleCount> counts;
        for (core::Role role : core::k_all_roles) counts.push_back({role, 0});
        for (const auto& row : rows.rows)
            if (auto role = core::parse_role(row.text(0)))
                for (auto& c : counts)
                    if (c.role == *role) c.users = row.int64(1);
        return counts;
    });
}

core::Result<void> AccountService::set_disabled(std::int64_t id, bool disabled, const core::Actor& actor) {
    BB_TRY(require_admin(actor, disabled ? "user_disable" : "user_enable", std::to_string(id)));
    const std::string now = detail::iso(m_clock.now());
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(User user, load_user(conn, id));
        if (user.disabled == disabled) return {};
        if (disabled && user.role == core::Role::Admin) BB_TRY(detail::keep_one_admin(conn, id));
        BB_TRY(conn.query(sql::user_set_disabled, {std::int64_t{disabled ? 1 : 0}, now, id}));
        std::string criteria;
        if (disabled) {
            BB_ASSIGN(auto ended, conn.query(sql::sessions_delete_user, {id}));
            criteria = "sessions_ended=" + std::to_string(ended.affected);
        }
        return detail::audit_user_event(m_audit, conn, actor, disabled ? "user_disabled" : "user_enabled", id,
                                        criteria);
    });
}

core::Result<User> AccountService::set_role(std::int64_t id, core::Role role,
                                            std::optional<std::int64_t> enterprise_id,
                                            const core::Actor& actor) {
    BB_TRY(require_admin(actor, "role_change", std::to_string(id)));
    core::Validator v;
    detail::check_enterprise(v, role, enterprise_id);
    if (!v.ok()) return v.error();
    const std::string now = detail::iso(m_clock.now());
    return m_db.write([&](db::Connection& conn) -> core::Result<User> {
        BB_ASSIGN(User user, load_user(conn, id));
        if (user.role == role && user.enterprise_id == enterprise_id) return user;
        if (user.role == core::Role::Admin && role != core::Role::Admin && !user.disabled)
            BB_TRY(detail::keep_one_admin(conn, id));
        BB_TRY(conn.query(sql::user_set_role,
                          {std::string(core::role_code(role)), detail::opt_value(enterprise_id), now, id}));
        // A privilege change needs a new login (SE-01, AC-10).
        BB_ASSIGN(auto ended, conn.query(sql::sessions_delete_user, {id}));
        std::string criteria =
            std::string(core::role_code(user.role)) + " -> " + std::string(core::role_code(role));
        if (enterprise_id) criteria += " enterprise_id=" + std::to_string(*enterprise_id);
        criteria += " sessions_ended=" + std::to_string(ended.affected);
        BB_TRY(detail::audit_user_event(m_audit, conn, actor, "role_changed", id, criteria));
        return load_user(conn, id);
    });
}

core::Result<void> AccountService::set_password(std::int64_t id, std::string_view password,
                                                const core::Actor& actor, PasswordKind kind) {
    BB_TRY(require_admin(actor, "password_set", std::to_string(id)));
    BB_ASSIGN(User user, get_user(id));
    if (auto problem = password_problem(password, user.username))
        return core::Error::validation("password", *problem);
    BB_ASSIGN(std::string hash, hash_gated(password));
    const std::string now = detail::iso(m_clock.now());
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto updated,
                  conn.query(sql::user_set_password,
                             {hash, std::int64_t{kind == PasswordKind::Temporary ? 1 : 0}, now, now, id}));
        if (updated.affected == 0) return core::Error::not_found("Brugeren findes ikke.");
        BB_ASSIGN(auto ended, conn.query(sql::sessions_delete_user, {id}));
        std::string criteria = std::string(kind == PasswordKind::Temporary ? "temporary" : "permanent") +
                               " sessions_ended=" + std::to_string(ended.affected);
        return detail::audit_user_event(m_audit, conn, actor, "password_set", id, criteria);
    });
}

}  // namespace accounts
