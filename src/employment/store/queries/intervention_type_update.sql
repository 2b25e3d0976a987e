-- $1 id, $2 name, $3 legal basis, $4 description, $5 valid from, $6 valid to (or NULL), $7 now.
UPDATE intervention_types SET name = $2, legal_basis = $3, description = $4, valid_from = $5, valid_to = $6, updated_at = $7
WHERE id = $1
