#pragma once
// Shared by the two handler files of openings_http (not a public header).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "openings/openings_service.hpp"
#include "web/form_views.hpp"
#include "web/handlers.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace openings_http::detail {

using web::Options;

std::string hours_text(const openings::Attributes& a);
web::View suggestion_view(const matching::Suggestion& s);
void register_matching_routes(web::Router& router, const web::Site& site, openings::OpeningsService& service);

}  // namespace openings_http::detail
