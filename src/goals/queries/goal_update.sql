-- $1 id, $2 metric, $3 parameter, $4 title, $5 target, $6 period_from, $7 period_to, $8 cadence,
-- $9 baseline (or NULL), $10 baseline_year (or NULL), $11 strategy point, $12 now.
UPDATE goals
SET metric = $2, parameter = $3, title = $4, target = $5, period_from = $6, period_to = $7, cadence = $8,
    baseline = $9, baseline_year = $10, strategy_point = $11, updated_at = $12
WHERE id = $1
