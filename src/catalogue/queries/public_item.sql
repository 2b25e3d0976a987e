-- One public item ($1 id): published, of a social enterprise or initiative that is not closed.
SELECT i.id, i.enterprise_id, e.name, i.title, i.description, i.category, COALESCE(v.label, i.category), i.price_oere,
       i.unit, i.delivery_area, i.status, i.published_at, i.created_at, i.updated_at, e.municipality
FROM catalogue_items i
JOIN enterprises e ON e.id = i.enterprise_id
LEFT JOIN vocabulary v ON v.kind = 'catalogue_category' AND v.code = i.category
WHERE i.id = $1
  AND i.status = 'published' AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
