#include "report/http/report_http.hpp"

#include <string>
#include <utility>

#include "core/text.hpp"
#include "publishing/render.hpp"
#include "report/document.hpp"
#include "web/form_views.hpp"
#include "web/forms.hpp"
#include "web/handlers.hpp"
#include "web/json.hpp"

namespace report_http {
namespace {

using core::Role;
using report::ReportService;
using web::Access;
using web::RequestContext;
using web::Response;
using web::View;

constexpr std::string_view k_pdf_type = "application/pdf";
constexpr std::string_view k_xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::size_t k_holistic_slots_free = 2;

enum class Format { Html, Pdf, Xlsx, Json };

/// "2018" → (2018, Html); "2018.pdf" → Pdf; anything else nullopt (404).
std::optional<std::pair<std::string, Format>> split_format(const std::string& segment) {
    const auto dot = segment.find('.');
    const std::string year = segment.substr(0, dot);
    if (year.size() != 4 || year.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    if (dot == std::string::npos) return std::pair{year, Format::Html};
    const std::string ext = segment.substr(dot + 1);
    if (ext == "pdf") return std::pair{year, Format::Pdf};
    if (ext == "xlsx") return std::pair{year, Format::Xlsx};
    if (ext == "json") return std::pair{year, Format::Json};
    return std::nullopt;
}

std::string base_path(int year, bool public_version) {
    return "/report/" + std::to_string(year) + (public_version ? "/public" : "");
}

Response render(const web::Site& site, ReportService& svc, const RequestContext& ctx, const std::string& year,
                Format format, bool public_version) {
    auto m = svc.build(year, public_version, *ctx.actor);
    if (!m.ok()) {
        if (m.error().code == core::ErrorCode::Validation) return site.error(ctx.request, ctx.actor, 404);
        return site.from_error(ctx, m.error());
    }
    const std::string name = "aarsrapport-" + std::to_string(m->year) + (public_version ? "-offentlig" : "");
    if (format == Format::Json) return web::Site::json(200, model_view(*m));
    const auto doc = report::to_document(*m);
    if (format == Format::Pdf || format == Format::Xlsx) {
        auto bytes = format == Format::Pdf ? publishing::render_pdf(doc) : publishing::render_xlsx(doc);
        if (!bytes.ok()) return site.from_error(ctx, bytes.error());
        return Response::attachment(std::move(*bytes), format == Format::Pdf ? k_pdf_type : k_xlsx_type,
                                    name + (format == Format::Pdf ? ".pdf" : ".xlsx"));
    }
    View v = document_view(doc);
    const std::string base = base_path(m->year, public_version);
    v.set("pdf_href", base + ".pdf").set("xlsx_href", base + ".xlsx").set("json_href", base + ".json");
    if (public_version) v.set("public", true);
    v.set("index_href", "/report?year=" + std::to_string(m->year));
    if (!m->has_data) v.set("no_data", true);
    return site.page(ctx, "report/report", v, doc.title + (public_version ? " (offentlig udgave)" : ""));
}

Response index_page(const web::Site& site, ReportService& svc, const RequestContext& ctx) {
    const int default_year = svc.today().year - 1;
    auto year = ReportService::parse_year(ctx.query.text("year"), default_year);
    std::optional<core::Error> error;
    if (!year.ok()) error = year.error();
    const int y = year.ok() ? *year : default_year;
    View v;
    v.set("year_field", web::text_field({.id = "year",
                                         .label = "År",
                                         .value = error ? ctx.query.text("year") : std::to_string(y),
                                         .hint = "Fire cifre, fx 2018.",
                                         .width = "xs",
                                         .inputmode = "numeric"},
                                        error));
    web::set_errors(v, error, "year");
    if (!error) {
        const std::string ys = std::to_string(y);
        v.set("year", ys);
        if (report::sees_full_report(*ctx.actor)) {
            v.set("full", true);
            v.set("html_href", "/report/" + ys).set("pdf_href", "/report/" + ys + ".pdf");
            v.set("xlsx_href", "/report/" + ys + ".xlsx").set("json_href", "/report/" + ys + ".json");
            v.set("midyear_href", "/report/" + ys + "/midyear?date=" + ys + "-06-30");
        }
        if (report::writes_narrative(*ctx.actor)) v.set("texts_href", "/report/" + ys + "/texts");
        if (ctx.actor->is_admin()) v.set("points_href", "/report/points");
        v.set("public_href", "/report/" + ys + "/public")
            .set("public_pdf_href", "/report/" + ys + "/public.pdf");
        v.set("public_xlsx_href", "/report/" + ys + "/public.xlsx");
        v.set("public_json_href", "/report/" + ys + "/public.json");
    }
    return site.page(ctx, "report/index", v, error ? "Fejl: Årsrapport" : "Årsrapport", error ? 422 : 200);
}

Response midyear_page(const web::Site& site, ReportService& svc, const RequestContext& ctx) {
    auto year = ReportService::parse_year(ctx.params.at("year"), 0);
    if (!year.ok()) return site.error(ctx.request, ctx.actor, 404);
    const std::string date = ctx.query.text("date");
    auto m = svc.midyear(*year, date, *ctx.actor);
    std::optional<core::Error> error;
    if (!m.ok()) {
        if (m.error().code != core::ErrorCode::Validation) return site.from_error(ctx, m.error());
        error = m.error();
    }
    if (ctx.query.text("format") == "json") {
        if (error) return site.from_error(ctx, *error);
        return web::Site::json(200, midyear_view(*m));
    }
    View v;
    v.set("year", *year).set("action", "/report/" + std::to_string(*year) + "/midyear");
    v.set("date_field",
          web::text_field({.id = "date",
                           .label = "Til og med dato",
                           .value = m.ok() ? m->to.iso() : date,
                           .type = "date",
                           .autocomplete = "off",
                           .hint = "Skrives ÅÅÅÅ-MM-DD, fx " + std::to_string(*year) + "-06-30.",
                           .width = "s"},
                          error));
    web::set_errors(v, error, "date");
    std::string title = "Jobstatus midt i året " + std::to_string(*year);
    if (m.ok()) {
        View body = document_view(report::to_document(*m, ""));
        v.set("report", std::move(body));
    }
    return site.page(ctx, "report/midyear", v, (error ? "Fejl: " : "") + title, error ? 422 : 200);
}

// ---- narrative editor ------------------------------------------------------------------------

web::View area(const std::string& id, const std::string& label, const std::string& value,
               const std::optional<core::Error>& error, const std::string& hint = {}, int rows = 5) {
    View f =
        web::text_field({.id = id, .label = label, .value = value, .hint = hint, .optional = true}, error);
    f.set("rows", rows);
    return f;
}

report::NarrativeInput input_from_form(const RequestContext& ctx) {
    report::NarrativeInput in;
    in.preface = ctx.form.text("preface");
    in.introduction = ctx.form.text("introduction");
    in.evaluation_from = ctx.form.text("evaluation_from");
    in.evaluation_to = ctx.form.text("evaluation_to");
    for (const auto& id : ctx.form.get_all("point_id")) {
        in.points.push_back({id, ctx.form.text("point_" + id + "_intro"),
                             ctx.form.text("point_" + id + "_happened"),
                             ctx.form.text("point_" + id + "_recommendation")});
    }
    for (std::size_t i = 1; i <= report::k_max_holistic_items + 1; ++i) {
        const std::string p = "holistic_" + std::to_string(i);
        if (!ctx.form.has(p + "_text") && !ctx.form.has(p + "_recommendation")) break;
        in.holistic.push_back({ctx.form.text(p + "_text"), ctx.form.text(p + "_recommendation")});
    }
    return in;
}

report::NarrativeInput input_from_narrative(const report::Narrative& n) {
    report::NarrativeInput in;
    in.preface = n.preface;
    in.introduction = n.introduction;
    if (n.evaluation_from) in.evaluation_from = n.evaluation_from->iso();
    if (n.evaluation_to) in.evaluation_to = n.evaluation_to->iso();
    for (const auto& p : n.points)
        in.points.push_back({std::to_string(p.point_id), p.intro, p.happened, p.recommendation});
    for (const auto& h : n.holistic) in.holistic.push_back({h.text, h.recommendation});
    return in;
}

Response texts_page(const web::Site& site, const report::Narrative& n, const report::NarrativeInput& in,
                    const RequestContext& ctx, const std::optional<core::Error>& error) {
    View v;
    const std::string ys = std::to_string(n.year);
    v.set("year", ys).set("action", "/report/" + ys + "/texts").set("report_href", "/report/" + ys);
    v.set("csrf_token", ctx.csrf_token);
    web::set_errors(v, error, "preface");
    v.set("preface_field",
          area("preface", "Forord", in.preface, error, "Almindelig tekst. Tom linje = nyt afsnit.", 8));
    v.set("introduction_field", area("introduction", "1. Indledning", in.introduction, error,
                                     "Almindelig tekst. Tom linje = nyt afsnit.", 8));
    v.set("evaluation_from_field", web::text_field({.id = "evaluation_from",
                                                    .label = "Evalueringsperiode fra og med",
                                                    .value = in.evaluation_from,
                                                    .type = "date",
                                                    .autocomplete = "off",
                                                    .hint = "Skrives ÅÅÅÅ-MM-DD. Tom = 1. januar " + ys + ".",
                                                    .width = "s",
                                                    .optional = true},
                                                   error));
    v.set("evaluation_to_field",
          web::text_field({.id = "evaluation_to",
                           .label = "Evalueringsperiode til og med",
                           .value = in.evaluation_to,
                           .type = "date",
                           .autocomplete = "off",
                           .hint = "Skrives ÅÅÅÅ-MM-DD. Tom = 31. december " + ys + ".",
                           .width = "s",
                           .optional = true},
                          error));
    View::List points;
    for (const auto& p : n.points) {
        const std::string id = std::to_string(p.point_id);
        const report::NarrativeInput::Point* typed = nullptr;
        for (const auto& t : in.points)
            if (t.point_id == id) typed = &t;
        View pv;
        pv.set("id", id).set("legend", p.code + " " + p.title);
        pv.set("intro_field",
               area("point_" + id + "_intro", "Introduktion til punktet", typed ? typed->intro : "", error));
        pv.set("happened_field",
               area("point_" + id + "_happened", "Hvad er der sket", typed ? typed->happened : "", error));
        pv.set("recommendation_field", area("point_" + id + "_recommendation", "Anbefaling",
                                            typed ? typed->recommendation : "", error, "", 3));
        points.push_back(std::move(pv));
    }
    v.set("has_points", !points.empty()).set("points", std::move(points));
    View::List holistic;
    const std::size_t slots =
        std::min(in.holistic.size() + k_holistic_slots_free, report::k_max_holistic_items);
    for (std::size_t i = 0; i < slots; ++i) {
        const std::string p = "holistic_" + std::to_string(i + 1);
        const bool has = i < in.holistic.size();
        View hv;
        hv.set("legend", "Helhedsorienteret anbefaling " + std::string(1, static_cast<char>('A' + i)));
        hv.set("text_field", area(p + "_text", "Tekst", has ? in.holistic[i].text : "", error));
        hv.set("recommendation_field", area(p + "_recommendation", "Anbefaling",
                                            has ? in.holistic[i].recommendation : "", error, "", 3));
        holistic.push_back(std::move(hv));
    }
    v.set("holistic", std::move(holistic));
    const std::string title = "Årsrapportens tekster " + ys;
    return site.page(ctx, "report/texts", v, error ? "Fejl: " + title : title, error ? 422 : 200);
}

std::optional<int> year_param(const RequestContext& ctx) {
    auto y = ReportService::parse_year(ctx.params.at("year"), 0);
    if (!y.ok()) return std::nullopt;
    return *y;
}

// ---- strategy points ---------------------------------------------------------------------------

Response points_page(const web::Site& site, ReportService& svc, const RequestContext& ctx,
                     const report::StrategyPointInput& typed, const std::optional<core::Error>& error,
                     std::int64_t error_id) {
    auto points = svc.strategy_points(*ctx.actor);
    if (!points.ok()) return site.from_error(ctx, points.error());
    View v;
    v.set("csrf_token", ctx.csrf_token);
    web::set_errors(v, error, "code");
    auto fields = [&](View& pv, const std::string& prefix, const report::StrategyPointInput& in,
                      const std::optional<core::Error>& err) {
        pv.set("code_field", web::text_field({.id = prefix + "code",
                                              .label = "Nummer",
                                              .value = in.code,
                                              .hint = "Fx 6.1.",
                                              .width = "xs",
                                              .required = true},
                                             err));
        pv.set("title_field",
               web::text_field(
                   {.id = prefix + "title", .label = "Titel", .value = in.title, .required = true}, err));
        pv.set("position_field", web::text_field({.id = prefix + "position",
                                                  .label = "Rækkefølge",
                                                  .value = in.position,
                                                  .width = "xs",
                                                  .inputmode = "numeric",
                                                  .optional = true},
                                                 err));
        pv.set("valid_from_field", web::text_field({.id = prefix + "valid_from",
                                                    .label = "Første år",
                                                    .value = in.valid_from,
                                                    .hint = "Fx 2017.",
                                                    .width = "xs",
                                                    .inputmode = "numeric",
                                                    .required = true},
                                                   err));
        pv.set("valid_to_field", web::text_field({.id = prefix + "valid_to",
                                                  .label = "Sidste år",
                                                  .value = in.valid_to,
                                                  .hint = "Tom = gælder stadig.",
                                                  .width = "xs",
                                                  .inputmode = "numeric",
                                                  .optional = true},
                                                 err));
    };
    View::List list;
    for (const auto& p : *points) {
        View pv;
        pv.set("id", p.id).set("legend", p.code + " " + p.title);
        pv.set("action", "/report/points/" + std::to_string(p.id));
        report::StrategyPointInput in{p.code, p.title, std::to_string(p.position),
                                      std::to_string(p.valid_from),
                                      p.valid_to ? std::to_string(*p.valid_to) : ""};
        const bool this_one = error_id == p.id;
        fields(pv, "p" + std::to_string(p.id) + "_", this_one ? typed : in, std::nullopt);
        list.push_back(std::move(pv));
    }
    v.set("has_points", !list.empty()).set("points", std::move(list));
    View add;
    fields(add, "", error_id == 0 ? typed : report::StrategyPointInput{},
           error_id == 0 ? error : std::nullopt);
    v.set("add", std::move(add));
    return site.page(ctx, "report/points", v, error ? "Fejl: Strategiens punkter" : "Strategiens punkter",
                     error ? 422 : 200);
}

report::StrategyPointInput point_input(const RequestContext& ctx, const std::string& prefix) {
    return {ctx.form.text(prefix + "code"), ctx.form.text(prefix + "title"),
            ctx.form.text(prefix + "position"), ctx.form.text(prefix + "valid_from"),
            ctx.form.text(prefix + "valid_to")};
}

}  // namespace

void register_routes(web::Router& router, const web::Site& site, ReportService& service) {
    const Access staff = Access::roles({Role::Admin, Role::Consultant, Role::Caseworker});
    const Access writers = Access::roles({Role::Admin, Role::Consultant});
    const Access admin = Access::roles({Role::Admin});
    const Access anyone = Access::any_user();
    const web::Site* s = &site;
    ReportService* svc = &service;

    router.get(
        "/report", anyone, [s, svc](RequestContext& ctx) { return index_page(*s, *svc, ctx); },
        "The annual report: choose a year; links to every version (year)");
    router.get(
        "/report/points", admin,
        [s, svc](RequestContext& ctx) { return points_page(*s, *svc, ctx, {}, std::nullopt, -1); },
        "The strategy points the report is written on (admin)");
    router.post(
        "/report/points", admin,
        [s, svc](RequestContext& ctx) {
            auto in = point_input(ctx, "");
            auto r = svc->add_strategy_point(in, *ctx.actor);
            if (!r.ok())
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int /*422*/) {
                    return points_page(*s, *svc, ctx, in, e, 0);
                });
            return s->redirect_with_flash(ctx, "/report/points", "Punkt " + r->code + " er oprettet.");
        },
        "Add a strategy point (admin)");
    router.post(
        "/report/points/{id:int}", admin,
        [s, svc](RequestContext& ctx) {
            const std::int64_t id = ctx.int_param("id");
            auto in = point_input(ctx, "p" + std::to_string(id) + "_");
            auto r = svc->update_strategy_point(id, in, *ctx.actor);
            if (!r.ok())  // shown in the summary at the top; the point's fields keep what was typed
                return web::form_or_error(*s, ctx, r.error(), [&](const core::Error& e, int /*422*/) {
                    return points_page(*s, *svc, ctx, in, e, id);
                });
            return s->redirect_with_flash(ctx, "/report/points", "Punkt " + r->code + " er gemt.");
        },
        "Change a strategy point (admin)");

    for (const char* suffix : {"", ".pdf", ".xlsx", ".json"}) {
        const std::string sfx(suffix);
        const Format f = sfx.empty()      ? Format::Html
                         : sfx == ".pdf"  ? Format::Pdf
                         : sfx == ".xlsx" ? Format::Xlsx
                                          : Format::Json;
        router.get(
            "/report/{year}/public" + sfx, anyone,
            [s, svc, f](RequestContext& ctx) {
                auto y = year_param(ctx);
                if (!y) return s->error(ctx.request, ctx.actor, 404);
                return render(*s, *svc, ctx, std::to_string(*y), f, true);
            },
            "The public version of the annual report, small counts suppressed (" +
                std::string(sfx.empty() ? "HTML" : sfx.substr(1)) + ")");
    }
    router.get(
        "/report/{year}/midyear", staff,
        [s, svc](RequestContext& ctx) { return midyear_page(*s, *svc, ctx); },
        "Mid-year job status: jobs from 1 January to a date against the yearly goal (date, format=json)");
    router.get(
        "/report/{year}/texts", writers,
        [s, svc](RequestContext& ctx) {
            auto y = year_param(ctx);
            if (!y) return s->error(ctx.request, ctx.actor, 404);
            auto n = svc->narrative(*y, *ctx.actor);
            if (!n.ok()) return s->from_error(ctx, n.error());
            return texts_page(*s, *n, input_from_narrative(*n), ctx, std::nullopt);
        },
        "The narrative editor of a year's report");
    router.post(
        "/report/{year}/texts", writers,
        [s, svc](RequestContext& ctx) {
            auto y = year_param(ctx);
            if (!y) return s->error(ctx.request, ctx.actor, 404);
            auto in = input_from_form(ctx);
            auto r = svc->save_narrative(*y, in, *ctx.actor);
            if (!r.ok()) {
                if (r.error().code != core::ErrorCode::Validation) return s->from_error(ctx, r.error());
                auto n = svc->narrative(*y, *ctx.actor);
                if (!n.ok()) return s->from_error(ctx, n.error());
                return texts_page(*s, *n, in, ctx, r.error());
            }
            return s->redirect_with_flash(ctx, "/report/" + std::to_string(*y) + "/texts",
                                          "Teksterne til årsrapporten " + std::to_string(*y) + " er gemt.");
        },
        "Save the narrative of a year's report");
    router.get(
        "/report/{year}", staff,
        [s, svc](RequestContext& ctx) {
            auto split = split_format(ctx.params.at("year"));
            if (!split) return s->error(ctx.request, ctx.actor, 404);
            return render(*s, *svc, ctx, split->first, split->second, false);
        },
        "The annual report of a year: HTML; /report/{year}.pdf, .xlsx, .json");
    router.get(
        "/api/v1/report/{year}", staff,
        [s, svc](RequestContext& ctx) {
            auto y = year_param(ctx);
            if (!y) return s->error(ctx.request, ctx.actor, 404);
            return render(*s, *svc, ctx, std::to_string(*y), Format::Json, false);
        },
        "The annual report of a year as JSON (docs/reports.md)");
    router.get(
        "/api/v1/report/{year}/public", anyone,
        [s, svc](RequestContext& ctx) {
            auto y = year_param(ctx);
            if (!y) return s->error(ctx.request, ctx.actor, 404);
            return render(*s, *svc, ctx, std::to_string(*y), Format::Json, true);
        },
        "The public version of the annual report as JSON");
}

}  // namespace report_http
