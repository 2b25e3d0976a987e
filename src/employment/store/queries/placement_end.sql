-- $1 id, $2 end date, $3 outcome, $4 note, $5 now.
UPDATE placements SET status = 'ended', end_date = $2, outcome_id = $3, outcome_note = $4, updated_at = $5 WHERE id = $1
