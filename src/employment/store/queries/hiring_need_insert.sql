-- $1 enterprise, $2 title, $3 tasks, $4 expected on, $5 positions, $6 user, $7 now.
INSERT INTO hiring_needs (enterprise_id, title, tasks, expected_on, positions, status, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7)
RETURNING id
