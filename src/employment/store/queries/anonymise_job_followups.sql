UPDATE job_followups SET note = '' WHERE job_id IN (SELECT id FROM jobs WHERE citizen_id = $1)
