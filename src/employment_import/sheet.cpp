// Reading import files into rows and parsing cells with Danish messages.
#include "employment_import/sheet.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "tabular/xlsx_read.hpp"

namespace employment_import::detail {

std::string fold(std::string_view text) {
    return core::to_lower_danish(core::trim(text));
}

std::optional<std::vector<Row>> read_rows(std::string_view bytes, std::span<const Column> cols,
                                          const tabular::Limits& limits, Report& report, bool& xlsx) {
    auto file_error = [&](std::size_t line, std::string message) {
        report.errors.push_back({line, "", std::move(message)});
    };
    xlsx = enterprises::detect_file_kind(bytes) == enterprises::FileKind::Xlsx;
    tabular::Table table;
    if (xlsx) {
        tabular::XlsxLimits xl;
        xl.table = limits;
        auto r = tabular::read_xlsx(bytes, xl);
        if (r.error) {
            file_error(r.error->line, r.error->message);
            return std::nullopt;
        }
        table = std::move(r.table);
    } else {
        auto r = tabular::read_csv(bytes, limits);
        if (r.error) {
            file_error(r.error->line, r.error->message);
            return std::nullopt;
        }
        table = std::move(r.table);
    }
    if (table.rows.empty()) {
        file_error(0, "Filen er tom. Den første linje skal være kolonneoverskrifterne, fx " +
                          std::string(cols[0].header) + ";" + std::string(cols[1].header) + ".");
        return std::nullopt;
    }

    const tabular::Record& header = table.rows.front();
    const std::size_t n = cols.size();
    std::vector<std::size_t> col_for_cell(header.cells.size(), n);
    std::vector<bool> present(n, false);
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        std::string h = enterprises::vocabulary_code_for(header.cells[i]);
        if (h.empty()) continue;
        std::size_t c = n;
        for (std::size_t j = 0; j < n; ++j)
            if (cols[j].header == h) c = j;
        if (c == n) {
            file_error(header.line, "Ukendt kolonne '" + std::string(core::trim(header.cells[i])) +
                                        "'. Kolonnerne er beskrevet i vejledningen til import.");
            continue;
        }
        if (present[c]) {
            report.errors.push_back(
                {header.line, std::string(cols[c].header), "Kolonnen står to gange i overskriften."});
            continue;
        }
        present[c] = true;
        col_for_cell[i] = c;
    }
    for (std::size_t j = 0; j < n; ++j)
        if (cols[j].required && !present[j])
            report.errors.push_back({header.line, std::string(cols[j].header),
                                     "Kolonnen '" + std::string(cols[j].header) +
                                         "' mangler i overskriften (linje " + std::to_string(header.line) +
                                         ")."});
    if (!report.errors.empty()) return std::nullopt;

    std::vector<Row> rows;
    rows.reserve(table.rows.size() - 1);
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        tabular::Record& rec = table.rows[r];
        bool blank = std::all_of(rec.cells.begin(), rec.cells.end(),
                                 [](const std::string& c) { return core::trim(c).empty(); });
        if (blank) continue;
        Row row;
        row.line = rec.line;
        row.cells.assign(n, std::string());
        for (std::size_t i = 0; i < rec.cells.size(); ++i) {
            if (i >= col_for_cell.size()) {
                if (!core::trim(rec.cells[i]).empty()) {
                    report.errors.push_back({rec.line, "", "Rækken har flere felter end overskriften."});
                    break;
                }
                continue;
            }
            if (col_for_cell[i] == n) continue;
            row.cells[col_for_cell[i]] = std::string(core::trim(rec.cells[i]));
        }
        rows.push_back(std::move(row));
    }
    if (rows.empty()) {
        file_error(0, "Filen indeholder ingen rækker under overskriften.");
        return std::nullopt;
    }
    report.rows = rows.size();
    return rows;
}

void Cells::error(std::size_t c, std::string message) {
    m_report.errors.push_back({m_row.line, std::string(m_cols[c].header), std::move(message)});
    m_failed = true;
}

void Cells::row_error(std::string message) {
    m_report.errors.push_back({m_row.line, "", std::move(message)});
    m_failed = true;
}

std::string Cells::str(std::size_t c, bool required, std::size_t max_chars, std::string_view what) {
    const std::string& v = m_row.cells[c];
    if (v.empty()) {
        if (required) error(c, std::string(what) + " skal udfyldes.");
        return {};
    }
    if (core::utf8_length(v) > max_chars) {
        error(c, std::string(what) + " må højst være " + std::to_string(max_chars) + " tegn.");
        return {};
    }
    return v;
}

std::optional<core::Date> Cells::date(std::size_t c, bool required, std::string_view what) {
    std::string v = m_row.cells[c];
    if (v.empty()) {
        if (required) error(c, std::string(what) + " skal udfyldes (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ).");
        return std::nullopt;
    }
    if (m_xlsx) {
        if (auto iso = tabular::excel_serial_to_iso(v)) v = *iso;
    }
    std::optional<core::Date> d = core::Date::parse(v);
    if (!d && v.size() == 10 && v[2] == '.' && v[5] == '.')
        d = core::Date::parse(v.substr(6, 4) + "-" + v.substr(3, 2) + "-" + v.substr(0, 2));
    if (!d || d->year < 1990 || d->year > 2100) {
        error(c, std::string(what) + " '" + m_row.cells[c] +
                     "' er ikke en gyldig dato. Skriv ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ, fx 2018-03-01.");
        return std::nullopt;
    }
    return d;
}

std::optional<std::int64_t> Cells::integer(std::size_t c, bool required, std::int64_t lo, std::int64_t hi,
                                           std::int64_t fallback, std::string_view what) {
    const std::string& v = m_row.cells[c];
    if (v.empty()) {
        if (required) {
            error(c, std::string(what) + " skal udfyldes.");
            return std::nullopt;
        }
        return fallback;
    }
    long long n = 0;
    if (!core::parse_int64(v, n) || n < lo || n > hi) {
        error(c, std::string(what) + " skal være et helt tal fra " + std::to_string(lo) + " til " +
                     std::to_string(hi) + " (ikke '" + v + "').");
        return std::nullopt;
    }
    return n;
}

std::optional<bool> Cells::yes_no(std::size_t c, std::string_view what) {
    std::string v = fold(m_row.cells[c]);
    if (v.empty()) return std::nullopt;
    if (v == "ja" || v == "j" || v == "yes" || v == "1" || v == "x" || v == "sand") return true;
    if (v == "nej" || v == "n" || v == "no" || v == "0" || v == "falsk") return false;
    error(c, std::string(what) + " skal være ja eller nej (ikke '" + m_row.cells[c] + "').");
    return std::nullopt;
}

void finish(Report& report) {
    std::stable_sort(report.errors.begin(), report.errors.end(),
                     [](const ImportError& a, const ImportError& b) { return a.line < b.line; });
    if (report.errors.size() > enterprises::k_max_reported_errors) {
        report.more_errors = report.errors.size() - enterprises::k_max_reported_errors;
        report.errors.resize(enterprises::k_max_reported_errors);
    }
    if (!report.errors.empty()) {
        report.created = 0;
        report.citizens_created = 0;
        report.hours_rows = 0;
    }
}

void tick(const Options& options, std::size_t done, std::size_t total) {
    if (options.progress && (done % 1000 == 0 || done == total)) options.progress(done, total);
}

}  // namespace employment_import::detail
