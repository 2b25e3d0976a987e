#pragma once
/// The OpenAPI 3.1 document for /api/v1, generated from the route table so it cannot drift.
#include <string>

#include "web/router.hpp"

namespace app {

/// JSON text of the document: every route under /api/v1 with its method, summary, path
/// parameters, the roles allowed (x-roles) and the common error response.
std::string openapi_document(const web::Router& router, const std::string& version);

}  // namespace app
