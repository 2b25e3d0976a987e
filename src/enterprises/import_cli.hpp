#pragma once
/// `brobygger import enterprises FIL` — imports a .csv or .xlsx file into the registry, all or
/// nothing, with progress on a terminal and every error with its line number.
#include <iosfwd>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "enterprises/enterprise_service.hpp"

namespace enterprises {

/// `args` are the words after "import" (e.g. {"enterprises", "virksomheder.csv"}).
/// Progress ("\r1234/5000 rækker kontrolleret") goes to `err` when `show_progress` (the caller
/// passes isatty(STDERR_FILENO)). Returns 0 when everything was imported, 2 when the file had
/// errors (nothing stored), 1 on usage, read or storage errors.
int import_command(const std::vector<std::string>& args, EnterpriseService& service, const core::Actor& actor,
                   std::ostream& out, std::ostream& err, bool show_progress);

/// The usage text of the command.
extern const char* const k_import_usage;

}  // namespace enterprises
