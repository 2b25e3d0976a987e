#include "web/handlers.hpp"

#include "web/form_views.hpp"

namespace web {

Response year_list_page(const Site& site, const RequestContext& ctx, const YearListPage& page,
                        const core::Result<int>& year,
                        const std::function<core::Result<void>(int year, View& view)>& fill,
                        const std::function<core::Result<std::vector<int>>()>& years) {
    const std::string year_text = ctx.query.text("year");
    View v;
    std::optional<core::Error> error;
    if (!year.ok()) {
        error = year.error();
    } else if (auto filled = fill(*year, v); !filled.ok()) {
        if (!shown_on_form(filled.error())) return site.from_error(ctx, filled.error());
        error = filled.error();
    }
    auto with_records = years();
    if (!with_records.ok()) return site.from_error(ctx, with_records.error());
    if (!with_records->empty()) {
        View::List ys;
        for (int y : *with_records) {
            View yv;
            yv.set("year", y).set("href", page.path + "?year=" + std::to_string(y));
            ys.push_back(std::move(yv));
        }
        v.set("has_years", true);
        v.set("years", std::move(ys));
    }
    v.set("can_write", page.can_write);
    v.set("year_field", text_field({.id = "year",
                                    .label = "År",
                                    .value = year.ok() ? std::to_string(*year) : year_text,
                                    .autocomplete = "off",
                                    .hint = "Fx 2018.",
                                    .width = "xs",
                                    .inputmode = "numeric",
                                    .required = true},
                                   error));
    set_errors(v, error, "year");
    return site.page(ctx, page.template_name, v, error ? "Fejl: " + page.title : page.title,
                     error ? 422 : 200);
}

}  // namespace web
