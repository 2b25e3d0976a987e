#pragma once
/// The progression chart of one job (C5) as plain geometry: weekly hours and effective hours
/// as step lines over time, for a server-rendered SVG. Pure: values in, values out.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "jobs/model.hpp"

namespace jobs {

struct ChartPoint {
    double x = 0;
    double y = 0;
};

struct ChartTick {
    double pos = 0;  ///< x (time axis) or y (hours axis) in chart coordinates
    std::string label;
};

struct ProgressionChart {
    int width = 640;
    int height = 320;
    double left = 48, right = 624, top = 16, bottom = 280;  ///< plot area
    std::vector<ChartPoint> hours;                          ///< step line of weekly hours
    std::vector<ChartPoint> effective;                      ///< step line of effective hours
    std::vector<ChartPoint> markers;                        ///< one per change (weekly hours)
    std::vector<ChartTick> x_ticks;                         ///< years
    std::vector<ChartTick> y_ticks;                         ///< hours
    /// "x1,y1 x2,y2 …" for <polyline points>.
    [[nodiscard]] static std::string points_text(const std::vector<ChartPoint>& points);
};

/// Geometry for `hours` (oldest first) from `start` until `end` (the job's end or today; at
/// least the last change). The hours axis runs from 0 to the largest value rounded up to 5.
ProgressionChart progression_chart(const std::vector<HoursEntry>& hours, core::Date start, core::Date end);

}  // namespace jobs
