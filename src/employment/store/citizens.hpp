#pragma once
/// The employment store: citizens and their tags (0007_employment.sql). Typed reads and writes
/// over a db::Connection in the caller's transaction; no access rules and no audit rows — those
/// are the citizens service's (and every other caller's) business.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

/// What is written to a citizens row (the single INSERT and the UPDATE). The lower-cased
/// name_key is derived by the store.
struct CitizenFields {
    std::string case_ref;
    std::string name;
    std::optional<std::string> target_group;       ///< vocabulary code (kind target_group)
    std::optional<std::int64_t> wished_hours_min;  ///< hundredths of an hour per week
    std::optional<std::int64_t> wished_hours_max;
    std::optional<std::string> postcode;
    std::optional<std::string> transport;  ///< car, public, bike, walk
    std::string note;
    bool legal_hold = false;
    std::string legal_hold_reason;
};

/// A citizens row. Timestamps as stored ('YYYY-MM-DDTHH:MM:SSZ').
struct CitizenRecord {
    std::int64_t id = 0;
    std::string case_ref;
    std::string name;
    std::optional<std::string> target_group;
    std::optional<std::int64_t> wished_hours_min;
    std::optional<std::int64_t> wished_hours_max;
    std::optional<std::string> postcode;
    std::optional<std::string> transport;
    std::string note;
    bool legal_hold = false;
    std::string legal_hold_reason;
    std::optional<std::string> anonymised_at;
    std::string created_at;
    std::string updated_at;
};

/// One tag of a citizen: kind accommodation, competence or interest.
struct CitizenTag {
    std::string kind;
    std::string tag;
};

/// Inserts a citizen; returns the new id. Conflict when the case reference is taken.
core::Result<std::int64_t> insert_citizen(db::Connection& conn, const CitizenFields& fields,
                                          const std::string& now);
/// Replaces every field of citizen `id`.
core::Result<void> update_citizen(db::Connection& conn, std::int64_t id, const CitizenFields& fields,
                                  const std::string& now);
/// Sets only the target group (the import).
core::Result<void> set_citizen_target_group(db::Connection& conn, std::int64_t id,
                                            const std::string& target_group, const std::string& now);
core::Result<std::optional<CitizenRecord>> citizen_by_id(db::Connection& conn, std::int64_t id);
core::Result<std::optional<CitizenRecord>> citizen_by_case_ref(db::Connection& conn,
                                                               const std::string& case_ref);
/// Citizens whose name or case reference contains `search` (compared lower-cased; "" = all)
/// and, unless "", with target group `target_group`; by name, at most 1 000.
core::Result<std::vector<CitizenRecord>> list_citizens(db::Connection& conn, const std::string& search,
                                                       const std::string& target_group);
/// The names of the citizens `ids` (unknown ids are left out).
core::Result<std::unordered_map<std::int64_t, std::string>> citizen_names(
    db::Connection& conn, const std::vector<std::int64_t>& ids);

/// Every tag of a citizen, by kind and tag.
core::Result<std::vector<CitizenTag>> citizen_tags(db::Connection& conn, std::int64_t citizen_id);
/// The tags of one kind ("accommodation", …), in order.
core::Result<std::vector<std::string>> citizen_tags_of_kind(db::Connection& conn, std::int64_t citizen_id,
                                                            const std::string& kind);
/// Replaces a citizen's tags.
core::Result<void> replace_citizen_tags(db::Connection& conn, std::int64_t citizen_id,
                                        const std::vector<CitizenTag>& tags);

}  // namespace employment::store
