-- A new image row; returns its id.
INSERT INTO catalogue_item_images (item_id, file_name, thumb_name, content_type, width, height, bytes, alt_text,
                                   position, created_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING id
