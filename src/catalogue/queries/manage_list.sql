-- Items for management. $1 enterprise id (0 = all), $2 status ('' = all), $3 limit, $4 offset.
SELECT i.id, i.enterprise_id, e.name, i.title, i.description, i.category, COALESCE(v.label, i.category), i.price_oere,
       i.unit, i.delivery_area, i.status, i.published_at, i.created_at, i.updated_at, e.municipality
FROM catalogue_items i
JOIN enterprises e ON e.id = i.enterprise_id
LEFT JOIN vocabulary v ON v.kind = 'catalogue_category' AND v.code = i.category
WHERE (CAST($1 AS BIGINT) = 0 OR i.enterprise_id = $1)
  AND (CAST($2 AS TEXT) = '' OR i.status = $2)
ORDER BY e.name_key, i.title_key, i.id
LIMIT $3 OFFSET $4
