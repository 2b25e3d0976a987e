// Import of cooperation agreements (C1): one row per agreement at an enterprise of the registry.
#include "employment/store/agreements.hpp"

#include <map>
#include <set>
#include <tuple>

#include "core/money.hpp"
#include "core/text.hpp"
#include "employment/store/bulk.hpp"
#include "employment_import/context.hpp"

namespace employment_import::detail {
namespace {

enum Col : std::size_t {
    CVR,
    ENTERPRISE,
    TITLE,
    START,
    END,
    SLOTS,
    FRAME,
    EXTENSION,
    PLAN_DAYS,
    ATTENDANCE,
    TARGET_TEXT,
    TARGET_CODES,
    PRICE,
    PRICE_UNIT,
    DELIVERABLES,
    NCOLS
};

constexpr Column k_columns[] = {
    {"virksomhed_cvr", false, "Virksomhedens CVR-nummer (eller brug kolonnen virksomhed)"},
    {"virksomhed", false, "Virksomhedens navn, som det står i registret, når der ikke er CVR-nummer"},
    {"titel", true, "Aftalens titel, højst 200 tegn"},
    {"start", true, "Aftalens første dag"},
    {"slut", false, "Aftalens sidste dag; tom = til videre"},
    {"pladser", true, "Antal pladser, 1–1000"},
    {"rammeuger", true, "Forløbets ramme i uger, 1–260"},
    {"forlaengelse_uger", false, "Mulig forlængelse i uger, 0–260 (tom = 0)"},
    {"plan_frist_dage", true, "Frist for planen i dage efter start, 0–365"},
    {"fremmoede_interval_mdr", false, "Fremmødesedler hver N. måned, 1–12 (tom = 2)"},
    {"maalgruppe", false, "Målgruppen beskrevet med ord, højst 2000 tegn"},
    {"maalgrupper", false, "Målgrupper fra listen (kode eller betegnelse), adskilt med ; eller |"},
    {"pris", false, "Pris i kroner, fx 7.500 eller 7500,00"},
    {"prisenhed", false, "pr_forloeb, pr_plads_maaned eller samlet (tom = pr_forloeb)"},
    {"leverancer", false, "Hvad sagsbehandleren skal modtage, højst 5000 tegn"},
};
static_assert(std::size(k_columns) == NCOLS);

struct Agreement {
    std::int64_t enterprise_id = 0;
    std::string title;
    core::Date start;
    std::optional<core::Date> end;
    std::int64_t slots = 0, frame = 0, extension = 0, plan_days = 0, attendance = 2;
    std::string target_text;
    std::vector<std::string> target_codes;
    std::int64_t price_ore = 0;
    std::string price_unit = "per_placement";
    std::string deliverables;
};

std::optional<std::string> price_unit(std::string_view v) {
    std::string f = fold(v);
    if (f.empty() || f == "pr_forloeb" || f == "pr. forløb" || f == "pr forløb" || f == "per_placement")
        return std::string("per_placement");
    if (f == "pr_plads_maaned" || f == "pr. plads pr. måned" || f == "pr plads pr måned" ||
        f == "per_slot_month")
        return std::string("per_slot_month");
    if (f == "samlet" || f == "total") return std::string("total");
    return std::nullopt;
}

}  // namespace

std::span<const Column> agreement_columns() {
    return k_columns;
}

core::Result<void> import_agreements(Context& ctx) {
    EnterpriseLookup enterprises;
    BB_TRY(enterprises.load(ctx.conn));
    // Existing agreements by (enterprise, folded title, start).
    std::map<std::tuple<std::int64_t, std::string, std::string>, std::size_t> seen;  // → line (0 = database)
    BB_ASSIGN(auto existing, employment::store::all_agreements(ctx.conn));
    for (const auto& r : existing) seen[{r.enterprise_id, fold(r.title), r.start_date}] = 0;

    std::vector<Agreement> out;
    const std::size_t total = ctx.rows.size();
    for (std::size_t i = 0; i < total; ++i) {
        Cells cells(ctx.rows[i], k_columns, ctx.xlsx, ctx.report);
        Agreement a;
        auto ent = enterprises.find(cells, CVR, ENTERPRISE);
        a.title = cells.str(TITLE, true, 200, "Titlen");
        auto start = cells.date(START, true, "Startdatoen");
        auto end = cells.date(END, false, "Slutdatoen");
        if (start && end && *end < *start)
            cells.error(
                END, "Slutdatoen (" + end->iso() + ") må ikke ligge før startdatoen (" + start->iso() + ").");
        auto slots = cells.integer(SLOTS, true, 1, 1000, 0, "Antal pladser");
        auto frame = cells.integer(FRAME, true, 1, 260, 0, "Rammen i uger");
        auto ext = cells.integer(EXTENSION, false, 0, 260, 0, "Forlængelsen i uger");
        auto plan = cells.integer(PLAN_DAYS, true, 0, 365, 0, "Fristen for planen i dage");
        auto att = cells.integer(ATTENDANCE, false, 1, 12, 2, "Intervallet for fremmødesedler i måneder");
        a.target_text = cells.str(TARGET_TEXT, false, 2000, "Målgruppebeskrivelsen");
        a.deliverables = cells.str(DELIVERABLES, false, 5000, "Leverancerne");
        std::set<std::string> codes;
        for (auto part : core::split(cells.text(TARGET_CODES), '|')) {
            for (auto piece : core::split(part, ';')) {
                if (core::trim(piece).empty()) continue;
                auto code = target_group(cells, TARGET_CODES, piece, ctx.target_groups);
                if (!code) break;
                if (codes.insert(*code).second) a.target_codes.push_back(*code);
            }
        }
        if (!cells.empty(PRICE)) {
            auto p = core::parse_kroner(cells.text(PRICE), 100'000'000'000LL);
            if (p.status != core::ParsedKroner::Status::Ok || p.oere < 0)
                cells.error(PRICE, "Prisen '" + std::string(cells.text(PRICE)) +
                                       "' er ikke et beløb i kroner, fx 7.500 eller 7500,00.");
            else
                a.price_ore = p.oere;
        }
        if (auto unit = price_unit(cells.text(PRICE_UNIT)))
            a.price_unit = *unit;
        else
            cells.error(PRICE_UNIT, "Ukendt prisenhed '" + std::string(cells.text(PRICE_UNIT)) +
                                        "'. Brug pr_forloeb, pr_plads_maaned eller samlet.");
        if (!cells.failed() && ent && start) {
            auto [it, inserted] =
                seen.emplace(std::make_tuple(*ent, fold(a.title), start->iso()), cells.line());
            if (!inserted)
                cells.error(TITLE, it->second == 0
                                       ? "Virksomheden har allerede en aftale med titlen '" + a.title +
                                             "' fra " + start->iso() + "."
                                       : "Aftalen '" + a.title + "' med start " + start->iso() +
                                             " står også på linje " + std::to_string(it->second) + ".");
        }
        if (!cells.failed()) {
            a.enterprise_id = *ent;
            a.start = *start;
            a.end = end;
            a.slots = *slots;
            a.frame = *frame;
            a.extension = *ext;
            a.plan_days = *plan;
            a.attendance = *att;
            out.push_back(std::move(a));
        }
        tick(ctx.options, i + 1, total);
    }
    if (!ctx.report.errors.empty()) return {};
    ctx.report.created = out.size();
    if (ctx.options.dry_run) return {};
    for (const auto& a : out) {
        employment::store::AgreementFields f;
        f.enterprise_id = a.enterprise_id;
        f.title = a.title;
        f.start_date = a.start;
        f.end_date = a.end;
        f.slots = static_cast<int>(a.slots);
        f.frame_weeks = static_cast<int>(a.frame);
        f.extension_weeks = static_cast<int>(a.extension);
        f.plan_deadline_days = static_cast<int>(a.plan_days);
        f.attendance_interval_months = static_cast<int>(a.attendance);
        f.target_description = a.target_text;
        f.price_ore = a.price_ore;
        f.price_unit = a.price_unit;
        f.deliverables = a.deliverables;
        BB_ASSIGN(const std::int64_t id, employment::store::insert_agreement(ctx.conn, f, ctx.now));
        for (const auto& code : a.target_codes)
            BB_TRY(employment::store::insert_agreement_target_group(ctx.conn, id, code));
    }
    return audit_run(ctx, "agreement", std::to_string(out.size()) + " aftaler importeret");
}

}  // namespace employment_import::detail
