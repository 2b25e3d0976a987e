-- One image ($1 id) with its item's enterprise.
SELECT m.id, m.item_id, m.file_name, m.thumb_name, m.content_type, m.width, m.height, m.bytes, m.alt_text,
       m.position, i.enterprise_id
FROM catalogue_item_images m JOIN catalogue_items i ON i.id = m.item_id
WHERE m.id = $1
