-- $1 id.
DELETE FROM goals WHERE id = $1
