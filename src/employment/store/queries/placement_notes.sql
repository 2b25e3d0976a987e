-- $1 placement.
SELECT id, noted_on, text, author_role FROM placement_notes WHERE placement_id = $1 ORDER BY noted_on, id
