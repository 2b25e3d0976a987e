-- Follow-ups held for jobs that have not ended: job id, due_on, kind, held_on, note.
SELECT f.job_id, f.due_on, f.kind, f.held_on, f.note FROM job_followups f JOIN jobs j ON j.id = f.job_id WHERE j.ended_on IS NULL
