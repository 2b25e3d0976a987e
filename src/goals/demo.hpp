#pragma once
/// Demo data for goals (F1): the Slagelse goals of 003 §1 — 25 social enterprises and
/// initiatives by the end of 2020 (period 2017–2020, reached by the period's end) and 30 jobs
/// every year via the jobcentre (2017–2020, strategy point 6.8) — plus a few sensible others
/// (4 network meetings a year, registered RSVs by the end of 2020). Goes through GoalService
/// (validation and audit) as the system actor. Idempotent: nothing is loaded when any goal
/// exists.
#include "core/result.hpp"
#include "goals/goal_service.hpp"

namespace goals {

/// Loads the demo goals through `service`; returns how many were created (0 when goals existed
/// already).
core::Result<int> load_demo(GoalService& service);

}  // namespace goals
