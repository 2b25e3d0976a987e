#pragma once
/// CSV in and out (RFC 4180) for imports and exports. No web or storage types.
///
/// Reading: quoted fields with "" escapes and embedded line breaks, CRLF or LF, a UTF-8 BOM
/// is skipped, the delimiter (';' as Danish Excel writes, or ',') is taken from the header
/// line. Strict UTF-8: a Latin-1 or otherwise invalid file is refused with a Danish message
/// that names the line. Limits on rows, columns, field length and record length, each with
/// its own message. Records are pulled one at a time (CsvReader::next), so a caller can
/// validate while reading.
///
/// Writing: RFC 4180 quoting, CRLF, and formula neutralisation (FU-04): a cell that begins
/// with = + - @ TAB CR or NUL gets a leading apostrophe so spreadsheets show it as text.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tabular {

struct Limits {
    std::size_t max_rows = 200'000;  ///< data rows (the header not counted)
    std::size_t max_columns = 100;
    std::size_t max_field_chars = 10'000;      ///< characters (UTF-8 code points) per field
    std::size_t max_record_bytes = 1'000'000;  ///< one record, embedded line breaks included
};

/// A parse failure: the 1-based physical line it happened on (0 = the file as a whole)
/// and a Danish message that already names the line.
struct ParseError {
    std::size_t line = 0;
    std::string message;
};

/// One record with the physical line it starts on (1 = the header line).
struct Record {
    std::size_t line = 0;
    std::vector<std::string> cells;
};

/// A whole table: rows[0] is the header when the file had one.
struct Table {
    std::vector<Record> rows;
};

/// The message for a file that is not UTF-8, naming the line.
std::string not_utf8_message(std::size_t line);

/// Pull parser over a CSV held in memory (uploads are bounded by the server).
class CsvReader {
public:
    explicit CsvReader(std::string_view data, Limits limits = {});

    /// Reads the next record into `out`. Returns false at the end of the data or on an error
    /// (then error() is set). Empty lines are skipped.
    bool next(Record& out);
    [[nodiscard]] const std::optional<ParseError>& error() const { return m_error; }
    [[nodiscard]] char delimiter() const { return m_delim; }
    /// Fraction of the input consumed, 0…1 (progress display).
    [[nodiscard]] double progress() const;

private:
    bool fail(std::size_t line, std::string message);

    std::string_view m_data;
    Limits m_limits;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
    std::size_t m_records = 0;
    char m_delim = ',';
    std::optional<ParseError> m_error;
};

/// Detects ';' or ',' from the first line (outside quotes); ',' when neither occurs.
char detect_delimiter(std::string_view data);

/// Reads a whole CSV; nullopt error on success.
struct CsvResult {
    Table table;
    std::optional<ParseError> error;
    char delimiter = ',';
};
CsvResult read_csv(std::string_view data, const Limits& limits = {});

/// True when a cell must be neutralised (begins with = + - @ TAB CR or NUL).
bool needs_neutralising(std::string_view cell);
/// The cell with a leading apostrophe when needs_neutralising, else unchanged.
std::string neutralise(std::string_view cell);

/// Builds a CSV document: BOM (optional, for Excel), RFC 4180 quoting, CRLF line ends,
/// every cell neutralised.
class CsvWriter {
public:
    explicit CsvWriter(char delimiter = ';', bool bom = true);
    void row(const std::vector<std::string>& cells);
    [[nodiscard]] const std::string& str() const { return m_out; }
    std::string take() { return std::move(m_out); }

private:
    char m_delim;
    std::string m_out;
};

/// One cell quoted for CSV if it needs it (delimiter, quote, CR or LF), after neutralising.
std::string csv_cell(std::string_view cell, char delimiter);

}  // namespace tabular
