-- $1 id, $2 intervention type, $3 weekly hours (or NULL), $4 now.
UPDATE placements SET intervention_type_id = $2, weekly_hours = $3, updated_at = $4 WHERE id = $1
