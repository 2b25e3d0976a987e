-- Every organisation of the registry, for the participant picker (read-only).
SELECT id, name FROM enterprises ORDER BY name_key, id
