SELECT id, code, title, position, valid_from, valid_to
FROM report_strategy_points
WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to >= $1)
ORDER BY position, code, id
