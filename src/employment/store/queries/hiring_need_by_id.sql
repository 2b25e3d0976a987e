-- One hiring need; filled is derived from jobs.hiring_need_id (read-only). $1 id.
SELECT h.id, h.enterprise_id, e.name, h.title, h.tasks, h.expected_on, h.positions, h.status,
       (SELECT COUNT(*) FROM jobs j WHERE j.hiring_need_id = h.id),
       (SELECT COUNT(*) FROM placements p WHERE p.hiring_need_id = h.id)
FROM hiring_needs h
JOIN enterprises e ON e.id = h.enterprise_id
WHERE h.id = $1
