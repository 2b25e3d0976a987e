SELECT h.id, h.job_id, h.effective_from, h.weekly_hours, h.intensity, h.note, h.created_at
FROM job_hours h JOIN jobs j ON j.id = h.job_id
WHERE j.citizen_id = $1 ORDER BY h.job_id, h.effective_from
