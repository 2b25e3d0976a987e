UPDATE report_strategy_points
SET code = $2, title = $3, position = $4, valid_from = $5, valid_to = $6, updated_at = $7
WHERE id = $1
