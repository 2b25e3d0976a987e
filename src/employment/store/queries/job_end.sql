-- $1 job, $2 ended_on, $3 now.
UPDATE jobs SET ended_on = $2, updated_at = $3 WHERE id = $1
