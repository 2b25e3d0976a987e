-- Enterprises that may offer items (social enterprises and initiatives), $1 only this id (0 = all).
SELECT e.id, e.name FROM enterprises e
WHERE e.kind IN ('social_enterprise', 'initiative') AND (CAST($1 AS BIGINT) = 0 OR e.id = $1)
ORDER BY e.name_key, e.id
