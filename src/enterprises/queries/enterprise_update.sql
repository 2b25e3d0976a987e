UPDATE enterprises
SET name = $2, name_key = $3, cvr = $4, legal_form = $5, kind = $6, municipality = $7, address = $8, purpose = $9,
    description = $10, plans = $11, website = $12, employees = $13, fte_tenths = $14, updated_at = $15,
    updated_by = $16
WHERE id = $1
