-- Jobs, newest hire first, with the latest hours row. $1 enterprise (0 = all), $2 hired from
-- inclusive ('' = no limit), $3 hired before ('' = no limit), $4 kind ('' = all), $5 channel
-- ('' = all), $6 citizen (0 = all).
SELECT j.id, j.citizen_id, c.case_ref, c.name, j.enterprise_id, e.name, j.kind, COALESCE(k.label, j.kind),
       COALESCE(k.is_fleksjob, 0), j.channel, j.hired_on, j.ended_on, j.temporary_fleksjob, j.placement_id,
       j.hiring_need_id, j.note, h.effective_from, h.weekly_hours, h.intensity
FROM jobs j
JOIN citizens c ON c.id = j.citizen_id
JOIN enterprises e ON e.id = j.enterprise_id
LEFT JOIN job_kinds k ON k.code = j.kind
LEFT JOIN job_hours h ON h.job_id = j.id
     AND h.effective_from = (SELECT MAX(h2.effective_from) FROM job_hours h2 WHERE h2.job_id = j.id)
WHERE (CAST($1 AS BIGINT) = 0 OR j.enterprise_id = $1)
  AND (CAST($2 AS TEXT) = '' OR j.hired_on >= $2)
  AND (CAST($3 AS TEXT) = '' OR j.hired_on < $3)
  AND (CAST($4 AS TEXT) = '' OR j.kind = $4)
  AND (CAST($5 AS TEXT) = '' OR j.channel = $5)
  AND (CAST($6 AS BIGINT) = 0 OR j.citizen_id = $6)
ORDER BY j.hired_on DESC, j.id DESC
LIMIT 500
