#pragma once
/// JSON for the /api/v1 surface (Boost.JSON behind json.cpp only). Output is built from the
/// same web::View a page uses, so the HTML page and the API show the same fields.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "web/templates.hpp"

namespace web {

/// Serialises a view as a JSON object with keys in sorted order (stable for clients and tests).
std::string to_json(const View& view);
/// A JSON array of views.
std::string to_json(const View::List& list);
/// The one error shape of /api/v1:
/// {"error":{"status":422,"code":"validation","message":"…","fields":[{"field":"cvr","message":"…"}]}}
std::string json_error(int status, const core::Error& error);
/// Machine code of an error kind ("validation", "not_found", …).
std::string_view error_code_name(core::ErrorCode code);
/// The `code` of a JSON error answered with `status`: "method_not_allowed" for 405 and
/// "unsupported_media_type" for 415 (statuses no core::ErrorCode stands for), otherwise the
/// name of `code`.
std::string_view error_code_name(int status, core::ErrorCode code);
/// Escapes a string as a JSON string literal (with quotes).
std::string json_quote(std::string_view s);
/// True when `text` is a syntactically valid JSON document (used by tests of the OpenAPI file).
bool is_valid_json(std::string_view text);

}  // namespace web
