-- C8 per enterprise with a known headcount. Read-only joins: enterprises, jobs. $1 today.
SELECT e.id, e.name, e.employees,
       (SELECT COUNT(*) FROM placements p WHERE p.enterprise_id = e.id AND p.status IN ('referred', 'active')),
       (SELECT COUNT(*) FROM jobs j WHERE j.enterprise_id = e.id AND j.kind = 'wage_subsidy'
                                     AND (j.ended_on IS NULL OR j.ended_on >= $1))
FROM enterprises e
WHERE e.employees IS NOT NULL
ORDER BY e.name, e.id
