// The import command for the CLI (the lead wires it into src/app/cli.cpp).
#include "enterprises/import_cli.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include "enterprises/import.hpp"

namespace enterprises {

const char* const k_import_usage =
    "Brug: brobygger import enterprises FIL [TILVALG]\n\n"
    "Importerer virksomheder fra en CSV-fil (UTF-8, ; eller ,) eller en Excel-fil (.xlsx).\n"
    "Alle rækker kontrolleres; er der fejl, gemmes intet, og hver fejl vises med linjenummer.\n"
    "Kolonnerne er beskrevet i docs/import.md.\n";

namespace {
constexpr std::uintmax_t k_max_file_bytes = 100ull * 1024 * 1024;
}

int import_command(const std::vector<std::string>& args, EnterpriseService& service, const core::Actor& actor,
                   std::ostream& out, std::ostream& err, bool show_progress) {
    if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
        out << k_import_usage;
        return 0;
    }
    if (args.size() != 2 || args[0] != "enterprises") {
        err << k_import_usage;
        return 1;
    }
    const std::string& path = args[1];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "brobygger: kan ikke åbne " << path << "\n";
        return 1;
    }
    in.seekg(0, std::ios::end);
    auto size = in.tellg();
    if (size < 0 || static_cast<std::uintmax_t>(size) > k_max_file_bytes) {
        err << "brobygger: filen er for stor (højst 100 MB).\n";
        return 1;
    }
    in.seekg(0, std::ios::beg);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    in.read(bytes.data(), size);
    if (!in) {
        err << "brobygger: kan ikke læse " << path << "\n";
        return 1;
    }

    ImportOptions options;
    if (show_progress) {
        options.progress = [&err](std::size_t done, std::size_t total) {
            err << "\r" << done << "/" << total << " rækker kontrolleret" << std::flush;
        };
    }
    auto report = import_enterprises(service, bytes, actor, options);
    if (show_progress) err << "\n";
    if (!report.ok()) {
        err << "brobygger: " << report.error().message << "\n";
        return 1;
    }
    if (report->ok()) {
        out << report->created
            << (report->created == 1 ? " virksomhed er importeret.\n" : " virksomheder er importeret.\n");
        return 0;
    }
    err << "Filen har fejl, og intet er gemt:\n";
    for (const auto& e : report->errors) {
        err << "  ";
        if (e.line > 0)
            err << "linje " << e.line;
        else
            err << "filen";
        if (!e.column.empty()) err << ", " << e.column;
        err << ": " << e.message << "\n";
    }
    if (report->more_errors > 0) err << "  … og " << report->more_errors << " fejl mere.\n";
    return 2;
}

}  // namespace enterprises
