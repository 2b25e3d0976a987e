-- Demo loader: an enterprise of the registry by exact name.
SELECT id FROM enterprises WHERE name = $1 ORDER BY id LIMIT 1
