-- Enterprises a job can be at (read-only), by name.
SELECT id, name FROM enterprises ORDER BY name_key, id
