-- Goals whose period overlaps [$1, $2] ('YYYY-MM-DD'), in the goals' order.
SELECT id, metric, parameter, title, target, period_from, period_to, cadence, baseline, baseline_year,
       strategy_point, sort_order
FROM goals
WHERE period_from <= $2 AND period_to >= $1
ORDER BY sort_order, id
