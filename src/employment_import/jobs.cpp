// Import of jobs (C5) with their dated history of weekly hours and intensity: the rows with the
// same case reference, enterprise and hiring date are one job, one row per change of hours.
#include "employment/store/jobs.hpp"

#include <map>
#include <set>
#include <tuple>

#include "employment/rules.hpp"
#include "employment/store/bulk.hpp"
#include "employment_import/context.hpp"

namespace employment_import::detail {
namespace {

enum Col : std::size_t {
    CASE_REF,
    NAME,
    CVR,
    ENTERPRISE,
    KIND,
    CHANNEL,
    HIRED,
    ENDED,
    TEMPORARY,
    FROM,
    HOURS,
    INTENSITY,
    NCOLS
};

constexpr Column k_columns[] = {
    {"sagsnummer", true, "Borgerens sagsnummer i kommunen (aldrig CPR-nummer)"},
    {"navn", false, "Borgerens navn; skal udfyldes, når sagsnummeret er nyt"},
    {"virksomhed_cvr", false, "Virksomhedens CVR-nummer (eller brug kolonnen virksomhed)"},
    {"virksomhed", false, "Virksomhedens navn, når der ikke er CVR-nummer"},
    {"jobtype", true, "Jobtype fra listen (kode eller betegnelse), fx Fleksjob"},
    {"kanal", true, "jobcenter (via kommunen) eller anden"},
    {"ansat", true, "Ansættelsesdato"},
    {"ophoert", false, "Sidste dag i jobbet; tom = i job"},
    {"midlertidigt_fleksjob", false, "ja/nej: midlertidigt fleksjob (kun for fleksjob)"},
    {"fra", true, "Datoen, timer og intensitet gælder fra"},
    {"timer", true, "Timer pr. uge, 0–37, fx 15 eller 7,5"},
    {"intensitet", true, "Arbejdsintensitet i procent, 1–100"},
};
static_assert(std::size(k_columns) == NCOLS);

using KindRef = employment::store::JobKindRef;

struct Hours {
    std::string from;
    std::int64_t hundredths = 0;
    int intensity = 0;
};
struct Job {
    std::size_t citizen = 0;
    std::int64_t enterprise_id = 0;
    std::string kind, channel, hired, ended;
    bool temporary = false;
    std::size_t line = 0;
    std::map<std::string, std::size_t> from_lines;  ///< fra → line
    std::vector<Hours> hours;
};

std::optional<std::string> channel_code(std::string_view v) {
    std::string f = fold(v);
    if (f == "jobcenter" || f == "jobcentret" || f == "kommunen" || f == "kommune" || f == "municipality")
        return std::string("municipality");
    if (f == "anden" || f == "andet" || f == "anden kanal" || f == "other") return std::string("other");
    return std::nullopt;
}

}  // namespace

std::span<const Column> job_columns() {
    return k_columns;
}

core::Result<void> import_jobs(Context& ctx) {
    EnterpriseLookup enterprises;
    BB_TRY(enterprises.load(ctx.conn));
    Citizens citizens;
    BB_TRY(citizens.load(ctx.conn));
    BB_ASSIGN(const std::vector<KindRef> kinds, employment::store::all_job_kinds(ctx.conn));
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> stored_jobs;
    BB_ASSIGN(auto keys, employment::store::job_keys(ctx.conn));
    for (auto& k : keys) stored_jobs.emplace(k.citizen_id, k.enterprise_id, std::move(k.date));

    auto kind_listing = [&] {
        std::string s;
        for (const auto& k : kinds)
            if (k.active) s += (s.empty() ? "" : ", ") + k.label + " (" + k.code + ")";
        return s;
    };

    std::vector<Job> jobs;
    std::map<std::tuple<std::size_t, std::int64_t, std::string>, std::size_t> job_of;  // → jobs index
    const std::size_t total = ctx.rows.size();
    for (std::size_t i = 0; i < total; ++i) {
        Cells cells(ctx.rows[i], k_columns, ctx.xlsx, ctx.report);
        auto citizen = citizens.resolve(cells, CASE_REF, NAME, k_none, ctx.target_groups);
        auto ent = enterprises.find(cells, CVR, ENTERPRISE);
        auto hired = cells.date(HIRED, true, "Ansættelsesdatoen");
        auto ended = cells.date(ENDED, false, "Datoen for ophør");
        auto from = cells.date(FROM, true, "Datoen i fra");
        auto temporary = cells.yes_no(TEMPORARY, "Midlertidigt fleksjob");

        const KindRef* kind = nullptr;
        if (!cells.empty(KIND)) {
            std::string v = fold(cells.text(KIND));
            for (const auto& k : kinds)
                if (fold(k.code) == v || fold(k.label) == v) kind = &k;
            if (!kind)
                cells.error(KIND, "Ukendt jobtype '" + std::string(cells.text(KIND)) +
                                      "'. Brug en af: " + kind_listing() + ".");
            else if (!kind->active) {
                cells.error(KIND, "Jobtypen \"" + kind->label +
                                      "\" bruges ikke længere. Vælg en jobtype fra listen.");
                kind = nullptr;
            }
        } else {
            cells.error(KIND, "Jobtypen skal udfyldes.");
        }
        std::optional<std::string> channel;
        if (cells.empty(CHANNEL))
            cells.error(CHANNEL, "Kanalen skal udfyldes: jobcenter eller anden.");
        else if (!(channel = channel_code(cells.text(CHANNEL))))
            cells.error(CHANNEL, "Ukendt kanal '" + std::string(cells.text(CHANNEL)) +
                                     "'. Skriv jobcenter (ansat via kommunen) eller anden.");
        if (kind && temporary.value_or(false) && !kind->is_fleksjob)
            cells.error(TEMPORARY,
                        "Kun et fleksjob kan være midlertidigt; jobtypen er '" + kind->label + "'.");

        auto h = employment::parse_hours(cells.text(HOURS));
        if (h.status == employment::ParsedHours::Status::Empty)
            cells.error(HOURS, std::string(employment::hours_problem(h.status)));
        else if (h.status != employment::ParsedHours::Status::Ok)
            cells.error(HOURS,
                        employment::with_typed_value(employment::hours_problem(h.status), cells.text(HOURS)));
        auto in = employment::parse_intensity(cells.text(INTENSITY));
        if (in.status == employment::ParsedIntensity::Status::Empty)
            cells.error(INTENSITY, std::string(employment::intensity_problem(in.status)));
        else if (in.status != employment::ParsedIntensity::Status::Ok)
            cells.error(INTENSITY, employment::with_typed_value(employment::intensity_problem(in.status),
                                                                cells.text(INTENSITY)));

        if (hired && ended && *ended < *hired)
            cells.error(ENDED, "Datoen for ophør kan ikke ligge før ansættelsesdatoen (" + ended->iso() +
                                   " før " + hired->iso() + ").");
        else if (hired && from && *from < *hired)
            cells.error(FROM, "Datoen i fra kan ikke ligge før ansættelsesdatoen (" + from->iso() + " før " +
                                  hired->iso() + ").");
        else if (ended && from && *from > *ended)
            cells.error(FROM, "Datoen i fra (" + from->iso() + ") ligger efter jobbets ophør (" +
                                  ended->iso() + ").");

        if (!cells.failed() && citizen && ent && hired && from && kind && channel) {
            auto key = std::make_tuple(*citizen, *ent, hired->iso());
            auto [it, is_new] = job_of.emplace(key, jobs.size());
            if (is_new) {
                Job j;
                j.citizen = *citizen;
                j.enterprise_id = *ent;
                j.kind = kind->code;
                j.channel = *channel;
                j.hired = hired->iso();
                j.ended = ended ? ended->iso() : "";
                j.temporary = temporary.value_or(false);
                j.line = cells.line();
                jobs.push_back(std::move(j));
            }
            Job& j = jobs[it->second];
            const std::string first = " som linje " + std::to_string(j.line) + " for samme job";
            if (!is_new) {
                if (kind->code != j.kind) cells.error(KIND, "Jobtypen skal være den samme" + first + ".");
                if (*channel != j.channel) cells.error(CHANNEL, "Kanalen skal være den samme" + first + ".");
                if (ended && ended->iso() != j.ended)
                    cells.error(ENDED, "Datoen for ophør skal være den samme" + first + ".");
                if (temporary && *temporary != j.temporary)
                    cells.error(TEMPORARY, "Midlertidigt fleksjob skal være det samme" + first + ".");
            } else if (citizens.id(*citizen) != 0 &&
                       stored_jobs.count({citizens.id(*citizen), *ent, hired->iso()})) {
                cells.row_error("Borgeren har allerede et job hos " + enterprises.name_of(*ent) + " fra " +
                                hired->iso() + ". Ret timerne i systemet i stedet.");
            }
            auto [fl, fresh] = j.from_lines.emplace(from->iso(), cells.line());
            if (!fresh)
                cells.error(FROM, "Datoen " + from->iso() + " står allerede for dette job på linje " +
                                      std::to_string(fl->second) +
                                      ". Hver række i et job skal have sin egen fra-dato.");
            if (!cells.failed()) j.hours.push_back({from->iso(), h.hundredths, in.percent});
        }
        tick(ctx.options, i + 1, total);
    }
    if (!ctx.report.errors.empty()) return {};
    ctx.report.created = jobs.size();
    std::size_t hours_rows = 0;
    for (const auto& j : jobs) hours_rows += j.hours.size();
    ctx.report.hours_rows = hours_rows;
    if (ctx.options.dry_run)
        return audit_run(ctx, "citizen", "prøvekørsel: " + std::to_string(jobs.size()) + " job kontrolleret");

    BB_TRY(citizens.store(ctx, "job"));
    ctx.report.citizens_created = citizens.created();
    std::vector<employment::store::NewJobWithHours> rows;
    rows.reserve(jobs.size());
    for (const auto& j : jobs) {
        auto& n = rows.emplace_back();
        n.job.citizen_id = citizens.id(j.citizen);
        n.job.enterprise_id = j.enterprise_id;
        n.job.kind = j.kind;
        n.job.channel = j.channel;
        n.job.hired_on = *core::Date::parse(j.hired);
        if (!j.ended.empty()) n.job.ended_on = core::Date::parse(j.ended);
        n.job.temporary_fleksjob = j.temporary;
        for (const auto& h : j.hours)
            n.hours.push_back({*core::Date::parse(h.from), h.hundredths, h.intensity, std::string()});
    }
    BB_TRY(employment::store::insert_jobs(ctx.conn, rows, ctx.now));
    return audit_run(ctx, "citizen",
                     std::to_string(jobs.size()) + " job med " + std::to_string(hours_rows) +
                         " rækker timer for " + std::to_string(citizens.used()) + " borgere, " +
                         std::to_string(citizens.created()) + " nye borgere");
}

}  // namespace employment_import::detail
