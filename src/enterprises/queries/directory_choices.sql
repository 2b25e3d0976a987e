-- The registry's read API (directory.hpp): a form's enterprise choices, by name. $1 = 1 for
-- social enterprises and initiatives only, $2 one id (0 = all).
SELECT id, name FROM enterprises
WHERE (CAST($1 AS BIGINT) = 0 OR kind IN ('social_enterprise', 'initiative'))
  AND (CAST($2 AS BIGINT) = 0 OR id = $2)
ORDER BY name_key, id
