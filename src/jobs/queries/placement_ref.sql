-- The placements package's placement (read-only): id, citizen, enterprise, hiring need, status,
-- end date, the citizen's case reference. $1 placement id.
SELECT p.id, p.citizen_id, p.enterprise_id, p.hiring_need_id, p.status, p.end_date, c.case_ref
FROM placements p JOIN citizens c ON c.id = p.citizen_id
WHERE p.id = $1
