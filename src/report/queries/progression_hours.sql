SELECT effective_from, weekly_hours, intensity
FROM job_hours
WHERE job_id = $1
ORDER BY effective_from
