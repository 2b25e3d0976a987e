-- $1 job, $2 effective from, $3 weekly hours (hundredths), $4 intensity, $5 now.
INSERT INTO job_hours (job_id, effective_from, weekly_hours, intensity, created_at) VALUES ($1, $2, $3, $4, $5)
