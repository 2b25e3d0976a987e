#pragma once
/// Helpers the registry's page files share (enterprises_http.cpp, counts_http.cpp).
#include <string>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/date.hpp"
#include "enterprises/enterprise_service.hpp"
#include "web/form_views.hpp"

namespace enterprises_http {

using web::Options;

/// Dates in tables: 24-11-2025 (ui.md §7.9).
std::string danish_date(const core::Date& d);
/// The municipalities the actor may filter by, after a first "all" entry.
Options municipality_options(enterprises::EnterpriseService& service, const core::Actor& actor,
                             std::string first);

}  // namespace enterprises_http
