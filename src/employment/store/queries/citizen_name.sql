-- $1 id.
SELECT name FROM citizens WHERE id = $1
