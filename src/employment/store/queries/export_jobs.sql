SELECT j.id, j.enterprise_id, e.name AS enterprise_name, j.kind, k.label AS kind_label, j.channel, j.hired_on,
       j.ended_on, j.temporary_fleksjob, j.placement_id, j.hiring_need_id, j.note, j.created_at, j.updated_at
FROM jobs j
JOIN enterprises e ON e.id = j.enterprise_id
LEFT JOIN job_kinds k ON k.code = j.kind
WHERE j.citizen_id = $1
ORDER BY j.hired_on, j.id
