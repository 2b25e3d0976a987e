-- Registry organisations that grants can be registered for (read-only); $1 = 0 for all.
SELECT id, name FROM enterprises WHERE ($1 = 0 OR id = $1) ORDER BY name_key, id
