-- The image whose original ($1) or thumbnail ($1) file has this name, with the item's owner and
-- whether the item is public (published, of a social enterprise or initiative that is not closed).
SELECT m.file_name, m.thumb_name, m.content_type, i.enterprise_id,
       CASE WHEN i.status = 'published' AND e.kind IN ('social_enterprise', 'initiative') AND e.status <> 'closed'
            THEN 1 ELSE 0 END
FROM catalogue_item_images m
JOIN catalogue_items i ON i.id = m.item_id
JOIN enterprises e ON e.id = i.enterprise_id
WHERE m.file_name = $1 OR m.thumb_name = $1
