-- Progression examples (003 §6.9): jobs running in the year [$1, $2] with a history of at least
-- two hours rows, oldest hire first, at most $3. Only ids and the kind: never a name.
SELECT j.id, j.citizen_id, COALESCE(k.label, j.kind) AS kind_label, j.hired_on
FROM jobs j
LEFT JOIN job_kinds k ON k.code = j.kind
WHERE j.hired_on <= $2 AND (j.ended_on IS NULL OR j.ended_on >= $1)
  AND (SELECT COUNT(*) FROM job_hours h WHERE h.job_id = j.id) >= 2
ORDER BY j.hired_on, j.id
LIMIT $3
