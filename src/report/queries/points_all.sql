SELECT id, code, title, position, valid_from, valid_to
FROM report_strategy_points
ORDER BY position, code, id
