// Enterprise import (CSV/XLSX → EnterpriseService::import_rows, all or nothing) and export.
#include "enterprises/import.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "core/text.hpp"
#include "tabular/xlsx_read.hpp"
#include "tabular/xlsx_write.hpp"

namespace enterprises {
namespace {

constexpr ImportColumn k_columns[] = {
    {"navn", "name", true},
    {"cvr", "cvr", false},
    {"juridisk_form", "legal_form", false},
    {"type", "kind", true},
    {"kommune", "municipality", true},
    {"adresse", "address", false},
    {"formaal", "purpose", false},
    {"beskrivelse", "description", false},
    {"maalgrupper", "target_groups", false},
    {"planer", "plans", false},
    {"hjemmeside", "website", false},
    {"ansatte", "employees", false},
    {"aarsvaerk", "fte", false},
    {"status", "status", true},
    {"status_dato", "status_date", true},
};
constexpr std::size_t k_ncols = std::size(k_columns);

std::size_t column_of_field(std::string_view field) {
    for (std::size_t i = 0; i < k_ncols; ++i)
        if (k_columns[i].field == field) return i;
    return k_ncols;
}

/// Header text → canonical header: case, spaces and Danish letters folded ("Målgrupper" →
/// "maalgrupper", "Status dato" → "status_dato").
std::string fold_header(std::string_view text) {
    return vocabulary_code_for(text);
}

std::string fold_value(std::string_view text) {
    return core::to_lower_danish(core::trim(text));
}

/// Looks a value up by code or label (case-insensitive). Empty optional when unknown.
struct Choices {
    std::vector<std::pair<std::string, std::string>> entries;  ///< code, label
    std::optional<std::string> find(std::string_view value) const {
        std::string v = fold_value(value);
        for (const auto& [code, label] : entries)
            if (fold_value(code) == v || fold_value(label) == v) return code;
        return std::nullopt;
    }
    std::string listing() const {
        std::string out;
        std::size_t n = 0;
        for (const auto& e : entries) {
            if (n++ == 12) {
                out += ", …";
                break;
            }
            if (!out.empty()) out += ", ";
            out += e.second;
        }
        return out;
    }
};

bool looks_like_formula(std::string_view cell) {
    if (cell.empty()) return false;
    char c = cell.front();
    if (c == '=' || c == '@' || c == '\t' || c == '\r' || c == '\0') return true;
    if (c == '+' || c == '-') return cell.size() > 1 && cell[1] != ' ';
    return false;
}

bool is_text_column(std::string_view field) {
    return field != "employees" && field != "fte";
}

struct Row {
    std::size_t line = 0;
    EnterpriseInput input;
    std::vector<bool> reported;  ///< per column: the import layer already reported a problem
};

std::size_t column_of_header(std::string_view header) {
    for (std::size_t i = 0; i < k_ncols; ++i)
        if (k_columns[i].header == header) return i;
    return k_ncols;
}

void add_error(ImportReport& report, std::size_t line, std::string column, std::string message) {
    report.errors.push_back({line, std::move(column), std::move(message)});
}

void finish(ImportReport& report) {
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const ImportError& a, const ImportError& b) {
                         if (a.line != b.line) return a.line < b.line;
                         return column_of_header(a.column) < column_of_header(b.column);
                     });
    if (report.errors.size() > k_max_reported_errors) {
        report.more_errors = report.errors.size() - k_max_reported_errors;
        report.errors.resize(k_max_reported_errors);
    }
    if (!report.errors.empty()) report.created = 0;
}

}  // namespace

std::span<const ImportColumn> import_columns() {
    return k_columns;
}

std::string_view import_example_csv() {
    return "navn;cvr;juridisk_form;type;kommune;adresse;formaal;beskrivelse;maalgrupper;planer;hjemmeside;"
           "ansatte;"
           "aarsvaerk;status;status_dato\r\n"
           "Café Brobyggeren;;ApS;Socialøkonomisk virksomhed;Slagelse;Torvet 1, 4200 Slagelse;"
           "Job til mennesker på kanten af arbejdsmarkedet;\"Café og catering; frokost til virksomheder\";"
           "Fleksjobbere|Unge;Åbne en filial i Korsør;https://www.eksempel.dk;12;4,5;Etableret;2019-03-01\r\n"
           "Genbrugsværkstedet;;forening;initiative;Sorø;;Reparation og salg af genbrug;;"
           "udsatte_borgere;;;3;;on_the_way;2024-11-15\r\n";
}

FileKind detect_file_kind(std::string_view bytes) {
    return tabular::looks_like_zip(bytes) ? FileKind::Xlsx : FileKind::Csv;
}

core::Result<ImportReport> import_enterprises(EnterpriseService& service, std::string_view bytes,
                                              const core::Actor& actor, const ImportOptions& options) {
    if (!actor.is_staff())
        return core::Error::forbidden(
            "Kun socialøkonomiske konsulenter og administratorer kan importere virksomheder.");
    ImportReport report;
    const FileKind kind = detect_file_kind(bytes);

    // 1. Parse the file.
    tabular::Table table;
    if (kind == FileKind::Xlsx) {
        tabular::XlsxLimits xl;
        xl.table = options.limits;
        auto r = tabular::read_xlsx(bytes, xl);
        if (r.error) {
            add_error(report, r.error->line, "", r.error->message);
            return report;
        }
        table = std::move(r.table);
    } else {
        auto r = tabular::read_csv(bytes, options.limits);
        if (r.error) {
            add_error(report, r.error->line, "", r.error->message);
            return report;
        }
        table = std::move(r.table);
    }
    if (table.rows.empty()) {
        add_error(report, 0, "",
                  "Filen er tom. Den første linje skal være kolonneoverskrifterne, fx "
                  "navn;type;kommune;status;status_dato.");
        return report;
    }

    // 2. The header line.
    const tabular::Record& header = table.rows.front();
    std::vector<std::size_t> col_for_cell(header.cells.size(), k_ncols);  // cell index → column
    std::vector<bool> present(k_ncols, false);
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string h = fold_header(header.cells[i]);
        if (h.empty()) continue;
        std::size_t c = k_ncols;
        for (std::size_t j = 0; j < k_ncols; ++j)
            if (k_columns[j].header == h) c = j;
        if (c == k_ncols) {
            add_error(report, header.line, "",
                      "Ukendt kolonne '" + std::string(core::trim(header.cells[i])) +
                          "'. Kolonnerne er beskrevet i vejledningen til import.");
            continue;
        }
        if (present[c]) {
            add_error(report, header.line, std::string(k_columns[c].header),
                      "Kolonnen står to gange i overskriften.");
            continue;
        }
        present[c] = true;
        col_for_cell[i] = c;
    }
    for (std::size_t j = 0; j < k_ncols; ++j)
        if (k_columns[j].required && !present[j])
            add_error(report, header.line, std::string(k_columns[j].header),
                      "Kolonnen '" + std::string(k_columns[j].header) + "' mangler i overskriften (linje " +
                          std::to_string(header.line) + ").");
    if (!report.errors.empty()) {
        finish(report);
        return report;
    }

    // 3. Vocabularies (codes or labels).
    Choices legal_forms, target_groups, kinds, statuses;
    BB_ASSIGN(auto lf, service.vocabulary(VocabularyKind::LegalForm));
    for (const auto& e : lf) legal_forms.entries.emplace_back(e.code, e.label);
    BB_ASSIGN(auto tg, service.vocabulary(VocabularyKind::TargetGroup));
    for (const auto& e : tg) target_groups.entries.emplace_back(e.code, e.label);
    for (Kind k : k_all_kinds)
        kinds.entries.emplace_back(std::string(kind_code(k)), std::string(kind_label(k)));
    for (Status s : k_all_statuses)
        statuses.entries.emplace_back(std::string(status_code(s)), std::string(status_label(s)));

    // 4. Rows.
    std::vector<Row> rows;
    std::map<std::string, std::size_t> cvr_lines;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const tabular::Record& rec = table.rows[r];
        bool blank = std::all_of(rec.cells.begin(), rec.cells.end(),
                                 [](const std::string& c) { return core::trim(c).empty(); });
        if (blank) continue;
        Row row;
        row.line = rec.line;
        row.reported.assign(k_ncols, false);
        std::vector<std::string> cell(k_ncols);
        for (std::size_t i = 0; i < rec.cells.size(); ++i) {
            if (i >= col_for_cell.size() || col_for_cell[i] == k_ncols) {
                if (!core::trim(rec.cells[i]).empty() && i >= col_for_cell.size()) {
                    add_error(report, rec.line, "", "Rækken har flere felter end overskriften.");
                    break;
                }
                continue;
            }
            cell[col_for_cell[i]] = rec.cells[i];
        }
        auto problem = [&](std::size_t c, std::string message) {
            add_error(report, rec.line, std::string(k_columns[c].header), std::move(message));
            row.reported[c] = true;
        };
        for (std::size_t c = 0; c < k_ncols; ++c) {
            std::string_view v = core::trim(cell[c]);
            if (is_text_column(k_columns[c].field) && looks_like_formula(v))
                problem(c, "Feltet begynder med '" + std::string(1, v.front() == '\t' ? ' ' : v.front()) +
                               "' og kan blive læst som en formel i et regneark. Fjern tegnet.");
        }
        EnterpriseInput& in = row.input;
        in.name = cell[0];
        in.cvr = cell[1];
        in.municipality = cell[4];
        in.address = cell[5];
        in.purpose = cell[6];
        in.description = cell[7];
        in.plans = cell[9];
        in.website = cell[10];
        in.employees = cell[11];
        in.fte = cell[12];
        in.status_date = std::string(core::trim(cell[14]));
        if (kind == FileKind::Xlsx) {
            if (auto iso = tabular::excel_serial_to_iso(in.status_date)) in.status_date = *iso;
        }
        auto choose = [&](std::size_t c, const Choices& choices, std::string_view what) -> std::string {
            std::string_view v = core::trim(cell[c]);
            if (v.empty() || row.reported[c]) return std::string(v);
            if (auto code = choices.find(v)) return *code;
            problem(c, "Ukendt " + std::string(what) + " '" + std::string(v) +
                           "'. Brug en af: " + choices.listing() + ".");
            return std::string(v);
        };
        in.legal_form = choose(2, legal_forms, "juridisk form");
        in.kind = choose(3, kinds, "type");
        in.status = choose(13, statuses, "status");
        if (!row.reported[8]) {
            for (auto part : core::split(cell[8], '|')) {
                std::string_view v = core::trim(part);
                if (v.empty()) continue;
                if (auto code = target_groups.find(v)) {
                    in.target_groups.push_back(*code);
                } else {
                    problem(8, "Ukendt målgruppe '" + std::string(v) +
                                   "'. Brug en af: " + target_groups.listing() + " (adskilt med |).");
                    break;
                }
            }
        }
        // CVR twice in the file: name both lines.
        std::string cvr;
        for (char ch : core::trim(in.cvr))
            if (ch != ' ') cvr += ch;
        if (!cvr.empty() && !row.reported[1]) {
            auto [it, inserted] = cvr_lines.emplace(cvr, rec.line);
            if (!inserted)
                problem(1, "CVR-nummeret " + cvr + " står flere gange i filen (linje " +
                               std::to_string(it->second) + " og " + std::to_string(rec.line) + ").");
        }
        rows.push_back(std::move(row));
    }
    report.rows = rows.size();
    if (rows.empty()) {
        add_error(report, 0, "", "Filen indeholder ingen rækker under overskriften.");
        return report;
    }

    // 5. The service validates every row like the form and stores all or nothing.
    std::vector<EnterpriseInput> inputs;
    inputs.reserve(rows.size());
    for (const auto& r : rows) inputs.push_back(r.input);
    if (report.errors.empty()) {
        BB_ASSIGN(ImportOutcome outcome, service.import_rows(inputs, actor, options.progress));
        for (const auto& p : outcome.problems) {
            const Row& row = rows[p.row];
            std::size_t c = column_of_field(p.field);
            if (c < k_ncols && row.reported[c]) continue;
            add_error(report, row.line, c < k_ncols ? std::string(k_columns[c].header) : p.field, p.message);
        }
        report.created = report.errors.empty() ? outcome.created : 0;
    } else {
        // Still check every row so one upload shows all problems; nothing is stored because
        // the file already has errors (import_rows is not called with a partial batch).
        BB_ASSIGN(auto problems, service.validate_rows(inputs, actor, options.progress));
        for (const auto& p : problems) {
            const Row& row = rows[p.row];
            std::size_t c = column_of_field(p.field);
            if (c < k_ncols && row.reported[c]) continue;
            add_error(report, row.line, c < k_ncols ? std::string(k_columns[c].header) : p.field, p.message);
        }
    }
    finish(report);
    return report;
}

core::Result<ExportTable> export_table(EnterpriseService& service, EnterpriseFilter filter,
                                       const core::Actor& actor) {
    ExportTable table;
    for (const auto& c : k_columns) table.header.emplace_back(c.header);
    filter.page_size = 100;
    filter.page = 1;
    for (;;) {
        BB_ASSIGN(EnterprisePage page, service.list(filter, actor));
        for (const auto& s : page.items) {
            BB_ASSIGN(Enterprise e, service.get(s.id, actor));
            std::string groups;
            for (const auto& g : e.target_groups) {
                if (!groups.empty()) groups += " | ";
                groups += g.label;
            }
            table.rows.push_back({e.name, e.cvr.value_or(""), e.legal_form_label.value_or(""),
                                  std::string(kind_label(e.kind)), e.municipality, e.address, e.purpose,
                                  e.description, groups, e.plans, e.website,
                                  e.employees ? std::to_string(*e.employees) : "",
                                  e.fte_tenths ? format_fte(*e.fte_tenths) : "",
                                  std::string(status_label(e.status)), e.status_since.iso()});
        }
        if (page.items.empty() || static_cast<std::int64_t>(filter.page) * page.page_size >= page.total)
            break;
        ++filter.page;
    }
    return table;
}

core::Result<std::string> export_csv(EnterpriseService& service, const EnterpriseFilter& filter,
                                     const core::Actor& actor) {
    BB_ASSIGN(ExportTable t, export_table(service, filter, actor));
    tabular::CsvWriter w(';', true);
    w.row(t.header);
    for (const auto& r : t.rows) w.row(r);
    return w.take();
}

core::Result<std::string> export_xlsx(EnterpriseService& service, const EnterpriseFilter& filter,
                                      const core::Actor& actor) {
    BB_ASSIGN(ExportTable t, export_table(service, filter, actor));
    return tabular::write_xlsx("Virksomheder", t.header, t.rows);
}

}  // namespace enterprises
