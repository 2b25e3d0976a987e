#pragma once
/// Plain data for the enterprise registry (capabilities A1, A2): enterprises and initiatives,
/// their dated status history, contact persons, the editable vocabularies and the counts of
/// 002 Table 1. No web or storage types.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace enterprises {

/// What kind of organisation a registry record is. Only social enterprises and initiatives
/// count in the registry figures (see count_figures); the others are partners.
enum class Kind { SocialEnterprise, Initiative, CsrCompany, CivilSociety, MunicipalUnit };
inline constexpr Kind k_all_kinds[] = {Kind::SocialEnterprise, Kind::Initiative, Kind::CsrCompany,
                                       Kind::CivilSociety, Kind::MunicipalUnit};
std::string_view kind_code(Kind kind);   ///< "social_enterprise", …
std::string_view kind_label(Kind kind);  ///< "Socialøkonomisk virksomhed", …
std::optional<Kind> parse_kind(std::string_view code);

/// The status pipeline (A2): idea / on the way → established → registered RSV; paused,
/// moved, closed.
enum class Status { Idea, OnTheWay, Established, RegisteredRsv, Paused, Moved, Closed };
inline constexpr Status k_all_statuses[] = {Status::Idea,          Status::OnTheWay, Status::Established,
                                            Status::RegisteredRsv, Status::Paused,   Status::Moved,
                                            Status::Closed};
std::string_view status_code(Status status);   ///< "on_the_way", …
std::string_view status_label(Status status);  ///< "På vej", …
std::optional<Status> parse_status(std::string_view code);

/// The vocabularies an administrator edits.
enum class VocabularyKind { LegalForm, TargetGroup, CatalogueCategory };
inline constexpr VocabularyKind k_all_vocabulary_kinds[] = {
    VocabularyKind::LegalForm, VocabularyKind::TargetGroup, VocabularyKind::CatalogueCategory};
std::string_view vocabulary_kind_code(VocabularyKind kind);   ///< "legal_form", …
std::string_view vocabulary_kind_label(VocabularyKind kind);  ///< "Juridiske former", …
std::optional<VocabularyKind> parse_vocabulary_kind(std::string_view code);

/// Length caps (characters) for the free-text fields.
inline constexpr std::size_t k_max_name = 200;
inline constexpr std::size_t k_max_municipality = 100;
inline constexpr std::size_t k_max_address = 300;
inline constexpr std::size_t k_max_purpose = 2000;
inline constexpr std::size_t k_max_description = 5000;
inline constexpr std::size_t k_max_plans = 5000;
inline constexpr std::size_t k_max_website = 300;
inline constexpr std::size_t k_max_note = 1000;
inline constexpr std::size_t k_max_contact_name = 120;
inline constexpr std::size_t k_max_contact_title = 120;
inline constexpr std::size_t k_max_email = 254;
inline constexpr std::size_t k_max_phone = 30;
inline constexpr std::size_t k_max_vocabulary_label = 100;
inline constexpr std::int64_t k_max_employees = 1'000'000;
inline constexpr std::int64_t k_max_fte_tenths = 10'000'000;  ///< 1.000.000,0 FTE

/// Parses a headcount "12" (also "1.234" with a Danish thousands point). Empty → nullopt.
/// Validation error on field `field` with a Danish message otherwise.
core::Result<std::optional<std::int64_t>> parse_employees(std::string_view text,
                                                          std::string_view field = "employees");
/// Parses full-time equivalents with at most one decimal, Danish comma or point:
/// "1,5" → 15 tenths, "12" → 120, "0,5" → 5, "1.234,5" → 12345. Empty → nullopt.
core::Result<std::optional<std::int64_t>> parse_fte(std::string_view text, std::string_view field = "fte");
/// Tenths as Danish text: 15 → "1,5", 120 → "12,0", 12345 → "1.234,5".
std::string format_fte(std::int64_t tenths);
/// A whole number with Danish thousands points: 1234 → "1.234".
std::string format_int(std::int64_t value);

/// What a form or JSON body says about an enterprise, as typed. Numbers stay text so the
/// service can name the field in its Danish message.
struct EnterpriseInput {
    std::string name;
    std::string cvr;         ///< "" = none
    std::string legal_form;  ///< vocabulary code or ""
    std::string kind;        ///< kind code
    std::string municipality;
    std::string address;
    std::string purpose;
    std::string description;
    std::string plans;  ///< plans for next year
    std::string website;
    std::string employees;                   ///< headcount as typed, "" = unknown
    std::string fte;                         ///< full-time equivalents as typed ("1,5"), "" = unknown
    std::vector<std::string> target_groups;  ///< vocabulary codes
    // Only when creating: the first status and the date it happened.
    std::string status;       ///< status code
    std::string status_date;  ///< "YYYY-MM-DD"
};

struct TargetGroupRef {
    std::string code;
    std::string label;
};

struct Contact {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string name;
    std::string title;
    std::string email;
    std::string phone;
};

struct ContactInput {
    std::string name;
    std::string title;
    std::string email;
    std::string phone;
};

struct StatusChange {
    std::int64_t id = 0;
    Status status = Status::Idea;
    core::Date happened_on;  ///< when it happened (entered by the user)
    std::string note;
    core::UnixSeconds recorded_at = 0;  ///< when it was typed in
    std::string recorded_by;            ///< user name of who typed it
};

struct StatusInput {
    std::string status;       ///< status code
    std::string happened_on;  ///< "YYYY-MM-DD"
    std::string note;
};

struct Enterprise {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> cvr;
    std::optional<std::string> legal_form;  ///< code
    std::optional<std::string> legal_form_label;
    Kind kind = Kind::SocialEnterprise;
    std::string municipality;
    std::string address;
    std::string purpose;
    std::string description;
    std::string plans;
    std::string website;
    std::optional<std::int64_t> employees;
    std::optional<std::int64_t> fte_tenths;
    Status status = Status::Idea;
    core::Date status_since;
    core::UnixSeconds created_at = 0;
    core::UnixSeconds updated_at = 0;
    std::vector<TargetGroupRef> target_groups;  ///< by the vocabulary's order
    std::vector<Contact> contacts;              ///< by name
    std::vector<StatusChange> history;          ///< newest first (by date happened, then entry)
};

/// One row of a list.
struct EnterpriseSummary {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> cvr;
    Kind kind = Kind::SocialEnterprise;
    std::string municipality;
    Status status = Status::Idea;
    core::Date status_since;
};

/// List filters. Empty members do not filter.
struct EnterpriseFilter {
    std::string kind;    ///< kind code
    std::string status;  ///< status code
    std::string municipality;
    std::string target_group;  ///< vocabulary code
    std::string rsv;           ///< "yes" (registered RSV now), "no", or ""
    std::string q;             ///< part of the name, case-insensitive (Danish letters too)
    int page = 1;              ///< from 1
    int page_size = 25;        ///< clamped to 1…100
};

struct EnterprisePage {
    std::vector<EnterpriseSummary> items;
    std::int64_t total = 0;  ///< rows matching, ignoring paging
    int page = 1;
    int page_size = 25;
};

struct VocabularyEntry {
    std::int64_t id = 0;
    VocabularyKind kind = VocabularyKind::LegalForm;
    std::string code;
    std::string label;
    bool active = true;
    std::int64_t sort = 0;
};

/// The four columns of 002 Table 1 for one municipality (or all) at a date.
struct Figures {
    core::Date date;                       ///< D
    int year = 0;                          ///< Y (≤ D's year)
    std::string municipality;              ///< "" = all
    std::int64_t total = 0;                ///< "Antal i alt": established or registered RSV at D
    std::int64_t registered = 0;           ///< "Antal registrerede": registered RSV at D
    std::int64_t established_in_year = 0;  ///< "Etableret i Y": first established/registered in Y, up to D
    std::int64_t on_the_way = 0;           ///< "Vurderes på vej": on the way at D
};

/// Query of the counts page and API, as typed.
struct FiguresQuery {
    std::string date;          ///< "YYYY-MM-DD"; "" = today
    std::string year;          ///< "" = D's year
    std::string municipality;  ///< "" = all, one row per municipality plus the sum
};

struct FiguresTable {
    core::Date date;
    int year = 0;
    std::vector<Figures> rows;  ///< one per municipality, by name (or just the chosen one)
    Figures sum;                ///< all rows together (municipality "")
};

}  // namespace enterprises
