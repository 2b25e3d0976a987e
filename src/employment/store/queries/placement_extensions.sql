-- $1 placement.
SELECT id, decided_on, weeks, new_end, reason FROM placement_extensions WHERE placement_id = $1 ORDER BY decided_on, id
