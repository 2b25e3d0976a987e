-- The one INSERT into job_followups. $1 job, $2 due on, $3 kind, $4 held on, $5 note,
-- $6 recorded by (or NULL), $7 now.
INSERT INTO job_followups (job_id, due_on, kind, held_on, note, recorded_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
