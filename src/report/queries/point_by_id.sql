SELECT id, code, title, position, valid_from, valid_to
FROM report_strategy_points
WHERE id = $1
