// EnterpriseService: the Table 1 counts (002) and the vocabularies.
#include <string>
#include <vector>

#include "core/text.hpp"
#include "core/validate.hpp"
#include "enterprises/directory.hpp"
#include "enterprises/enterprise_service.hpp"
#include "enterprises/service_detail.hpp"
#include "enterprises/sql.hpp"

namespace enterprises {

using namespace detail;
using core::check_text;

// ---- counts (002 Table 1) ------------------------------------------------------------------

core::Result<Figures> EnterpriseService::count_figures(const core::Date& date, int year,
                                                       const std::string& municipality,
                                                       const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    Figures f;
    f.date = date;
    f.year = year;
    f.municipality = municipality;
    core::Date from{year, 1, 1};
    core::Date to = std::min(core::Date{year, 12, 31}, date);
    return m_db.read([&](db::Connection& conn) -> core::Result<Figures> {
        BB_ASSIGN(auto at, conn.query(sql::figures_at, {date.iso(), municipality}));
        if (!at.empty()) {
            f.total = at.first().int64(0);
            f.registered = at.first().int64(1);
            f.on_the_way = at.first().int64(2);
        }
        if (from <= to) {
            BB_ASSIGN(auto est, conn.query(sql::established_in, {from.iso(), to.iso(), municipality}));
            f.established_in_year = est.empty() ? 0 : est.first().int64(0);
        }
        return f;
    });
}

core::Result<FiguresTable> EnterpriseService::figures(const FiguresQuery& q, const core::Actor& actor) {
    if (!actor.is_municipal()) return core::Error::forbidden();
    core::Validator v;
    FiguresTable table;
    const core::Date now = core::today(m_clock);
    table.date = now;
    std::string date_text(core::trim(q.date));
    if (!date_text.empty()) {
        if (auto problem = date_problem(date_text, now, &table.date)) v.add("date", *problem);
    }
    table.year = table.date.year;
    if (const auto y = core::check_year(v, "year", q.year, core::years::registry)) {
        if (v.ok() && *y > table.date.year)
            v.add("year", "Året kan ikke ligge efter datoen.");
        else
            table.year = *y;
    }
    std::string municipality(core::trim(q.municipality));
    if (municipality.size() > k_max_municipality * 4) v.add("municipality", "Kommunens navn er for langt.");
    if (!v.ok()) return v.error();

    std::vector<std::string> names;
    if (!municipality.empty()) {
        names.push_back(municipality);
    } else {
        BB_ASSIGN(names, municipalities(actor));
    }
    for (const auto& name : names) {
        BB_ASSIGN(Figures f, count_figures(table.date, table.year, name, actor));
        table.rows.push_back(std::move(f));
    }
    BB_ASSIGN(table.sum, count_figures(table.date, table.year, municipality, actor));
    return table;
}

// ---- vocabularies --------------------------------------------------------------------------

core::Result<std::vector<VocabularyEntry>> EnterpriseService::vocabulary(VocabularyKind kind,
                                                                         bool include_inactive) {
    return m_db.read(
        [&](db::Connection& conn) { return directory::vocabulary(conn, kind, include_inactive); });
}

core::Result<VocabularyEntry> EnterpriseService::add_vocabulary(VocabularyKind kind, const std::string& label,
                                                                const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan redigere ordlister.");
    std::string text(core::trim(label));
    core::Validator v;
    if (text.empty())
        v.add("label", "Skriv betegnelsen.");
    else
        check_text(v, "label", text, k_max_vocabulary_label, "Betegnelsen");
    std::string code = vocabulary_code_for(text);
    if (v.ok() && code.empty()) v.add("label", "Betegnelsen skal indeholde bogstaver eller tal.");
    if (!v.ok()) return v.error();
    const std::string kind_text(vocabulary_kind_code(kind));
    return m_db.write([&](db::Connection& conn) -> core::Result<VocabularyEntry> {
        BB_ASSIGN(auto found, directory::vocabulary_entry(conn, kind, code));
        if (found) return core::Error::conflict("Værdien findes allerede på listen.");
        BB_ASSIGN(auto sort, conn.query(sql::vocabulary_next_sort, {kind_text}));
        std::int64_t next = sort.empty() ? 10 : sort.first().int64(0);
        auto inserted = conn.query(sql::vocabulary_insert, {kind_text, code, text, next});
        if (!inserted.ok()) {
            if (inserted.error().code == core::ErrorCode::Conflict)
                return core::Error::conflict("Værdien findes allerede på listen.");
            return inserted.take_error();
        }
        VocabularyEntry e{inserted->first().int64(0), kind, code, text, true, next};
        BB_TRY(m_audit.record(conn, actor, "create", "vocabulary", std::to_string(e.id),
                              kind_text + " " + code));
        return e;
    });
}

core::Result<void> EnterpriseService::set_vocabulary_active(std::int64_t entry_id, bool active,
                                                            const core::Actor& actor) {
    if (!actor.is_admin()) return core::Error::forbidden("Kun administratorer kan redigere ordlister.");
    return m_db.write([&](db::Connection& conn) -> core::Result<void> {
        BB_ASSIGN(auto updated,
                  conn.query(sql::vocabulary_set_active, {entry_id, std::int64_t{active ? 1 : 0}}));
        if (updated.affected == 0) return core::Error::not_found();
        return m_audit.record(conn, actor, active ? "activate" : "deactivate", "vocabulary",
                              std::to_string(entry_id));
    });
}

}  // namespace enterprises
