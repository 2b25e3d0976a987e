// The catalogue import command for the CLI (wired into `brobygger import` in src/app/cli.cpp).
#include "catalogue_import/import_cli.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

namespace catalogue_import {

const char* const k_import_usage =
    "Brug: brobygger import catalogue FIL [--dry-run]\n\n"
    "Importerer varer og ydelser til kataloget fra en CSV-fil (UTF-8, ; eller ,) eller en Excel-fil\n"
    "(.xlsx). Alle rækker kontrolleres som i formularen; er der fejl, gemmes intet, og hver fejl vises\n"
    "med linjenummer. --dry-run kontrollerer kun. Kolonnerne er beskrevet i docs/import.md.\n";

bool is_import_command(const std::vector<std::string>& args) {
    return !args.empty() && args[0] == "catalogue";
}

int import_command(const std::vector<std::string>& args, Importer& importer, const core::Actor& actor,
                   std::ostream& out, std::ostream& err, bool show_progress) {
    std::vector<std::string> words;
    Options options;
    for (const auto& a : args) {
        if (a == "--dry-run")
            options.dry_run = true;
        else
            words.push_back(a);
    }
    if (words.size() != 2 || !is_import_command(words)) {
        err << k_import_usage;
        return 1;
    }
    const std::string& path = words[1];
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "brobygger: kan ikke åbne " << path << "\n";
        return 1;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof()) {
        err << "brobygger: kan ikke læse " << path << "\n";
        return 1;
    }
    const std::string bytes = buffer.str();
    if (bytes.size() > 100ull * 1024 * 1024) {
        err << "brobygger: filen er for stor (højst 100 MB).\n";
        return 1;
    }
    auto slash = path.find_last_of('/');
    options.file_name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (show_progress)
        options.progress = [&err](std::size_t done, std::size_t total) {
            err << "\r" << done << "/" << total << " rækker kontrolleret" << std::flush;
        };
    auto report = importer.run(bytes, actor, options);
    if (show_progress) err << "\n";
    if (!report.ok()) {
        err << "brobygger: " << report.error().message << "\n";
        return 1;
    }
    if (report->ok()) {
        out << (options.dry_run ? "Prøvekørsel: " : "") << report->created
            << (options.dry_run ? " varer er kontrolleret uden fejl; intet er gemt.\n"
                                : " varer er importeret.\n");
        return 0;
    }
    err << "Filen har fejl, og intet er gemt:\n";
    for (const auto& e : report->errors) {
        err << "  " << (e.line > 0 ? "linje " + std::to_string(e.line) : std::string("filen"));
        if (!e.column.empty()) err << ", " << e.column;
        err << ": " << e.message << "\n";
    }
    if (report->more_errors > 0) err << "  … og " << report->more_errors << " fejl mere.\n";
    return 2;
}

}  // namespace catalogue_import
