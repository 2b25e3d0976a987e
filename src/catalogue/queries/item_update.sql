UPDATE catalogue_items
SET enterprise_id = $2, title = $3, title_key = $4, description = $5, category = $6, price_oere = $7, unit = $8,
    delivery_area = $9, description_key = $10, updated_at = $11, updated_by = $12
WHERE id = $1
