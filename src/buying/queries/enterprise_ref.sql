-- The registry's enterprise (read-only): id, name, kind.
SELECT id, name, kind FROM enterprises WHERE id = $1
