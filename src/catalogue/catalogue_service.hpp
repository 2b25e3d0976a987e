#pragma once
/// The shared product and service catalogue (B1): items offered by social enterprises and
/// initiatives, the public Danish full-text search and the public enterprise profile.
///
/// Access is decided here, from the core::Actor:
///   - admin, consultant: create, change, publish, unpublish and delete every item, for any
///     social enterprise or initiative;
///   - enterprise user: the same, but only for its own enterprise (actor.enterprise_id): items
///     of other enterprises are NotFound and nothing changes; the enterprise of an item is
///     always its own (a posted enterprise_id is ignored);
///   - caseworker, buyer: no management (Forbidden).
/// The public functions (search, public_item, public_profile, filter_options) take no actor:
/// they only ever return published items of social enterprises and initiatives that are not
/// closed, and only the public fields of an enterprise. Drafts are unreachable through them.
/// Every change writes an audit row (object_type "catalogue_item") in the same transaction.
/// The catalogue's SQL reads the registry's tables (enterprises, their target groups, the
/// vocabularies) but never writes them. Thread-safe: one instance serves all requests.
#include <cstdint>
#include <functional>
#include <vector>

#include "audit/audit_log.hpp"
#include "catalogue/model.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace catalogue {

class CatalogueService {
public:
    CatalogueService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    CatalogueService(const CatalogueService&) = delete;
    CatalogueService& operator=(const CatalogueService&) = delete;

    // ---- management ----

    /// Creates a draft. Validation with field names (enterprise_id, title, description,
    /// category, price, unit, delivery_area) and Danish messages.
    core::Result<Item> create(const ItemInput& input, const core::Actor& actor);
    /// Replaces an item's fields (not its status). Enterprise users keep the stored enterprise.
    core::Result<Item> update(std::int64_t id, const ItemInput& input, const core::Actor& actor);
    core::Result<Item> publish(std::int64_t id, const core::Actor& actor);
    core::Result<Item> unpublish(std::int64_t id, const core::Actor& actor);
    core::Result<void> remove(std::int64_t id, const core::Actor& actor);
    /// One item whatever its status, for the edit form.
    core::Result<Item> get(std::int64_t id, const core::Actor& actor);
    /// Items for management: an enterprise user's own, everything for admin and consultant;
    /// by enterprise name and title.
    core::Result<ItemPage> list(const ManageFilter& filter, const core::Actor& actor);
    /// The enterprises the actor may offer items for (id as value, name as label).
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);
    /// Catalogue categories for the item form: the active ones, plus `keep` when it is an
    /// inactive value the item already has.
    core::Result<std::vector<Choice>> categories(const std::string& keep = {});

    // ---- public (no login) ----

    /// Danish full-text search over title and description with filters, sorting and paging.
    /// Validation on "q" when the text is longer than k_max_query characters or not UTF-8,
    /// on "sort" for an unknown order. Any text is safe: see search_query.hpp.
    core::Result<ItemPage> search(const SearchQuery& query);
    /// One published item; NotFound for drafts, unknown ids and non-public enterprises.
    core::Result<Item> public_item(std::int64_t id);
    /// The public profile with the published items; NotFound for unknown enterprises, kinds
    /// that are not social enterprises or initiatives, closed ones and those without
    /// published items.
    core::Result<PublicProfile> public_profile(std::int64_t enterprise_id);
    core::Result<FilterOptions> filter_options();

    /// Bulk import (docs/import.md): every row is validated exactly like create() (the same
    /// field names and Danish messages); `enterprise_id` of each input is used as typed, and for
    /// an enterprise user it must be its own. Returns the problems per row index; only when
    /// there are none (and !dry_run) are all rows stored in ONE transaction, with their status,
    /// one audit row each. `progress` is called with (rows checked, rows).
    struct ImportRow {
        ItemInput input;
        ItemStatus status = ItemStatus::Draft;
    };
    struct ImportProblem {
        std::size_t row = 0;  ///< index into rows
        std::string field;    ///< service field name (title, category, …)
        std::string message;
    };
    core::Result<std::vector<ImportProblem>> import_items(
        const std::vector<ImportRow>& rows, const core::Actor& actor, bool dry_run,
        const std::function<void(std::size_t, std::size_t)>& progress = {});

    /// Number of items (for the demo loader).
    core::Result<std::int64_t> count_all();

private:
    core::Result<Item> set_status(std::int64_t id, ItemStatus status, const core::Actor& actor);

    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace catalogue
