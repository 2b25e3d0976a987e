-- $1 job, $2 due on, $3 held on, $4 note, $5 now.
INSERT INTO job_followups (job_id, due_on, kind, held_on, note, recorded_by, created_at)
VALUES ($1, $2, 'follow_up', $3, $4, NULL, $5)
