-- Jobs hired from $1 to $2 (both included) by kind and channel, with the kind's label and sort
-- (the annual report's mid-year status).
SELECT j.kind, COALESCE(k.label, j.kind) AS label, COALESCE(k.sort, 0) AS sort, j.channel, COUNT(*) AS n
FROM jobs j
LEFT JOIN job_kinds k ON k.code = j.kind
WHERE j.hired_on >= $1 AND j.hired_on <= $2
GROUP BY j.kind, k.label, k.sort, j.channel
ORDER BY COALESCE(k.sort, 0), j.kind, j.channel
