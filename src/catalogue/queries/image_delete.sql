DELETE FROM catalogue_item_images WHERE id = $1
