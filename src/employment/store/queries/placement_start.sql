-- $1 id, $2 start, $3 planned end (or NULL), $4 now.
UPDATE placements SET status = 'active', start_date = $2, planned_end = $3, updated_at = $4 WHERE id = $1
