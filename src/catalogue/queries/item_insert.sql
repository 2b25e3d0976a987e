INSERT INTO catalogue_items (enterprise_id, title, title_key, description, category, price_oere, unit, delivery_area,
                             description_key, status, created_at, updated_at, created_by, updated_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', $10, $10, $11, $11)
RETURNING id
