// Shared lookups of the employment import: enterprises, target groups, citizens, audit.
#include "employment_import/context.hpp"

#include <algorithm>

#include "citizens/model.hpp"
#include "core/text.hpp"
#include "employment/store/bulk.hpp"
#include "employment/store/citizens.hpp"
#include "enterprises/directory.hpp"

namespace employment_import::detail {

namespace {
std::string digits_of(std::string_view s) {
    std::string out;
    for (char ch : s)
        if (ch != ' ') out += ch;
    return out;
}
}  // namespace

core::Result<void> EnterpriseLookup::load(db::Connection& conn) {
    BB_ASSIGN(auto registry, enterprises::directory::list(conn));
    std::sort(registry.begin(), registry.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (const auto& e : registry) {
        m_names[e.id] = e.name;
        m_by_name[fold(e.name)].push_back(e.id);
        if (!e.cvr.empty()) m_by_cvr[e.cvr] = e.id;
    }
    return {};
}

std::optional<std::int64_t> EnterpriseLookup::find(Cells& cells, std::size_t cvr_col, std::size_t name_col) {
    if (!cells.empty(cvr_col)) {
        std::string cvr = digits_of(cells.text(cvr_col));
        auto it = m_by_cvr.find(cvr);
        if (it != m_by_cvr.end()) return it->second;
        cells.error(
            cvr_col,
            "Der er ingen virksomhed med CVR-nummeret " + cvr +
                " i registret. Opret virksomheden først, eller skriv dens navn i kolonnen virksomhed.");
        return std::nullopt;
    }
    if (cells.empty(name_col)) {
        cells.error(name_col,
                    "Angiv virksomheden: skriv CVR-nummeret i virksomhed_cvr eller navnet i virksomhed.");
        return std::nullopt;
    }
    auto it = m_by_name.find(fold(cells.text(name_col)));
    if (it == m_by_name.end()) {
        cells.error(name_col, "Der er ingen virksomhed med navnet '" + std::string(cells.text(name_col)) +
                                  "' i registret. Opret virksomheden først, eller brug CVR-nummeret.");
        return std::nullopt;
    }
    if (it->second.size() > 1) {
        cells.error(name_col, "Flere virksomheder hedder '" + std::string(cells.text(name_col)) +
                                  "'. Brug CVR-nummeret i kolonnen virksomhed_cvr.");
        return std::nullopt;
    }
    return it->second.front();
}

std::string EnterpriseLookup::name_of(std::int64_t id) const {
    auto it = m_names.find(id);
    return it == m_names.end() ? std::string() : it->second;
}

std::optional<std::string> target_group(Cells& cells, std::size_t col, std::string_view value,
                                        const std::vector<enterprises::VocabularyEntry>& groups) {
    std::string v = fold(value);
    for (const auto& g : groups)
        if (fold(g.code) == v || fold(g.label) == v) return g.code;
    std::string listing;
    std::size_t n = 0;
    for (const auto& g : groups) {
        if (n++ == 12) {
            listing += ", …";
            break;
        }
        if (!listing.empty()) listing += ", ";
        listing += g.label + " (" + g.code + ")";
    }
    cells.error(col,
                "Ukendt målgruppe '" + std::string(core::trim(value)) + "'. Brug en af: " + listing + ".");
    return std::nullopt;
}

core::Result<void> Citizens::load(db::Connection& conn) {
    BB_ASSIGN(auto all, employment::store::all_citizens(conn));
    m_known.reserve(all.size());
    for (auto& c : all)
        m_known[c.case_ref] = Known{c.id, std::move(c.name), std::move(c.target_group), c.anonymised};
    return {};
}

std::optional<std::size_t> Citizens::resolve(Cells& cells, std::size_t ref_col, std::size_t name_col,
                                             std::size_t tg_col,
                                             const std::vector<enterprises::VocabularyEntry>& groups) {
    // The citizens service's rules and messages (src/citizens): never a CPR number.
    if (citizens::looks_like_cpr(cells.text(ref_col))) {
        cells.error(ref_col,
                    "Sagsnummeret ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger – brug "
                    "kommunens sagsnummer.");
        return std::nullopt;
    }
    if (citizens::looks_like_cpr(cells.text(name_col))) {
        cells.error(name_col, "Navnet ligner et CPR-nummer. CPR-numre må ikke gemmes i Brobygger.");
        return std::nullopt;
    }
    std::string ref = cells.str(ref_col, true, 40, "Sagsnummeret");
    if (ref.empty()) return std::nullopt;
    std::string name = cells.str(name_col, false, 200, "Navnet");
    std::optional<std::string> tg;
    if (tg_col != static_cast<std::size_t>(-1) && !cells.empty(tg_col)) {
        tg = target_group(cells, tg_col, cells.text(tg_col), groups);
        if (!tg) return std::nullopt;
    }
    if (cells.failed()) return std::nullopt;

    auto at = m_index.find(ref);
    if (at != m_index.end()) {
        Used& u = m_used[at->second];
        if (!name.empty() && fold(name) != fold(u.name)) {
            cells.error(name_col, "Sagsnummeret " + ref + " står på linje " + std::to_string(u.line) +
                                      " med navnet '" + u.name + "'. Ret navnet eller sagsnummeret.");
            return std::nullopt;
        }
        if (tg) u.target_group = tg;
        return at->second;
    }
    Used u;
    u.case_ref = ref;
    u.line = cells.line();
    auto known = m_known.find(ref);
    if (known != m_known.end()) {
        if (known->second.anonymised) {
            cells.error(ref_col,
                        "Sagsnummeret " + ref + " tilhører en anonymiseret borger og kan ikke bruges.");
            return std::nullopt;
        }
        u.id = known->second.id;
        u.name = known->second.name;
        if (!name.empty() && fold(name) != fold(u.name)) {
            cells.error(name_col, "Borgeren med sagsnummer " + ref + " hedder '" + u.name +
                                      "' i systemet. Ret navnet eller sagsnummeret.");
            return std::nullopt;
        }
        if (tg && *tg != known->second.target_group) u.target_group = tg;
    } else {
        if (name.empty()) {
            cells.error(name_col,
                        "Sagsnummeret " + ref + " findes ikke. Skriv borgerens navn, så oprettes borgeren.");
            return std::nullopt;
        }
        u.name = name;
        u.is_new = true;
        u.target_group = tg;
    }
    m_index.emplace(ref, m_used.size());
    m_used.push_back(std::move(u));
    return m_used.size() - 1;
}

core::Result<void> Citizens::store(Context& ctx, std::string_view what) {
    for (Used& u : m_used) {
        std::string action;
        if (u.is_new) {
            employment::store::CitizenFields f;
            f.case_ref = u.case_ref;
            f.name = u.name;
            f.target_group = u.target_group;
            BB_ASSIGN(u.id, employment::store::insert_citizen(ctx.conn, f, ctx.now));
            ++m_created;
            action = "oprettet ved import; ";
        } else if (u.target_group) {
            BB_TRY(employment::store::set_citizen_target_group(ctx.conn, u.id, *u.target_group, ctx.now));
            action = "målgruppe ændret ved import; ";
        }
        BB_TRY(ctx.audit.record(ctx.conn, ctx.actor, "import", "citizen", std::to_string(u.id),
                                action + std::string(what) + " (fil: " + ctx.options.file_name + ", linje " +
                                    std::to_string(u.line) + ")",
                                "Import af " + std::string(what)));
    }
    return {};
}

core::Result<void> audit_run(Context& ctx, std::string_view object_type, std::string_view criteria) {
    return ctx.audit.record(ctx.conn, ctx.actor, "import", object_type, "",
                            "fil: " + ctx.options.file_name + "; " + std::string(criteria),
                            ctx.options.dry_run ? "Prøvekørsel af import" : "Import af regneark");
}

}  // namespace employment_import::detail
