-- Outcomes in list order. $1 1 = active only.
SELECT id, code, label, outcome_group, sort, active FROM placement_outcomes
WHERE (CAST($1 AS BIGINT) = 0 OR active = 1)
ORDER BY sort, id
