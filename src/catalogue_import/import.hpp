#pragma once
/// Import of catalogue items from CSV or XLSX (issue 3, item 6), and the CSV/XLSX export of the
/// management list. The column format is documented in docs/import.md. No web types: the HTTP
/// handlers and the CLI both call these functions.
///
/// It reuses the employment import's file reading (strict UTF-8, limits, header mapping, line
/// numbers, report types from the registry import) and the catalogue service's validation:
/// every row is checked by CatalogueService::import_items exactly like the item form, and all
/// rows are stored in ONE transaction only when no row has a problem (all or nothing).
#include <span>
#include <string>
#include <string_view>

#include "catalogue/catalogue_service.hpp"
#include "core/actor.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "employment_import/import.hpp"
#include "enterprises/enterprise_service.hpp"

namespace catalogue_import {

using Column = employment_import::Column;
using Report = employment_import::Report;
using Options = employment_import::Options;

/// virksomhed_cvr, virksomhed, titel, beskrivelse, kategori, pris, enhed, leveringsomraade, status.
std::span<const Column> columns();

/// The example file docs/examples/katalog.csv (UTF-8, ';', CRLF); imports cleanly into the
/// demo registry.
std::string_view example_csv();

/// Admin, consultant and enterprise users (the latter only rows of their own enterprise).
bool may_import(const core::Actor& actor);

class Importer {
public:
    Importer(db::Database& db, enterprises::EnterpriseService& registry,
             catalogue::CatalogueService& catalogue)
        : m_db(db), m_registry(registry), m_catalogue(catalogue) {}

    /// Imports a CSV or XLSX file's bytes. The Result fails only for Forbidden or storage
    /// errors; problems with the file or its rows are in the report (and then nothing is
    /// stored). `created` counts items.
    core::Result<Report> run(std::string_view bytes, const core::Actor& actor, const Options& options = {});

private:
    db::Database& m_db;
    enterprises::EnterpriseService& m_registry;
    catalogue::CatalogueService& m_catalogue;
};

/// The management list (same filter and record-level visibility as CatalogueService::list, all
/// pages) in the import column format; cells starting with = + - @ are neutralised.
core::Result<std::string> export_csv(catalogue::CatalogueService& service, catalogue::ManageFilter filter,
                                     const core::Actor& actor);
core::Result<std::string> export_xlsx(catalogue::CatalogueService& service, catalogue::ManageFilter filter,
                                      const core::Actor& actor);

}  // namespace catalogue_import
