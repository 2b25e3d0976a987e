#pragma once
/// Stories (E4): title, text, date, enterprises involved (0..n), published or draft.
/// docs/network.md.
///
/// Access is decided here, from the core::Actor:
///   - consultant, admin: read and write all stories (drafts included);
///   - caseworker, enterprise user: read published stories only (drafts NotFound);
///   - buyer: nothing (Forbidden).
/// Every change writes an audit row (object_type "story") in the same transaction. Stories'
/// SQL reads the registry's `enterprises` (id, name) read-only. Thread-safe.
#include <cstdint>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace stories {

inline constexpr std::size_t k_max_title = 200;
inline constexpr std::size_t k_max_body = 20000;
inline constexpr std::size_t k_max_enterprises = 50;

struct EnterpriseRef {
    std::int64_t id = 0;
    std::string name;
};

struct Story {
    std::int64_t id = 0;
    std::string title;
    std::string body;
    core::Date story_date;
    bool published = false;
    std::vector<EnterpriseRef> enterprises;
};

struct StoryInput {
    std::string title;
    std::string body;
    std::string story_date;  ///< "YYYY-MM-DD"
    bool published = false;
    std::vector<std::string> enterprise_ids;
};

/// The body split into paragraphs at blank lines (for display; each paragraph is escaped
/// by the template, single line breaks are kept as spaces).
std::vector<std::string> paragraphs(const std::string& body);

using Choice = core::Choice;

class StoryService {
public:
    StoryService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    StoryService(const StoryService&) = delete;
    StoryService& operator=(const StoryService&) = delete;

    // stories dated in `year`, by date; published_only = true for the report
    core::Result<std::vector<Story>> for_year(int year, bool published_only, const core::Actor& actor);

    core::Result<Story> create(const StoryInput& input, const core::Actor& actor);
    core::Result<Story> update(std::int64_t id, const StoryInput& input, const core::Actor& actor);
    core::Result<void> remove(std::int64_t id, const core::Actor& actor);
    core::Result<Story> get(std::int64_t id, const core::Actor& actor);
    /// Years with stories the actor may see, newest first.
    core::Result<std::vector<int>> years(const core::Actor& actor);
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace stories
