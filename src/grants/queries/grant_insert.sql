-- $1 enterprise, $2 year, $3 amount (øre), $4 approximate 0/1, $5 source, $6 purpose, $7 now,
-- $8 user (or NULL).
INSERT INTO grants (enterprise_id, year, amount_oere, approximate, source, purpose, created_at, created_by, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7)
RETURNING id
