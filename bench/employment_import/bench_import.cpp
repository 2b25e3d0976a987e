// Generates a placements file of N rows (new citizens, 50 agreements at two demo enterprises,
// three-month placements spread over 2019–2025) and times its import on a fresh database with
// the demo registry — the "100 000-row file must work" measurement of issue 4, item 10.
//
//   bb_bench_employment_import [--rows 100000] [--db PATH|postgresql://…] [--csv OUT.csv]
//
// Without --db a new SQLite file in /tmp is used. --csv also writes the generated file.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "audit/audit_log.hpp"
#include "core/date.hpp"
#include "db/database.hpp"
#include "employment_import/import.hpp"
#include "enterprises/demo.hpp"

int main(int argc, char** argv) {
    long long rows = 100000;
    std::string url = "/tmp/bb-bench-employment-import-" + std::to_string(::time(nullptr)) + ".db";
    std::string csv_out;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--rows")
            rows = std::atoll(argv[i + 1]);
        else if (a == "--db")
            url = argv[i + 1];
        else if (a == "--csv")
            csv_out = argv[i + 1];
    }
    auto database = db::open(url);
    if (!database.ok() || !db::migrate(**database).ok()) {
        std::fprintf(stderr, "cannot open/migrate %s\n", url.c_str());
        return 1;
    }
    core::SystemClock clock;
    audit::AuditLog log(clock);
    enterprises::EnterpriseService registry(**database, clock, log);
    if (!enterprises::load_demo(registry, core::Actor::system("bench")).ok()) {
        std::fprintf(stderr, "demo registry failed (database not empty?)\n");
        return 1;
    }
    employment_import::Importer importer(**database, clock, log, registry);
    const auto admin = core::Actor::system("bench");

    constexpr int k_agreements = 50;
    std::string agreements = "virksomhed;titel;start;pladser;rammeuger;plan_frist_dage\n";
    for (int a = 0; a < k_agreements; ++a)
        agreements += std::string(a % 2 ? "Sumak" : "VeteranHaven") + ";Aftale " + std::to_string(a) +
                      ";2019-01-01;1000;13;14\n";
    auto ar = importer.run(employment_import::Kind::Agreements, agreements, admin);
    if (!ar.ok() || !ar->ok()) {
        std::fprintf(stderr, "agreements failed\n");
        return 1;
    }

    std::string csv =
        "sagsnummer;navn;virksomhed;aftale;indsatstype;henvist;start;plan_dato;plan_ejerskab;slut;udfald;"
        "timer\n";
    csv.reserve(static_cast<std::size_t>(rows) * 130);
    const core::Date first{2019, 1, 1};
    const char* outcomes[] = {"ordinary_job", "fleksjob", "education", "job_seeking", "stopped_challenges"};
    for (long long i = 0; i < rows; ++i) {
        int a = static_cast<int>(i % k_agreements);
        core::Date referred = first.add_days((i * 7919) % 2400);
        core::Date start = referred.add_days(7);
        bool ended = (i / k_agreements) % 5 != 0;  // 1 in 5 still running, spread over all agreements
        csv += "B-" + std::to_string(100000 + i) + ";Borger " + std::to_string(i) + ";" +
               (a % 2 ? "Sumak" : "VeteranHaven") + ";Aftale " + std::to_string(a) + ";lab_2_3;" +
               referred.iso() + ";" + start.iso() + ";" + start.add_days(10).iso() + ";ja;" +
               (ended ? start.add_days(84).iso() : "") + ";" + (ended ? outcomes[i % 5] : "") + ";15\n";
    }
    if (!csv_out.empty()) std::ofstream(csv_out, std::ios::binary) << csv;

    employment_import::Options options;
    options.file_name = "bench.csv";
    auto t0 = std::chrono::steady_clock::now();
    auto r = importer.run(employment_import::Kind::Placements, csv, admin, options);
    auto t1 = std::chrono::steady_clock::now();
    if (!r.ok()) {
        std::fprintf(stderr, "import failed: %s\n", r.error().message.c_str());
        return 1;
    }
    for (std::size_t e = 0; e < r->errors.size() && e < 5; ++e)
        std::fprintf(stderr, "line %zu %s: %s\n", r->errors[e].line, r->errors[e].column.c_str(),
                     r->errors[e].message.c_str());
    std::printf("%s: %lld rows, %zu placements, %zu citizens created, %zu errors, %.2f s (%.1f MB file)\n",
                (*database)->describe().c_str(), rows, r->created, r->citizens_created, r->errors.size(),
                std::chrono::duration<double>(t1 - t0).count(), static_cast<double>(csv.size()) / 1e6);
    return r->ok() ? 0 : 2;
}
