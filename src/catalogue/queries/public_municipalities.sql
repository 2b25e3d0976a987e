-- Municipalities with at least one public item.
SELECT DISTINCT e.municipality
FROM catalogue_items i JOIN enterprises e ON e.id = i.enterprise_id
WHERE i.status = 'published' AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
ORDER BY e.municipality
