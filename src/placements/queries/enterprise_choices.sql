-- Read-only join on the registry: every enterprise, by name.
SELECT id, name FROM enterprises ORDER BY name, id
