#pragma once
/// The employment store: what a bulk import reads in one go before it checks its rows — every
/// citizen, agreement, intervention type, job kind, existing placement and job key, and the
/// slots held — so that a 100 000-row file is checked in memory. The bulk writes are
/// insert_placements and insert_jobs (placements.hpp, jobs.hpp); all of it runs on the
/// caller's one connection and transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

struct CitizenRef {
    std::int64_t id = 0;
    std::string case_ref;
    std::string name;
    std::string target_group;  ///< "" when none
    bool anonymised = false;
};
core::Result<std::vector<CitizenRef>> all_citizens(db::Connection& conn);

struct AgreementRef {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string title;
    std::string start_date;
    std::optional<std::string> end_date;
    std::int64_t slots = 0;
    std::int64_t frame_weeks = 0;
};
/// By id.
core::Result<std::vector<AgreementRef>> all_agreements(db::Connection& conn);

struct InterventionTypeRef {
    std::int64_t id = 0;
    std::string code;
    std::string name;
    std::string valid_from;
    std::optional<std::string> valid_to;
};
/// By id.
core::Result<std::vector<InterventionTypeRef>> all_intervention_types(db::Connection& conn);

struct JobKindRef {
    std::string code;
    std::string label;
    bool is_fleksjob = false;
    bool active = true;
};
/// By sort, then id.
core::Result<std::vector<JobKindRef>> all_job_kinds(db::Connection& conn);

/// The key of a stored placement (citizen, enterprise, referral date) or job (…, hiring date).
struct CaseKey {
    std::int64_t citizen_id = 0;
    std::int64_t enterprise_id = 0;
    std::string date;
};
core::Result<std::vector<CaseKey>> placement_keys(db::Connection& conn);
core::Result<std::vector<CaseKey>> job_keys(db::Connection& conn);

/// A placement that holds (or held) a slot of an agreement: referred or active ones from the
/// referral on (no end), ended ones from the referral to the end.
struct SlotHolder {
    std::int64_t agreement_id = 0;
    std::string from;
    std::string to;  ///< "" when not ended
};
core::Result<std::vector<SlotHolder>> slot_holders(db::Connection& conn);

}  // namespace employment::store
