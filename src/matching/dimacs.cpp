#include "matching/dimacs.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <optional>

namespace matching {

std::string DimacsError::to_string() const {
    return "line " + std::to_string(line) + ": " + message;
}

namespace {

enum class NumberStatus { ok, missing, not_a_number, too_large };

inline bool is_blank(char c) {
    return c == ' ' || c == '\t';
}
inline bool is_digit(char c) {
    return static_cast<unsigned char>(c - '0') < 10;
}

/// Reads one signed decimal token starting at `p` (after blanks). The token must end at
/// a blank or at `end`. Magnitudes above 10^18 are reported as too large.
inline NumberStatus parse_number(const char*& p, const char* end, std::int64_t& out) {
    while (p < end && is_blank(*p)) ++p;
    if (p == end) return NumberStatus::missing;
    bool negative = false;
    if (*p == '-' || *p == '+') {
        negative = *p == '-';
        ++p;
    }
    if (p == end || !is_digit(*p)) return NumberStatus::not_a_number;
    std::uint64_t value = 0;
    bool too_large = false;
    while (p < end && is_digit(*p)) {
        value = value * 10 + static_cast<std::uint64_t>(*p - '0');
        if (value > 1'000'000'000'000'000'000ULL) too_large = true;  // keep consuming digits
        if (too_large) value = 1'000'000'000'000'000'001ULL;
        ++p;
    }
    if (p < end && !is_blank(*p)) return NumberStatus::not_a_number;
    if (too_large) return NumberStatus::too_large;
    out = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
    return NumberStatus::ok;
}

std::string token_at(const char* p, const char* end) {
    while (p < end && is_blank(*p)) ++p;
    const char* q = p;
    while (q < end && !is_blank(*q)) ++q;
    std::string token(p, std::min<std::size_t>(static_cast<std::size_t>(q - p), 24));
    for (char& c : token) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) c = '?';
    }
    if (q - p > 24) token += "...";
    return token;
}

class Parser {
public:
    explicit Parser(std::uint64_t size_hint) : m_size_hint(size_hint) {}

    /// Parses one line without its terminating LF; false once an error is recorded.
    bool line(const char* begin, const char* end) {
        ++m_line;
        if (end > begin && end[-1] == '\r') --end;
        const char* p = begin;
        while (p < end && is_blank(*p)) ++p;
        if (p == end) return true;
        const char kind = *p;
        if (p + 1 < end && !is_blank(p[1])) return unknown_line(p, end);
        ++p;
        switch (kind) {
            case 'a':
                return arc_line(p, end);
            case 'c':
                return true;
            case 'n':
                return node_line(p, end);
            case 'p':
                return problem_line(p, end);
            default:
                return unknown_line(p - 1, end);
        }
    }

    /// Checks what can only be checked at the end of the input.
    bool finish() {
        const std::int64_t after_last = m_line + 1;
        if (!m_have_problem) return fail(after_last, "missing problem line 'p min <nodes> <arcs>'");
        if (static_cast<std::int64_t>(m_problem.tail.size()) != m_declared_arcs) {
            return fail(after_last, "file ends after " + std::to_string(m_problem.tail.size()) + " of the " +
                                        std::to_string(m_declared_arcs) +
                                        " arcs declared in the 'p' line (line " +
                                        std::to_string(m_problem_line) + "); truncated?");
        }
        // Duplicate "n" lines: the second occurrence is the error.
        std::vector<std::size_t> order(m_problem.supplies.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const auto na = m_problem.supplies[a].node;
            const auto nb = m_problem.supplies[b].node;
            return na != nb ? na < nb : a < b;
        });
        std::optional<std::size_t> duplicate;
        for (std::size_t k = 1; k < order.size(); ++k) {
            if (m_problem.supplies[order[k]].node == m_problem.supplies[order[k - 1]].node) {
                if (!duplicate || order[k] < *duplicate) duplicate = order[k];
            }
        }
        if (duplicate) {
            return fail(
                m_supply_lines[*duplicate],
                "second 'n' line for node " + std::to_string(m_problem.supplies[*duplicate].node + 1));
        }
        __int128 sum = 0;
        for (const auto& s : m_problem.supplies) sum += s.supply;
        if (sum != 0) {
            const long long shown = sum > 0 ? static_cast<long long>(std::min<__int128>(sum, INT64_MAX))
                                            : static_cast<long long>(std::max<__int128>(sum, INT64_MIN));
            fail(after_last,
                 "supplies of the 'n' lines sum to " + std::to_string(shown) + ", not 0: infeasible");
            m_error->infeasible = true;
            return false;
        }
        return true;
    }

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    DimacsResult result() && {
        if (m_error) return std::move(*m_error);
        return std::move(m_problem);
    }

private:
    bool fail(std::int64_t line, std::string message) {
        m_error = DimacsError{line, std::move(message)};
        return false;
    }
    bool fail(std::string message) { return fail(m_line, std::move(message)); }

    bool unknown_line(const char* p, const char* end) {
        return fail("unknown line type '" + token_at(p, end) + "' (expected 'c', 'p', 'n' or 'a')");
    }

    /// Parses the next number of a line or records why it could not.
    bool number(const char*& p, const char* end, std::int64_t& out, const char* what) {
        const char* start = p;
        switch (parse_number(p, end, out)) {
            case NumberStatus::ok:
                return true;
            case NumberStatus::missing:
                return fail(std::string("missing ") + what);
            case NumberStatus::not_a_number:
                return fail(std::string(what) + " '" + token_at(start, end) + "' is not an integer");
            case NumberStatus::too_large:
                return fail(std::string(what) + " '" + token_at(start, end) + "' is too large");
        }
        return false;
    }
    bool in_range(std::int64_t value, const char* what) {
        if (value > dimacs_max_value || value < -dimacs_max_value) {
            return fail(std::string(what) + " " + std::to_string(value) +
                        " is out of range (magnitude at most 10^15)");
        }
        return true;
    }
    bool line_end(const char* p, const char* end, const char* line_kind) {
        while (p < end && is_blank(*p)) ++p;
        if (p != end)
            return fail(std::string("unexpected '") + token_at(p, end) + "' after the " + line_kind);
        return true;
    }
    bool node_id(std::int64_t id, const char* what) {
        if (id < 1 || id > m_problem.node_count) {
            return fail(std::string(what) + " " + std::to_string(id) + " is not a node (nodes are 1.." +
                        std::to_string(m_problem.node_count) + ")");
        }
        return true;
    }

    bool problem_line(const char* p, const char* end) {
        if (m_have_problem)
            return fail("second 'p' line (the first is line " + std::to_string(m_problem_line) + ")");
        while (p < end && is_blank(*p)) ++p;
        const char* word = p;
        while (p < end && !is_blank(*p)) ++p;
        const std::string_view type(word, static_cast<std::size_t>(p - word));
        if (type.empty()) return fail("problem line must read 'p min <nodes> <arcs>'");
        if (type != "min") {
            return fail("unsupported problem type '" + token_at(word, end) + "' (only 'p min' is supported)");
        }
        std::int64_t nodes = 0;
        std::int64_t arcs = 0;
        if (!number(p, end, nodes, "node count") || !number(p, end, arcs, "arc count")) return false;
        if (!line_end(p, end, "'p' line")) return false;
        if (nodes < 0 || nodes > dimacs_max_nodes) {
            return fail("node count " + std::to_string(nodes) + " is out of range (0.." +
                        std::to_string(dimacs_max_nodes) + ")");
        }
        if (arcs < 0 || arcs > INT32_MAX) {
            return fail("arc count " + std::to_string(arcs) + " is out of range (0.." +
                        std::to_string(INT32_MAX) + ")");
        }
        if (!m_problem.supplies.empty() || !m_problem.tail.empty()) {
            return fail("'p' line after 'n' or 'a' lines");
        }
        m_have_problem = true;
        m_problem_line = m_line;
        m_problem.node_count = static_cast<std::int32_t>(nodes);
        m_declared_arcs = arcs;
        // Every arc line needs at least 12 bytes, so the size bounds what is worth reserving.
        std::uint64_t reserve = static_cast<std::uint64_t>(arcs);
        if (m_size_hint > 0)
            reserve = std::min<std::uint64_t>(reserve, m_size_hint / 12 + 1);
        else
            reserve = std::min<std::uint64_t>(reserve, 1u << 20);
        m_problem.tail.reserve(reserve);
        m_problem.head.reserve(reserve);
        m_problem.capacity.reserve(reserve);
        m_problem.cost.reserve(reserve);
        return true;
    }

    bool node_line(const char* p, const char* end) {
        if (!m_have_problem) return fail("'n' line before the 'p min' line");
        std::int64_t id = 0;
        std::int64_t supply = 0;
        if (!number(p, end, id, "node id") || !number(p, end, supply, "supply")) return false;
        if (!line_end(p, end, "'n' line") || !node_id(id, "node") || !in_range(supply, "supply"))
            return false;
        m_problem.supplies.push_back({static_cast<std::int32_t>(id - 1), supply});
        m_supply_lines.push_back(m_line);
        return true;
    }

    bool arc_line(const char* p, const char* end) {
        if (!m_have_problem) return fail("'a' line before the 'p min' line");
        std::int64_t tail = 0;
        std::int64_t head = 0;
        std::int64_t lower = 0;
        std::int64_t capacity = 0;
        std::int64_t cost = 0;
        if (!number(p, end, tail, "arc tail") || !number(p, end, head, "arc head") ||
            !number(p, end, lower, "lower bound") || !number(p, end, capacity, "capacity") ||
            !number(p, end, cost, "cost")) {
            return false;
        }
        if (!line_end(p, end, "'a' line")) return false;
        if (static_cast<std::int64_t>(m_problem.tail.size()) >= m_declared_arcs) {
            return fail("more arcs than the " + std::to_string(m_declared_arcs) +
                        " declared in the 'p' line (line " + std::to_string(m_problem_line) + ")");
        }
        if (!node_id(tail, "arc tail") || !node_id(head, "arc head")) return false;
        if (lower != 0) {
            return fail("lower bound " + std::to_string(lower) + " is not supported (only 0)");
        }
        if (capacity < 0) return fail("negative capacity " + std::to_string(capacity));
        if (!in_range(capacity, "capacity") || !in_range(cost, "cost")) return false;
        m_problem.tail.push_back(static_cast<std::int32_t>(tail - 1));
        m_problem.head.push_back(static_cast<std::int32_t>(head - 1));
        m_problem.capacity.push_back(capacity);
        m_problem.cost.push_back(cost);
        return true;
    }

    std::uint64_t m_size_hint = 0;
    std::int64_t m_line = 0;
    bool m_have_problem = false;
    std::int64_t m_problem_line = 0;
    std::int64_t m_declared_arcs = 0;
    DimacsProblem m_problem;
    std::vector<std::int64_t> m_supply_lines;
    std::optional<DimacsError> m_error;
};

}  // namespace

DimacsResult read_dimacs(std::string_view text) {
    Parser parser(text.size());
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const auto* newline =
            static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* line_end = newline ? newline : end;
        if (!parser.line(p, line_end)) return std::move(parser).result();
        p = newline ? newline + 1 : end;
    }
    parser.finish();
    return std::move(parser).result();
}

DimacsResult read_dimacs(std::istream& in, std::uint64_t size_hint) {
    Parser parser(size_hint);
    // The whole file when it is small (a 1 MB instance should not cost 4 MB of buffer), at most
    // 1 MiB otherwise: the parser is the bottleneck, not the reads.
    constexpr std::uint64_t k_min_buffer = std::uint64_t{1} << 16;
    constexpr std::uint64_t k_max_buffer = std::uint64_t{1} << 20;
    const std::uint64_t wanted = size_hint > 0 ? size_hint + 1 : k_max_buffer;
    std::vector<char> buffer(static_cast<std::size_t>(std::clamp(wanted, k_min_buffer, k_max_buffer)));
    std::size_t filled = 0;
    std::streambuf* source = in.rdbuf();
    bool at_end = source == nullptr;
    while (true) {
        if (!at_end) {
            const std::streamsize got =
                source->sgetn(buffer.data() + filled, static_cast<std::streamsize>(buffer.size() - filled));
            if (got <= 0)
                at_end = true;
            else
                filled += static_cast<std::size_t>(got);
        }
        const char* base = buffer.data();
        std::size_t start = 0;
        while (start < filled) {
            const auto* newline = static_cast<const char*>(std::memchr(base + start, '\n', filled - start));
            if (newline == nullptr) break;
            if (!parser.line(base + start, newline)) return std::move(parser).result();
            start = static_cast<std::size_t>(newline - base) + 1;
        }
        if (at_end) {
            if (start < filled && !parser.line(base + start, base + filled))
                return std::move(parser).result();
            break;
        }
        if (start > 0) {
            std::memmove(buffer.data(), base + start, filled - start);
            filled -= start;
        } else if (filled == buffer.size()) {
            buffer.resize(buffer.size() * 2);  // one line longer than the buffer
        }
    }
    parser.finish();
    return std::move(parser).result();
}

}  // namespace matching
