// Openings: pure parsing, labels and explanation text.
#include "openings/model.hpp"

#include <cmath>
#include <cstdlib>

#include "citizens/model.hpp"
#include "core/text.hpp"
#include "core/validate.hpp"
#include "employment/rules.hpp"

namespace openings {

std::string_view source_code(Source s) {
    switch (s) {
        case Source::Agreement:
            return "agreement";
        case Source::Need:
            return "need";
        case Source::Posted:
            return "posted";
    }
    return "posted";
}

std::string_view source_label(Source s) {
    switch (s) {
        case Source::Agreement:
            return "Ledig plads i samarbejdsaftale";
        case Source::Need:
            return "Rekrutteringsbehov";
        case Source::Posted:
            return "Jobopslag";
    }
    return "Jobopslag";
}

std::optional<Source> parse_source(std::string_view code) {
    if (code == "agreement") return Source::Agreement;
    if (code == "need") return Source::Need;
    if (code == "posted") return Source::Posted;
    return std::nullopt;
}

std::string_view factor_label(matching::Factor f) {
    switch (f) {
        case matching::Factor::competences:
            return "Kompetencer";
        case matching::Factor::interests:
            return "Interesser";
        case matching::Factor::hours:
            return "Timer";
        case matching::Factor::distance:
            return "Afstand";
        case matching::Factor::preferences:
            return "Ønsker";
    }
    return "";
}

std::string Opening::key() const {
    return std::string(source_code(source)) + "-" + std::to_string(id);
}

namespace {

std::vector<std::string> tags(core::Validator& v, const std::string& text, std::string_view field,
                              std::string_view label) {
    auto r = citizens::parse_tags(text, field);
    if (!r.ok()) {
        v.add(std::string(field), std::string(label) + ": " + r.error().fields.front().message);
        return {};
    }
    return std::move(r).value();
}

std::optional<std::int64_t> hours(core::Validator& v, const std::string& text, std::string_view field,
                                  std::string_view label) {
    auto p = employment::parse_hours(text);
    if (p.status == employment::ParsedHours::Status::Empty) return std::nullopt;
    if (p.status != employment::ParsedHours::Status::Ok) {
        v.add(std::string(field),
              std::string(label) + ": " + std::string(employment::hours_problem(p.status)));
        return std::nullopt;
    }
    return p.hundredths;
}

}  // namespace

Attributes parse_attributes(core::Validator& v, const AttributesInput& in) {
    Attributes a;
    a.tasks = tags(v, in.tasks, "tasks", "Opgaver");
    a.accommodations = tags(v, in.accommodations, "accommodations", "Skånehensyn, der kan tilbydes");
    a.target_groups = tags(v, in.target_groups, "target_groups", "Målgrupper");
    a.tags = tags(v, in.tags, "tags", "Kendetegn");
    a.hours_min = hours(v, in.hours_min, "hours_min", "Timer om ugen, mindst");
    a.hours_max = hours(v, in.hours_max, "hours_max", "Timer om ugen, højst");
    if (a.hours_min && a.hours_max && *a.hours_min > *a.hours_max)
        v.add("hours_max", "Timer om ugen, højst, skal være mindst lige så mange som timer om ugen, mindst.");
    if (!core::trim(in.min_intensity).empty()) {
        auto p = employment::parse_intensity(in.min_intensity);
        if (p.status != employment::ParsedIntensity::Status::Ok)
            v.add("min_intensity",
                  "Mindste intensitet: " + std::string(employment::intensity_problem(p.status)));
        else
            a.min_intensity = p.percent;
    }
    const std::string pc(core::trim(in.postcode));
    if (!pc.empty()) {
        bool digits = pc.size() == 4;
        for (char c : pc) digits = digits && c >= '0' && c <= '9';
        if (!digits)
            v.add("postcode", "Postnummeret skal være fire cifre, fx 4200.");
        else
            a.postcode = pc;
    }
    a.start_date = core::check_date(v, "start_date", in.start_date, "");
    return a;
}

AttributesInput attributes_input(const Attributes& a) {
    AttributesInput in;
    in.tasks = citizens::join_tags(a.tasks);
    if (a.hours_min) in.hours_min = employment::format_hours(*a.hours_min);
    if (a.hours_max) in.hours_max = employment::format_hours(*a.hours_max);
    if (a.min_intensity) in.min_intensity = std::to_string(*a.min_intensity);
    in.accommodations = citizens::join_tags(a.accommodations);
    in.target_groups = citizens::join_tags(a.target_groups);
    in.tags = citizens::join_tags(a.tags);
    in.postcode = a.postcode;
    if (a.start_date) in.start_date = a.start_date->iso();
    return in;
}

matching::Opening to_matching(const Opening& o) {
    matching::Opening m;
    const Attributes& a = o.attributes;
    m.tasks = a.tasks;
    // Whole hours, rounded outwards; no hours typed = any hours (0–37).
    m.hours_min = a.hours_min ? static_cast<int>(*a.hours_min / 100) : 0;
    m.hours_max = a.hours_max ? static_cast<int>((*a.hours_max + 99) / 100) : 37;
    if (a.hours_min && !a.hours_max) m.hours_max = 37;
    m.min_intensity_percent = a.min_intensity.value_or(0);
    m.accommodations_offered = a.accommodations;
    m.target_groups = a.target_groups;
    m.postcode = a.postcode;
    if (a.start_date) m.start_days = a.start_date->days_since_epoch();
    m.capacity_left = o.open ? std::max(0, o.capacity_left) : 0;
    m.tags = a.tags;
    return m;
}

namespace {

std::string number(double d) {
    if (std::floor(d) == d && std::fabs(d) < 1e12) return std::to_string(static_cast<long long>(d));
    std::string s = std::to_string(d);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    for (char& c : s)
        if (c == '.') c = ',';
    return s;
}

double parse_number(core::Validator& v, const std::string& text, std::string_view field,
                    std::string_view label) {
    std::string t(core::trim(text));
    for (char& c : t)
        if (c == ',') c = '.';
    if (t.empty()) {
        v.add(std::string(field), std::string(label) + " skal udfyldes.");
        return 0;
    }
    char* end = nullptr;
    const double d = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(d)) {
        v.add(std::string(field), std::string(label) + " skal være et tal, fx 25 eller 7,5.");
        return 0;
    }
    if (d < 0)
        v.add(std::string(field), std::string(label) + " kan ikke være negativ.");
    else if (d > 100000)
        v.add(std::string(field), std::string(label) + " må højst være 100.000.");
    return d;
}

}  // namespace

WeightsInput weights_input(const matching::Weights& w) {
    return {number(w.competences), number(w.interests),
            number(w.hours),       number(w.distance),
            number(w.preferences), number(w.max_km_walk),
            number(w.max_km_bike), number(w.max_km_public_transport),
            number(w.max_km_car),  std::to_string(w.start_tolerance_days)};
}

core::Result<matching::Weights> parse_weights(const WeightsInput& in) {
    core::Validator v;
    matching::Weights w;
    w.competences = parse_number(v, in.competences, "competences", "Vægten for kompetencer");
    w.interests = parse_number(v, in.interests, "interests", "Vægten for interesser");
    w.hours = parse_number(v, in.hours, "hours", "Vægten for timer");
    w.distance = parse_number(v, in.distance, "distance", "Vægten for afstand");
    w.preferences = parse_number(v, in.preferences, "preferences", "Vægten for ønsker");
    w.max_km_walk = parse_number(v, in.max_km_walk, "max_km_walk", "Største afstand til fods");
    w.max_km_bike = parse_number(v, in.max_km_bike, "max_km_bike", "Største afstand på cykel");
    w.max_km_public_transport = parse_number(v, in.max_km_public_transport, "max_km_public_transport",
                                             "Største afstand med offentlig transport");
    w.max_km_car = parse_number(v, in.max_km_car, "max_km_car", "Største afstand i bil");
    const double tol =
        parse_number(v, in.start_tolerance_days, "start_tolerance_days", "Tolerancen for startdato");
    if (v.ok() && (std::floor(tol) != tol || tol > 365))
        v.add("start_tolerance_days",
              "Tolerancen for startdato skal være et helt antal dage mellem 0 og 365.");
    w.start_tolerance_days = static_cast<std::int64_t>(tol);
    if (v.ok()) {
        const struct {
            double value;
            const char* field;
            const char* label;
        } limits[] = {
            {w.max_km_walk, "max_km_walk", "Største afstand til fods"},
            {w.max_km_bike, "max_km_bike", "Største afstand på cykel"},
            {w.max_km_public_transport, "max_km_public_transport", "Største afstand med offentlig transport"},
            {w.max_km_car, "max_km_car", "Største afstand i bil"}};
        for (const auto& l : limits)
            if (l.value <= 0) v.add(l.field, std::string(l.label) + " skal være større end 0 km.");
        if (w.competences + w.interests + w.hours + w.distance + w.preferences <= 0)
            v.add("competences", "Mindst én af de fem vægte skal være større end 0.");
    }
    if (!v.ok()) return v.error();
    if (auto check = matching::validate(w); !check.ok()) {
        core::Validator m;
        m.add("competences", "Vægtene kan ikke bruges: " + check.error().message);
        return m.error();
    }
    return w;
}

std::string explanation_text(const matching::Suggestion& s) {
    std::string out;
    for (const auto& c : s.contributions) {
        if (!out.empty()) out += "\n";
        out += std::string(factor_label(c.factor)) + " (" + std::to_string(c.points) + " af " +
               std::to_string(c.max_points) + " point): " + c.explanation;
    }
    return out;
}

}  // namespace openings
