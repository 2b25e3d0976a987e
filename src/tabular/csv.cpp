// RFC 4180 CSV reader and writer with strict UTF-8, limits and formula neutralisation.
#include "tabular/csv.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace tabular {
namespace {

std::string with_line(std::string message, std::size_t line) {
    return message + " (linje " + std::to_string(line) + ").";
}

std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (count > 0 && count % 3 == 0) out += '.';
        out += *it;
        ++count;
    }
    std::reverse(out.begin(), out.end());
    return out;
}

constexpr std::string_view k_bom = "\xEF\xBB\xBF";

}  // namespace

std::string not_utf8_message(std::size_t line) {
    return "Filen er ikke UTF-8 (linje " + std::to_string(line) + "). Gem den som 'CSV UTF-8' i Excel.";
}

char detect_delimiter(std::string_view data) {
    if (data.starts_with(k_bom)) data.remove_prefix(k_bom.size());
    std::size_t semis = 0, commas = 0;
    bool quoted = false;
    for (char c : data) {
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ';')
            ++semis;
        else if (!quoted && c == ',')
            ++commas;
    }
    return semis > commas ? ';' : ',';
}

CsvReader::CsvReader(std::string_view data, Limits limits) : m_data(data), m_limits(limits) {
    if (m_data.starts_with(k_bom)) m_pos = k_bom.size();
    m_delim = detect_delimiter(m_data);
}

double CsvReader::progress() const {
    return m_data.empty() ? 1.0 : static_cast<double>(m_pos) / static_cast<double>(m_data.size());
}

bool CsvReader::fail(std::size_t line, std::string message) {
    m_error = ParseError{line, std::move(message)};
    m_pos = m_data.size();
    return false;
}

bool CsvReader::next(Record& out) {
    if (m_error) return false;
    // Skip empty lines.
    while (m_pos < m_data.size()) {
        if (m_data[m_pos] == '\n') {
            ++m_pos;
            ++m_line;
            continue;
        }
        if (m_data[m_pos] == '\r' && m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '\n') {
            m_pos += 2;
            ++m_line;
            continue;
        }
        break;
    }
    if (m_pos >= m_data.size()) return false;

    const std::size_t start = m_pos;
    const std::size_t start_line = m_line;
    out.line = start_line;
    out.cells.clear();

    // Strict UTF-8 for the physical lines of this record, found before any field is built.
    auto check_utf8 = [&](std::size_t from, std::size_t to) -> bool {
        std::size_t line = start_line;
        std::size_t a = from;
        while (a < to) {
            std::size_t nl = m_data.find('\n', a);
            std::size_t b = (nl == std::string_view::npos || nl > to) ? to : nl;
            std::string_view piece = m_data.substr(a, b - a);
            if (!core::is_valid_utf8(piece)) return fail(line, not_utf8_message(line));
            if (piece.find('\0') != std::string_view::npos)
                return fail(line, with_line("Filen indeholder et NUL-tegn og er ikke en tekstfil", line));
            a = b + 1;
            ++line;
        }
        return true;
    };

    std::string field;
    bool done = false;
    std::size_t i = m_pos;
    const std::size_t n = m_data.size();
    auto finish_field = [&]() -> bool {
        if (out.cells.size() >= m_limits.max_columns)
            return fail(start_line,
                        with_line("Rækken har mere end " + thousands(m_limits.max_columns) + " kolonner",
                                  start_line));
        out.cells.push_back(std::move(field));
        field.clear();
        return true;
    };

    while (!done) {
        if (i - start > m_limits.max_record_bytes)
            return fail(start_line,
                        with_line("Rækken er for lang (over " + thousands(m_limits.max_record_bytes) +
                                      " byte) – mangler der et afsluttende anførselstegn?",
                                  start_line));
        if (i < n && m_data[i] == '"') {
            // Quoted field.
            ++i;
            const std::size_t quote_line = m_line;
            for (;;) {
                if (i >= n)
                    return fail(quote_line, with_line("Et felt i anførselstegn slutter ikke", quote_line));
                if (i - start > m_limits.max_record_bytes)
                    return fail(start_line,
                                with_line("Rækken er for lang (over " + thousands(m_limits.max_record_bytes) +
                                              " byte) – mangler der et afsluttende anførselstegn?",
                                          start_line));
                char c = m_data[i];
                if (c == '"') {
                    if (i + 1 < n && m_data[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (c == '\n') ++m_line;
                field += c;
                ++i;
            }
            // After the closing quote: delimiter, line end or end of data.
            if (i >= n) {
                if (!finish_field()) return false;
                done = true;
            } else if (m_data[i] == m_delim) {
                if (!finish_field()) return false;
                ++i;
            } else if (m_data[i] == '\n') {
                if (!finish_field()) return false;
                ++i;
                ++m_line;
                done = true;
            } else if (m_data[i] == '\r' && i + 1 < n && m_data[i + 1] == '\n') {
                if (!finish_field()) return false;
                i += 2;
                ++m_line;
                done = true;
            } else {
                return fail(m_line, with_line("Tegn efter et afsluttende anførselstegn – skriv \"\" for et "
                                              "anførselstegn inde i et felt",
                                              m_line));
            }
        } else {
            // Unquoted field up to the delimiter or line end; quotes inside are kept as text.
            std::size_t j = i;
            while (j < n && m_data[j] != m_delim && m_data[j] != '\n' &&
                   !(m_data[j] == '\r' && j + 1 < n && m_data[j + 1] == '\n'))
                ++j;
            field.append(m_data.substr(i, j - i));
            if (!finish_field()) return false;
            if (j >= n) {
                i = j;
                done = true;
            } else if (m_data[j] == m_delim) {
                i = j + 1;
                if (i >= n) {
                    if (!finish_field()) return false;
                    done = true;
                }  // trailing delimiter
            } else if (m_data[j] == '\n') {
                i = j + 1;
                ++m_line;
                done = true;
            } else {
                i = j + 2;
                ++m_line;
                done = true;
            }
        }
    }
    m_pos = i;
    if (i - start > m_limits.max_record_bytes)
        return fail(start_line,
                    with_line("Rækken er for lang (over " + thousands(m_limits.max_record_bytes) + " byte)",
                              start_line));
    if (!check_utf8(start, std::min(i, n))) return false;
    for (const auto& cell : out.cells) {
        if (cell.size() > m_limits.max_field_chars && core::utf8_length(cell) > m_limits.max_field_chars)
            return fail(start_line,
                        with_line("Et felt er længere end " + thousands(m_limits.max_field_chars) + " tegn",
                                  start_line));
    }
    ++m_records;
    if (m_records > m_limits.max_rows + 1)  // + the header
        return fail(start_line,
                    with_line("Filen har mere end " + thousands(m_limits.max_rows) + " rækker", start_line));
    return true;
}

CsvResult read_csv(std::string_view data, const Limits& limits) {
    CsvResult result;
    CsvReader reader(data, limits);
    result.delimiter = reader.delimiter();
    Record r;
    while (reader.next(r)) result.table.rows.push_back(std::move(r));
    result.error = reader.error();
    if (result.error) result.table.rows.clear();
    return result;
}

bool needs_neutralising(std::string_view cell) {
    if (cell.empty()) return false;
    char c = cell.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\0';
}

std::string neutralise(std::string_view cell) {
    if (!needs_neutralising(cell)) return std::string(cell);
    std::string out = "'";
    out += cell;
    return out;
}

std::string csv_cell(std::string_view cell, char delimiter) {
    std::string value = neutralise(cell);
    bool quote = value.find_first_of(std::string{'"', '\r', '\n', delimiter}) != std::string::npos;
    if (!quote) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

CsvWriter::CsvWriter(char delimiter, bool bom) : m_delim(delimiter) {
    if (bom) m_out = k_bom;
}

void CsvWriter::row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) m_out += m_delim;
        m_out += csv_cell(cells[i], m_delim);
    }
    m_out += "\r\n";
}

}  // namespace tabular
