-- The hours history of a job, oldest first. $1 job.
SELECT id, effective_from, weekly_hours, intensity, note FROM job_hours WHERE job_id = $1 ORDER BY effective_from, id
