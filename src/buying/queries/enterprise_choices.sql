-- Social enterprises and initiatives that agreements and purchases can name (read-only).
SELECT id, name FROM enterprises
WHERE kind IN ('social_enterprise', 'initiative')
ORDER BY name_key, id
