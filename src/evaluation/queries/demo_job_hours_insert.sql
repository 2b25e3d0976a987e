INSERT INTO job_hours (job_id, effective_from, weekly_hours, intensity, note, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
