#include "web/handler_call.hpp"

#include <exception>
#include <string>

#include "core/log.hpp"

namespace web {

Response call_handler(const Handler& handler, const ErrorPage& error_page, Request& request) {
    try {
        return handler(request);
    } catch (const std::exception& e) {
        core::log::error("handler failed (request " + request.request_id + "): " + e.what());
    } catch (...) {
        core::log::error("handler failed (request " + request.request_id + ") with a non-standard exception");
    }
    return error_response(error_page, 500);
}

Response error_response(const ErrorPage& error_page, int status) {
    try {
        if (error_page) {
            Response r = error_page(status);
            r.status = status;
            return r;
        }
    } catch (const std::exception& e) {
        core::log::error(std::string("error page failed: ") + e.what());
    } catch (...) {
        core::log::error("error page failed with a non-standard exception");
    }
    return Response::text(status, std::string(danish_status_title(status)));
}

}  // namespace web
