#pragma once
// Shared pieces of the report dataset generator (generate.cpp, generate_network.cpp): the
// deterministic random stream, the vocabularies and the multi-row inserter.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "db/database.hpp"
#include "generate.hpp"

namespace bench_report::detail {

inline constexpr int k_data_version = 2;
inline constexpr core::Date k_horizon{2020, 12, 31};  // the dataset's "today"

class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// 0 … n-1 (n ≥ 1).
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    /// lo … hi inclusive.
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
    /// True with probability percent/100.
    bool chance(int percent) { return below(100) < percent; }
    /// An index into `weights` with probability proportional to its weight.
    template <std::size_t N>
    std::size_t pick(const std::array<int, N>& weights) {
        int sum = 0;
        for (int w : weights) sum += w;
        std::int64_t r = below(sum);
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return N - 1;
    }

private:
    std::uint64_t m_state;
};

// The 98 Danish municipalities, the four big cities first (the skewed pick favours them).
inline constexpr std::array<const char*, 98> k_municipalities = {
    "København",       "Aarhus",         "Odense",
    "Aalborg",         "Frederiksberg",  "Albertslund",
    "Ballerup",        "Brøndby",        "Dragør",
    "Gentofte",        "Gladsaxe",       "Glostrup",
    "Herlev",          "Hvidovre",       "Høje-Taastrup",
    "Ishøj",           "Lyngby-Taarbæk", "Rødovre",
    "Tårnby",          "Vallensbæk",     "Allerød",
    "Egedal",          "Fredensborg",    "Frederikssund",
    "Furesø",          "Gribskov",       "Halsnæs",
    "Helsingør",       "Hillerød",       "Hørsholm",
    "Rudersdal",       "Bornholm",       "Faxe",
    "Greve",           "Guldborgsund",   "Holbæk",
    "Kalundborg",      "Køge",           "Lejre",
    "Lolland",         "Næstved",        "Odsherred",
    "Ringsted",        "Roskilde",       "Slagelse",
    "Solrød",          "Sorø",           "Stevns",
    "Vordingborg",     "Assens",         "Billund",
    "Esbjerg",         "Fanø",           "Fredericia",
    "Faaborg-Midtfyn", "Haderslev",      "Kerteminde",
    "Kolding",         "Langeland",      "Middelfart",
    "Nordfyns",        "Nyborg",         "Svendborg",
    "Sønderborg",      "Tønder",         "Varde",
    "Vejen",           "Vejle",          "Ærø",
    "Aabenraa",        "Favrskov",       "Hedensted",
    "Herning",         "Holstebro",      "Horsens",
    "Ikast-Brande",    "Lemvig",         "Norddjurs",
    "Odder",           "Randers",        "Ringkøbing-Skjern",
    "Samsø",           "Silkeborg",      "Skanderborg",
    "Skive",           "Struer",         "Syddjurs",
    "Viborg",          "Brønderslev",    "Frederikshavn",
    "Hjørring",        "Jammerbugt",     "Læsø",
    "Mariagerfjord",   "Morsø",          "Rebild",
    "Thisted",         "Vesthimmerland"};
static_assert(std::all_of(k_municipalities.begin(), k_municipalities.end(),
                          [](const char* m) { return m != nullptr; }),
              "every one of the 98 municipalities has a name");

inline constexpr std::array<const char*, 21> k_target_groups = {"fleksjobbere",
                                                                "deltidsansatte",
                                                                "forloebsdeltagere",
                                                                "loentilskud",
                                                                "kanten_af_arbejdsmarkedet",
                                                                "udsatte_borgere",
                                                                "socialt_udsatte",
                                                                "borgere_med_handicap",
                                                                "blinde_svagsynede",
                                                                "psykisk_saarbare",
                                                                "unge",
                                                                "udsatte_unge",
                                                                "unge_i_forloeb",
                                                                "udsatte_boern_unge",
                                                                "unge_sel",
                                                                "igu_egu",
                                                                "ressourceforloeb",
                                                                "kvinder_anden_etnisk",
                                                                "veteraner",
                                                                "frivillige",
                                                                "in_house"};
static_assert(std::all_of(k_target_groups.begin(), k_target_groups.end(),
                          [](const char* g) { return g != nullptr; }));
inline const std::array<const char*, 8> k_legal_forms = {"aps",      "as",
                                                         "forening", "forening_erhverv",
                                                         "fond",     "erhvervsdrivende_fond",
                                                         "smba",     "selvejende_institution"};
inline const std::array<const char*, 10> k_trades = {
    "Café",      "Genbrugsværksted", "Køkken",   "Cykelværksted",  "Gartneri",
    "Rengøring", "Systue",           "Kaffebar", "Tømrerværksted", "Vaskeri"};
inline const std::array<const char*, 5> k_kinds = {"social_enterprise", "initiative", "csr_company",
                                                   "civil_society", "municipal_unit"};
inline const std::array<int, 5> k_kind_weights = {45, 20, 15, 12, 8};

/// Lower case for name_key: ASCII and the Danish capitals Æ, Ø, Å.
inline std::string name_key(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c == 0xC3 && i + 1 < s.size()) {
            auto d = static_cast<unsigned char>(s[i + 1]);
            if (d == 0x86 || d == 0x98 || d == 0x85) d = static_cast<unsigned char>(d + 0x20);
            out += static_cast<char>(c);
            out += static_cast<char>(d);
            ++i;
        } else {
            out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return out;
}

inline std::string iso(std::int64_t day) {
    return core::Date::from_days(day).iso();
}
inline std::string stamp(std::int64_t day) {
    return iso(day) + "T08:00:00Z";
}
inline std::int64_t day_of(int y, int m, int d) {
    return core::Date{y, m, d}.days_since_epoch();
}

/// Multi-row INSERT with a fixed number of rows per statement, so the statement text repeats
/// (SQLite's statement cache) and PostgreSQL gets few round trips.
class Bulk {
public:
    Bulk(db::Connection& conn, std::string table, const std::vector<std::string>& columns)
        : m_conn(conn), m_table(std::move(table)), m_width(columns.size()) {
        // PostgreSQL: few round trips. SQLite has none to save, and the db layer looks each
        // placeholder up by name (sqlite3_bind_parameter_name scans the statement's list), so
        // binding costs grow with the square of the parameters: keep its statements small.
        m_per_statement = conn.dialect() == db::Dialect::Postgres
                              ? std::min<std::size_t>(500, 30000 / m_width)
                              : std::max<std::size_t>(1, 256 / m_width);
        for (std::size_t i = 0; i < columns.size(); ++i) m_columns += (i ? ", " : "") + columns[i];
        m_values.reserve(m_per_statement * m_width);
    }
    /// Rows of `child` reference this table's rows: they are written only after this
    /// table's pending rows (foreign keys are checked per statement).
    void adopt(Bulk& child) {
        child.m_has_parent = true;
        m_children.push_back(&child);
    }
    core::Result<void> add(std::vector<db::Value> row) {
        for (auto& v : row) m_values.push_back(std::move(v));
        ++m_count;
        if (!m_has_parent && m_values.size() >= m_per_statement * m_width) return flush(false);
        return {};
    }
    /// Writes the pending rows in full statements, then the children's. A child keeps a
    /// partial statement's worth pending until the last flush (`all`), so that the statement
    /// text repeats.
    core::Result<void> flush(bool all = true) {
        const std::size_t full = m_per_statement * m_width;
        std::size_t at = 0;
        while (at < m_values.size()) {
            const std::size_t take = std::min(full, m_values.size() - at);
            if (take < full && !all) break;
            std::vector<db::Value> chunk(
                std::make_move_iterator(m_values.begin() + static_cast<std::ptrdiff_t>(at)),
                std::make_move_iterator(m_values.begin() + static_cast<std::ptrdiff_t>(at + take)));
            BB_TRY(m_conn.query(statement(take / m_width), chunk));
            at += take;
        }
        m_values.erase(m_values.begin(), m_values.begin() + static_cast<std::ptrdiff_t>(at));
        for (Bulk* child : m_children) BB_TRY(child->flush(all));
        return {};
    }
    [[nodiscard]] std::int64_t count() const { return m_count; }
    [[nodiscard]] const std::string& table() const { return m_table; }

private:
    std::string statement(std::size_t rows) const {
        std::string sql = "INSERT INTO " + m_table + " (" + m_columns + ") VALUES ";
        std::size_t n = 1;
        for (std::size_t r = 0; r < rows; ++r) {
            sql += r ? ",(" : "(";
            for (std::size_t c = 0; c < m_width; ++c) sql += (c ? ",$" : "$") + std::to_string(n++);
            sql += ')';
        }
        return sql;
    }

    db::Connection& m_conn;
    std::string m_table;
    std::size_t m_width;
    std::size_t m_per_statement = 0;
    std::string m_columns;
    std::vector<db::Value> m_values;
    std::int64_t m_count = 0;
    bool m_has_parent = false;
    std::vector<Bulk*> m_children;
};

/// Goals of the strategy (migration 0009).
core::Result<void> generate_goals(db::Connection& c, const Scale& scale, Generated& out);
/// Events with participants and themes, grants and stories (migration 0010).
core::Result<void> generate_network(db::Connection& c, Rng& rng, const Scale& scale, std::int64_t enterprises,
                                    Generated& out);
/// Strategy points and the narrative of every year (migration 0011).
core::Result<void> generate_narrative(db::Connection& c, Generated& out);

}  // namespace bench_report::detail
