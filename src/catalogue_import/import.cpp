// Catalogue item import (all or nothing, through CatalogueService::import_items) and export.
#include "catalogue_import/import.hpp"

#include <utility>

#include "employment_import/context.hpp"
#include "employment_import/sheet.hpp"
#include "tabular/csv.hpp"
#include "tabular/xlsx_write.hpp"

namespace catalogue_import {
namespace {

using employment_import::detail::Cells;
using employment_import::detail::fold;

enum Col : std::size_t { CVR, ENTERPRISE, TITLE, DESCRIPTION, CATEGORY, PRICE, UNIT, AREA, STATUS, NCOLS };

constexpr Column k_columns[] = {
    {"virksomhed_cvr", false, "Virksomhedens CVR-nummer (eller brug kolonnen virksomhed)"},
    {"virksomhed", false, "Virksomhedens navn, når der ikke er CVR-nummer; skal findes i registret"},
    {"titel", true, "Varens eller ydelsens titel, højst 200 tegn"},
    {"beskrivelse", false, "Beskrivelse, højst 5000 tegn"},
    {"kategori", true, "Kategori fra listen (kode eller betegnelse), fx Mad, café og catering"},
    {"pris", false, "Pris i kroner, fx 125 eller 89,50; tom = pris efter aftale"},
    {"enhed", false, "Hvad prisen gælder for, fx stk., time eller kuvert (skal udfyldes med en pris)"},
    {"leveringsomraade", false, "Hvor varen leveres, fx Slagelse Kommune"},
    {"status", false, "kladde (standard) eller offentliggjort"},
};
static_assert(std::size(k_columns) == NCOLS);

/// The column a service field is reported on.
std::size_t column_of(const std::string& field, bool by_cvr) {
    if (field == "enterprise_id") return by_cvr ? CVR : ENTERPRISE;
    if (field == "title") return TITLE;
    if (field == "description") return DESCRIPTION;
    if (field == "category") return CATEGORY;
    if (field == "price") return PRICE;
    if (field == "unit") return UNIT;
    if (field == "delivery_area") return AREA;
    return NCOLS;
}

std::optional<catalogue::ItemStatus> status_of(std::string_view text) {
    const std::string v = fold(text);
    if (v.empty() || v == "kladde" || v == "draft") return catalogue::ItemStatus::Draft;
    if (v == "offentliggjort" || v == "offentlig" || v == "published")
        return catalogue::ItemStatus::Published;
    return std::nullopt;
}

}  // namespace

std::span<const Column> columns() {
    return k_columns;
}

std::string_view example_csv() {
    return "virksomhed_cvr;virksomhed;titel;beskrivelse;kategori;pris;enhed;leveringsomraade;status\r\n"
           ";Sumak;Frokostbuffet med mad fra hele verden;Varieret buffet med brød, salater og varme retter, "
           "lavet af Sumaks kokke.;Mad, café og catering;125;kuvert;Slagelse Kommune;offentliggjort\r\n"
           ";Sumak;Kaffe og kage til møder;Hjemmebagt kage og kaffe ad libitum.;mad_catering;45,50;person;"
           "Slagelse og omegn;kladde\r\n"
           ";VeteranHaven;Pleje af grønne områder;Græsslåning, beskæring og lettere anlægsarbejde udført af "
           "veteraner.;Grønne områder og havearbejde;;;Vestsjælland;offentliggjort\r\n";
}

bool may_import(const core::Actor& actor) {
    return actor.is_staff() || actor.role == core::Role::Enterprise;
}

core::Result<Report> Importer::run(std::string_view bytes, const core::Actor& actor, const Options& options) {
    if (!may_import(actor))
        return core::Error::forbidden(
            "Kun virksomheder, konsulenter og administratorer kan importere varer.");
    Report report;
    report.dry_run = options.dry_run;
    bool xlsx = false;
    auto rows = employment_import::detail::read_rows(bytes, k_columns, options.limits, report, xlsx);
    if (!rows) {
        employment_import::detail::finish(report);
        return report;
    }
    employment_import::detail::EnterpriseLookup lookup;
    BB_TRY(m_db.read([&](db::Connection& conn) { return lookup.load(conn); }));
    BB_ASSIGN(auto categories, m_registry.vocabulary(enterprises::VocabularyKind::CatalogueCategory, true));

    std::vector<catalogue::CatalogueService::ImportRow> items;
    std::vector<std::size_t> row_of;      // items index → rows index
    std::vector<bool> category_reported;  // items index → the category already has an error
    items.reserve(rows->size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        Cells cells((*rows)[i], k_columns, xlsx, report);
        auto ent = lookup.find(cells, CVR, ENTERPRISE);
        if (ent && actor.role == core::Role::Enterprise &&
            (!actor.enterprise_id || *actor.enterprise_id != *ent)) {
            cells.error(cells.empty(CVR) ? ENTERPRISE : CVR,
                        "Du kan kun importere varer for din egen virksomhed.");
            ent.reset();
        }
        std::string category;
        if (!cells.empty(CATEGORY)) {
            const std::string v = fold(cells.text(CATEGORY));
            for (const auto& c : categories)
                if (fold(c.code) == v || fold(c.label) == v) category = c.code;
            if (category.empty()) {
                std::string listing;
                for (const auto& c : categories)
                    if (c.active) listing += (listing.empty() ? "" : ", ") + c.label + " (" + c.code + ")";
                cells.error(CATEGORY, "Ukendt kategori '" + std::string(cells.text(CATEGORY)) +
                                          "'. Brug en af: " + listing + ".");
            }
        }
        auto status = status_of(cells.text(STATUS));
        if (!status)
            cells.error(STATUS, "Ukendt status '" + std::string(cells.text(STATUS)) +
                                    "'. Skriv kladde eller offentliggjort.");
        // Every row with a known enterprise is also checked by the service, so that all its
        // problems are reported at once; the file is stored only when there are none at all.
        if (!ent) continue;
        catalogue::CatalogueService::ImportRow item;
        item.input.enterprise_id = std::to_string(*ent);
        item.input.title = std::string(cells.text(TITLE));
        item.input.description = std::string(cells.text(DESCRIPTION));
        item.input.category = category;
        item.input.price = std::string(cells.text(PRICE));
        item.input.unit = std::string(cells.text(UNIT));
        item.input.delivery_area = std::string(cells.text(AREA));
        item.status = status.value_or(catalogue::ItemStatus::Draft);
        items.push_back(std::move(item));
        row_of.push_back(i);
        category_reported.push_back(!cells.empty(CATEGORY) && category.empty());
    }
    // The service validates like the form; it stores only when nothing is wrong anywhere.
    const bool check_only = options.dry_run || !report.errors.empty();
    BB_ASSIGN(auto problems, m_catalogue.import_items(items, actor, check_only, options.progress));
    for (const auto& p : problems) {
        if (p.field == "category" && category_reported[p.row]) continue;
        Cells cells((*rows)[row_of[p.row]], k_columns, xlsx, report);
        const std::size_t c = column_of(p.field, !cells.empty(CVR));
        if (c == NCOLS)
            cells.row_error(p.message);
        else
            cells.error(c, p.message);
    }
    if (report.errors.empty()) report.created = items.size();
    employment_import::detail::finish(report);
    return report;
}

namespace {

core::Result<std::pair<std::vector<std::string>, std::vector<std::vector<std::string>>>> export_table(
    catalogue::CatalogueService& service, catalogue::ManageFilter filter, const core::Actor& actor) {
    std::vector<std::string> header;
    for (std::size_t c = ENTERPRISE; c < NCOLS; ++c) header.emplace_back(k_columns[c].header);
    std::vector<std::vector<std::string>> rows;
    filter.page_size = 200;
    for (filter.page = 1;; ++filter.page) {
        BB_ASSIGN(catalogue::ItemPage page, service.list(filter, actor));
        for (const auto& i : page.items)
            rows.push_back({i.enterprise_name, i.title, i.description, i.category_label,
                            i.price_oere ? catalogue::price_input_text(*i.price_oere) : std::string(), i.unit,
                            i.delivery_area,
                            i.status == catalogue::ItemStatus::Published ? "offentliggjort" : "kladde"});
        if (page.items.empty() || static_cast<std::int64_t>(filter.page) * page.page_size >= page.total)
            break;
    }
    return std::make_pair(std::move(header), std::move(rows));
}

}  // namespace

core::Result<std::string> export_csv(catalogue::CatalogueService& service, catalogue::ManageFilter filter,
                                     const core::Actor& actor) {
    BB_ASSIGN(auto t, export_table(service, std::move(filter), actor));
    tabular::CsvWriter w(';', true);
    w.row(t.first);
    for (const auto& r : t.second) w.row(r);
    return w.take();
}

core::Result<std::string> export_xlsx(catalogue::CatalogueService& service, catalogue::ManageFilter filter,
                                      const core::Actor& actor) {
    BB_ASSIGN(auto t, export_table(service, std::move(filter), actor));
    return tabular::write_xlsx("Katalog", t.first, t.second);
}

}  // namespace catalogue_import
