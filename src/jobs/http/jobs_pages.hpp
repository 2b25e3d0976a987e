#pragma once
/// The page renderers of jobs_http (internal to the library).
#include <optional>
#include <string>

#include "jobs/job_service.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"

namespace jobs_http::pages {

using web::RequestContext;
using web::Response;

/// Input kept on the job page when one of its forms failed.
struct JobPageState {
    jobs::HoursInput hours;
    std::string ended_on;
    std::string due;  ///< "follow_up:2019-03-08"
    std::string held_on;
    std::string followup_note;
    std::optional<core::Error> error;
    int status = 200;
};

Response jobs_list(const web::Site& site, jobs::JobService& service, const RequestContext& ctx);
Response job_form(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::JobInput& in, const std::optional<core::Error>& error, int status);
Response job_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::Job& job, const JobPageState& state);
Response job_edit(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                  const jobs::Job& job, const jobs::JobEditInput& in, const std::optional<core::Error>& error,
                  int status);
Response counts_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx);
Response followups_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx);
Response kinds_page(const web::Site& site, jobs::JobService& service, const RequestContext& ctx,
                    const jobs::JobKindInput& in, const std::optional<core::Error>& error, int status);
Response kind_form(const web::Site& site, const RequestContext& ctx, const jobs::JobKind& kind,
                   const jobs::JobKindInput& in, const std::optional<core::Error>& error, int status);

}  // namespace jobs_http::pages
