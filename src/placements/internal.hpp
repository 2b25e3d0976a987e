#pragma once
/// Helpers shared by the PlacementsService translation units (not part of the interface).
#include <optional>
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/result.hpp"
#include "core/validate.hpp"
#include "db/database.hpp"
#include "employment/store/agreements.hpp"
#include "employment/store/citizens.hpp"
#include "employment/store/placements.hpp"
#include "placements/model.hpp"

namespace placements {
namespace store = employment::store;
}  // namespace placements

namespace placements::detail {

using core::check_date;  // dates on or after 2000-01-01 (core::k_default_earliest_date)
using core::check_text;
/// A whole number in [lo, hi]; nullopt (and a message) otherwise.
std::optional<int> check_int(core::Validator& v, std::string_view field, std::string_view text, int lo,
                             int hi, std::string_view what);
std::optional<std::int64_t> parse_id(std::string_view text);

Agreement agreement_from(const store::AgreementRecord& r);
core::Result<Agreement> load_agreement(db::Connection& conn, std::int64_t id);
Placement placement_from(const store::PlacementRecord& r);
std::vector<Placement> placements_from(const std::vector<store::PlacementRecord>& rows);
core::Result<Placement> load_placement(db::Connection& conn, std::int64_t id);
Capacity capacity_from(const store::CapacityCounts& r);
core::Result<std::optional<Capacity>> load_capacity(db::Connection& conn, core::Date today,
                                                    std::int64_t enterprise);

/// "Forløb 12 (Sumak)" — what an audit row's criteria names.
std::string placement_label(const Placement& p);

}  // namespace placements::detail
