-- $1 id, $2 planned end, $3 now.
UPDATE placements SET planned_end = $2, updated_at = $3 WHERE id = $1
