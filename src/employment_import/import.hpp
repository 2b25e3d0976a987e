#pragma once
/// Import of the employment side's spreadsheets (issue 4, item 10): cooperation agreements,
/// placements with their outcomes, and jobs with their hours history, from CSV or XLSX. The
/// column formats are documented in docs/import.md. No web types: the HTTP handlers and the
/// CLI both call Importer::run.
///
/// Like the registry import (src/enterprises/import.*, whose report types and file detection
/// this reuses) it is all or nothing: the file is parsed with the tabular readers (strict
/// UTF-8, limits), every row is checked with the employment rules (src/employment/rules.hpp),
/// and everything is stored in ONE transaction only when no row has a problem. Every error
/// names its line (header = line 1), column and a Danish message.
///
/// Bulk import writes the employment tables with this package's own SQL (a documented
/// exception in docs/architecture.md §2) so that a 100 000-row file runs on one connection and
/// prepared statements.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "audit/audit_log.hpp"
#include "core/actor.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"
#include "enterprises/import.hpp"
#include "tabular/csv.hpp"

namespace employment_import {

enum class Kind { Agreements, Placements, Jobs };
inline constexpr Kind k_all_kinds[] = {Kind::Agreements, Kind::Placements, Kind::Jobs};

/// "agreements" / "placements" / "jobs" (CLI word and URL segment).
std::string_view kind_word(Kind kind);
std::optional<Kind> parse_kind(std::string_view word);
/// Danish name of the file's contents: "aftaler", "forløb", "job".
std::string_view kind_noun(Kind kind);
/// Base name of the example files: "aftaler", "forloeb", "job" (docs/examples/<x>.csv|.xlsx).
std::string_view example_name(Kind kind);

struct Column {
    std::string_view header;       ///< Danish header ("virksomhed_cvr")
    bool required = false;         ///< the column must be in the header line
    std::string_view description;  ///< short Danish description for the upload page
};
std::span<const Column> columns(Kind kind);

/// The example file (UTF-8, ';', CRLF) of docs/examples/<example_name>.csv; it imports cleanly
/// into the demo registry (Sumak, VeteranHaven) in the order aftaler → forløb → job.
std::string_view example_csv(Kind kind);

/// Admin and caseworker may import everything; a consultant only agreements.
bool may_import(Kind kind, const core::Actor& actor);

using enterprises::ImportError;

struct Report : enterprises::ImportReport {
    bool dry_run = false;              ///< checked only; nothing was stored
    std::size_t citizens_created = 0;  ///< new citizens (0 when there are errors or a dry run)
    std::size_t hours_rows = 0;        ///< job_hours rows (jobs import)
};

struct Options {
    tabular::Limits limits;
    enterprises::ImportProgress progress;  ///< (rows checked, total), every 1 000 rows and at the end
    std::string file_name;                 ///< for the audit row
    bool dry_run = false;
};

class Importer {
public:
    Importer(db::Database& db, const core::Clock& clock, const audit::AuditLog& audit,
             enterprises::EnterpriseService& registry)
        : m_db(db), m_clock(clock), m_audit(audit), m_registry(registry) {}

    /// Imports a CSV or XLSX file's bytes. The Result fails only for Forbidden or storage
    /// errors; problems with the file or its rows are in the report (and then nothing is
    /// stored). `created` counts agreements, placements or jobs.
    core::Result<Report> run(Kind kind, std::string_view bytes, const core::Actor& actor,
                             const Options& options = {});

private:
    db::Database& m_db;
    const core::Clock& m_clock;
    const audit::AuditLog& m_audit;
    enterprises::EnterpriseService& m_registry;
};

}  // namespace employment_import
