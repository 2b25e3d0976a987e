-- $1 code, $2 name, $3 legal basis, $4 description, $5 valid from, $6 valid to (or NULL), $7 now.
INSERT INTO intervention_types (code, name, legal_basis, description, valid_from, valid_to, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
RETURNING id
