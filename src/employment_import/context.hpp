#pragma once
/// Internal: what one import run works with (the open write transaction, the rows, the report)
/// and the lookups shared by the three formats: enterprises by CVR or name, citizens by case
/// reference (created when unknown), target groups.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "db/database.hpp"
#include "employment_import/sheet.hpp"
#include "enterprises/model.hpp"

namespace employment_import::detail {

struct Context {
    db::Connection& conn;
    const std::vector<Row>& rows;
    bool xlsx = false;
    Report& report;
    const Options& options;
    const core::Actor& actor;
    const audit::AuditLog& audit;
    std::string now;                                          ///< ISO timestamp
    std::vector<enterprises::VocabularyEntry> target_groups;  ///< active ones
};

/// Enterprises of the registry by CVR or by name (read-only join, docs/architecture.md §2).
class EnterpriseLookup {
public:
    core::Result<void> load(db::Connection& conn);
    /// The enterprise named by the row's CVR column (preferred) or name column; reports the
    /// problem on the row and returns nullopt when there is none or the name is ambiguous.
    std::optional<std::int64_t> find(Cells& cells, std::size_t cvr_col, std::size_t name_col);
    [[nodiscard]] std::string name_of(std::int64_t id) const;

private:
    std::unordered_map<std::string, std::int64_t> m_by_cvr;
    std::unordered_map<std::string, std::vector<std::int64_t>> m_by_name;
    std::unordered_map<std::int64_t, std::string> m_names;
};

/// A target-group code from a code or label; nullopt (and an error) when unknown.
std::optional<std::string> target_group(Cells& cells, std::size_t col, std::string_view value,
                                        const std::vector<enterprises::VocabularyEntry>& groups);

/// Citizens by case reference: existing ones, and new ones the file creates (with a name).
class Citizens {
public:
    core::Result<void> load(db::Connection& conn);
    /// The citizen of the row (an index into the run's citizen list), or nullopt after an
    /// error on the row: CPR-like case reference, a new citizen without a name, a name that
    /// differs from the stored one. `tg_col` may be npos (jobs have no target group).
    std::optional<std::size_t> resolve(Cells& cells, std::size_t ref_col, std::size_t name_col,
                                       std::size_t tg_col,
                                       const std::vector<enterprises::VocabularyEntry>& groups);
    /// Inserts the new citizens and the changed target groups, then writes one audit row per
    /// citizen of the file (object_id = the citizen's id). `what` goes into the criteria.
    core::Result<void> store(Context& ctx, std::string_view what);
    /// The stored id of an entry (after store()).
    [[nodiscard]] std::int64_t id(std::size_t index) const { return m_used[index].id; }
    [[nodiscard]] std::size_t created() const { return m_created; }
    [[nodiscard]] std::size_t used() const { return m_used.size(); }

private:
    struct Known {
        std::int64_t id = 0;
        std::string name;
        std::string target_group;
        bool anonymised = false;
    };
    struct Used {
        std::int64_t id = 0;  ///< 0 until a new citizen is stored
        std::string case_ref;
        std::string name;
        std::optional<std::string> target_group;  ///< set when the file sets or changes it
        bool is_new = false;
        std::size_t line = 0;
    };
    std::unordered_map<std::string, Known> m_known;
    std::unordered_map<std::string, std::size_t> m_index;  ///< case_ref → m_used
    std::vector<Used> m_used;
    std::size_t m_created = 0;
};

/// Writes the one audit row of the import run (action "import").
core::Result<void> audit_run(Context& ctx, std::string_view object_type, std::string_view criteria);

// The three formats (agreements.cpp, placements.cpp, jobs.cpp): check every row, and store
// everything when the report has no errors and it is not a dry run.
core::Result<void> import_agreements(Context& ctx);
core::Result<void> import_placements(Context& ctx);
core::Result<void> import_jobs(Context& ctx);

}  // namespace employment_import::detail

namespace employment_import::detail {
std::span<const Column> agreement_columns();
std::span<const Column> placement_columns();
std::span<const Column> job_columns();
inline constexpr std::size_t k_none = static_cast<std::size_t>(-1);
}  // namespace employment_import::detail
