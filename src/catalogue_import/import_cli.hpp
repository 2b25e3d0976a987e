#pragma once
/// `brobygger import catalogue FIL [--dry-run]` — imports catalogue items from a .csv or .xlsx
/// file, all or nothing, with progress on a terminal and every error with its line number.
#include <iosfwd>
#include <string>
#include <vector>

#include "catalogue_import/import.hpp"

namespace catalogue_import {

/// True when `args` (the words after "import") start with "catalogue".
bool is_import_command(const std::vector<std::string>& args);

/// Runs the command. Returns 0 when everything was imported (or checked with --dry-run), 2
/// when the file had errors (nothing stored), 1 on usage, read or storage errors.
int import_command(const std::vector<std::string>& args, Importer& importer, const core::Actor& actor,
                   std::ostream& out, std::ostream& err, bool show_progress);

extern const char* const k_import_usage;

}  // namespace catalogue_import
