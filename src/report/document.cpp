// The report model → publishing::Document (sections in the order of 003).
#include "report/document.hpp"

#include <map>
#include <set>

#include "core/validate.hpp"

namespace report {
namespace {

using publishing::Bar;
using publishing::BarChart;
using publishing::Block;
using publishing::Cell;
using publishing::Document;
using publishing::Heading;
using publishing::List;
using publishing::Paragraph;
using publishing::Table;

std::string num(std::int64_t n) {
    return core::format_whole_number(n);
}

Cell text_cell(std::string text) {
    return Cell{std::move(text), std::nullopt, false};
}
Cell count_cell(std::int64_t n, bool hidden = false) {
    if (hidden) return Cell{"<5", std::nullopt, true};
    return Cell{num(n), static_cast<double>(n), false};
}
Cell money_cell(std::int64_t oere, bool approximate) {
    return Cell{kroner_text(oere, approximate), static_cast<double>(oere) / 100.0, false};
}
std::string count_text(std::int64_t n, bool hidden) {
    return hidden ? std::string("<5") : num(n);
}

void heading(Document& d, int level, std::string text, std::string anchor = {}) {
    d.blocks.emplace_back(Heading{level, std::move(text), std::move(anchor)});
}
void para(Document& d, std::string text, bool emphasis = false) {
    d.blocks.emplace_back(Paragraph{std::move(text), emphasis});
}
void narrative(Document& d, const std::string& text, bool emphasis = false) {
    for (auto& p : paragraphs(text)) para(d, std::move(p), emphasis);
}
std::string anchor_of(const std::string& code) {
    std::string out = "point-";
    for (char c : code) out += (c == '.' || c == ' ') ? '-' : c;
    return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

void goals_section(Document& d, const ReportModel& m) {
    heading(d, 2, "Status på mål ultimo " + std::to_string(m.year), "goals");
    if (m.goals.empty()) {
        para(d, "Der er ikke registreret mål for " + std::to_string(m.year) + ".");
        return;
    }
    Table t;
    t.caption = "Status på mål " + std::to_string(m.year);
    t.header = {"Mål", "Opgjort", "Resultat", "Mål", "Status"};
    t.sheet = "Mål";
    BarChart chart;
    chart.title = "Status på mål " + std::to_string(m.year) + " (procent af målet)";
    chart.unit = "%";
    std::vector<std::string> words;
    for (const auto& g : m.goals) {
        const std::string result = g.has_data ? g.actual_text : "Ingen data";
        const std::string met = goals::attainment_label(g.attainment, g.percent);
        t.rows.push_back(
            {text_cell(g.title), text_cell(g.measured_at),
             g.has_data ? Cell{g.actual_text, static_cast<double>(g.actual), false} : text_cell(result),
             Cell{g.target_text, static_cast<double>(g.target), false}, text_cell(met)});
        if (!g.has_data) continue;
        chart.bars.push_back(
            Bar{g.title, static_cast<double>(g.percent), 100.0, std::to_string(g.percent) + " %"});
        words.push_back(g.title + ": " + g.actual_text + " af " + g.target_text);
    }
    d.blocks.emplace_back(std::move(t));
    if (!chart.bars.empty()) {
        chart.description = join(words, "; ") + ".";
        d.blocks.emplace_back(std::move(chart));
    }
}

void enterprises_section(Document& d, const ReportModel& m) {
    heading(d, 1, "2. De socialøkonomiske virksomheder og initiativer i " + m.municipality + " Kommune",
            "enterprises");
    para(d, "Med udgangen af " + std::to_string(m.year) + " er der " + num(m.registration.figures.total) +
                " socialøkonomiske virksomheder og initiativer i " + m.municipality + " Kommune.");
    for (const auto& g : m.goals)
        if (g.metric == "enterprises") para(d, "Målet er " + g.title + " (" + g.target_text + ").");
    if (m.enterprises.empty()) return;
    Table t;
    t.caption = "Socialøkonomiske virksomheder og initiativer ultimo " + std::to_string(m.year);
    t.header = {"Navn", "Type", "Status", "Målgrupper"};
    t.sheet = "Virksomheder";
    for (const auto& e : m.enterprises)
        t.rows.push_back({text_cell(e.name), text_cell(e.kind_label), text_cell(e.status_label),
                          text_cell(join(e.target_groups, ", "))});
    d.blocks.emplace_back(std::move(t));
    heading(d, 2, "2.1 Mød virksomheder og initiativer", "meet");
    for (const auto& e : m.enterprises) {
        heading(d, 3, e.name);
        narrative(d, e.description.empty() ? "Der er ingen beskrivelse i registret." : e.description);
        if (!e.target_groups.empty()) para(d, "Målgrupper: " + join(e.target_groups, ", ") + ".");
        if (!e.plans.empty()) para(d, "Planer for " + std::to_string(m.year + 1) + ": " + e.plans);
    }
}

void registration_section(Document& d, const ReportModel& m) {
    heading(d, 1, "3. Registrering jf. Lov om registrering af socialøkonomiske virksomheder", "registration");
    const auto& f = m.registration.figures;
    Table t;
    t.caption = "Virksomheder og initiativer pr. 31.12." + std::to_string(m.year) + " (som 002 tabel 1)";
    t.header = {"Kommune", "Antal i alt", "Antal registrerede", "Etableret i " + std::to_string(m.year),
                "Vurderes på vej"};
    t.sheet = "Registrering";
    t.rows.push_back({text_cell(m.municipality), count_cell(f.total), count_cell(f.registered),
                      count_cell(f.established_in_year), count_cell(f.on_the_way)});
    d.blocks.emplace_back(std::move(t));
    if (!m.registration.registered.empty()) {
        para(d, "Registrerede socialøkonomiske virksomheder (RSV):");
        d.blocks.emplace_back(List{m.registration.registered});
    }
    if (!m.registration.on_the_way.empty()) {
        para(d, "På vej:");
        d.blocks.emplace_back(List{m.registration.on_the_way});
    }
}

void network_section(Document& d, const ReportModel& m) {
    heading(d, 1, "4. Socialøkonomisk netværk", "network");
    const auto& n = m.network;
    para(d, "I " + std::to_string(m.year) + " er der holdt " + num(n.meetings) + " netværksmøder. For " +
                std::to_string(m.year + 1) + " er der planlagt " + num(n.meetings_next_year) +
                " netværksmøder.");
    if (!n.events.empty()) {
        Table t;
        t.caption = "Netværksmøder og arrangementer " + std::to_string(m.year);
        t.header = {"Dato", "Type", "Titel", "Tema", "Inviterede", "Fremmødte"};
        t.sheet = "Netværk";
        for (const auto& e : n.events)
            t.rows.push_back({text_cell(e.held_on.danish()), text_cell(e.kind_label), text_cell(e.title),
                              text_cell(e.theme), count_cell(e.invited), count_cell(e.present)});
        d.blocks.emplace_back(std::move(t));
    }
    if (!n.themes_next_year.empty()) {
        para(d, "Temaer for " + std::to_string(m.year + 1) + ":");
        d.blocks.emplace_back(List{n.themes_next_year});
    }
}

void stories_section(Document& d, const ReportModel& m) {
    heading(d, 1, "5. Positive historier", "stories");
    if (m.stories.empty()) {
        para(d, "Der er ingen offentliggjorte historier fra " + std::to_string(m.year) + ".");
        return;
    }
    for (const auto& s : m.stories) {
        heading(d, 2, s.title);
        narrative(d, s.body);
        std::string line = s.story_date.danish();
        if (!s.enterprises.empty()) line = join(s.enterprises, ", ") + ", " + line;
        para(d, line + ".");
    }
}

void grants_figures(Document& d, const ReportModel& m) {
    if (m.grants.enterprises.empty()) {
        para(d, "Der er ikke registreret bevillinger i " + std::to_string(m.year) + ".");
        return;
    }
    Table t;
    t.caption = "Bevillinger og fondsmidler " + std::to_string(m.year);
    t.header = {"Virksomhed", "Kilde", "Formål", "Beløb"};
    t.sheet = "Bevillinger";
    for (const auto& g : m.grants.enterprises)
        for (const auto& x : g.grants)
            t.rows.push_back({text_cell(g.enterprise), text_cell(x.source), text_cell(x.purpose),
                              money_cell(x.amount_oere, x.approximate)});
    t.total =
        std::vector<Cell>{text_cell("I alt"), text_cell(""), text_cell(num(m.grants.count) + " bevillinger"),
                          money_cell(m.grants.total_oere, false)};
    d.blocks.emplace_back(std::move(t));
}

void agreements_figures(Document& d, const ReportModel& m) {
    if (m.agreements.empty()) {
        para(d, "Der er ingen samarbejdsaftaler om forløb i evalueringsperioden.");
        return;
    }
    para(d, "Samarbejdsaftalerne er evalueret for perioden " + m.evaluation_from->danish() + " – " +
                m.evaluation_to->danish() + ".");
    BarChart chart;
    chart.title = "Resultater pr. samarbejdsaftale: afsluttede forløb i job, uddannelse eller fleksjob";
    chart.unit = "%";
    std::vector<std::string> words;
    int n = 0;
    for (const auto& a : m.agreements) {
        ++n;
        heading(d, 3, a.title);
        Table t;
        t.caption = a.title + ": forløb " + a.from.danish() + " – " + a.to.danish();
        t.header = {"Spørgsmål", "Antal"};
        t.sheet = "Aftale " + std::to_string(n);
        t.rows.push_back({text_cell("Pladser"), count_cell(a.slots)});
        t.rows.push_back({text_cell("I brug ved periodens slutning"), count_cell(a.in_use, a.in_use_hidden)});
        t.rows.push_back({text_cell("Forløb i perioden"), count_cell(a.active_in_period, a.active_hidden)});
        t.rows.push_back({text_cell("Med plan"), count_cell(a.with_plan, a.with_plan_hidden)});
        t.rows.push_back({text_cell("Plan inden fristen"), text_cell(a.plan_in_time.text)});
        t.rows.push_back({text_cell("Afsluttede forløb"), count_cell(a.completed, a.completed_hidden)});
        for (const auto& g : a.by_group)
            t.rows.push_back({text_cell("  heraf " + g.label), count_cell(g.count, g.hidden)});
        t.rows.push_back({text_cell("Fortsætter"), count_cell(a.continuing, a.continuing_hidden)});
        t.rows.push_back({text_cell("I job, uddannelse eller fleksjob"), text_cell(a.success.text)});
        t.rows.push_back({text_cell("Stoppet"), text_cell(a.stopped.text)});
        d.blocks.emplace_back(std::move(t));
        para(d, "Af de afsluttede forløb gik " + a.success.text + " i job, uddannelse eller fleksjob.");
        chart.bars.push_back(Bar{a.enterprise, static_cast<double>(a.success.percent.value_or(0)),
                                 std::nullopt, a.success.text});
        words.push_back(a.enterprise + ": " + a.success.text);
    }
    chart.description = join(words, "; ") + ".";
    d.blocks.emplace_back(std::move(chart));
}

void jobs_figures(Document& d, const Jobs& jobs, const std::string& caption, const std::string& sheet) {
    const bool total_hidden = jobs.total_hidden;
    para(d, "Job via jobcentret: " + count_text(jobs.municipality, jobs.municipality_hidden) +
                ". Job via andre kanaler: " + count_text(jobs.other, jobs.other_hidden) +
                ". I alt: " + count_text(jobs.municipality + jobs.other, total_hidden) + ".");
    if (jobs.kinds.empty()) return;
    Table t;
    t.caption = caption;
    t.header = {"Jobtype", "Via jobcentret", "Andre kanaler", "I alt"};
    t.sheet = sheet;
    BarChart chart;
    chart.title = "Job via jobcentret fordelt på type";
    chart.unit = "job";
    std::vector<std::string> words;
    for (const auto& k : jobs.kinds) {
        t.rows.push_back({text_cell(k.label), count_cell(k.municipality, k.municipality_hidden),
                          count_cell(k.other, k.other_hidden),
                          count_cell(k.municipality + k.other, k.total_hidden)});
        const std::string v = count_text(k.municipality, k.municipality_hidden);
        chart.bars.push_back(
            Bar{k.label, k.municipality_hidden ? 0.0 : static_cast<double>(k.municipality), std::nullopt, v});
        words.push_back(k.label + " " + v);
    }
    t.total = std::vector<Cell>{text_cell("I alt"), count_cell(jobs.municipality, jobs.municipality_hidden),
                                count_cell(jobs.other, jobs.other_hidden),
                                count_cell(jobs.municipality + jobs.other, total_hidden)};
    d.blocks.emplace_back(std::move(t));
    chart.description = "Job via jobcentret: " + join(words, ", ") + ".";
    d.blocks.emplace_back(std::move(chart));
}

void progression_figures(Document& d, const ReportModel& m) {
    if (m.public_version) {
        para(
            d,
            "Eksempler på progression vises ikke i den offentlige udgave, da de handler om enkelte borgere.");
        return;
    }
    if (m.progression.empty()) {
        para(d, "Der er ingen job med en historik over timer i " + std::to_string(m.year) + ".");
        return;
    }
    Table t;
    t.caption = "Eksempler på progression: effektive timer pr. uge (uden navne)";
    t.header = {"Borger", "Jobtype", "Ansat", "Fra", "Timer pr. uge", "Intensitet", "Effektive timer"};
    t.sheet = "Progression";
    for (const auto& p : m.progression) {
        for (const auto& s : p.steps)
            t.rows.push_back({text_cell(p.label), text_cell(p.kind_label), text_cell(p.hired_on.danish()),
                              text_cell(s.effective_from.danish()),
                              text_cell(hours_text(s.weekly_hundredths)),
                              text_cell(std::to_string(s.intensity) + " %"),
                              text_cell(hours_text(s.effective_hundredths))});
        const auto& first = p.steps.front();
        const auto& last = p.steps.back();
        para(d, p.label + " (" + p.kind_label + ") startede " + first.effective_from.danish() + " med " +
                    hours_text(first.weekly_hundredths) + " timer ved " + std::to_string(first.intensity) +
                    " % (" + hours_text(first.effective_hundredths) + " effektive timer) og arbejder fra " +
                    last.effective_from.danish() + " " + hours_text(last.weekly_hundredths) + " timer ved " +
                    std::to_string(last.intensity) + " % (" + hours_text(last.effective_hundredths) +
                    " effektive timer).");
    }
    d.blocks.emplace_back(std::move(t));
}

/// Which figures go under which strategy point (003's numbering); figures whose point does not
/// exist in the year are shown in a closing section "Årets tal".
enum class Figures { Grants, Agreements, Jobs, Progression };
const std::map<std::string, Figures>& figure_points() {
    static const std::map<std::string, Figures> map = {{"6.2", Figures::Grants},
                                                       {"6.5", Figures::Agreements},
                                                       {"6.8", Figures::Jobs},
                                                       {"6.9", Figures::Progression}};
    return map;
}

void figures(Document& d, const ReportModel& m, Figures f) {
    switch (f) {
        case Figures::Grants:
            grants_figures(d, m);
            break;
        case Figures::Agreements:
            agreements_figures(d, m);
            break;
        case Figures::Jobs:
            jobs_figures(d, m.jobs, "Job i " + std::to_string(m.year) + " fordelt på type og kanal", "Job");
            break;
        case Figures::Progression:
            progression_figures(d, m);
            break;
    }
}

void points_section(Document& d, const ReportModel& m) {
    heading(d, 1, "6. Afrapportering jf. punkter fra strategi, udmøntningsplan og tilføjelser", "points");
    std::set<Figures> placed;
    for (const auto& p : m.narrative.points) {
        heading(d, 2, p.code + " " + p.title, anchor_of(p.code));
        if (!p.intro.empty()) {
            heading(d, 3, "Introduktion");
            narrative(d, p.intro);
        }
        heading(d, 3, "Hvad er der sket");
        narrative(d, p.happened);
        if (auto it = figure_points().find(p.code); it != figure_points().end()) {
            figures(d, m, it->second);
            placed.insert(it->second);
        } else if (p.happened.empty()) {
            para(d, "Der er ikke skrevet om punktet endnu.");
        }
        if (!p.recommendation.empty()) {
            heading(d, 3, "Anbefaling");
            narrative(d, p.recommendation, true);
        }
    }
    if (placed.size() == figure_points().size()) return;
    heading(d, 2, "Årets tal", "figures");
    const std::pair<Figures, const char*> rest[] = {{Figures::Grants, "Bevillinger og fondsmidler"},
                                                    {Figures::Agreements, "Samarbejdsaftaler om forløb"},
                                                    {Figures::Jobs, "Job fordelt på type og kanal"},
                                                    {Figures::Progression, "Progression"}};
    for (const auto& [f, title] : rest) {
        if (placed.contains(f)) continue;
        heading(d, 3, title);
        figures(d, m, f);
    }
}

void recommendations_section(Document& d, const ReportModel& m) {
    heading(d, 1, "7. Anbefalinger", "recommendations");
    heading(d, 2, "7.1 Anbefalinger jf. punkter i strategi, udmøntningsplan og tilføjelser",
            "recommendations-points");
    if (m.recommendations.empty()) para(d, "Der er ikke skrevet anbefalinger endnu.");
    for (const auto& r : m.recommendations) {
        para(d, "Anbefaling jf. punkt " + r.code + " " + r.title + ":");
        narrative(d, r.text, true);
    }
    heading(d, 2, "7.2 Anbefalinger ud fra et helhedsorienteret blik på året, der er gået",
            "recommendations-holistic");
    if (m.narrative.holistic.empty()) para(d, "Der er ikke skrevet helhedsorienterede anbefalinger endnu.");
    for (const auto& h : m.narrative.holistic) {
        heading(d, 3, h.label + ".");
        narrative(d, h.text);
        if (!h.recommendation.empty()) narrative(d, "Anbefaling: " + h.recommendation, true);
    }
}

void municipalities_section(Document& d, const ReportModel& m) {
    if (m.municipalities.empty()) return;
    heading(d, 1, "Tal på tværs af kommuner", "municipalities");
    Table t;
    t.caption = "Socialøkonomiske virksomheder og initiativer pr. kommune pr. " + m.as_of.danish() +
                " (som 002 tabel 1)";
    t.header = {"Kommune", "Antal i alt", "Antal registrerede", "Etableret i " + std::to_string(m.year),
                "Vurderes på vej"};
    t.sheet = "Kommuner";
    for (const auto& r : m.municipalities) {
        std::vector<Cell> row{text_cell(r.municipality.empty() ? "I alt" : r.municipality),
                              count_cell(r.total), count_cell(r.registered),
                              count_cell(r.established_in_year), count_cell(r.on_the_way)};
        if (r.municipality.empty())
            t.total = std::move(row);
        else
            t.rows.push_back(std::move(row));
    }
    d.blocks.emplace_back(std::move(t));
}

}  // namespace

std::string no_data_text(int year) {
    return "Der er ingen registrerede data for " + std::to_string(year) + ".";
}

std::string report_title(int year) {
    return "Socialøkonomisk årsrapport " + std::to_string(year);
}

std::vector<std::string> paragraphs(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    std::size_t start = 0;
    auto flush = [&] {
        while (!current.empty() && (current.back() == '\n' || current.back() == ' ')) current.pop_back();
        if (!current.empty()) out.push_back(std::move(current));
        current.clear();
    };
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const bool blank = line.find_first_not_of(" \t") == std::string::npos;
        if (blank)
            flush();
        else
            current += (current.empty() ? "" : "\n") + line;
        start = end + 1;
    }
    flush();
    return out;
}

publishing::Document to_document(const ReportModel& m) {
    Document d;
    d.title = report_title(m.year);
    d.subtitle = m.municipality + " Kommune" + (m.public_version ? " – offentlig udgave" : "");
    d.footer = d.title + " · " + m.municipality + " Kommune · Dannet " + m.generated_on.danish();
    if (!m.has_data) {
        para(d, no_data_text(m.year));
        return d;
    }
    if (!m.narrative.preface.empty()) {
        heading(d, 1, "Forord", "preface");
        narrative(d, m.narrative.preface);
    }
    heading(d, 1, "1. Indledning", "introduction");
    narrative(d, m.narrative.introduction);
    goals_section(d, m);
    enterprises_section(d, m);
    registration_section(d, m);
    network_section(d, m);
    stories_section(d, m);
    points_section(d, m);
    recommendations_section(d, m);
    municipalities_section(d, m);
    if (m.public_version)
        para(
            d,
            "Offentlig udgave: antal på 1–4 personer vises som \"<5\", og enkelte andre tal er skjult, så de "
            "ikke kan regnes ud fra totalerne.");
    return d;
}

publishing::Document to_document(const MidYear& m, const std::string& municipality) {
    Document d;
    d.title = "Jobstatus midt i året " + std::to_string(m.year);
    d.subtitle = municipality + " Kommune";
    d.footer = d.title + " · " + municipality + " Kommune";
    heading(d, 1, "Job fra " + m.from.danish() + " til " + m.to.danish(), "midyear");
    if (m.goal_target) {
        const std::string actual = num(m.goal_actual);
        para(d, "Årets mål: " + m.goal_title + ". Til og med " + m.to.danish() + " er der " + actual +
                    " af " + num(*m.goal_target) + " job" +
                    (m.goal_metric == "jobs_municipality" ? " via jobcentret" : "") + ".");
    } else {
        para(d, "Der er ikke registreret et mål for antal job i " + std::to_string(m.year) + ".");
    }
    jobs_figures(d, m.jobs,
                 "Job fra " + m.from.danish() + " til " + m.to.danish() + " fordelt på type og kanal", "Job");
    return d;
}

}  // namespace report
