-- $1 metric, $2 parameter, $3 title, $4 target, $5 period_from, $6 period_to, $7 cadence,
-- $8 baseline (or NULL), $9 baseline_year (or NULL), $10 strategy point, $11 sort order,
-- $12 now, $13 user (or NULL).
INSERT INTO goals (metric, parameter, title, target, period_from, period_to, cadence, baseline, baseline_year,
                   strategy_point, sort_order, created_at, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12)
RETURNING id
