#include "app/cli.hpp"

#include <termios.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "accounts/account_service.hpp"
#include "app/application.hpp"
#include "app/demo_data.hpp"
#include "audit/audit_log.hpp"
#include "catalogue_import/import_cli.hpp"
#include "citizens/citizen_service.hpp"
#include "core/log.hpp"
#include "core/text.hpp"
#include "employment_import/import_cli.hpp"
#include "enterprises/import_cli.hpp"
#include "matching/cli.hpp"

namespace app {
namespace {

constexpr const char* k_usage =
    "Brug: brobygger KOMMANDO [TILVALG]\n"
    "\n"
    "Kommandoer:\n"
    "  serve       start webserveren\n"
    "  migrate     opdatér databasens skema\n"
    "  user        opret, vis, deaktivér brugere og sæt adgangskoder\n"
    "  token       opret, vis og tilbagekald API-nøgler\n"
    "  demo-data   indlæs demodata i en tom database\n"
    "  backup      tag en sikkerhedskopi af SQLite-databasen\n"
    "  import      importér virksomheder, katalogvarer, aftaler, forløb og job fra CSV eller XLSX "
    "(docs/import.md)\n"
    "  match       løs en fordelingsopgave i DIMACS-format\n"
    "  retention   kør opbevaringsreglen for borgerdata (slet eller anonymisér)\n"
    "  version     vis versionen\n"
    "\n"
    "Skriv 'brobygger KOMMANDO --help' for tilvalg til en kommando.\n";

constexpr const char* k_common_options =
    "  --db STI|URL        SQLite-fil eller postgresql://-URL (BROBYGGER_DB; standard data/brobygger.db)\n"
    "  --config FIL        indstillinger som 'nøgle = værdi' (en fil med adgangskode skal have rettighed "
    "0600)\n";

struct Parsed {
    Config config;
    std::vector<std::string> positional;
    std::map<std::string, std::string> extra;  // command-specific options
    bool help = false;
};

/// Parses "--key value", "--key=value" and flags. Settings: defaults < file < environment < flags.
core::Result<Parsed> parse(const std::vector<std::string>& args, std::size_t start,
                           const std::vector<std::string>& extra_options) {
    Parsed p;
    std::vector<std::pair<std::string, std::string>> settings;
    std::string config_file;
    for (std::size_t i = start; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            p.help = true;
            continue;
        }
        if (a.rfind("--", 0) != 0) {
            p.positional.push_back(a);
            continue;
        }
        std::string key = a.substr(2), value;
        bool has_value = false;
        if (auto eq = key.find('='); eq != std::string::npos) {
            value = key.substr(eq + 1);
            key = key.substr(0, eq);
            has_value = true;
        }
        if (key == "demo" && !has_value) {
            settings.emplace_back("demo", "true");
            continue;
        }
        if (!has_value) {
            if (i + 1 >= args.size())
                return core::Error::validation(key, "Tilvalget --" + key + " mangler en værdi.");
            value = args[++i];
        }
        bool known_extra = std::find(extra_options.begin(), extra_options.end(), key) != extra_options.end();
        if (key == "config")
            config_file = value;
        else if (known_extra)
            p.extra[key] = value;
        else
            settings.emplace_back(key, value);
    }
    if (!config_file.empty()) BB_TRY(load_config_file(p.config, config_file));
    BB_TRY(load_environment(p.config));
    for (const auto& [k, v] : settings) BB_TRY(apply_setting(p.config, k, v));
    return p;
}

int fail(const core::Error& e) {
    // Field errors say exactly what is wrong; the form-level summary adds nothing here.
    if (e.fields.empty()) std::cerr << "brobygger: " << e.message << "\n";
    for (const auto& f : e.fields) std::cerr << "brobygger: " << f.message << "\n";
    return e.code == core::ErrorCode::Validation ? 2 : 1;
}

core::Result<std::unique_ptr<db::Database>> open_database(const Config& c) {
    if (c.db.rfind("postgres", 0) != 0) {
        std::error_code ec;
        auto parent = std::filesystem::path(c.db).parent_path();
        if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    }
    return db::open(c.db);
}

/// The services a maintenance command works with, on a migrated database.
struct Services {
    std::unique_ptr<db::Database> database;
    core::SystemClock clock;
    audit::AuditLog log{clock};
    std::unique_ptr<accounts::AccountService> accounts;
    std::unique_ptr<enterprises::EnterpriseService> registry;
    std::unique_ptr<catalogue::CatalogueService> catalogue;
};

core::Result<std::unique_ptr<Services>> open_services(const Config& config) {
    auto s = std::make_unique<Services>();
    BB_ASSIGN(s->database, open_database(config));
    BB_TRY(db::migrate(*s->database));
    s->accounts = std::make_unique<accounts::AccountService>(*s->database, s->clock, s->log);
    s->registry = std::make_unique<enterprises::EnterpriseService>(*s->database, s->clock, s->log);
    s->catalogue = std::make_unique<catalogue::CatalogueService>(*s->database, s->clock, s->log);
    return s;
}

/// Reads a password from standard input without echo on a terminal; never from argv.
std::string read_password(const std::string& prompt) {
    bool tty = ::isatty(STDIN_FILENO);
    termios old{};
    if (tty) {
        std::cerr << prompt << std::flush;
        ::tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    std::getline(std::cin, line);
    if (tty) {
        ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
        std::cerr << "\n";
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

int cmd_serve(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {});
    if (!p.ok()) return fail(p.error());
    if (p->help) {
        std::cout << "Brug: brobygger serve [TILVALG]\n\nStarter webserveren.\n\n"
                  << k_common_options
                  << "  --listen VÆRT:PORT  adresse (BROBYGGER_LISTEN; standard 127.0.0.1:8080; port 0 = "
                     "vilkårlig)\n"
                     "  --data-dir MAPPE    mappe til uploads og sikkerhedskopier (standard data)\n"
                     "  --demo              indlæs demodata, hvis databasen ingen brugere har\n"
                     "  --municipality NAVN kommunens navn i sidehovedet\n"
                     "  --trusted-proxies IP,IP  proxyer hvis X-Forwarded-For/-Proto stoles på\n"
                     "  --secure-cookies true    Secure- og __Host-cookies (bag en TLS-proxy)\n"
                     "  --audit-retention-months N  loggens opbevaringstid (standard 6)\n"
                     "  --session-idle-minutes N, --session-absolute-hours N\n";
        return 0;
    }
    std::error_code ec;
    std::filesystem::create_directories(p->config.data_dir, ec);
    auto database = open_database(p->config);
    if (!database.ok()) return fail(database.error());
    core::SystemClock clock;
    Application application(p->config, std::move(database.value()), clock);
    if (auto r = application.prepare(); !r.ok()) return fail(r.error());
    try {
        application.start_server();
    } catch (const std::exception& e) {
        std::cerr << "brobygger: serveren kunne ikke starte: " << e.what() << "\n";
        return 1;
    }
    auto listen = parse_listen(p->config.listen);
    std::string host = listen.ok() ? listen->first : "127.0.0.1";
    std::cout << "listening on http://" << host << ":" << application.port() << std::endl;
    if (p->config.demo) {
        std::cout << "Brobygger kører på http://localhost:" << application.port() << "\n\nDemo-logins:\n";
        for (const auto& l : demo_logins())
            std::cout << "  " << l.username << " / " << l.password << "   (" << l.role_label << ")\n";
        std::cout << std::endl;
    }
    application.wait();
    application.stop_server();
    core::log::info("stopped");
    return 0;
}

int cmd_migrate(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {});
    if (!p.ok()) return fail(p.error());
    if (p->help) {
        std::cout << "Brug: brobygger migrate [TILVALG]\n\nAnvender de migrationer, databasen mangler.\n\n"
                  << k_common_options;
        return 0;
    }
    auto database = open_database(p->config);
    if (!database.ok()) return fail(database.error());
    auto applied = db::migrate(**database);
    if (!applied.ok()) return fail(applied.error());
    auto v = db::schema_version(**database);
    std::cout << "Anvendte " << *applied << " migration(er); skemaversion " << (v.ok() ? *v : -1) << "\n";
    return 0;
}

int cmd_user(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {"role", "name", "enterprise"});
    if (!p.ok()) return fail(p.error());
    if (p->help || p->positional.empty()) {
        std::cout << "Brug: brobygger user add BRUGERNAVN --role ROLLE [--name NAVN] [--enterprise ID]\n"
                     "       brobygger user list\n"
                     "       brobygger user disable BRUGERNAVN | enable BRUGERNAVN\n"
                     "       brobygger user set-password BRUGERNAVN\n\n"
                     "Adgangskoden læses fra standard input (aldrig fra kommandolinjen).\n"
                     "Roller: admin, consultant, caseworker, enterprise, buyer.\n\n"
                  << k_common_options;
        return p->help ? 0 : 1;
    }
    auto services = open_services(p->config);
    if (!services.ok()) return fail(services.error());
    accounts::AccountService& accounts = *services.value()->accounts;
    core::Actor actor = core::Actor::system("cli");
    const std::string& sub = p->positional[0];
    auto need_name = [&]() -> std::optional<std::string> {
        if (p->positional.size() < 2) return std::nullopt;
        return p->positional[1];
    };
    if (sub == "list") {
        auto users = accounts.list_users();
        if (!users.ok()) return fail(users.error());
        for (const auto& u : *users)
            std::cout << u.username << "\t" << core::role_code(u.role) << "\t" << u.display_name
                      << (u.disabled ? "\t(deaktiveret)" : "") << "\n";
        return 0;
    }
    auto name = need_name();
    if (!name) {
        std::cerr << "brobygger: angiv et brugernavn.\n";
        return 2;
    }
    if (sub == "add") {
        auto role = core::parse_role(p->extra.count("role") ? p->extra["role"] : "");
        if (!role) {
            std::cerr
                << "brobygger: --role skal være admin, consultant, caseworker, enterprise eller buyer.\n";
            return 2;
        }
        accounts::NewUser nu;
        nu.username = *name;
        nu.display_name = p->extra.count("name") ? p->extra["name"] : *name;
        nu.role = *role;
        if (p->extra.count("enterprise")) {
            long long id = 0;
            if (!core::parse_int64(p->extra["enterprise"], id) || id <= 0) {
                std::cerr << "brobygger: --enterprise skal være et positivt heltal.\n";
                return 2;
            }
            nu.enterprise_id = id;
        }
        nu.password = read_password("Adgangskode: ");
        auto created = accounts.create_user(nu, actor);
        if (!created.ok()) return fail(created.error());
        std::cout << "Oprettede " << created->username << " (" << core::role_label(created->role) << ")\n";
        return 0;
    }
    auto user = accounts.find_user(*name);
    if (!user.ok()) return fail(user.error());
    if (sub == "disable" || sub == "enable") {
        auto r = accounts.set_disabled(user->id, sub == "disable", actor);
        if (!r.ok()) return fail(r.error());
        std::cout << (sub == "disable" ? "Deaktiverede " : "Aktiverede ") << user->username << "\n";
        return 0;
    }
    if (sub == "set-password") {
        std::string pw = read_password("Ny adgangskode: ");
        auto r = accounts.set_password(user->id, pw, actor);
        if (!r.ok()) return fail(r.error());
        std::cout << "Adgangskoden for " << user->username << " er sat; brugerens sessioner er afsluttet.\n";
        return 0;
    }
    std::cerr << "brobygger: ukendt underkommando '" << sub << "'. Se 'brobygger user --help'.\n";
    return 2;
}

constexpr const char* k_token_usage =
    "Brug: brobygger token add NAVN --role ROLLE [--enterprise ID]\n"
    "       brobygger token list\n"
    "       brobygger token revoke ID\n\n"
    "En API-nøgle giver et program adgang til /api/v1 med rollens rettigheder (send den som\n"
    "'Authorization: Bearer NØGLE'). Nøglen vises én gang, når den oprettes; gem den straks.\n"
    "Roller: admin, consultant, caseworker, enterprise (kræver --enterprise), buyer.\n\n";

int cmd_token(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {"role", "enterprise"});
    if (!p.ok()) return fail(p.error());
    if (p->help || p->positional.empty()) {
        std::cout << k_token_usage << k_common_options;
        return p->help ? 0 : 1;
    }
    const std::string sub = p->positional[0];
    if (sub != "add" && sub != "list" && sub != "revoke") {
        std::cerr << "brobygger: ukendt underkommando '" << sub << "'.\n\n" << k_token_usage;
        return 2;
    }
    if (sub != "list" && p->positional.size() != 2) {
        std::cerr << (sub == "add" ? "brobygger: angiv nøglens navn.\n"
                                   : "brobygger: angiv nøglens nummer.\n");
        return 2;
    }
    std::optional<core::Role> role;
    std::optional<std::int64_t> enterprise;
    if (sub == "add") {
        role = core::parse_role(p->extra.count("role") ? p->extra["role"] : "");
        if (!role) {
            std::cerr
                << "brobygger: --role skal være admin, consultant, caseworker, enterprise eller buyer.\n";
            return 2;
        }
        if (p->extra.count("enterprise")) {
            long long id = 0;
            if (!core::parse_int64(p->extra["enterprise"], id) || id <= 0) {
                std::cerr << "brobygger: --enterprise skal være et positivt heltal.\n";
                return 2;
            }
            enterprise = id;
        }
    }
    long long revoke_id = 0;
    if (sub == "revoke" && (!core::parse_int64(p->positional[1], revoke_id) || revoke_id <= 0)) {
        std::cerr << "brobygger: nøglens nummer skal være et positivt heltal (se 'brobygger token list').\n";
        return 2;
    }
    auto services = open_services(p->config);
    if (!services.ok()) return fail(services.error());
    accounts::AccountService& accounts = *services.value()->accounts;
    const core::Actor actor = core::Actor::system("cli");
    if (sub == "add") {
        auto created = accounts.create_api_token(p->positional[1], *role, enterprise, actor);
        if (!created.ok()) return fail(created.error());
        std::cout << created->secret << "\n";
        std::cerr << "API-nøgle nr. " << created->id << " (" << core::role_label(*role)
                  << ") er oprettet. Nøglen ovenfor vises kun denne ene gang.\n";
        return 0;
    }
    if (sub == "list") {
        auto tokens = accounts.list_api_tokens();
        if (!tokens.ok()) return fail(tokens.error());
        for (const auto& t : *tokens)
            std::cout << t.id << "\t" << t.name << "\t" << core::role_code(t.role) << "\t" << t.prefix << "…"
                      << (t.revoked_at ? "\t(tilbagekaldt)" : "") << "\n";
        return 0;
    }
    auto revoked = accounts.revoke_api_token(revoke_id, actor);
    if (!revoked.ok()) return fail(revoked.error());
    std::cout << "API-nøgle nr. " << revoke_id << " er tilbagekaldt.\n";
    return 0;
}

int cmd_demo_data(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {});
    if (!p.ok()) return fail(p.error());
    if (p->help) {
        std::cout << "Brug: brobygger demo-data [TILVALG]\n\nIndlæser demodata, hvis databasen ingen brugere "
                     "har.\n\n"
                  << k_common_options;
        return 0;
    }
    // Through the application's own object graph (migrated by prepare(); demo off so that
    // prepare() does not load it before we can tell whether it did).
    Config config = p->config;
    config.demo = false;
    auto database = open_database(config);
    if (!database.ok()) return fail(database.error());
    core::SystemClock clock;
    Application application(config, std::move(database.value()), clock);
    if (auto r = application.prepare(); !r.ok()) return fail(r.error());
    auto loaded = application.load_demo_data();
    if (!loaded.ok()) return fail(loaded.error());
    std::cout << (*loaded ? "Demodata er indlæst.\n" : "Databasen har allerede brugere; intet indlæst.\n");
    return 0;
}

int cmd_backup(const std::vector<std::string>& args) {
    auto p = parse(args, 1, {"out"});
    if (!p.ok()) return fail(p.error());
    if (p->help || !p->extra.count("out")) {
        std::cout
            << "Brug: brobygger backup --out FIL [TILVALG]\n\n"
               "Tager en online sikkerhedskopi af SQLite-databasen (SQLite backup-API) og kontrollerer\n"
               "kopien med PRAGMA integrity_check. PostgreSQL sikkerhedskopieres med 'pg_dump -Fc'.\n\n"
            << k_common_options;
        return p->help ? 0 : 1;
    }
    auto database = open_database(p->config);
    if (!database.ok()) return fail(database.error());
    auto r = (*database)->backup_to(p->extra["out"]);
    if (!r.ok()) return fail(r.error());
    std::cout << "Sikkerhedskopi skrevet til " << p->extra["out"] << "\n";
    return 0;
}

int cmd_import(const std::vector<std::string>& all_args) {
    std::vector<std::string> args;  // --dry-run is a flag without a value (employment import)
    bool dry_run = false;
    for (const auto& a : all_args) {
        if (a == "--dry-run")
            dry_run = true;
        else
            args.push_back(a);
    }
    auto p = parse(args, 1, {});
    if (!p.ok()) return fail(p.error());
    if (p->help) {
        std::cout << enterprises::k_import_usage << "\n"
                  << employment_import::k_import_usage << "\n"
                  << catalogue_import::k_import_usage << k_common_options;
        return 0;
    }
    auto services = open_services(p->config);
    if (!services.ok()) return fail(services.error());
    if (catalogue_import::is_import_command(p->positional)) {
        Services& s = *services.value();
        catalogue_import::Importer importer(*s.database, *s.registry, *s.catalogue);
        auto words = p->positional;
        if (dry_run) words.push_back("--dry-run");
        return catalogue_import::import_command(words, importer, core::Actor::system("cli"), std::cout,
                                                std::cerr, ::isatty(STDERR_FILENO) != 0);
    }
    if (employment_import::is_import_command(p->positional)) {
        Services& s = *services.value();
        employment_import::Importer importer(*s.database, s.clock, s.log, *s.registry);
        auto words = p->positional;
        if (dry_run) words.push_back("--dry-run");
        return employment_import::import_command(words, importer, core::Actor::system("cli"), std::cout,
                                                 std::cerr, ::isatty(STDERR_FILENO) != 0);
    }
    return enterprises::import_command(p->positional, *services.value()->registry, core::Actor::system("cli"),
                                       std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0);
}

constexpr const char* k_retention_usage =
    "Brug: brobygger retention run [--dry-run] [TILVALG]\n"
    "\n"
    "Kører opbevaringsreglen for borgerdata i én transaktion: borgere uden aktivt forløb eller job\n"
    "i den indstillede periode (citizen_retention_months) slettes eller anonymiseres\n"
    "(citizen_retention_mode), medmindre de har et retligt krav. Se docs/citizens.md.\n"
    "\n"
    "  --dry-run           vis hvem reglen rammer, uden at ændre noget\n";

int cmd_retention(const std::vector<std::string>& all_args) {
    std::vector<std::string> args;  // --dry-run is a flag without a value
    bool dry_run = false;
    for (const auto& a : all_args) {
        if (a == "--dry-run")
            dry_run = true;
        else
            args.push_back(a);
    }
    auto p = parse(args, 1, {});
    if (!p.ok()) return fail(p.error());
    if (p->help || p->positional.size() != 1 || p->positional[0] != "run") {
        std::cout << k_retention_usage << k_common_options;
        return p->help ? 0 : 2;
    }
    auto services = open_services(p->config);
    if (!services.ok()) return fail(services.error());
    Services& s = *services.value();
    citizens::CitizenService service(*s.database, s.clock, s.log, *s.registry);
    const core::Actor actor = core::Actor::system("cli");
    auto report = dry_run ? service.retention_preview(actor) : service.run_retention(actor);
    if (!report.ok()) return fail(report.error());
    const bool erase = report->settings.mode == citizens::RetentionMode::Delete;
    std::cout << "Opbevaringstid: " << report->settings.months
              << " måneder; handling: " << citizens::retention_mode_label(report->settings.mode)
              << "; ingen aktivitet siden " << report->cutoff.iso() << "\n";
    for (const auto& c : report->affected) std::cout << "  " << c.case_ref << "\n";
    if (dry_run)
        std::cout << "Prøvekørsel: " << report->affected.size() << " borgere ville blive "
                  << (erase ? "slettet" : "anonymiseret") << ". Intet er ændret.\n";
    else
        std::cout << report->affected.size() << " borgere " << (erase ? "slettet" : "anonymiseret") << ".\n";
    return 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << k_usage;
        return args.empty() ? 1 : 0;
    }
    const std::string& cmd = args[0];
    try {
        if (cmd == "serve") return cmd_serve(args);
        if (cmd == "migrate") return cmd_migrate(args);
        if (cmd == "user") return cmd_user(args);
        if (cmd == "token") return cmd_token(args);
        if (cmd == "demo-data") return cmd_demo_data(args);
        if (cmd == "backup") return cmd_backup(args);
        if (cmd == "import") return cmd_import(args);
        if (cmd == "retention") return cmd_retention(args);
        if (cmd == "version" || cmd == "--version") {
            std::cout << "brobygger " << version() << "\n";
            return 0;
        }
        if (cmd == "match") {
            std::vector<std::string> rest(args.begin() + 1, args.end());
            if (rest.empty() || rest[0] == "--help") {
                std::cout
                    << "Brug: brobygger match solve FIL\n\nLøser en fordelingsopgave givet som DIMACS "
                       "min-cost-flow-fil og skriver 'objective:' og 'solve_s:'. Se docs/matching.md.\n";
                return rest.empty() ? 1 : 0;
            }
            return matching::solve_command(rest, std::cout, std::cerr);
        }
    } catch (const std::exception& e) {
        std::cerr << "brobygger: uventet fejl: " << e.what() << "\n";
        return 1;
    }
    std::cerr << "brobygger: ukendt kommando '" << cmd << "'.\n\n" << k_usage;
    return 1;
}

}  // namespace app
