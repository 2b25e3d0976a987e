-- Fleksjobs that have not ended (kind flagged as fleksjob), with names (read-only joins).
SELECT j.id, j.citizen_id, c.name, c.case_ref, e.name, j.hired_on, j.temporary_fleksjob
FROM jobs j
JOIN job_kinds k ON k.code = j.kind AND k.is_fleksjob = 1
JOIN citizens c ON c.id = j.citizen_id
JOIN enterprises e ON e.id = j.enterprise_id
WHERE j.ended_on IS NULL
ORDER BY j.hired_on, j.id
