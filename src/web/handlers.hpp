#pragma once
/// The shapes the feature handlers share, written once: the answer to a failed form, the
/// new/create/detail/edit/update/delete routes of a record kept through one HTML form, and the
/// list page of one year. Path ids come from typed route parameters ({id:int}), so a handler
/// here never sees a malformed id (the router has answered 404 already).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "web/forms.hpp"
#include "web/middleware.hpp"
#include "web/router.hpp"
#include "web/templates.hpp"

namespace web {

/// The Danish 404 page (HTML) or the JSON error (API paths).
inline Response not_found(const Site& site, const RequestContext& ctx) {
    return site.error(ctx.request, ctx.actor, 404);
}

/// Which service errors a form shows beside its fields; every other error is the error page.
enum class ShownOnForm {
    Validation,            ///< only validation errors (422)
    ValidationOrConflict,  ///< also conflicts (409), e.g. a CVR or a year that exists already
};

[[nodiscard]] inline bool shown_on_form(const core::Error& e, ShownOnForm shown = ShownOnForm::Validation) {
    return e.code == core::ErrorCode::Validation ||
           (shown == ShownOnForm::ValidationOrConflict && e.code == core::ErrorCode::Conflict);
}

/// The answer to a failed form submission: when the form shows `error`, `render(error, status)`
/// re-renders it (with the input kept) under the error's status (422, 409); otherwise the error
/// page (or JSON error) for the error.
template <class Render>
Response form_or_error(const Site& site, const RequestContext& ctx, const core::Error& error, Render&& render,
                       ShownOnForm shown = ShownOnForm::Validation) {
    if (shown_on_form(error, shown)) return std::forward<Render>(render)(error, status_for(error.code));
    return site.from_error(ctx, error);
}

/// Where a successful write goes, and the one-time message shown there.
struct Redirect {
    std::string location;
    std::string flash;
};

/// A record kept through one HTML form, for register_form_routes. `Service` has get(id, actor),
/// create(input, actor), update(id, input, actor) and, for the delete route, remove(id, actor);
/// `Input` is the form's plain struct, `Record` what the service returns. The page functions
/// take the site and the service, so a feature's own form_page can be used as it is.
template <class Service, class Input, class Record>
struct FormResource {
    std::string path;                     ///< "/grants": forms at /grants/new and /grants/{id:int}/edit
    Access readers = Access::any_user();  ///< the detail page
    Access writers = Access::any_user();  ///< the forms and every write
    ShownOnForm shown = ShownOnForm::Validation;

    /// The form page: `id` nullopt for a new record; `status` 200, or the error's status.
    std::function<Response(const Site&, Service&, const RequestContext&, std::optional<std::int64_t> id,
                           const Input&, const std::optional<core::Error>&, int status)>
        form;
    /// The posted form as input.
    std::function<Input(const Form&)> input_from;
    /// Instead of input_from, when reading the form needs the service (a failed look-up is the
    /// error page).
    std::function<core::Result<Input>(Service&, const RequestContext&)> read_form;
    /// The edit form's input for a stored record.
    std::function<Input(const Record&)> input_of;
    /// What the new form starts with; unset = Input{}.
    std::function<Input(Service&)> blank;
    /// Optional: GET {path}/{id:int}, the record's own page.
    std::function<Response(const Site&, const RequestContext&, const Record&)> detail;

    std::function<Redirect(const Record& created)> created;
    std::function<Redirect(const Record& updated)> updated;
    /// Optional: POST {path}/{id:int}/delete; gets the record as it was read before the delete.
    std::function<Redirect(const Record& removed)> removed;

    /// One line per route for the OpenAPI document and the route list.
    struct Summaries {
        std::string new_form, create, detail, edit_form, update, remove;
    } summaries;
};

/// A FormResource with its path, form page and edit input, the types taken from the functions:
/// `auto r = web::form_resource("/grants", form_page, input_of);`.
template <class Service, class Input, class Record>
FormResource<Service, Input, Record> form_resource(std::string path,
                                                   Response (*form)(const Site&, Service&,
                                                                    const RequestContext&,
                                                                    std::optional<std::int64_t>, const Input&,
                                                                    const std::optional<core::Error>&, int),
                                                   Input (*input_of)(const Record&)) {
    FormResource<Service, Input, Record> r;
    r.path = std::move(path);
    r.form = form;
    r.input_of = input_of;
    return r;
}

/// Registers the routes of `resource`: GET {path}/new, POST {path}, GET {path}/{id:int} (when
/// `detail` is set), GET {path}/{id:int}/edit, POST {path}/{id:int} and POST
/// {path}/{id:int}/delete (when `removed` is set; the record is read first, so a record the
/// caller cannot see answers as get does). A failed create or update shows the form again with
/// the input and the errors; a success redirects with a flash message.
template <class Service, class Input, class Record>
void register_form_routes(Router& router, const Site& site, Service& service,
                          FormResource<Service, Input, Record> resource) {
    using R = FormResource<Service, Input, Record>;
    const auto res = std::make_shared<const R>(std::move(resource));
    const Site* s = &site;
    Service* svc = &service;
    const std::string& path = res->path;
    const std::string one = path + "/{id:int}";
    const auto read = [res, svc](const RequestContext& ctx) -> core::Result<Input> {
        if (res->read_form) return res->read_form(*svc, ctx);
        return res->input_from(ctx.form);
    };

    router.get(
        path + "/new", res->writers,
        [s, svc, res](RequestContext& ctx) {
            const Input blank = res->blank ? res->blank(*svc) : Input{};
            return res->form(*s, *svc, ctx, std::nullopt, blank, std::nullopt, 200);
        },
        res->summaries.new_form);
    router.post(
        path, res->writers,
        [s, svc, res, read](RequestContext& ctx) {
            auto in = read(ctx);
            if (!in.ok()) return s->from_error(ctx, in.error());
            auto r = svc->create(*in, *ctx.actor);
            if (!r.ok())
                return form_or_error(
                    *s, ctx, r.error(),
                    [&](const core::Error& e, int status) {
                        return res->form(*s, *svc, ctx, std::nullopt, *in, e, status);
                    },
                    res->shown);
            const Redirect to = res->created(*r);
            return s->redirect_with_flash(ctx, to.location, to.flash);
        },
        res->summaries.create);
    if (res->detail) {
        router.get(
            one, res->readers,
            [s, svc, res](RequestContext& ctx) {
                auto r = svc->get(ctx.int_param("id"), *ctx.actor);
                if (!r.ok()) return s->from_error(ctx, r.error());
                return res->detail(*s, ctx, *r);
            },
            res->summaries.detail);
    }
    router.get(
        one + "/edit", res->writers,
        [s, svc, res](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto r = svc->get(id, *ctx.actor);
            if (!r.ok()) return s->from_error(ctx, r.error());
            return res->form(*s, *svc, ctx, id, res->input_of(*r), std::nullopt, 200);
        },
        res->summaries.edit_form);
    router.post(
        one, res->writers,
        [s, svc, res, read](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = read(ctx);
            if (!in.ok()) return s->from_error(ctx, in.error());
            auto r = svc->update(id, *in, *ctx.actor);
            if (!r.ok())
                return form_or_error(
                    *s, ctx, r.error(),
                    [&](const core::Error& e, int status) {
                        return res->form(*s, *svc, ctx, id, *in, e, status);
                    },
                    res->shown);
            const Redirect to = res->updated(*r);
            return s->redirect_with_flash(ctx, to.location, to.flash);
        },
        res->summaries.update);
    if constexpr (requires(Service & x, const core::Actor& a) { x.remove(std::int64_t{}, a); }) {
        if (res->removed) {
            router.post(
                one + "/delete", res->writers,
                [s, svc, res](RequestContext& ctx) {
                    const std::int64_t id = ctx.int_param("id");
                    auto stored = svc->get(id, *ctx.actor);
                    if (!stored.ok()) return s->from_error(ctx, stored.error());
                    auto r = svc->remove(id, *ctx.actor);
                    if (!r.ok()) return s->from_error(ctx, r.error());
                    const Redirect to = res->removed(*stored);
                    return s->redirect_with_flash(ctx, to.location, to.flash);
                },
                res->summaries.remove);
        }
    } else if (res->removed) {
        throw std::logic_error("register_form_routes: " + path + " sets `removed`, but no remove() exists");
    }
}

/// The page listing one year's records, for year_list_page.
struct YearListPage {
    std::string path;           ///< "/grants": the links to other years are /grants?year=N
    std::string template_name;  ///< "grants/list"
    std::string title;          ///< "Fejl: " goes before it when the year field shows an error
    bool can_write = false;     ///< sets can_write (the "new" button)
};

/// The list page of one year: `year` is the parsed ?year= (an error is shown on the year field,
/// status 422); `fill(year, view)` adds the year's records to the view, and its Validation error
/// is shown on the year field too (any other error is the error page); `years()` gives the
/// years that have records, linked as has_years/years. The view also gets year_field and the
/// form errors.
Response year_list_page(const Site& site, const RequestContext& ctx, const YearListPage& page,
                        const core::Result<int>& year,
                        const std::function<core::Result<void>(int year, View& view)>& fill,
                        const std::function<core::Result<std::vector<int>>()>& years);

}  // namespace web
