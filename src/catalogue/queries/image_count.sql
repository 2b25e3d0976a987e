-- Number of images of an item ($1) and the next position.
SELECT COUNT(*), COALESCE(MAX(position), 0) + 1 FROM catalogue_item_images WHERE item_id = $1
