-- The images of an item ($1) in display order.
SELECT id, item_id, file_name, thumb_name, content_type, width, height, bytes, alt_text, position
FROM catalogue_item_images WHERE item_id = $1 ORDER BY position, id
