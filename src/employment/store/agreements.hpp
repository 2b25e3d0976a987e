#pragma once
/// The employment store: cooperation agreements with their target groups and notes (C1), and
/// the read-only views of an agreement's placements that its evaluation (C4) needs — figures
/// and dates, nothing about the citizens. Runs in the caller's transaction; no access rules.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace employment::store {

/// What is written to an agreements row (the single INSERT and the UPDATE).
struct AgreementFields {
    std::int64_t enterprise_id = 0;
    std::string title;
    core::Date start_date;
    std::optional<core::Date> end_date;
    int slots = 0;
    int frame_weeks = 0;
    int extension_weeks = 0;
    int plan_deadline_days = 0;
    int attendance_interval_months = 2;
    std::string target_description;
    std::int64_t price_ore = 0;
    std::string price_unit = "per_placement";
    std::string deliverables;
};

/// An agreement with its enterprise's name and its slots in use (referred + active placements)
/// and waiting.
struct AgreementRecord {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::string title;
    core::Date start_date;
    std::optional<core::Date> end_date;
    int slots = 0;
    int frame_weeks = 0;
    int extension_weeks = 0;
    int plan_deadline_days = 0;
    int attendance_interval_months = 2;
    std::string target_description;
    std::int64_t price_ore = 0;
    std::string price_unit;
    std::string deliverables;
    int in_use = 0;
    int waiting = 0;
};

struct NewAgreementNote {
    std::int64_t agreement_id = 0;
    std::string topic;  ///< cooperation, effects, deliverables, general
    core::Date noted_on;
    std::string text;
    std::optional<std::int64_t> author_user_id;
};

struct AgreementNoteRecord {
    std::int64_t id = 0;
    std::string topic;
    core::Date noted_on;
    std::string text;
};

core::Result<std::int64_t> insert_agreement(db::Connection& conn, const AgreementFields& fields,
                                            const std::string& now);
core::Result<void> update_agreement(db::Connection& conn, std::int64_t id, const AgreementFields& fields,
                                    const std::string& now);
core::Result<std::optional<AgreementRecord>> agreement_by_id(db::Connection& conn, std::int64_t id);
/// Agreements, newest start first, of one enterprise (0 = all); at most 1 000.
core::Result<std::vector<AgreementRecord>> list_agreements(db::Connection& conn, std::int64_t enterprise_id);
/// Agreements that ran on at least one day of [from, to], by enterprise name.
core::Result<std::vector<AgreementRecord>> agreements_running(db::Connection& conn, core::Date from,
                                                              core::Date to);
/// (id, title) of the agreements titled `a` or `b`, by id.
core::Result<std::vector<std::pair<std::int64_t, std::string>>> agreements_titled(db::Connection& conn,
                                                                                  const std::string& a,
                                                                                  const std::string& b);

core::Result<void> insert_agreement_target_group(db::Connection& conn, std::int64_t agreement_id,
                                                 const std::string& code);
/// The target group codes of an agreement, by code.
core::Result<std::vector<std::string>> agreement_target_groups(db::Connection& conn,
                                                               std::int64_t agreement_id);
/// Replaces the target groups (duplicates are stored once).
core::Result<void> replace_agreement_target_groups(db::Connection& conn, std::int64_t agreement_id,
                                                   const std::vector<std::string>& codes);

core::Result<std::int64_t> insert_agreement_note(db::Connection& conn, const NewAgreementNote& note,
                                                 const std::string& now);
/// An agreement's notes by date; with `from`/`to` only those dated within [from, to].
core::Result<std::vector<AgreementNoteRecord>> agreement_notes(db::Connection& conn,
                                                               std::int64_t agreement_id);
core::Result<std::vector<AgreementNoteRecord>> agreement_notes_between(db::Connection& conn,
                                                                       std::int64_t agreement_id,
                                                                       core::Date from, core::Date to);

// ---- what the evaluation of an agreement reads (no citizen columns) ----

struct EvaluatedPlacement {
    std::int64_t id = 0;
    std::string status;
    core::Date referred_on;
    std::optional<core::Date> start_date;
    std::optional<core::Date> end_date;
    std::string outcome_code;  ///< "" when none
    std::string outcome_label;
    std::string outcome_group;
    std::optional<core::Date> plan_made_on;
    std::optional<bool> plan_owned;
    std::string no_plan_reason;
};

/// The agreement's placements referred on or before `until`, cancelled ones left out, by id.
core::Result<std::vector<EvaluatedPlacement>> agreement_placements(db::Connection& conn,
                                                                   std::int64_t agreement_id,
                                                                   core::Date until);
/// (placement id, date) of the follow-ups held within [from, to] on the agreement's placements.
core::Result<std::vector<std::pair<std::int64_t, core::Date>>> agreement_followups(db::Connection& conn,
                                                                                   std::int64_t agreement_id,
                                                                                   core::Date from,
                                                                                   core::Date to);
/// (placement id, period end) of the attendance sheets whose period ends within [from, to].
core::Result<std::vector<std::pair<std::int64_t, core::Date>>> agreement_attendance(db::Connection& conn,
                                                                                    std::int64_t agreement_id,
                                                                                    core::Date from,
                                                                                    core::Date to);
/// How many progress notes were written within [from, to] on the agreement's placements.
core::Result<std::int64_t> agreement_progress_notes(db::Connection& conn, std::int64_t agreement_id,
                                                    core::Date from, core::Date to);

}  // namespace employment::store
