INSERT INTO enterprises (name, name_key, cvr, legal_form, kind, municipality, address, purpose, description, plans,
                         website, employees, fte_tenths, status, status_since, created_at, updated_at, created_by,
                         updated_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $17)
RETURNING id
