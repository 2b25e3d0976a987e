-- Job kinds by sort order. $1 include inactive (1) or not (0).
SELECT id, code, label, is_fleksjob, sort, active FROM job_kinds
WHERE (CAST($1 AS BIGINT) = 1 OR active = 1)
ORDER BY sort, label, id
