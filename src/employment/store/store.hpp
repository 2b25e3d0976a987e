#pragma once
/// The employment store: the one owner of the tables of migration 0007_employment.sql
/// (citizens and their tags, cooperation agreements with target groups and notes, hiring needs,
/// placements with follow-ups, attendance sheets, extensions and notes, jobs with hours and
/// fleksjob follow-ups, and the lists intervention_types, placement_outcomes and job_kinds).
///
/// A repository layer: typed functions over a db::Connection, run in the caller's transaction,
/// with the store's own embedded SQL. It holds no access rules and writes no audit rows — the
/// citizens, placements and jobs services decide who may do what; evaluation, the report, the
/// employment import, the 2018 fixture and openings read and write through it too. Every table
/// has exactly one INSERT here, so adding a column touches this package only.
#include "employment/store/agreements.hpp"
#include "employment/store/bulk.hpp"
#include "employment/store/case_history.hpp"
#include "employment/store/citizens.hpp"
#include "employment/store/jobs.hpp"
#include "employment/store/placements.hpp"
