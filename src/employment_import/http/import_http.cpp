// Upload pages, example downloads and the JSON API of the employment import.
#include "employment_import/http/import_http.hpp"

#include <string>
#include <utility>

#include "core/text.hpp"
#include "enterprises/http/upload.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_write.hpp"

namespace employment_import_http {
namespace {

using core::Role;
using employment_import::Kind;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

constexpr std::string_view k_xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Access access_for(Kind kind) {
    if (kind == Kind::Agreements) return Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    return Access::roles({Role::Admin, Role::Caseworker});
}

std::string title_for(Kind kind) {
    switch (kind) {
        case Kind::Agreements:
            return "Importér samarbejdsaftaler";
        case Kind::Placements:
            return "Importér forløb";
        case Kind::Jobs:
            return "Importér job";
    }
    return "";
}

std::string base_path(Kind kind) {
    return "/import/" + std::string(employment_import::kind_word(kind));
}

View kind_view(Kind kind) {
    View v;
    v.set("title", title_for(kind));
    v.set("path", base_path(kind));
    v.set("noun", employment_import::kind_noun(kind));
    v.set("is_agreements", kind == Kind::Agreements);
    v.set("is_placements", kind == Kind::Placements);
    v.set("is_jobs", kind == Kind::Jobs);
    View::List rows;
    for (const auto& c : employment_import::columns(kind)) {
        View r;
        r.set("header", c.header);
        r.set("required", c.required);
        r.set("description", c.description);
        rows.push_back(std::move(r));
    }
    v.set("columns", std::move(rows));
    return v;
}

Response form_page(const web::Site& site, const RequestContext& ctx, Kind kind,
                   std::optional<std::string> error) {
    View v = kind_view(kind);
    View::List others;  // the other imports this user may run
    for (Kind k : employment_import::k_all_kinds) {
        if (k == kind || !ctx.actor || !employment_import::may_import(k, *ctx.actor)) continue;
        View o;
        o.set("href", base_path(k)).set("label", title_for(k));
        others.push_back(std::move(o));
    }
    if (!others.empty()) {
        v.set("has_others", true);
        v.set("others", std::move(others));
    }
    v.set("csrf_token", ctx.csrf_token);
    if (error) {
        v.set("has_errors", true);
        View e;
        e.set("field", "file").set("message", *error);
        v.set("errors", View::List{e});
        v.set("file_error", *error);
    }
    return site.page(ctx, "employment_import/import", v, error ? "Fejl: " + title_for(kind) : title_for(kind),
                     error ? 422 : 200);
}

View report_view(const employment_import::Report& r) {
    View v;
    v.set("rows", static_cast<std::int64_t>(r.rows));
    v.set("created", static_cast<std::int64_t>(r.created));
    v.set("citizens_created", static_cast<std::int64_t>(r.citizens_created));
    v.set("hours_rows", static_cast<std::int64_t>(r.hours_rows));
    v.set("dry_run", r.dry_run);
    enterprises_http::set_import_errors(v, r);
    return v;
}

std::string created_text(Kind kind, const employment_import::Report& r) {
    std::string s = std::to_string(r.created) + " " + std::string(employment_import::kind_noun(kind));
    if (r.dry_run) return s + " er kontrolleret uden fejl. Intet er gemt, fordi det var en prøvekørsel.";
    s += " er importeret.";
    if (kind == Kind::Jobs) s += " " + std::to_string(r.hours_rows) + " rækker med timer og intensitet.";
    if (r.citizens_created > 0)
        s += " " + std::to_string(r.citizens_created) +
             (r.citizens_created == 1 ? " ny borger" : " nye borgere") + " er oprettet.";
    return s;
}

void register_kind(web::Router& router, const web::Site* s, employment_import::Importer* importer,
                   Kind kind) {
    const Access access = access_for(kind);
    const std::string path = base_path(kind);
    const std::string example = std::string(employment_import::example_name(kind));
    const std::string noun(employment_import::kind_noun(kind));

    router.get(
        path, access, [s, kind](RequestContext& ctx) { return form_page(*s, ctx, kind, std::nullopt); },
        "Import " + std::string(employment_import::kind_word(kind)) + " from CSV or XLSX (upload form)");
    router.get(
        path + "/eksempel.csv", access,
        [kind, example](RequestContext&) {
            return Response::attachment("\xEF\xBB\xBF" + std::string(employment_import::example_csv(kind)),
                                        "text/csv; charset=utf-8", example + "-eksempel.csv");
        },
        "Example import file (CSV)");
    router.get(
        path + "/eksempel.xlsx", access,
        [s, kind, example, noun](RequestContext& ctx) {
            auto table = tabular::read_csv(employment_import::example_csv(kind));
            if (table.error || table.table.rows.empty()) return s->error(ctx.request, ctx.actor, 500);
            std::vector<std::vector<std::string>> rows;
            for (std::size_t i = 1; i < table.table.rows.size(); ++i)
                rows.push_back(table.table.rows[i].cells);
            auto bytes = tabular::write_xlsx(noun, table.table.rows[0].cells, rows);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), k_xlsx_type, example + "-eksempel.xlsx");
        },
        "Example import file (XLSX)");
    router.post(
        path, access,
        [s, importer, kind](RequestContext& ctx) {
            if (ctx.files.empty()) return form_page(*s, ctx, kind, std::string("Vælg en fil."));
            const web::UploadedFile& file = ctx.files.front();
            if (auto problem = enterprises_http::spreadsheet_problem(file))
                return form_page(*s, ctx, kind, problem);
            employment_import::Options options;
            options.file_name = file.filename;
            options.dry_run = !ctx.form.text("dry_run").empty();
            auto report = importer->run(kind, file.data, *ctx.actor, options);
            if (!report.ok()) return s->from_error(ctx, report.error());
            View v = report_view(*report);
            v.set("created_text", created_text(kind, *report));
            v.set("error_count", static_cast<std::int64_t>(report->errors.size() + report->more_errors));
            v.set("path", base_path(kind));
            return s->page(ctx, "employment_import/import_result", v,
                           report->ok() ? "Importen er gennemført" : "Fejl: Importen er ikke gennemført",
                           report->ok() ? 200 : 422);
        },
        "Import " + std::string(employment_import::kind_word(kind)) + " (multipart upload; all or nothing)");
    router.post(
        "/api/v1" + path, access,
        [s, importer, kind](RequestContext& ctx) {
            std::string ct = core::to_lower_ascii(ctx.request.header("content-type").value_or(""));
            std::string base(core::trim(std::string_view(ct).substr(0, ct.find(';'))));
            if (base != "text/csv" && base != k_xlsx_type)
                return s->error(ctx.request, ctx.actor, 415,
                                "Send filen som text/csv (UTF-8) eller som Excel-fil (" +
                                    std::string(k_xlsx_type) + ").");
            employment_import::Options options;
            options.file_name = "api";
            std::string dry = ctx.query.text("dry_run");
            options.dry_run = !dry.empty() && dry != "0" && dry != "false";
            auto report = importer->run(kind, ctx.request.body, *ctx.actor, options);
            if (!report.ok()) return s->from_error(ctx, report.error());
            return web::Site::json(report->ok() ? 200 : 422, report_view(*report));
        },
        "Import " + std::string(employment_import::kind_word(kind)) +
            " from a text/csv or xlsx body (all or nothing; report with line numbers; ?dry_run=1 checks "
            "only)");
}

}  // namespace

void register_routes(web::Router& router, const web::Site& site, employment_import::Importer& importer) {
    for (Kind k : employment_import::k_all_kinds) register_kind(router, &site, &importer, k);
}

}  // namespace employment_import_http
