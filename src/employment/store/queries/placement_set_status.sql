-- $1 id, $2 status, $3 now.
UPDATE placements SET status = $2, updated_at = $3 WHERE id = $1
