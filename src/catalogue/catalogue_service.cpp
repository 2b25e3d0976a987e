// CatalogueService: validation, record-level access, storage and the public search.
#include "catalogue/catalogue_service.hpp"

#include <algorithm>
#include <cstdlib>
#include <span>

#include "catalogue/search_query.hpp"
#include "catalogue/sql.hpp"
#include "core/date.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"

namespace catalogue {

namespace {

/// Who may manage items at all.
core::Result<void> check_manager(const core::Actor& a) {
    if (a.is_staff()) return {};
    if (a.role == core::Role::Enterprise) return {};
    return core::Error::forbidden("Kun virksomheder og kommunens konsulenter kan redigere kataloget.");
}

/// Record-level access to an item of enterprise `enterprise_id`: other enterprises' items are
/// NotFound for enterprise users (as if they did not exist).
core::Result<void> check_item(const core::Actor& a, std::int64_t enterprise_id) {
    BB_TRY(check_manager(a));
    if (a.role == core::Role::Enterprise && (!a.enterprise_id || *a.enterprise_id != enterprise_id))
        return core::Error::not_found();
    return {};
}

using core::check_text;
using enterprises::VocabularyKind;
namespace directory = enterprises::directory;

using audit::user_ref;

core::UnixSeconds ts(const std::string& text) {
    return core::parse_iso_timestamp(text).value_or(0);
}

Item item_from_row(const db::Row& r) {
    Item i;
    i.id = r.int64(0);
    i.enterprise_id = r.int64(1);
    i.enterprise_name = r.text(2);
    i.title = r.text(3);
    i.description = r.text(4);
    i.category = r.text(5);
    i.category_label = r.text(6);
    i.price_oere = r.opt_int64(7);
    i.unit = r.text(8);
    i.delivery_area = r.text(9);
    i.status = parse_item_status(r.text(10)).value_or(ItemStatus::Draft);
    if (auto p = r.opt_text(11)) i.published_at = ts(*p);
    i.created_at = ts(r.text(12));
    i.updated_at = ts(r.text(13));
    i.municipality = r.text(14);
    return i;
}

core::Result<Item> load_item(db::Connection& conn, std::int64_t id) {
    BB_ASSIGN(auto rows, conn.query(sql::item_by_id, {id}));
    if (rows.empty()) return core::Error::not_found();
    return item_from_row(rows.first());
}

/// The checked values of an input.
struct Parsed {
    std::int64_t enterprise_id = 0;
    std::string title;
    std::string description;
    std::string category;
    std::optional<std::int64_t> price_oere;
    std::string unit;
    std::string delivery_area;
};

/// Validates `in`. `forced_enterprise` is the enterprise the item must belong to (an
/// enterprise user's own, or the stored one) — then enterprise_id in `in` is ignored.
/// `current_category` may be kept even when it has been deactivated.
core::Result<Parsed> parse_input(db::Connection& conn, const ItemInput& in,
                                 std::optional<std::int64_t> forced_enterprise,
                                 const std::string& current_category) {
    core::Validator v;
    Parsed p;
    if (forced_enterprise) {
        p.enterprise_id = *forced_enterprise;
    } else {
        BB_ASSIGN(
            auto found,
            directory::check_choice(
                conn, v, "enterprise_id", in.enterprise_id,
                {.scope = directory::Scope::SocialEconomy,
                 .missing = "Vælg virksomheden, der udbyder varen eller ydelsen.",
                 .out_of_scope =
                     "Kataloget er for socialøkonomiske virksomheder og initiativer. Vælg en af dem."}));
        if (found) p.enterprise_id = found->id;
    }
    p.title = std::string(core::trim(in.title));
    if (p.title.empty())
        v.add("title", "Skriv en titel på varen eller ydelsen.");
    else
        check_text(v, "title", p.title, k_max_title, "Titlen");
    p.description = std::string(core::trim(in.description));
    check_text(v, "description", p.description, k_max_description, "Beskrivelsen");

    p.category = std::string(core::trim(in.category));
    if (p.category.empty()) {
        v.add("category", "Vælg en kategori.");
    } else {
        BB_ASSIGN(auto found,
                  directory::vocabulary_entry(conn, VocabularyKind::CatalogueCategory, p.category));
        const bool active = found && found->active;
        const bool kept = found && p.category == current_category;
        if (!active && !kept) v.add("category", "Vælg en kategori fra listen.");
    }

    auto price = parse_price(in.price, "price");
    if (!price.ok())
        for (const auto& f : price.error().fields) v.add(f.field, f.message);
    else
        p.price_oere = *price;

    p.unit = std::string(core::trim(in.unit));
    check_text(v, "unit", p.unit, k_max_unit, "Enheden");
    if (p.price_oere && p.unit.empty())
        v.add("unit", "Skriv, hvad prisen gælder for, fx stk., time eller kuvert.");
    p.delivery_area = std::string(core::trim(in.delivery_area));
    check_text(v, "delivery_area", p.delivery_area, k_max_delivery_area, "Leveringsområdet");
    if (!v.ok()) return v.error();
    return p;
}

std::string description_key_of(const Parsed& p) {
    return core::to_lower_danish(p.description);
}

}  // namespace

CatalogueService::CatalogueService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit)
    : m_db(db), m_clock(clock), m_audit(audit) {}

// ---- management --------------------------------------------------------------------------------

core::Result<Item> CatalogueService::create(const ItemInput& input, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    std::optional<std::int64_t> forced;
    if (actor.role == core::Role::Enterprise) {
        if (!actor.enterprise_id)
            return core::Error::forbidden("Din bruger er ikke knyttet til en virksomhed.");
        forced = *actor.enterprise_id;
    }
    return m_db.write([&](db::Connection& conn) -> core::Result<Item> {
        BB_ASSIGN(Parsed p, parse_input(conn, input, forced, {}));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_ASSIGN(auto inserted, conn.query(sql::item_insert,
                                            {p.enterprise_id, p.title, core::to_lower_danish(p.title),
                                             p.description, p.category, db::opt(p.price_oere), p.unit,
                                             p.delivery_area, description_key_of(p), now, user_ref(actor)}));
        const std::int64_t id = inserted.first().int64(0);
        BB_TRY(m_audit.record(conn, actor, "create", "catalogue_item", std::to_string(id),
                              "virksomhed " + std::to_string(p.enterprise_id)));
        return load_item(conn, id);
    });
}

core::Result<Item> CatalogueService::update(std::int64_t id, const ItemInput& input,
                                            const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Item> {
        BB_ASSIGN(Item current, load_item(conn, id));
        BB_TRY(check_item(actor, current.enterprise_id));
        std::optional<std::int64_t> forced;
        if (actor.role == core::Role::Enterprise) forced = current.enterprise_id;
        BB_ASSIGN(Parsed p, parse_input(conn, input, forced, current.category));
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(conn.query(sql::item_update, {id, p.enterprise_id, p.title, core::to_lower_danish(p.title),
                                             p.description, p.category, db::opt(p.price_oere), p.unit,
                                             p.delivery_area, description_key_of(p), now, user_ref(actor)}));
        BB_TRY(m_audit.record(conn, actor, "update", "catalogue_item", std::to_string(id)));
        return load_item(conn, id);
    });
}

core::Result<Item> CatalogueService::set_status(std::int64_t id, ItemStatus status,
                                                const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<Item> {
        BB_ASSIGN(Item current, load_item(conn, id));
        BB_TRY(check_item(actor, current.enterprise_id));
        if (current.status == status) return current;
        const std::string now = core::iso_timestamp(m_clock.now());
        BB_TRY(conn.query(sql::item_set_status,
                          {id, std::string(item_status_code(status)), now, user_ref(actor)}));
        BB_TRY(m_audit.record(conn, actor, status == ItemStatus::Published ? "publish" : "unpublish",
                              "catalogue_item", std::to_string(id)));
        return load_item(conn, id);
    });
}

core::Result<Item> CatalogueService::publish(std::int64_t id, const core::Actor& actor) {
    return set_status(id, ItemStatus::Published, actor);
}

core::Result<Item> CatalogueService::unpublish(std::int64_t id, const core::Actor& actor) {
    return set_status(id, ItemStatus::Draft, actor);
}

core::Result<void> CatalogueService::remove(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(Item current, load_item(conn, id));
        BB_TRY(check_item(actor, current.enterprise_id));
        BB_TRY(conn.query(sql::item_delete, {id}));
        return m_audit.record(conn, actor, "delete", "catalogue_item", std::to_string(id), current.title);
    });
}

core::Result<Item> CatalogueService::get(std::int64_t id, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    BB_ASSIGN(Item item, m_db.read([&](db::Connection& conn) { return load_item(conn, id); }));
    BB_TRY(check_item(actor, item.enterprise_id));
    return item;
}

core::Result<ItemPage> CatalogueService::list(const ManageFilter& filter, const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    std::int64_t only = 0;
    if (actor.role == core::Role::Enterprise) {
        if (!actor.enterprise_id) return ItemPage{};
        only = *actor.enterprise_id;
    }
    ItemPage page;
    page.page_size = std::clamp(filter.page_size, 1, 200);
    page.page = std::clamp(filter.page, 1, 1'000'000);
    const std::string status = parse_item_status(filter.status) ? filter.status : std::string();
    return m_db.read([&](db::Connection& conn) -> core::Result<ItemPage> {
        BB_ASSIGN(auto count, conn.query(sql::manage_count, {only, status}));
        page.total = count.empty() ? 0 : count.first().int64(0);
        BB_ASSIGN(auto rows,
                  conn.query(sql::manage_list, {only, status, static_cast<std::int64_t>(page.page_size),
                                                static_cast<std::int64_t>(page.page - 1) * page.page_size}));
        for (const auto& r : rows.rows) page.items.push_back(item_from_row(r));
        return page;
    });
}

core::Result<std::vector<Choice>> CatalogueService::enterprise_choices(const core::Actor& actor) {
    BB_TRY(check_manager(actor));
    std::int64_t only = 0;
    if (actor.role == core::Role::Enterprise) {
        if (!actor.enterprise_id) return std::vector<Choice>{};
        only = *actor.enterprise_id;
    }
    return m_db.read([&](db::Connection& conn) {
        return directory::choices(conn, directory::Scope::SocialEconomy, only);
    });
}

core::Result<std::vector<Choice>> CatalogueService::categories(const std::string& keep) {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::vector<Choice>> {
        BB_ASSIGN(auto out, directory::vocabulary_choices(conn, VocabularyKind::CatalogueCategory));
        bool has_keep = keep.empty();
        for (const auto& c : out)
            if (c.value == keep) has_keep = true;
        if (!has_keep) {
            BB_ASSIGN(auto found, directory::vocabulary_entry(conn, VocabularyKind::CatalogueCategory, keep));
            if (found) out.push_back({keep, found->label + " (udgået)"});
        }
        return out;
    });
}

core::Result<std::vector<CatalogueService::ImportProblem>> CatalogueService::import_items(
    const std::vector<ImportRow>& rows, const core::Actor& actor, bool dry_run,
    const std::function<void(std::size_t, std::size_t)>& progress) {
    BB_TRY(check_manager(actor));
    std::vector<ImportProblem> problems;
    std::vector<Parsed> parsed;
    auto check = [&](db::Connection& conn) -> core::Result<void> {
        parsed.reserve(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            auto p = parse_input(conn, rows[i].input, std::nullopt, {});
            if (!p.ok()) {
                if (p.error().code != core::ErrorCode::Validation) return p.error();
                for (const auto& f : p.error().fields) problems.push_back({i, f.field, f.message});
            } else if (actor.role == core::Role::Enterprise &&
                       (!actor.enterprise_id || *actor.enterprise_id != p->enterprise_id)) {
                problems.push_back(
                    {i, "enterprise_id", "Du kan kun importere varer for din egen virksomhed."});
            } else {
                parsed.push_back(std::move(*p));
            }
            if (progress && ((i + 1) % 1000 == 0 || i + 1 == rows.size())) progress(i + 1, rows.size());
        }
        return {};
    };
    if (dry_run) {
        BB_TRY(m_db.read(check));
        return problems;
    }
    BB_TRY(m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_TRY(check(conn));
        if (!problems.empty()) return {};
        const std::string now = core::iso_timestamp(m_clock.now());
        for (std::size_t i = 0; i < parsed.size(); ++i) {
            const Parsed& p = parsed[i];
            BB_ASSIGN(
                auto inserted,
                conn.query(sql::item_insert, {p.enterprise_id, p.title, core::to_lower_danish(p.title),
                                              p.description, p.category, db::opt(p.price_oere), p.unit,
                                              p.delivery_area, description_key_of(p), now, user_ref(actor)}));
            const std::int64_t id = inserted.first().int64(0);
            BB_TRY(m_audit.record(conn, actor, "import", "catalogue_item", std::to_string(id),
                                  "virksomhed " + std::to_string(p.enterprise_id)));
            if (rows[i].status == ItemStatus::Published) {
                BB_TRY(conn.query(
                    sql::item_set_status,
                    {id, std::string(item_status_code(ItemStatus::Published)), now, user_ref(actor)}));
            }
        }
        return {};
    }));
    return problems;
}

core::Result<std::int64_t> CatalogueService::count_all() {
    return m_db.read([&](db::Connection& conn) -> core::Result<std::int64_t> {
        BB_ASSIGN(auto rows, conn.query(sql::count_all));
        return rows.empty() ? std::int64_t{0} : rows.first().int64(0);
    });
}

// ---- public --------------------------------------------------------------------------------------

core::Result<ItemPage> CatalogueService::search(const SearchQuery& q) {
    core::Validator v;
    if (!core::is_valid_utf8(q.q))
        v.add("q", "Søgeteksten indeholder ugyldige tegn.");
    else if (core::utf8_length(q.q) > k_max_query)
        v.add("q", "Søgeteksten må højst være " + std::to_string(k_max_query) + " tegn.");
    std::optional<Sort> sort;
    const std::string sort_text(core::trim(q.sort));
    if (!sort_text.empty()) {
        sort = parse_sort(sort_text);
        if (!sort) v.add("sort", "Vælg en sortering fra listen.");
    }
    if (!v.ok()) return v.error();

    const std::vector<std::string> words = search_words(q.q);
    const bool text = !words.empty();
    ItemPage page;
    page.sort = sort.value_or(text ? Sort::Relevance : Sort::Title);
    if (!text && page.sort == Sort::Relevance) page.sort = Sort::Title;
    page.page_size = std::clamp(q.page_size, 1, 100);
    page.page = std::clamp(q.page, 1, 100'000);

    return m_db.read([&](db::Connection& conn) -> core::Result<ItemPage> {
        const db::Dialect d = conn.dialect();
        std::string expression;
        if (text)
            expression = d == db::Dialect::Sqlite ? fts5_match_expression(words) : tsquery_expression(words);
        std::vector<db::Value> params{expression,
                                      std::string(core::trim(q.category)),
                                      std::string(core::trim(q.municipality)),
                                      std::string(core::trim(q.target_group)),
                                      std::string(core::trim(q.rsv)),
                                      std::int64_t{0}};
        BB_ASSIGN(auto count, conn.query(text ? sql::search_text_count : sql::search_browse_count, params));
        page.total = count.empty() ? 0 : count.first().int64(0);
        params.emplace_back(std::string(sort_code(page.sort)));
        params.emplace_back(static_cast<std::int64_t>(page.page_size));
        params.emplace_back(static_cast<std::int64_t>(page.page - 1) * page.page_size);
        BB_ASSIGN(auto rows, conn.query(text ? sql::search_text : sql::search_browse, params));
        for (const auto& r : rows.rows) page.items.push_back(item_from_row(r));
        return page;
    });
}

core::Result<Item> CatalogueService::public_item(std::int64_t id) {
    return m_db.read([&](db::Connection& conn) -> core::Result<Item> {
        BB_ASSIGN(auto rows, conn.query(sql::public_item, {id}));
        if (rows.empty()) return core::Error::not_found();
        return item_from_row(rows.first());
    });
}

core::Result<PublicProfile> CatalogueService::public_profile(std::int64_t enterprise_id) {
    return m_db.read([&](db::Connection& conn) -> core::Result<PublicProfile> {
        BB_ASSIGN(auto rows, conn.query(sql::profile, {enterprise_id}));
        if (rows.empty()) return core::Error::not_found();
        const db::Row& r = rows.first();
        PublicProfile p;
        p.id = r.int64(0);
        p.name = r.text(1);
        p.kind_label = r.text(2) == "initiative" ? "Socialøkonomisk initiativ" : "Socialøkonomisk virksomhed";
        p.municipality = r.text(3);
        p.purpose = r.text(4);
        p.description = r.text(5);
        p.website = r.text(6);
        p.registered_rsv = r.text(7) == "registered_rsv";
        BB_ASSIGN(auto groups, conn.query(sql::profile_target_groups, {enterprise_id}));
        for (const auto& g : groups.rows) p.target_groups.push_back(g.text(0));
        BB_ASSIGN(auto items,
                  conn.query(sql::search_browse,
                             {std::string(), std::string(), std::string(), std::string(), std::string(),
                              enterprise_id, std::string("title"), std::int64_t{500}, std::int64_t{0}}));
        for (const auto& row : items.rows) p.items.push_back(item_from_row(row));
        return p;
    });
}

core::Result<FilterOptions> CatalogueService::filter_options() {
    return m_db.read([&](db::Connection& conn) -> core::Result<FilterOptions> {
        FilterOptions o;
        BB_ASSIGN(o.categories, directory::vocabulary_choices(conn, VocabularyKind::CatalogueCategory));
        BB_ASSIGN(o.target_groups, directory::vocabulary_choices(conn, VocabularyKind::TargetGroup));
        BB_ASSIGN(auto munis, conn.query(sql::public_municipalities));
        for (const auto& r : munis.rows) o.municipalities.push_back(r.text(0));
        return o;
    });
}

}  // namespace catalogue
