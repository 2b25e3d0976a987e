-- The one INSERT into job_hours. $1 job, $2 effective from, $3 weekly hours (hundredths),
-- $4 intensity, $5 note, $6 now.
INSERT INTO job_hours (job_id, effective_from, weekly_hours, intensity, note, created_at)
VALUES ($1, $2, $3, $4, $5, $6)
