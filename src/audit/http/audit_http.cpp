#include "audit/http/audit_http.hpp"

#include "core/date.hpp"
#include "core/text.hpp"
#include "web/form_views.hpp"

namespace audit_http {
namespace {

using web::RequestContext;
using web::Response;
using web::View;

constexpr int k_page_size = 50;

struct Query {
    audit::AuditFilter filter;
    std::string username, action, object_type, object_id, from, to;
};

core::Result<Query> parse_query(const web::Form& q) {
    Query out;
    core::Validator v;
    auto cap = [&](const char* name, std::string& dst) {
        dst = q.text(name);
        if (core::utf8_length(dst) > 100) v.add(name, "Højst 100 tegn.");
    };
    cap("username", out.username);
    cap("action", out.action);
    cap("object_type", out.object_type);
    cap("object_id", out.object_id);
    out.from = q.text("from");
    out.to = q.text("to");
    if (!out.username.empty()) out.filter.username = out.username;
    if (!out.action.empty()) out.filter.action = out.action;
    if (!out.object_type.empty()) out.filter.object_type = out.object_type;
    if (!out.object_id.empty()) out.filter.object_id = out.object_id;
    if (!out.from.empty()) {
        if (auto d = core::Date::parse(out.from))
            out.filter.from = d->days_since_epoch() * 86400;
        else
            v.add("from", "Skriv datoen som ÅÅÅÅ-MM-DD.");
    }
    if (!out.to.empty()) {
        if (auto d = core::Date::parse(out.to))
            out.filter.to = (d->days_since_epoch() + 1) * 86400;
        else
            v.add("to", "Skriv datoen som ÅÅÅÅ-MM-DD.");
    }
    long long page = 1;
    if (auto p = q.get("page"); p && (!core::parse_int64(*p, page) || page < 1 || page > 100000)) page = 1;
    out.filter.limit = k_page_size;
    out.filter.offset = static_cast<int>((page - 1) * k_page_size);
    if (!v.ok()) return v.error();
    return out;
}

/// Danish labels for the action codes the services write.
const std::vector<std::pair<std::string, std::string>>& action_labels() {
    static const std::vector<std::pair<std::string, std::string>> labels = {
        {"read", "Opslag"},
        {"search", "Søgning"},
        {"create", "Oprettelse"},
        {"update", "Ændring"},
        {"delete", "Sletning"},
        {"export", "Udtræk"},
        {"login", "Login"},
        {"login_failed", "Mislykket login"},
        {"login_throttled", "Login blokeret"},
        {"logout", "Log ud"},
        {"reauth_failed", "Mislykket bekræftelse"},
        {"password_changed", "Adgangskode skiftet"},
        {"password_set", "Adgangskode sat"},
        {"sessions_ended", "Sessioner afsluttet"},
        {"user_created", "Bruger oprettet"},
        {"user_disabled", "Bruger deaktiveret"},
        {"user_enabled", "Bruger aktiveret"},
        {"role_changed", "Rolle ændret"},
        {"api_token_created", "API-nøgle oprettet"},
        {"api_token_revoked", "API-nøgle spærret"},
        {"access_denied", "Adgang nægtet"},
        {"audit_pruned", "Log slettet efter opbevaringstid"},
    };
    return labels;
}

std::string action_label(const std::string& code) {
    for (const auto& [c, label] : action_labels())
        if (c == code) return label;
    return code;
}

std::string outcome_label(const std::string& code) {
    if (code == audit::k_outcome_ok) return "Udført";
    if (code == audit::k_outcome_denied) return "Afvist";
    if (code == audit::k_outcome_failed) return "Mislykket";
    return code;
}

std::string role_label(const std::string& code) {
    auto r = core::parse_role(code);
    return r ? std::string(core::role_label(*r)) : (code.empty() ? std::string("System") : code);
}

View row_view(const audit::Record& r) {
    View v;
    v.set("id", r.id).set("at", core::danish_local_time(r.at)).set("at_utc", core::iso_timestamp(r.at));
    v.set("username", r.username).set("role", r.role).set("action", r.action);
    v.set("object_type", r.object_type).set("object_id", r.object_id).set("criteria", r.criteria);
    v.set("purpose", r.purpose).set("client_ip", r.client_ip).set("request_id", r.request_id);
    v.set("outcome", r.outcome);
    v.set("action_label", action_label(r.action));
    v.set("outcome_label", outcome_label(r.outcome));
    v.set("role_label", role_label(r.role));
    return v;
}

std::string page_href(const Query& q, int page) {
    std::string h = "/admin/audit?page=" + std::to_string(page);
    auto add = [&](const char* k, const std::string& v) {
        if (!v.empty()) h += std::string("&") + k + "=" + web::encode_query_value(v);
    };
    add("username", q.username);
    add("action", q.action);
    add("object_type", q.object_type);
    add("object_id", q.object_id);
    add("from", q.from);
    add("to", q.to);
    return h;
}

/// Reads one page; the reader records that the log was read, in the same transaction.
core::Result<audit::AuditPage> read_page(const audit::AuditReader& reader, const core::Actor& actor,
                                         const Query& q) {
    const std::string criteria = "username=" + q.username + " action=" + q.action +
                                 " object=" + q.object_type + ":" + q.object_id + " from=" + q.from +
                                 " to=" + q.to;
    return reader.search(q.filter, criteria, actor);
}

}  // namespace

void register_routes(web::Router& router, const web::Site& site, const audit::AuditReader& reader,
                     int retention_months) {
    const web::Access admin = web::Access::roles({core::Role::Admin});
    const web::Site* s = &site;
    const audit::AuditReader* l = &reader;

    router.get(
        "/admin/audit", admin,
        [s, l, retention_months](RequestContext& ctx) {
            auto q = parse_query(ctx.query);
            std::optional<core::Error> error;
            Query query;
            if (q.ok())
                query = q.value();
            else
                error = q.error();
            View v;
            v.set("retention_months", static_cast<std::int64_t>(retention_months));
            const web::Form& f = ctx.query;
            v.set("username_field",
                  web::text_field({.id = "username", .label = "Bruger", .value = f.text("username")}, error));
            web::Options actions{{"", "Alle handlinger"}};
            for (const auto& a : action_labels()) actions.push_back(a);
            v.set("action_field",
                  web::select_field({.id = "action", .label = "Handling"}, actions, f.text("action"), error));
            v.set("object_type_field", web::text_field({.id = "object_type",
                                                        .label = "Posttype",
                                                        .value = f.text("object_type"),
                                                        .hint = "Fx citizen (borger) eller user (bruger)"},
                                                       error));
            v.set("object_id_field",
                  web::text_field({.id = "object_id", .label = "Post-id", .value = f.text("object_id")},
                                  error));
            v.set("from_field",
                  web::text_field(
                      {.id = "from", .label = "Fra dato", .value = f.text("from"), .hint = "ÅÅÅÅ-MM-DD"},
                      error));
            v.set("to_field",
                  web::text_field(
                      {.id = "to", .label = "Til og med dato", .value = f.text("to"), .hint = "ÅÅÅÅ-MM-DD"},
                      error));
            web::set_errors(v, error, "from");
            audit::AuditPage page;
            if (!error) {
                auto r = read_page(*l, *ctx.actor, query);
                if (!r.ok()) return s->from_error(ctx, r.error());
                page = std::move(r.value());
            }
            View::List rows;
            for (const auto& rec : page.rows) rows.push_back(row_view(rec));
            int page_no = query.filter.offset / k_page_size + 1;
            std::int64_t first = page.rows.empty() ? 0 : query.filter.offset + 1;
            v.set("first", first);
            v.set("last", static_cast<std::int64_t>(query.filter.offset + page.rows.size()));
            v.set("total", page.total);
            v.set("rows", std::move(rows));
            if (page_no > 1) v.set("prev_href", page_href(query, page_no - 1));
            if (query.filter.offset + static_cast<std::int64_t>(page.rows.size()) < page.total)
                v.set("next_href", page_href(query, page_no + 1));
            return s->page(ctx, "audit/log", v, error ? "Fejl: Log" : "Log", error ? 422 : 200);
        },
        "Audit log (admin)");

    router.get(
        "/api/v1/audit", admin,
        [s, l](RequestContext& ctx) {
            auto q = parse_query(ctx.query);
            if (!q.ok()) return s->from_error(ctx, q.error());
            auto r = read_page(*l, *ctx.actor, *q);
            if (!r.ok()) return s->from_error(ctx, r.error());
            View::List rows;
            for (const auto& rec : r->rows) rows.push_back(row_view(rec));
            View v;
            v.set("total", r->total);
            v.set("items", std::move(rows));
            return web::Site::json(200, v);
        },
        "Audit log entries (admin), newest first; filters username, action, object_type, object_id, from, "
        "to, page");
}

}  // namespace audit_http
