INSERT INTO vocabulary (kind, code, label, active, sort) VALUES ($1, $2, $3, 1, $4) RETURNING id
