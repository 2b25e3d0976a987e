-- C8 for one enterprise. $1 today, $2 enterprise.
SELECT e.id, e.name, e.employees,
       (SELECT COUNT(*) FROM placements p WHERE p.enterprise_id = e.id AND p.status IN ('referred', 'active')),
       (SELECT COUNT(*) FROM jobs j WHERE j.enterprise_id = e.id AND j.kind = 'wage_subsidy'
                                     AND (j.ended_on IS NULL OR j.ended_on >= $1))
FROM enterprises e
WHERE e.id = $2 AND e.employees IS NOT NULL
