INSERT INTO matching_weights (key, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)
