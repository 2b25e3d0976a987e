-- The same filters as manage_list.sql, without paging.
SELECT COUNT(*)
FROM catalogue_items i
WHERE (CAST($1 AS BIGINT) = 0 OR i.enterprise_id = $1)
  AND (CAST($2 AS TEXT) = '' OR i.status = $2)
