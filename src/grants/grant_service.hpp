#pragma once
/// Grants and funds (E3): enterprise, year, amount (øre; "ca." flag), source and purpose;
/// sums per enterprise and year. docs/network.md.
///
/// Access is decided here, from the core::Actor:
///   - consultant, admin: read and write every grant;
///   - caseworker: read every grant;
///   - enterprise user: reads and records only its own enterprise's grants (another's is
///     NotFound, audited "denied");
///   - buyer: nothing (Forbidden).
/// Every change writes an audit row (object_type "grant") in the same transaction. Grants' SQL
/// reads the registry's `enterprises` (id, name) read-only. Thread-safe.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/choice.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"

namespace grants {

inline constexpr std::size_t k_max_source = 300;
inline constexpr std::size_t k_max_purpose = 4000;
/// Highest grant: 100.000.000 kr.
inline constexpr std::int64_t k_max_amount_oere = 10'000'000'000;

struct Grant {
    std::int64_t id = 0;
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    int year = 0;
    std::int64_t amount_oere = 0;
    bool approximate = false;  ///< "ca."
    std::string source;
    std::string purpose;
};

struct EnterpriseGrants {
    std::int64_t enterprise_id = 0;
    std::string enterprise_name;
    std::int64_t total_oere = 0;
    bool approximate = false;
    std::vector<Grant> grants;
};

struct YearSummary {
    int year = 0;
    std::vector<EnterpriseGrants> enterprises;  ///< by name
    std::int64_t total_oere = 0;
    int grant_count = 0;
};

/// What is typed in the grant form.
struct GrantInput {
    std::string enterprise_id;
    std::string year;
    std::string amount;  ///< kroner as typed: "150.000", "150000,50", "150.000 kr."
    bool approximate = false;
    std::string source;
    std::string purpose;
};

using Choice = core::Choice;

/// Parses kroner as typed into øre. Validation on `field` when empty, malformed, ≤ 0 or above
/// k_max_amount_oere.
core::Result<std::int64_t> parse_amount(std::string_view text, std::string_view field = "amount");
/// Øre as Danish kroner text: 15000000 → "150.000", 15000050 → "150.000,50".
std::string format_kroner(std::int64_t oere);

class GrantService {
public:
    GrantService(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit);
    GrantService(const GrantService&) = delete;
    GrantService& operator=(const GrantService&) = delete;

    core::Result<YearSummary> year_summary(int year, const core::Actor& actor);

    /// Every year with grants the actor may see, newest first.
    core::Result<std::vector<int>> years(const core::Actor& actor);
    core::Result<Grant> create(const GrantInput& input, const core::Actor& actor);
    core::Result<Grant> update(std::int64_t id, const GrantInput& input, const core::Actor& actor);
    core::Result<void> remove(std::int64_t id, const core::Actor& actor);
    core::Result<Grant> get(std::int64_t id, const core::Actor& actor);
    /// Enterprises the actor may register grants for (all for staff, its own for enterprise).
    core::Result<std::vector<Choice>> enterprise_choices(const core::Actor& actor);
    [[nodiscard]] core::Date today() const;

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
};

}  // namespace grants
