// XLSX reading: libzip for the container, expat for the parts. The only file with these headers.
#include "tabular/xlsx_read.hpp"

#include <expat.h>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "core/text.hpp"

namespace tabular {
namespace {

constexpr std::string_view k_not_xlsx =
    "Filen er ikke en gyldig Excel-fil (.xlsx). Gem den som 'Excel-projektmappe (.xlsx)' eller som 'CSV "
    "UTF-8'.";

std::string_view local_name(const XML_Char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attribute(const XML_Char** atts, std::string_view local) {
    for (int i = 0; atts[i]; i += 2)
        if (local_name(atts[i]) == local) return atts[i + 1];
    return nullptr;
}

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};

/// SAX callbacks as std::function so each part can supply lambdas.
struct Sax {
    std::function<void(std::string_view, const XML_Char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;
    std::optional<std::string> error;  ///< set by callbacks (or the DTD guard) to stop
    XML_Parser parser = nullptr;

    void stop(std::string message) {
        if (!error) error = std::move(message);
        XML_StopParser(parser, XML_FALSE);
    }
};

void XMLCALL on_start(void* ud, const XML_Char* name, const XML_Char** atts) {
    auto* s = static_cast<Sax*>(ud);
    if (s->start) s->start(local_name(name), atts);
}
void XMLCALL on_end(void* ud, const XML_Char* name) {
    auto* s = static_cast<Sax*>(ud);
    if (s->end) s->end(local_name(name));
}
void XMLCALL on_text(void* ud, const XML_Char* text, int len) {
    auto* s = static_cast<Sax*>(ud);
    if (s->text) s->text(std::string_view(text, static_cast<std::size_t>(len)));
}
void XMLCALL on_doctype(void* ud, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<Sax*>(ud)->stop(std::string(k_not_xlsx));
}

class Reader {
public:
    Reader(std::string_view data, const XlsxLimits& limits,
           std::optional<std::string> sheet_name = std::nullopt)
        : m_data(data), m_limits(limits), m_sheet_name(std::move(sheet_name)) {}

    XlsxResult run() {
        XlsxResult result;
        if (!looks_like_zip(m_data)) return failed(0, std::string(k_not_xlsx));
        zip_error_t zerr;
        zip_error_init(&zerr);
        zip_source_t* src = zip_source_buffer_create(m_data.data(), m_data.size(), 0, &zerr);
        if (!src) return failed(0, std::string(k_not_xlsx));
        zip_t* raw = zip_open_from_source(src, ZIP_RDONLY, &zerr);
        zip_error_fini(&zerr);
        if (!raw) {
            zip_source_free(src);
            return failed(0, std::string(k_not_xlsx));
        }
        m_zip.reset(raw);
        zip_int64_t entries = zip_get_num_entries(raw, 0);
        if (entries < 0 || static_cast<std::uint64_t>(entries) > m_limits.max_entries)
            return failed(0, "Excel-filen indeholder for mange dele (over " +
                                 std::to_string(m_limits.max_entries) + ").");
        if (zip_name_locate(raw, "xl/workbook.xml", 0) < 0) return failed(0, std::string(k_not_xlsx));

        std::string sheet = first_sheet_path();
        if (m_error) return failed(m_error->line, m_error->message);
        if (m_sheet_name && sheet.empty()) {
            XlsxResult missing = failed(0, "Excel-filen har intet ark med navnet '" + *m_sheet_name + "'.");
            missing.sheet_names = std::move(m_sheet_names);
            return missing;
        }
        if (zip_name_locate(raw, "xl/sharedStrings.xml", 0) >= 0) {
            read_shared_strings();
            if (m_error) return failed(m_error->line, m_error->message);
        }
        read_sheet(sheet);
        if (m_error) return failed(m_error->line, m_error->message);
        result.table = std::move(m_table);
        result.sheet_names = std::move(m_sheet_names);
        return result;
    }

private:
    XlsxResult failed(std::size_t line, std::string message) {
        XlsxResult r;
        r.error = ParseError{line, std::move(message)};
        return r;
    }
    void set_error(std::size_t line, std::string message) {
        if (!m_error) m_error = ParseError{line, std::move(message)};
    }

    /// Streams one part through expat with the size guards. False when missing or failed.
    bool parse_part(const std::string& name, Sax& sax) {
        zip_t* z = m_zip.get();
        zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
        if (index < 0) {
            set_error(0, std::string(k_not_xlsx));
            return false;
        }
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) &&
            (st.size > m_limits.max_part_bytes || m_total + st.size > m_limits.max_total_bytes)) {
            set_error(0, too_big());
            return false;
        }
        zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
        if (!f) {
            set_error(0, std::string(k_not_xlsx));
            return false;
        }
        XML_Parser p = XML_ParserCreate(nullptr);
        sax.parser = p;
        XML_SetUserData(p, &sax);
        XML_SetElementHandler(p, on_start, on_end);
        XML_SetCharacterDataHandler(p, on_text);
        XML_SetStartDoctypeDeclHandler(p, on_doctype);
        std::vector<char> buf(64 * 1024);
        std::uint64_t part = 0;
        bool ok = true;
        for (;;) {
            zip_int64_t got = zip_fread(f, buf.data(), buf.size());
            if (got < 0) {
                set_error(0, std::string(k_not_xlsx));
                ok = false;
                break;
            }
            part += static_cast<std::uint64_t>(got);
            m_total += static_cast<std::uint64_t>(got);
            if (part > m_limits.max_part_bytes || m_total > m_limits.max_total_bytes) {
                set_error(0, too_big());
                ok = false;
                break;
            }
            bool last = got == 0;
            if (XML_Parse(p, buf.data(), static_cast<int>(got), last ? XML_TRUE : XML_FALSE) !=
                XML_STATUS_OK) {
                if (sax.error)
                    set_error(m_row_hint, *sax.error);
                else
                    set_error(0, std::string(k_not_xlsx));
                ok = false;
                break;
            }
            if (sax.error) {
                set_error(m_row_hint, *sax.error);
                ok = false;
                break;
            }
            if (last) break;
        }
        XML_ParserFree(p);
        zip_fclose(f);
        return ok;
    }

    std::string too_big() const {
        return "Excel-filen fylder for meget, når den pakkes ud (over " +
               std::to_string(m_limits.max_total_bytes / (1024 * 1024)) + " MB). Del den op i mindre filer.";
    }

    std::string first_sheet_path() {
        std::string rid;
        std::string sheet_name;
        Sax wb;
        wb.start = [&](std::string_view name, const XML_Char** atts) {
            if (name != "sheet") return;
            const auto* sheet = attribute(atts, "name");
            if (sheet) m_sheet_names.emplace_back(sheet);
            if (rid.empty() && (!m_sheet_name || (sheet && *m_sheet_name == sheet))) {
                if (const auto* id = attribute(atts, "id")) rid = id;
            }
        };
        if (!parse_part("xl/workbook.xml", wb)) return {};
        if (m_sheet_name && rid.empty()) return {};
        std::string target;
        if (!rid.empty() && zip_name_locate(m_zip.get(), "xl/_rels/workbook.xml.rels", 0) >= 0) {
            Sax rels;
            rels.start = [&](std::string_view name, const XML_Char** atts) {
                if (name != "Relationship") return;
                const auto* id = attribute(atts, "Id");
                const auto* t = attribute(atts, "Target");
                if (id && t && rid == id) target = t;
            };
            if (!parse_part("xl/_rels/workbook.xml.rels", rels)) return {};
        }
        if (target.empty()) return "xl/worksheets/sheet1.xml";
        if (target.starts_with("/")) return target.substr(1);
        return "xl/" + target;
    }

    void read_shared_strings() {
        Sax s;
        std::string current;
        bool in_si = false, in_t = false;
        int in_rph = 0;
        s.start = [&](std::string_view name, const XML_Char**) {
            if (name == "si") {
                in_si = true;
                current.clear();
            } else if (name == "rPh")
                ++in_rph;
            else if (name == "t" && in_si)
                in_t = true;
        };
        s.end = [&](std::string_view name) {
            if (name == "si") {
                in_si = false;
                m_shared.push_back(std::move(current));
                current.clear();
            } else if (name == "rPh")
                --in_rph;
            else if (name == "t")
                in_t = false;
        };
        s.text = [&](std::string_view text) {
            if (in_si && in_t && in_rph == 0) {
                if (current.size() + text.size() > m_limits.table.max_field_chars * 4 + 4) {
                    s.stop("Et felt er længere end " + std::to_string(m_limits.table.max_field_chars) +
                           " tegn.");
                    return;
                }
                current.append(text);
            }
        };
        parse_part("xl/sharedStrings.xml", s);
    }

    void read_sheet(const std::string& path) {
        Sax s;
        Record row;
        std::size_t next_row = 1;
        std::size_t next_col = 0;
        std::size_t col = 0;
        std::string type;
        std::string value;
        std::string inline_text;
        bool in_v = false, in_is_t = false, in_is = false, in_c = false;
        std::size_t records = 0;
        const Limits& lim = m_limits.table;
        auto where = [&](std::size_t r) { return " (række " + std::to_string(r) + ")."; };

        s.start = [&](std::string_view name, const XML_Char** atts) {
            if (name == "row") {
                row.cells.clear();
                std::size_t r = next_row;
                if (const auto* ra = attribute(atts, "r")) {
                    char* end = nullptr;
                    unsigned long v = std::strtoul(ra, &end, 10);
                    if (end && *end == '\0' && v > 0) r = v;
                }
                row.line = r;
                m_row_hint = r;
                next_row = r + 1;
                next_col = 0;
            } else if (name == "c") {
                in_c = true;
                col = next_col;
                if (const auto* ref = attribute(atts, "r")) {
                    if (auto c = column_index(ref)) col = *c;
                }
                next_col = col + 1;
                const auto* t = attribute(atts, "t");
                type = t ? t : "";
                value.clear();
                inline_text.clear();
            } else if (name == "v" && in_c) {
                in_v = true;
            } else if (name == "is" && in_c) {
                in_is = true;
            } else if (name == "t" && in_is) {
                in_is_t = true;
            }
        };
        s.text = [&](std::string_view text) {
            std::string* target = in_v ? &value : (in_is_t ? &inline_text : nullptr);
            if (!target) return;
            if (target->size() + text.size() > lim.max_field_chars * 4 + 4) {
                s.stop("Et felt er længere end " + std::to_string(lim.max_field_chars) + " tegn" +
                       where(row.line));
                return;
            }
            target->append(text);
        };
        s.end = [&](std::string_view name) {
            if (name == "v")
                in_v = false;
            else if (name == "t")
                in_is_t = false;
            else if (name == "is")
                in_is = false;
            else if (name == "c") {
                in_c = false;
                std::string cell;
                if (type == "s") {
                    char* end = nullptr;
                    unsigned long idx = std::strtoul(value.c_str(), &end, 10);
                    if (value.empty() || !end || *end != '\0' || idx >= m_shared.size()) {
                        s.stop(std::string(k_not_xlsx));
                        return;
                    }
                    cell = m_shared[idx];
                } else if (type == "inlineStr") {
                    cell = inline_text;
                } else {
                    cell = value;
                }
                if (cell.empty()) return;
                if (col >= lim.max_columns) {
                    s.stop("Rækken har mere end " + std::to_string(lim.max_columns) + " kolonner" +
                           where(row.line));
                    return;
                }
                if (!core::is_valid_utf8(cell)) {
                    s.stop(std::string(k_not_xlsx));
                    return;
                }
                if (core::utf8_length(cell) > lim.max_field_chars) {
                    s.stop("Et felt er længere end " + std::to_string(lim.max_field_chars) + " tegn" +
                           where(row.line));
                    return;
                }
                if (row.cells.size() <= col) row.cells.resize(col + 1);
                row.cells[col] = std::move(cell);
            } else if (name == "row") {
                if (row.cells.empty()) return;
                if (++records > lim.max_rows + 1) {
                    s.stop("Filen har mere end " + std::to_string(lim.max_rows) + " rækker" +
                           where(row.line));
                    return;
                }
                m_table.rows.push_back(std::move(row));
                row = Record{};
            }
        };
        parse_part(path, s);
    }

    std::string_view m_data;
    XlsxLimits m_limits;
    std::optional<std::string> m_sheet_name;  ///< nullopt = the first sheet
    std::vector<std::string> m_sheet_names;
    std::unique_ptr<zip_t, ZipCloser> m_zip;
    std::vector<std::string> m_shared;
    Table m_table;
    std::optional<ParseError> m_error;
    std::uint64_t m_total = 0;
    std::size_t m_row_hint = 0;
};

}  // namespace

bool looks_like_zip(std::string_view data) {
    return data.size() >= 4 && data.substr(0, 4) == std::string_view("PK\3\4", 4);
}

XlsxResult read_xlsx(std::string_view data, const XlsxLimits& limits) {
    return Reader(data, limits).run();
}

XlsxResult read_xlsx_sheet(std::string_view data, std::string_view sheet_name, const XlsxLimits& limits) {
    return Reader(data, limits, std::string(sheet_name)).run();
}

std::optional<std::size_t> column_index(std::string_view ref) {
    std::size_t i = 0;
    std::size_t value = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        value = value * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
        if (++i > 3) return std::nullopt;  // XFD is the last column
    }
    if (i == 0) return std::nullopt;
    for (std::size_t j = i; j < ref.size(); ++j)
        if (ref[j] < '0' || ref[j] > '9') return std::nullopt;
    return value - 1;
}

std::optional<std::string> excel_serial_to_iso(std::string_view text) {
    if (text.empty() || text.size() > 20) return std::nullopt;
    std::size_t dot = text.find('.');
    std::string_view whole = text.substr(0, dot);
    if (whole.empty()) return std::nullopt;
    for (char c : whole)
        if (c < '0' || c > '9') return std::nullopt;
    if (dot != std::string_view::npos)
        for (char c : text.substr(dot + 1))
            if (c < '0' || c > '9') return std::nullopt;
    long long serial = std::atoll(std::string(whole).c_str());
    if (serial < 61 || serial > 2958465) return std::nullopt;  // from 1900-03-01 (the 1900 leap-year bug)
    // Days since 1970-01-01: serial 25569 is 1970-01-01.
    long long z = serial - 25569 + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long y = yoe + era * 400;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    long long d = doy - (153 * mp + 2) / 5 + 1;
    long long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
    return std::string(buf);
}

}  // namespace tabular
