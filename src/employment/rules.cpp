#include "employment/rules.hpp"

#include <algorithm>
#include <cctype>

namespace employment {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
    if (s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix) {
        s.remove_suffix(suffix.size());
        s = trim(s);
        return true;
    }
    return false;
}

}  // namespace

ParsedHours parse_hours(std::string_view text) {
    ParsedHours out;
    std::string_view s = trim(text);
    if (!strip_suffix(s, "timer")) {
        if (!strip_suffix(s, "time")) strip_suffix(s, "t");
    }
    if (s.empty()) return out;
    std::int64_t whole = 0;
    std::size_t i = 0;
    int int_digits = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
        if (int_digits >= 6) {
            out.status = ParsedHours::Status::OutOfRange;
            return out;
        }
        whole = whole * 10 + (s[i] - '0');
        ++int_digits;
        ++i;
    }
    std::int64_t frac = 0;
    if (i < s.size() && (s[i] == ',' || s[i] == '.')) {
        ++i;
        int decimals = 0;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            if (decimals == 2) {
                out.status = ParsedHours::Status::Malformed;
                return out;
            }
            frac = frac * 10 + (s[i] - '0');
            ++decimals;
            ++i;
        }
        if (decimals == 0) {
            out.status = ParsedHours::Status::Malformed;
            return out;
        }
        if (decimals == 1) frac *= 10;
    }
    if (i != s.size() || int_digits == 0) {
        out.status = ParsedHours::Status::Malformed;
        return out;
    }
    const std::int64_t value = whole * 100 + frac;
    if (value > k_max_weekly_hours) {
        out.status = ParsedHours::Status::OutOfRange;
        return out;
    }
    out.status = ParsedHours::Status::Ok;
    out.hundredths = value;
    return out;
}

std::string format_hours(std::int64_t hundredths) {
    const bool negative = hundredths < 0;
    const std::int64_t v = negative ? -hundredths : hundredths;
    std::string out = (negative ? "-" : "") + std::to_string(v / 100);
    const std::int64_t frac = v % 100;
    if (frac != 0) {
        out += ',';
        out += static_cast<char>('0' + frac / 10);
        if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
    }
    return out;
}

ParsedIntensity parse_intensity(std::string_view text) {
    ParsedIntensity out;
    std::string_view s = trim(text);
    strip_suffix(s, "%");
    if (s.empty()) return out;
    int value = 0;
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            out.status = ParsedIntensity::Status::Malformed;
            return out;
        }
        value = value * 10 + (c - '0');
        if (value > 1000) break;
    }
    if (value < 1 || value > 100) {
        out.status = ParsedIntensity::Status::OutOfRange;
        return out;
    }
    out.status = ParsedIntensity::Status::Ok;
    out.percent = value;
    return out;
}

std::string_view hours_problem(ParsedHours::Status status) {
    switch (status) {
        case ParsedHours::Status::Empty:
            return "Skriv antal timer om ugen, fx 4,5.";
        case ParsedHours::Status::Malformed:
            return "Skriv timer om ugen som et tal med højst to decimaler, fx 4,5.";
        case ParsedHours::Status::OutOfRange:
            return "Timer om ugen skal være mellem 0 og 37.";
        case ParsedHours::Status::Ok:
            break;
    }
    return "";
}

std::string_view intensity_problem(ParsedIntensity::Status status) {
    switch (status) {
        case ParsedIntensity::Status::Empty:
            return "Skriv intensiteten i procent, fx 80.";
        case ParsedIntensity::Status::Malformed:
            return "Skriv intensiteten som et helt tal i procent, fx 80.";
        case ParsedIntensity::Status::OutOfRange:
            return "Intensiteten skal være mellem 1 og 100 %.";
        case ParsedIntensity::Status::Ok:
            break;
    }
    return "";
}

std::string with_typed_value(std::string_view message, std::string_view typed) {
    std::string out(message);
    if (!out.empty() && out.back() == '.') out.pop_back();
    return out + " (ikke '" + std::string(typed) + "').";
}

std::int64_t effective_hours(std::int64_t weekly_hundredths, int intensity_percent) {
    return (weekly_hundredths * intensity_percent + 50) / 100;
}

int placement_capacity(int ordinary_employees) {
    const int n = std::max(0, ordinary_employees);
    if (n <= 50) return std::max(1, n / 5);
    return 10 + (n - 50) / 10;
}

std::vector<FleksjobDue> fleksjob_due_dates(core::Date hired_on, bool temporary, core::Date until) {
    std::vector<FleksjobDue> out;
    for (int months = 30; months <= 12 * 200; months += 30) {
        const core::Date due = hired_on.add_months(months);
        if (due > until) break;
        out.push_back({due, FleksjobDue::Kind::FollowUp});
    }
    if (temporary) {
        const core::Date status = hired_on.add_months(54);
        if (status <= until) out.push_back({status, FleksjobDue::Kind::TemporaryStatus});
    }
    std::sort(out.begin(), out.end(), [](const FleksjobDue& a, const FleksjobDue& b) {
        return a.due < b.due || (a.due == b.due && a.kind < b.kind);
    });
    return out;
}

std::string_view due_kind_code(FleksjobDue::Kind kind) {
    return kind == FleksjobDue::Kind::FollowUp ? "follow_up" : "temporary_status";
}

std::optional<FleksjobDue::Kind> parse_due_kind(std::string_view code) {
    if (code == "follow_up") return FleksjobDue::Kind::FollowUp;
    if (code == "temporary_status") return FleksjobDue::Kind::TemporaryStatus;
    return std::nullopt;
}

std::string_view outcome_group_code(OutcomeGroup group) {
    switch (group) {
        case OutcomeGroup::JobEducation:
            return "job_education";
        case OutcomeGroup::Continues:
            return "continues";
        case OutcomeGroup::Clarification:
            return "clarification";
        case OutcomeGroup::Stopped:
            return "stopped";
        case OutcomeGroup::Other:
            return "other";
    }
    return "other";
}

std::string_view outcome_group_label(OutcomeGroup group) {
    switch (group) {
        case OutcomeGroup::JobEducation:
            return "Job, uddannelse eller fleksjob";
        case OutcomeGroup::Continues:
            return "Fortsætter i anden indsats";
        case OutcomeGroup::Clarification:
            return "Afklaring";
        case OutcomeGroup::Stopped:
            return "Stoppet";
        case OutcomeGroup::Other:
            return "Andet";
    }
    return "Andet";
}

std::optional<OutcomeGroup> parse_outcome_group(std::string_view code) {
    for (OutcomeGroup g : k_outcome_groups) {
        if (outcome_group_code(g) == code) return g;
    }
    return std::nullopt;
}

std::optional<int> Share::percent() const {
    if (denominator <= 0) return std::nullopt;
    return static_cast<int>((numerator * 100) / denominator);
}

std::string Share::danish() const {
    std::string out = std::to_string(numerator) + " af " + std::to_string(denominator);
    if (const auto p = percent()) out += " (" + std::to_string(*p) + " %)";
    return out;
}

core::Date plan_due(core::Date start, int deadline_days) {
    return start.add_days(deadline_days);
}

bool plan_in_time(core::Date start, int deadline_days, core::Date plan_made_on) {
    return plan_made_on <= plan_due(start, deadline_days);
}

core::Date frame_end(core::Date start, int weeks) {
    return start.add_days(7LL * weeks - 1);
}

}  // namespace employment
