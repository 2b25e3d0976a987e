-- Read-only join on the registry. $1 id.
SELECT id, name, employees FROM enterprises WHERE id = $1
