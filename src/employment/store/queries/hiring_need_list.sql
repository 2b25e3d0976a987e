-- Hiring needs, soonest first. $1 enterprise (0 = all).
SELECT h.id, h.enterprise_id, e.name, h.title, h.tasks, h.expected_on, h.positions, h.status,
       (SELECT COUNT(*) FROM jobs j WHERE j.hiring_need_id = h.id),
       (SELECT COUNT(*) FROM placements p WHERE p.hiring_need_id = h.id)
FROM hiring_needs h
JOIN enterprises e ON e.id = h.enterprise_id
WHERE (CAST($1 AS BIGINT) = 0 OR h.enterprise_id = $1)
ORDER BY h.expected_on, h.id
LIMIT 1000
