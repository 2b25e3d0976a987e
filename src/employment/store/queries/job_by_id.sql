-- One job with names (citizens, enterprises and job_kinds read-only). $1 job id.
SELECT j.id, j.citizen_id, c.case_ref, c.name, j.enterprise_id, e.name, j.kind, COALESCE(k.label, j.kind),
       COALESCE(k.is_fleksjob, 0), j.channel, j.hired_on, j.ended_on, j.temporary_fleksjob, j.placement_id,
       j.hiring_need_id, j.note
FROM jobs j
JOIN citizens c ON c.id = j.citizen_id
JOIN enterprises e ON e.id = j.enterprise_id
LEFT JOIN job_kinds k ON k.code = j.kind
WHERE j.id = $1
