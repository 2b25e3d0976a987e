// Jobs model helpers (channels, due kinds) and the progression chart geometry.
#include "jobs/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "jobs/chart.hpp"

namespace jobs {

std::string_view channel_code(Channel c) {
    return c == Channel::Municipality ? "municipality" : "other";
}

std::string_view channel_label(Channel c) {
    return c == Channel::Municipality ? "Via jobcentret" : "Andre kanaler";
}

std::optional<Channel> parse_channel(std::string_view code) {
    if (code == "municipality") return Channel::Municipality;
    if (code == "other") return Channel::Other;
    return std::nullopt;
}

std::string_view due_kind_label(employment::FleksjobDue::Kind kind) {
    return kind == employment::FleksjobDue::Kind::FollowUp ? "Opfølgning (hvert 2½ år)"
                                                           : "Status ved 4½ år (midlertidigt fleksjob)";
}

// ---- chart ----------------------------------------------------------------------------------

std::string ProgressionChart::points_text(const std::vector<ChartPoint>& points) {
    std::string out;
    char buf[64];
    for (const auto& p : points) {
        std::snprintf(buf, sizeof buf, "%.1f,%.1f", p.x, p.y);
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

ProgressionChart progression_chart(const std::vector<HoursEntry>& hours, core::Date start, core::Date end) {
    ProgressionChart c;
    if (!hours.empty() && hours.back().effective_from > end) end = hours.back().effective_from;
    if (end <= start) end = start.add_days(1);
    const double d0 = static_cast<double>(start.days_since_epoch());
    const double span = static_cast<double>(end.days_since_epoch()) - d0;
    std::int64_t max_h = 0;
    for (const auto& h : hours) max_h = std::max(max_h, h.weekly_hundredths);
    // Axis maximum: the largest value rounded up to whole 5 hours, at least 5.
    const std::int64_t axis_max = std::max<std::int64_t>(500, ((max_h + 499) / 500) * 500);
    auto x_of = [&](core::Date d) {
        return c.left + (static_cast<double>(d.days_since_epoch()) - d0) / span * (c.right - c.left);
    };
    auto y_of = [&](std::int64_t hundredths) {
        return c.bottom -
               static_cast<double>(hundredths) / static_cast<double>(axis_max) * (c.bottom - c.top);
    };
    for (std::size_t i = 0; i < hours.size(); ++i) {
        const core::Date from = std::max(hours[i].effective_from, start);
        const core::Date to = i + 1 < hours.size() ? hours[i + 1].effective_from : end;
        const double y1 = y_of(hours[i].weekly_hundredths);
        const double y2 = y_of(hours[i].effective_hundredths());
        c.hours.push_back({x_of(from), y1});
        c.hours.push_back({x_of(to), y1});
        c.effective.push_back({x_of(from), y2});
        c.effective.push_back({x_of(to), y2});
        c.markers.push_back({x_of(from), y1});
    }
    for (int year = start.year + 1; year <= end.year; ++year) {
        const core::Date jan{year, 1, 1};
        c.x_ticks.push_back({x_of(jan), std::to_string(year)});
    }
    if (c.x_ticks.empty()) c.x_ticks.push_back({c.left, std::to_string(start.year)});
    for (std::int64_t h = 0; h <= axis_max; h += (axis_max > 2000 ? 1000 : 500))
        c.y_ticks.push_back({y_of(h), employment::format_hours(h)});
    return c;
}

}  // namespace jobs
