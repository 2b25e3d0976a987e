-- The registry's read API (directory.hpp): every enterprise, by name. $1 = 1 for social
-- enterprises and initiatives only, $2 a municipality ('' = all).
SELECT id, name, kind, employees, COALESCE(cvr, ''), municipality FROM enterprises
WHERE (CAST($1 AS BIGINT) = 0 OR kind IN ('social_enterprise', 'initiative'))
  AND (CAST($2 AS TEXT) = '' OR municipality = $2)
ORDER BY name_key, id
