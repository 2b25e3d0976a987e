#pragma once
/// Import and export pages of the enterprise registry (issue 3, item 6; FU-03, FU-04):
///   GET  /import/enterprises                 upload form with the column format
///   GET  /import/enterprises/eksempel.csv    example file (also .xlsx)
///   POST /import/enterprises                 multipart upload → result page (422 with errors)
///   GET  /enterprises/export.csv|.xlsx       the list (same filters) as a download
///   POST /api/v1/import/enterprises          text/csv or xlsx body → JSON report
/// Handlers parse, call enterprises::import_enterprises / export_* and render; no SQL here.
#include "enterprises/enterprise_service.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace enterprises_http {

/// Registers the routes above. Call it BEFORE register_routes: the router takes the first
/// matching route, and /enterprises/{id} would otherwise catch /enterprises/export.csv.
void register_import_routes(web::Router& router, const web::Site& site,
                            enterprises::EnterpriseService& service);

}  // namespace enterprises_http
