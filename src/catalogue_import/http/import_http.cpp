// Upload page, example downloads, JSON API and list export of the catalogue import.
#include "catalogue_import/http/import_http.hpp"

#include <string>
#include <utility>

#include "core/text.hpp"
#include "enterprises/http/upload.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_write.hpp"

namespace catalogue_import_http {
namespace {

using core::Role;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

constexpr std::string_view k_xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view k_title = "Importér varer og ydelser";
constexpr std::string_view k_path = "/import/catalogue";

Response form_page(const web::Site& site, const RequestContext& ctx, std::optional<std::string> error) {
    View v;
    View::List rows;
    for (const auto& c : catalogue_import::columns()) {
        View r;
        r.set("header", c.header).set("required", c.required).set("description", c.description);
        rows.push_back(std::move(r));
    }
    v.set("columns", std::move(rows));
    v.set("is_enterprise", ctx.actor && ctx.actor->role == Role::Enterprise);
    v.set("csrf_token", ctx.csrf_token);
    if (error) {
        v.set("has_errors", true);
        View e;
        e.set("field", "file").set("message", *error);
        v.set("errors", View::List{e});
        v.set("file_error", *error);
    }
    return site.page(ctx, "catalogue_import/import", v,
                     error ? "Fejl: " + std::string(k_title) : std::string(k_title), error ? 422 : 200);
}

View report_view(const catalogue_import::Report& r) {
    View v;
    v.set("rows", static_cast<std::int64_t>(r.rows));
    v.set("created", static_cast<std::int64_t>(r.created));
    v.set("dry_run", r.dry_run);
    enterprises_http::set_import_errors(v, r);
    return v;
}

catalogue::ManageFilter filter_of(const RequestContext& ctx) {
    catalogue::ManageFilter f;
    f.status = ctx.query.text("status");
    return f;
}

}  // namespace

void register_routes(web::Router& router, const web::Site& site, catalogue_import::Importer& importer,
                     catalogue::CatalogueService& catalogue) {
    const web::Site* s = &site;
    catalogue_import::Importer* imp = &importer;
    catalogue::CatalogueService* svc = &catalogue;
    const Access access = Access::roles({Role::Admin, Role::Consultant, Role::Enterprise});
    const std::string path(k_path);

    router.get(
        path, access, [s](RequestContext& ctx) { return form_page(*s, ctx, std::nullopt); },
        "Import catalogue items from CSV or XLSX (upload form)");
    router.get(
        path + "/eksempel.csv", access,
        [](RequestContext&) {
            return Response::attachment("\xEF\xBB\xBF" + std::string(catalogue_import::example_csv()),
                                        "text/csv; charset=utf-8", "katalog-eksempel.csv");
        },
        "Example catalogue import file (CSV)");
    router.get(
        path + "/eksempel.xlsx", access,
        [s](RequestContext& ctx) {
            auto table = tabular::read_csv(catalogue_import::example_csv());
            if (table.error || table.table.rows.empty()) return s->error(ctx.request, ctx.actor, 500);
            std::vector<std::vector<std::string>> rows;
            for (std::size_t i = 1; i < table.table.rows.size(); ++i)
                rows.push_back(table.table.rows[i].cells);
            auto bytes = tabular::write_xlsx("katalog", table.table.rows[0].cells, rows);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), k_xlsx_type, "katalog-eksempel.xlsx");
        },
        "Example catalogue import file (XLSX)");
    router.post(
        path, access,
        [s, imp, path](RequestContext& ctx) {
            if (ctx.files.empty()) return form_page(*s, ctx, std::string("Vælg en fil."));
            const web::UploadedFile& file = ctx.files.front();
            if (auto problem = enterprises_http::spreadsheet_problem(file))
                return form_page(*s, ctx, problem);
            catalogue_import::Options options;
            options.file_name = file.filename;
            options.dry_run = !ctx.form.text("dry_run").empty();
            auto report = imp->run(file.data, *ctx.actor, options);
            if (!report.ok()) return s->from_error(ctx, report.error());
            View v = report_view(*report);
            v.set("created_text",
                  std::to_string(report->created) +
                      (report->dry_run ? " varer er kontrolleret uden fejl. Intet er gemt, fordi det var en "
                                         "prøvekørsel."
                                       : " varer er importeret."));
            v.set("error_count", static_cast<std::int64_t>(report->errors.size() + report->more_errors));
            v.set("path", path);
            return s->page(ctx, "employment_import/import_result", v,
                           report->ok() ? "Importen er gennemført" : "Fejl: Importen er ikke gennemført",
                           report->ok() ? 200 : 422);
        },
        "Import catalogue items (multipart upload; all or nothing)");
    router.post(
        "/api/v1" + path, access,
        [s, imp](RequestContext& ctx) {
            std::string ct = core::to_lower_ascii(ctx.request.header("content-type").value_or(""));
            std::string base(core::trim(std::string_view(ct).substr(0, ct.find(';'))));
            if (base != "text/csv" && base != k_xlsx_type)
                return s->error(ctx.request, ctx.actor, 415,
                                "Send filen som text/csv (UTF-8) eller som Excel-fil (" +
                                    std::string(k_xlsx_type) + ").");
            catalogue_import::Options options;
            options.file_name = "api";
            std::string dry = ctx.query.text("dry_run");
            options.dry_run = !dry.empty() && dry != "0" && dry != "false";
            auto report = imp->run(ctx.request.body, *ctx.actor, options);
            if (!report.ok()) return s->from_error(ctx, report.error());
            return web::Site::json(report->ok() ? 200 : 422, report_view(*report));
        },
        "Import catalogue items from a text/csv or xlsx body (all or nothing; ?dry_run=1 checks only)");
    router.get(
        "/catalogue/items/export.csv", access,
        [s, svc](RequestContext& ctx) {
            auto bytes = catalogue_import::export_csv(*svc, filter_of(ctx), *ctx.actor);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), "text/csv; charset=utf-8", "katalog.csv");
        },
        "Catalogue management list as CSV (cells neutralised)");
    router.get(
        "/catalogue/items/export.xlsx", access,
        [s, svc](RequestContext& ctx) {
            auto bytes = catalogue_import::export_xlsx(*svc, filter_of(ctx), *ctx.actor);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), k_xlsx_type, "katalog.xlsx");
        },
        "Catalogue management list as XLSX (cells neutralised)");
}

}  // namespace catalogue_import_http
