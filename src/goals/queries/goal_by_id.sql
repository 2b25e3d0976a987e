-- $1 id.
SELECT id, metric, parameter, title, target, period_from, period_to, cadence, baseline, baseline_year,
       strategy_point, sort_order
FROM goals
WHERE id = $1
