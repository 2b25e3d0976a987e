-- Follow-ups held for a job, by due date. $1 job.
SELECT job_id, due_on, kind, held_on, note FROM job_followups WHERE job_id = $1 ORDER BY due_on, kind
