-- $1 placement.
SELECT id, held_on, kind, note FROM placement_followups WHERE placement_id = $1 ORDER BY held_on, id
