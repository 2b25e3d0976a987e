#pragma once
/// Calling the application from the server: the handler and the error page, with exceptions
/// contained so that a failing handler costs one 500 response, never the connection or the
/// process. Plain std types only.
#include "web/http.hpp"
#include "web/server.hpp"

namespace web {

/// handler(request); if it throws, the exception is logged with the request id (its text
/// never reaches the client) and error_response(error_page, 500) is returned instead.
Response call_handler(const Handler& handler, const ErrorPage& error_page, Request& request);

/// error_page(status) with `status` forced onto the result; when there is no error page or it
/// throws (logged), a plain-text page with the Danish status title.
Response error_response(const ErrorPage& error_page, int status);

}  // namespace web
