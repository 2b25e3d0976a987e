SELECT id, kind, code, label, active, sort
FROM vocabulary
WHERE kind = $1 AND (CAST($2 AS BIGINT) = 1 OR active = 1)
ORDER BY sort, label, id
