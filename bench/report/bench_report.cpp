// Times the annual report (issue 5, "Measure and note") on a generated national-size dataset
// (generate.hpp): the registry counts, jobs by kind and channel and the agreement comparison
// the report reads, and — once the report library is in the build — the report model and each
// output. Prints a markdown table (median wall-clock time of --repeat runs per step), then per
// engine the first run, the CPU time of the measuring process and the peak RSS.
//
//   bb_bench_report --engine sqlite|postgres|both [--url URL] [--year 2018] [--scale 1.0]
//                   [--repeat 3] [--reuse] [--seed N] [--municipality København]
//
// sqlite: --url is the database file (default /tmp/bb-bench-report-<scale>.db), recreated
// unless --reuse finds the same dataset in it. postgres: --url is the server's admin URL
// (scripts/pg-test-cluster.sh prints one); a database bb_bench_report_<scale> is (re)created
// on that server. both: --url is the PostgreSQL URL, SQLite uses the default file.
// --municipality is the municipality the report is made for (the biggest one by default; the
// report's F5 section shows all 98 side by side).
// Every engine runs in its own child process: generation in one, measurement in another, so
// the peak RSS of each is its own.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "audit/audit_log.hpp"
#include "core/date.hpp"
#include "db/database.hpp"
#include "enterprises/enterprise_service.hpp"
#include "evaluation/evaluation_service.hpp"
#include "generate.hpp"
#include "jobs/job_service.hpp"
#include "steps.hpp"

namespace {

struct Options {
    std::vector<std::string> engines;
    std::string url;
    int year = 2018;
    bench_report::Scale scale;
    int repeat = 3;
    bool reuse = false;
    std::string municipality = "København";
};

std::string scale_tag(const bench_report::Scale& s) {
    return std::to_string(std::llround(s.factor * 100));  // percent: 100 = full size
}

/// The database this engine's run uses (for PostgreSQL: on the server of o.url).
std::string database_url(const std::string& engine, const Options& o) {
    if (engine == "sqlite") {
        if (!o.url.empty() && o.engines.size() == 1) return o.url;
        return "/tmp/bb-bench-report-" + scale_tag(o.scale) + ".db";
    }
    const auto scheme = o.url.find("://");
    const auto slash = o.url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    const auto query = o.url.find('?');
    const std::string base = slash == std::string::npos ? o.url : o.url.substr(0, slash);
    return base + "/bb_bench_report_" + scale_tag(o.scale) +
           (query == std::string::npos ? "" : o.url.substr(query));
}

/// CPU seconds (user + system) of this process so far. For PostgreSQL the server's work is in
/// other processes, so this is the client's share only.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/// Runs `f` (which writes "key\tvalue…" lines to the FILE*) in a child process and returns its
/// lines; a failed child adds an "error" line.
template <class F>
std::vector<std::string> in_child(F&& f) {
    int fds[2];
    if (pipe(fds) != 0) return {"error\tpipe failed"};
    std::fflush(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        FILE* out = fdopen(fds[1], "w");
        const int rc = f(out);
        std::fprintf(out, "rss\t%ld\n", peak_rss_kb());
        std::fclose(out);
        std::_Exit(rc);
    }
    close(fds[1]);
    std::vector<std::string> lines;
    FILE* in = fdopen(fds[0], "r");
    std::string line;
    for (int c; (c = std::fgetc(in)) != EOF;) {
        if (c == '\n') {
            lines.push_back(line);
            line.clear();
        } else {
            line += static_cast<char>(c);
        }
    }
    std::fclose(in);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) lines.emplace_back("error\tchild process failed");
    return lines;
}

/// The dataset marker of an existing database at `url` ("" when there is none).
std::string existing_marker(const std::string& engine, const Options& o, const std::string& url) {
    if (engine == "sqlite" && !std::filesystem::exists(url)) return "";
    if (engine == "postgres") {
        auto admin = db::open(o.url);
        if (!admin.ok()) return "";
        auto lease = (*admin)->acquire();
        if (!lease.ok()) return "";
        auto exists = (*lease)->query("SELECT 1 FROM pg_database WHERE datname = $1",
                                      {"bb_bench_report_" + scale_tag(o.scale)});
        if (!exists.ok() || exists->empty()) return "";
    }
    auto database = db::open(url);
    if (!database.ok() || !db::migrate(**database).ok()) return "";
    auto marker = bench_report::stored_marker(**database);
    return marker.ok() ? *marker : "";
}

/// Creates (or, with --reuse, keeps when it holds the same dataset) the engine's database and
/// fills it.
int prepare(const std::string& engine, const Options& o, FILE* out) {
    const std::string url = database_url(engine, o);
    if (o.reuse) {
        const std::string marker = existing_marker(engine, o, url);
        if (marker == bench_report::dataset_marker(o.scale)) {
            std::fprintf(out, "reused\t%s\n", marker.c_str());
            return 0;
        }
        std::fprintf(stderr, "%s: no dataset %s to reuse in %s; generating it\n", engine.c_str(),
                     bench_report::dataset_marker(o.scale).c_str(), url.c_str());
    }
    if (engine == "postgres") {
        auto admin = db::open(o.url);
        if (!admin.ok()) return std::fprintf(out, "error\tcannot connect to %s\n", o.url.c_str()), 1;
        auto lease = (*admin)->acquire();
        if (!lease.ok()) return std::fprintf(out, "error\tcannot connect to %s\n", o.url.c_str()), 1;
        const std::string name = "bb_bench_report_" + scale_tag(o.scale);
        auto exists = (*lease)->query("SELECT 1 FROM pg_database WHERE datname = $1", {name});
        if (!exists.ok()) return std::fprintf(out, "error\t%s\n", exists.error().message.c_str()), 1;
        if (!exists->empty()) (void)(*lease)->query("DROP DATABASE " + name);
        if (auto c = (*lease)->query("CREATE DATABASE " + name); !c.ok())
            return std::fprintf(out, "error\tCREATE DATABASE: %s\n", c.error().message.c_str()), 1;
    } else {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(url + suffix, ec);
    }
    auto database = db::open(url);
    if (!database.ok() || !db::migrate(**database).ok())
        return std::fprintf(out, "error\tcannot open/migrate %s\n", url.c_str()), 1;
    std::fprintf(stderr, "%s: generating the dataset (%s) in %s\n", engine.c_str(),
                 bench_report::dataset_marker(o.scale).c_str(), (*database)->describe().c_str());
    auto g = bench_report::generate(**database, o.scale);
    if (!g.ok()) return std::fprintf(out, "error\tgeneration: %s\n", g.error().message.c_str()), 1;
    if (engine == "postgres") {
        // Autovacuum would vacuum (visibility map: index-only scans) and analyse the freshly
        // loaded tables soon; do it now so the measurement does not depend on when it ran.
        auto lease = (*database)->acquire();
        if (lease.ok()) {
            if (auto v = (*lease)->query("VACUUM (ANALYZE)"); !v.ok())
                std::fprintf(stderr, "postgres: VACUUM (ANALYZE) failed: %s\n", v.error().message.c_str());
        }
    }
    std::fprintf(out, "generated\t%.1f\n", g->seconds);
    for (const auto& [table, rows] : g->tables)
        std::fprintf(out, "table\t%s\t%lld\n", table.c_str(), static_cast<long long>(rows));
    for (const auto& s : g->skipped) std::fprintf(out, "skipped\t%s\n", s.c_str());
    return 0;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/// Times every step `o.repeat` times and writes "step\tname\tmedian\tfirst\tnote" lines.
int measure(const std::string& engine, const Options& o, FILE* out) {
    auto database = db::open(database_url(engine, o));
    if (!database.ok()) return std::fprintf(out, "error\tcannot open the database\n"), 1;
    db::Database& db = **database;
    core::SystemClock clock;
    audit::AuditLog log(clock);
    enterprises::EnterpriseService registry(db, clock, log);
    jobs::JobService job_service(db, clock, log);
    evaluation::EvaluationService evaluations(db, clock, log);
    bench_report::Context context{db, clock, core::Actor::system("bench"), o.year, o.municipality};
    const std::string year = std::to_string(o.year);
    const std::string from = year + "-01-01", to = year + "-12-31";

    std::vector<bench_report::Step> steps;
    steps.push_back({"Registry counts (EnterpriseService::figures, every municipality + sum)",
                     [&]() -> core::Result<std::string> {
                         BB_ASSIGN(auto t, registry.figures({to, year, ""}, context.actor));
                         return std::to_string(t.rows.size()) + " municipalities, " +
                                std::to_string(t.sum.total) + " established/RSV at " + to;
                     },
                     {}});
    steps.push_back({"Jobs by kind and channel (JobService::counts)",
                     [&]() -> core::Result<std::string> {
                         BB_ASSIGN(auto c, job_service.counts(year, context.actor));
                         return std::to_string(c.total()) + " jobs in " + year;
                     },
                     {}});
    steps.push_back({"Agreement evaluations (EvaluationService::compare, the year)",
                     [&]() -> core::Result<std::string> {
                         BB_ASSIGN(auto c, evaluations.compare(from, to, context.actor));
                         return std::to_string(c.rows.size()) + " agreements";
                     },
                     {}});
    for (auto& s : bench_report::report_steps(context)) steps.push_back(std::move(s));

    double load[1] = {0};
    if (getloadavg(load, 1) == 1) std::fprintf(out, "load\t%.1f\n", load[0]);
    for (const auto& step : steps) {
        if (!step.run) {
            std::fprintf(out, "step\t%s\t-\t-\t-\t%s\n", step.name.c_str(), step.absent_reason.c_str());
            continue;
        }
        std::vector<double> times, cpu;
        std::string note;
        for (int r = 0; r < o.repeat; ++r) {
            const auto t0 = std::chrono::steady_clock::now();
            const double c0 = cpu_seconds();
            auto result = step.run();
            times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
            cpu.push_back(cpu_seconds() - c0);
            if (!result.ok()) {
                note = "FAILED: " + result.error().message;
                break;
            }
            note = *result;
        }
        std::fprintf(stderr, "%s: %s: %.3f s, CPU %.3f s (%s)\n", engine.c_str(), step.name.c_str(),
                     median(times), median(cpu), note.c_str());
        std::fprintf(out, "step\t%s\t%.3f\t%.3f\t%.3f\t%s\n", step.name.c_str(), median(times), times.front(),
                     median(cpu), note.c_str());
    }
    return 0;
}

std::vector<std::string> split(const std::string& line) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    for (std::size_t tab; (tab = line.find('\t', pos)) != std::string::npos; pos = tab + 1)
        parts.push_back(line.substr(pos, tab - pos));
    parts.push_back(line.substr(pos));
    return parts;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bb_bench_report --engine sqlite|postgres|both [--url URL] [--year 2018] "
                 "[--scale 1.0] [--repeat 3] [--reuse] [--seed N] [--municipality København]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--reuse")
            o.reuse = true;
        else if (a == "--engine" && has_value) {
            const std::string e = argv[++i];
            o.engines =
                e == "both" ? std::vector<std::string>{"sqlite", "postgres"} : std::vector<std::string>{e};
        } else if (a == "--url" && has_value)
            o.url = argv[++i];
        else if (a == "--year" && has_value)
            o.year = std::atoi(argv[++i]);
        else if (a == "--scale" && has_value)
            o.scale.factor = std::atof(argv[++i]);
        else if (a == "--repeat" && has_value)
            o.repeat = std::max(1, std::atoi(argv[++i]));
        else if (a == "--seed" && has_value)
            o.scale.seed = std::strtoull(argv[++i], nullptr, 10);
        else if (a == "--municipality" && has_value)
            o.municipality = argv[++i];
        else
            return usage();
    }
    if (o.engines.empty() || o.scale.factor <= 0 || o.year < 2000) return usage();
    for (const auto& e : o.engines) {
        if (e != "sqlite" && e != "postgres") return usage();
        if (e == "postgres" && o.url.empty()) {
            std::fprintf(stderr, "postgres needs --url (the server's admin URL)\n");
            return usage();
        }
    }

    // engine → step → (median, first, note); engine → facts
    std::map<std::string, std::map<std::string, std::vector<std::string>>> results;
    std::vector<std::string> step_order;
    std::map<std::string, std::vector<std::string>> facts;
    bool failed = false;
    for (const auto& engine : o.engines) {
        auto lines = in_child([&](FILE* out) { return prepare(engine, o, out); });
        const bool prepared =
            std::none_of(lines.begin(), lines.end(), [](auto& l) { return l.rfind("error", 0) == 0; });
        if (prepared) {
            auto more = in_child([&](FILE* out) { return measure(engine, o, out); });
            for (auto& l : lines) {
                if (l.rfind("rss\t", 0) == 0) l = "generation_rss\t" + l.substr(4);
            }
            lines.insert(lines.end(), more.begin(), more.end());
        }
        for (const auto& l : lines) {
            auto p = split(l);
            if (p[0] == "step" && p.size() >= 6) {
                if (std::find(step_order.begin(), step_order.end(), p[1]) == step_order.end())
                    step_order.push_back(p[1]);
                results[engine][p[1]] = {p[2], p[3], p[4], p[5]};
            } else {
                if (p[0] == "error") failed = true;
                facts[engine].push_back(l);
            }
        }
    }

    const bool sqlite = results.count("sqlite") || facts.count("sqlite");
    const bool pg = results.count("postgres") || facts.count("postgres");
    std::printf("\nReport benchmark, year %d, scale %g (%s), median of %d run(s)\n\n", o.year, o.scale.factor,
                bench_report::dataset_marker(o.scale).c_str(), o.repeat);
    std::printf("| step | SQLite s | PostgreSQL s |\n|---|---:|---:|\n");
    auto cell = [&](const std::string& engine, const std::string& step) -> std::string {
        if (!(engine == "sqlite" ? sqlite : pg)) return "";
        auto e = results.find(engine);
        if (e == results.end() || !e->second.count(step)) return "–";
        const auto& v = e->second.at(step);
        return v[0] == "-" ? "–" : v[0];
    };
    for (const auto& step : step_order)
        std::printf("| %s | %s | %s |\n", step.c_str(), cell("sqlite", step).c_str(),
                    cell("postgres", step).c_str());
    for (const auto& engine : o.engines) {
        std::printf("\n%s (%s):\n", engine.c_str(), database_url(engine, o).c_str());
        for (const auto& step : step_order) {
            auto e = results.find(engine);
            if (e != results.end() && e->second.count(step))
                std::printf("  %s: first run %s s, CPU (this process) %s s; %s\n", step.c_str(),
                            e->second.at(step)[1].c_str(), e->second.at(step)[2].c_str(),
                            e->second.at(step)[3].c_str());
        }
        for (const auto& l : facts[engine]) {
            auto p = split(l);
            if (p[0] == "rss")
                std::printf("  peak RSS while measuring: %.0f MB\n", std::stod(p[1]) / 1024.0);
            else if (p[0] == "generation_rss")
                std::printf("  peak RSS while preparing (generating or reusing): %.0f MB\n",
                            std::stod(p[1]) / 1024.0);
            else if (p[0] == "load")
                std::printf("  load average (1 min) when measuring began: %s\n", p[1].c_str());
            else if (p[0] == "generated")
                std::printf("  dataset generated in %s s (not the measurement)\n", p[1].c_str());
            else if (p[0] == "reused")
                std::printf("  dataset reused (%s)\n", p[1].c_str());
            else if (p[0] == "table")
                std::printf("  %s: %s rows\n", p[1].c_str(), p[2].c_str());
            else if (p[0] == "skipped")
                std::printf("  not generated: %s\n", p[1].c_str());
            else if (p[0] == "error")
                std::printf("  ERROR: %s\n", p.size() > 1 ? p[1].c_str() : "");
        }
    }
    return failed ? 1 : 0;
}
