#pragma once
/// Plain data for citizens (issue 4 item 1 and 9): a citizen identified by the municipality's
/// case reference (never a CPR number), tags for accommodations (skånehensyn), competences
/// and interests, wished hours, retention settings and the subject export (docs/citizens.md).
/// No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace citizens {

/// Length caps (characters) and limits.
inline constexpr std::size_t k_max_case_ref = 40;
inline constexpr std::size_t k_max_name = 200;
inline constexpr std::size_t k_max_note = 2000;
inline constexpr std::size_t k_max_hold_reason = 500;
inline constexpr std::size_t k_max_tag = 60;
inline constexpr std::size_t k_max_tags = 30;
/// The purpose written on audit rows of the caseworker's daily work.
inline constexpr std::string_view k_purpose_casework = "sagsbehandling";
/// The purpose written on audit rows of the retention rule.
inline constexpr std::string_view k_purpose_retention = "opbevaringsregel";

/// Retention (issue item 9): settings `citizen_retention_months` and `citizen_retention_mode`.
inline constexpr int k_default_retention_months = 24;
inline constexpr int k_min_retention_months = 6;
inline constexpr int k_max_retention_months = 120;

enum class Transport { Car, Public, Bike, Walk };
inline constexpr Transport k_all_transports[] = {Transport::Car, Transport::Public, Transport::Bike,
                                                 Transport::Walk};
std::string_view transport_code(Transport t);   ///< "car", "public", "bike", "walk"
std::string_view transport_label(Transport t);  ///< "Bil", "Offentlig transport", "Cykel", "Til fods"
std::optional<Transport> parse_transport(std::string_view code);

enum class TagKind { Accommodation, Competence, Interest };
inline constexpr TagKind k_all_tag_kinds[] = {TagKind::Accommodation, TagKind::Competence, TagKind::Interest};
std::string_view tag_kind_code(TagKind k);  ///< "accommodation", "competence", "interest"
std::optional<TagKind> parse_tag_kind(std::string_view code);

enum class RetentionMode { Delete, Anonymise };
std::string_view retention_mode_code(RetentionMode m);   ///< "delete", "anonymise"
std::string_view retention_mode_label(RetentionMode m);  ///< "Slet", "Anonymisér"
std::optional<RetentionMode> parse_retention_mode(std::string_view code);

/// True when `text` looks like a CPR number: six digits, an optional dash (or space), four
/// digits — alone or inside a longer reference ("SAG-010190-1234").
bool looks_like_cpr(std::string_view text);

/// Splits comma-separated tags, trims, lower-cases (Danish), drops empties and duplicates
/// (first occurrence order). Validation on `field` for a tag over k_max_tag characters, more
/// than k_max_tags tags or invalid text.
core::Result<std::vector<std::string>> parse_tags(std::string_view text, std::string_view field);
/// Tags joined as they are typed: "truck, lager".
std::string join_tags(const std::vector<std::string>& tags);

/// What a caseworker types (every field as text).
struct CitizenInput {
    std::string case_ref;
    std::string name;
    std::string target_group;      ///< vocabulary code (kind target_group) or ""
    std::string accommodations;    ///< comma-separated
    std::string competences;       ///< comma-separated
    std::string interests;         ///< comma-separated
    std::string wished_hours_min;  ///< "15", "7,5"; optional
    std::string wished_hours_max;
    std::string postcode;   ///< 4 digits, optional
    std::string transport;  ///< "car", "public", "bike", "walk" or ""
    std::string note;
    bool legal_hold = false;
    std::string legal_hold_reason;
};

struct Citizen {
    std::int64_t id = 0;
    std::string case_ref;
    std::string name;
    std::optional<std::string> target_group;
    std::string target_group_label;  ///< from the vocabulary ("" when none)
    std::vector<std::string> accommodations;
    std::vector<std::string> competences;
    std::vector<std::string> interests;
    std::optional<std::int64_t> wished_hours_min;  ///< hundredths
    std::optional<std::int64_t> wished_hours_max;
    std::optional<std::string> postcode;
    std::optional<Transport> transport;
    std::string note;
    bool legal_hold = false;
    std::string legal_hold_reason;
    std::optional<core::UnixSeconds> anonymised_at;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
};

/// The list's search: name or case reference (part of), target group code.
struct CitizenFilter {
    std::string query;
    std::string target_group;
};

using Choice = core::Choice;

struct RetentionSettings {
    int months = k_default_retention_months;
    RetentionMode mode = RetentionMode::Anonymise;
};

/// A citizen the retention rule would delete or anonymise now.
struct RetentionCandidate {
    std::int64_t id = 0;
    std::string case_ref;
};

/// The dry-run preview or the result of a run.
struct RetentionReport {
    RetentionSettings settings;
    core::Date cutoff;  ///< activity before this day counts as too old
    std::vector<RetentionCandidate> affected;
    bool applied = false;  ///< false for a dry run
};

/// One row of another table in the subject export: column → text (nullopt = NULL).
struct ExportRecord {
    std::vector<std::pair<std::string, std::optional<std::string>>> fields;
    [[nodiscard]] std::optional<std::string> get(std::string_view column) const;
};

/// Everything held about one citizen (GDPR art. 15).
struct SubjectExport {
    Citizen citizen;
    std::vector<ExportRecord> placements;  ///< with outcome_label
    std::vector<ExportRecord> placement_followups;
    std::vector<ExportRecord> placement_attendance;
    std::vector<ExportRecord> placement_extensions;
    std::vector<ExportRecord> placement_notes;
    std::vector<ExportRecord> jobs;
    std::vector<ExportRecord> job_hours;
    std::vector<ExportRecord> job_followups;
    std::vector<audit::SubjectAccess> access_report;  ///< staff identity hidden
    core::UnixSeconds exported_at = 0;
};

}  // namespace citizens
