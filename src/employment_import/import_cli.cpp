// The employment import command for the CLI (wired into `brobygger import` in src/app/cli.cpp).
#include "employment_import/import_cli.hpp"

#include <fstream>
#include <iostream>

namespace employment_import {

const char* const k_import_usage =
    "Brug: brobygger import agreements|placements|jobs FIL [--dry-run]\n\n"
    "Importerer samarbejdsaftaler, forløb med udfald eller job med timehistorik fra en CSV-fil\n"
    "(UTF-8, ; eller ,) eller en Excel-fil (.xlsx). Alle rækker kontrolleres; er der fejl, gemmes\n"
    "intet, og hver fejl vises med linjenummer. --dry-run kontrollerer kun. Kolonnerne er beskrevet\n"
    "i docs/import.md.\n";

namespace {
constexpr std::uintmax_t k_max_file_bytes = 100ull * 1024 * 1024;
}

bool is_import_command(const std::vector<std::string>& args) {
    return !args.empty() && parse_kind(args[0]).has_value();
}

int import_command(const std::vector<std::string>& args, Importer& importer, const core::Actor& actor,
                   std::ostream& out, std::ostream& err, bool show_progress) {
    std::vector<std::string> words;
    bool dry_run = false;
    for (const auto& a : args) {
        if (a == "--dry-run")
            dry_run = true;
        else
            words.push_back(a);
    }
    auto kind = words.empty() ? std::nullopt : parse_kind(words[0]);
    if (words.size() != 2 || !kind) {
        err << k_import_usage;
        return 1;
    }
    const std::string& path = words[1];
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

    Options options;
    options.dry_run = dry_run;
    auto slash = path.find_last_of('/');
    options.file_name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (show_progress)
        options.progress = [&err](std::size_t done, std::size_t total) {
            err << "\r" << done << "/" << total << " rækker kontrolleret" << std::flush;
        };
    auto report = importer.run(*kind, bytes, actor, options);
    if (show_progress) err << "\n";
    if (!report.ok()) {
        err << "brobygger: " << report.error().message << "\n";
        return 1;
    }
    if (report->ok()) {
        out << (dry_run ? "Prøvekørsel: " : "") << report->created << " " << kind_noun(*kind)
            << (dry_run ? " er kontrolleret uden fejl; intet er gemt.\n" : " er importeret.\n");
        if (!dry_run && report->citizens_created > 0)
            out << report->citizens_created << (report->citizens_created == 1 ? " ny borger" : " nye borgere")
                << " er oprettet.\n";
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

}  // namespace employment_import
