SELECT f.id, f.job_id, f.due_on, f.kind, f.held_on, f.note, f.created_at
FROM job_followups f JOIN jobs j ON j.id = f.job_id
WHERE j.citizen_id = $1 ORDER BY f.job_id, f.due_on, f.id
