#pragma once
/// Pages and JSON API of RSV readiness and the yearly statement (A3; Act 711/2014 §5, §8): the
/// five-criteria checklist with evidence notes, the statements per year with the 35 % dividend
/// check. Handlers parse, call RsvService (which decides record-level access) and render.
#include "enterprises/rsv_service.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace enterprises_http {

/// Registers GET/POST /enterprises/{id}/rsv, GET /enterprises/{id}/rsv/statements/new,
/// POST /enterprises/{id}/rsv/statements, GET/POST /enterprises/{id}/rsv/statements/{year}
/// and GET /api/v1/enterprises/{id}/rsv. Templates: "enterprises/rsv",
/// "enterprises/rsv_statement" (part of enterprises_http::templates()).
void register_rsv_routes(web::Router& router, const web::Site& site, enterprises::RsvService& service);

/// The JSON/template view of the checklist.
web::View rsv_readiness_view(const enterprises::RsvReadiness& r);
/// The JSON/template view of one statement with its dividend check.
web::View rsv_statement_view(const enterprises::RsvStatement& s);

}  // namespace enterprises_http
