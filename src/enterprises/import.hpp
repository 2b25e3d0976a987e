#pragma once
/// Import and export of the enterprise registry as CSV or XLSX (issue 3, item 6; FU-03, FU-04).
/// The column format is documented in docs/import.md. No web types: the HTTP handlers and the
/// CLI both call these functions.
///
/// Import is all or nothing: the file is parsed (strict UTF-8, limits), every row is checked
/// (vocabulary values by code or label, formula-like cells, CVR duplicates within the file),
/// then EnterpriseService::import_rows validates every row like the form and stores all of
/// them in one transaction only when no row has a problem.
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "enterprises/enterprise_service.hpp"
#include "enterprises/model.hpp"
#include "tabular/csv.hpp"

namespace enterprises {

/// One column of the import/export format.
struct ImportColumn {
    std::string_view header;  ///< Danish header in the file ("navn")
    std::string_view field;   ///< the service's field name ("name")
    bool required = false;    ///< the column must be present (and the cell filled)
};
/// All columns in file order.
std::span<const ImportColumn> import_columns();

/// The example file of docs/examples/virksomheder.csv (UTF-8, ';'), also served by the
/// import page.
std::string_view import_example_csv();

/// A problem with the file or a cell. line 0 = the file as a whole; column "" = the row or file.
struct ImportError {
    std::size_t line = 0;
    std::string column;   ///< the header of the column ("cvr"), or ""
    std::string message;  ///< Danish
};

struct ImportReport {
    std::size_t rows = 0;             ///< data rows read (empty rows not counted)
    std::size_t created = 0;          ///< rows stored (0 when there are errors)
    std::vector<ImportError> errors;  ///< sorted by line; at most k_max_reported_errors
    std::size_t more_errors = 0;      ///< errors left out of `errors`
    [[nodiscard]] bool ok() const { return errors.empty(); }
};

inline constexpr std::size_t k_max_reported_errors = 1000;

enum class FileKind { Csv, Xlsx };
/// An .xlsx starts with a zip signature; anything else is read as CSV.
FileKind detect_file_kind(std::string_view bytes);

struct ImportOptions {
    tabular::Limits limits;   ///< rows, columns, field length
    ImportProgress progress;  ///< called while rows are checked
};

/// Imports a CSV or XLSX file's bytes. The Result fails only for Forbidden or storage errors;
/// problems with the file or its rows are in the report (and then nothing is stored).
core::Result<ImportReport> import_enterprises(EnterpriseService& service, std::string_view bytes,
                                              const core::Actor& actor, const ImportOptions& options = {});

/// The export: the enterprises of `filter` (all pages, the same record-level visibility as the
/// list) in the import column format, vocabulary values as labels.
struct ExportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};
core::Result<ExportTable> export_table(EnterpriseService& service, EnterpriseFilter filter,
                                       const core::Actor& actor);
/// CSV bytes (UTF-8 with BOM, ';', CRLF, cells neutralised) for Excel.
core::Result<std::string> export_csv(EnterpriseService& service, const EnterpriseFilter& filter,
                                     const core::Actor& actor);
/// XLSX bytes (bold header, cells as neutralised text).
core::Result<std::string> export_xlsx(EnterpriseService& service, const EnterpriseFilter& filter,
                                      const core::Actor& actor);

}  // namespace enterprises
