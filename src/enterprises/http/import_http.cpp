// Import (upload, result page, JSON) and export (CSV/XLSX downloads) of the enterprise registry.
#include "enterprises/http/import_http.hpp"

#include <string>
#include <utility>

#include "core/text.hpp"
#include "enterprises/http/upload.hpp"
#include "enterprises/import.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_write.hpp"

namespace enterprises_http {
namespace {

using core::Role;
using enterprises::EnterpriseService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

constexpr std::string_view k_xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

enterprises::EnterpriseFilter filter_from(const web::Form& q) {
    enterprises::EnterpriseFilter f;
    f.kind = q.text("kind");
    f.status = q.text("status");
    f.municipality = q.text("municipality");
    f.target_group = q.text("target_group");
    f.rsv = q.text("rsv");
    f.q = q.text("q");
    return f;
}

View column_rows() {
    View v;
    View::List rows;
    for (const auto& c : enterprises::import_columns()) {
        View r;
        r.set("header", c.header);
        r.set("required", c.required);
        rows.push_back(std::move(r));
    }
    v.set("columns", std::move(rows));
    return v;
}

Response form_page(const web::Site& site, const RequestContext& ctx, std::optional<std::string> error) {
    View v = column_rows();
    v.set("csrf_token", ctx.csrf_token);
    if (error) {
        v.set("has_errors", true);
        View e;
        e.set("field", "file").set("message", *error);
        v.set("errors", View::List{e});
        v.set("file_error", *error);
    }
    return site.page(ctx, "enterprises/import", v,
                     error ? "Fejl: Importér virksomheder" : "Importér virksomheder", error ? 422 : 200);
}

View report_view(const enterprises::ImportReport& r) {
    View v;
    v.set("rows", static_cast<std::int64_t>(r.rows));
    v.set("created", static_cast<std::int64_t>(r.created));
    set_import_errors(v, r);
    return v;
}

}  // namespace

void register_import_routes(web::Router& router, const web::Site& site, EnterpriseService& service) {
    const Access importers = Access::roles({Role::Admin, Role::Consultant});
    const Access readers = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker, Role::Enterprise});
    const web::Site* s = &site;
    EnterpriseService* svc = &service;

    // ---- export ----
    router.get(
        "/enterprises/export.csv", readers,
        [s, svc](RequestContext& ctx) {
            auto bytes = enterprises::export_csv(*svc, filter_from(ctx.query), *ctx.actor);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), "text/csv; charset=utf-8", "virksomheder.csv");
        },
        "Export the enterprise list (same filters as /enterprises) as CSV");
    router.get(
        "/enterprises/export.xlsx", readers,
        [s, svc](RequestContext& ctx) {
            auto bytes = enterprises::export_xlsx(*svc, filter_from(ctx.query), *ctx.actor);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), k_xlsx_type, "virksomheder.xlsx");
        },
        "Export the enterprise list (same filters as /enterprises) as XLSX");

    // ---- import pages ----
    router.get(
        "/import/enterprises", importers,
        [s](RequestContext& ctx) { return form_page(*s, ctx, std::nullopt); },
        "Import enterprises from CSV or XLSX (upload form)");
    router.get(
        "/import/enterprises/eksempel.csv", importers,
        [](RequestContext&) {
            return Response::attachment("\xEF\xBB\xBF" + std::string(enterprises::import_example_csv()),
                                        "text/csv; charset=utf-8", "virksomheder-eksempel.csv");
        },
        "Example import file (CSV)");
    router.get(
        "/import/enterprises/eksempel.xlsx", importers,
        [s](RequestContext& ctx) {
            auto table = tabular::read_csv(enterprises::import_example_csv());
            if (table.error || table.table.rows.empty()) return s->error(ctx.request, ctx.actor, 500);
            std::vector<std::vector<std::string>> rows;
            for (std::size_t i = 1; i < table.table.rows.size(); ++i)
                rows.push_back(table.table.rows[i].cells);
            auto bytes = tabular::write_xlsx("Virksomheder", table.table.rows[0].cells, rows);
            if (!bytes.ok()) return s->from_error(ctx, bytes.error());
            return Response::attachment(std::move(*bytes), k_xlsx_type, "virksomheder-eksempel.xlsx");
        },
        "Example import file (XLSX)");
    router.post(
        "/import/enterprises", importers,
        [s, svc](RequestContext& ctx) {
            if (ctx.files.empty()) return form_page(*s, ctx, std::string("Vælg en fil."));
            const web::UploadedFile& file = ctx.files.front();
            if (auto problem = spreadsheet_problem(file)) return form_page(*s, ctx, problem);
            auto report = enterprises::import_enterprises(*svc, file.data, *ctx.actor);
            if (!report.ok()) return s->from_error(ctx, report.error());
            View v = report_view(*report);
            v.set("created_text",
                  std::to_string(report->created) +
                      (report->created == 1 ? " virksomhed er importeret." : " virksomheder er importeret."));
            v.set("error_count", static_cast<std::int64_t>(report->errors.size() + report->more_errors));
            return s->page(ctx, "enterprises/import_result", v,
                           report->ok() ? "Importen er gennemført" : "Fejl: Importen er ikke gennemført",
                           report->ok() ? 200 : 422);
        },
        "Import enterprises (multipart upload; all or nothing)");

    // ---- JSON API ----
    router.post(
        "/api/v1/import/enterprises", importers,
        [s, svc](RequestContext& ctx) {
            std::string ct = core::to_lower_ascii(ctx.request.header("content-type").value_or(""));
            std::string base(core::trim(std::string_view(ct).substr(0, ct.find(';'))));
            if (base != "text/csv" && base != k_xlsx_type)
                return s->error(ctx.request, ctx.actor, 415,
                                "Send filen som text/csv (UTF-8) eller som Excel-fil (" +
                                    std::string(k_xlsx_type) + ").");
            auto report = enterprises::import_enterprises(*svc, ctx.request.body, *ctx.actor);
            if (!report.ok()) return s->from_error(ctx, report.error());
            return web::Site::json(report->ok() ? 200 : 422, report_view(*report));
        },
        "Import enterprises from a text/csv or xlsx body (all or nothing; report with line numbers)");
}

}  // namespace enterprises_http
