-- The registry's enterprise (read-only): id, name.
SELECT id, name FROM enterprises WHERE id = $1
