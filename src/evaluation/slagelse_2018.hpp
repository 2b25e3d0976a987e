#pragma once
/// The Slagelse 2018 data set (003 §6.5, §6.8, §6.9) as fictitious demo and test data: the two
/// cooperation agreements with Sumak (agreement 1) and VeteranHaven (agreement 2), their
/// placements with plans, follow-ups, attendance sheets, extensions, notes and outcomes, so that
/// evaluating 2016-08-01 – 2018-08-01 gives the report's counts; and the jobs of 2018 (35 via
/// the jobcenter, 29 via other channels) with hours history, plus "Victor"'s fleksjob from
/// 2016-09-08 (4,5 timer at 80 %) up to 15 timer at 100 % in January 2019. docs/evaluation.md
/// lists every choice the report leaves open.
///
/// Citizens are made up (first name + initial, case references DEMO-0001 …). The enterprises
/// Sumak and VeteranHaven must exist in the registry (enterprises::load_demo creates them).
/// Loads in ONE transaction through the employment store (the same INSERTs the services and
/// the import use). Idempotent: when DEMO-0001 exists nothing is loaded.
#include <cstdint>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace evaluation {

inline constexpr const char* k_agreement_1_title = "Samarbejdsaftale 1: Forløb i Sumak";
inline constexpr const char* k_agreement_2_title = "Samarbejdsaftale 2: Forløb i VeteranHaven";

struct Summary {
    bool loaded = false;           ///< false when the data set was already there
    std::int64_t agreement_1 = 0;  ///< Sumak
    std::int64_t agreement_2 = 0;  ///< VeteranHaven
    std::int64_t citizens = 0;
    std::int64_t placements = 0;
    std::int64_t jobs = 0;
};

/// Loads the data set. Validation when Sumak or VeteranHaven is missing from the registry.
core::Result<Summary> load_slagelse_2018(db::Database& db, const core::Clock& clock);

}  // namespace evaluation
