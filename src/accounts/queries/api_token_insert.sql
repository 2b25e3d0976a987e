INSERT INTO api_tokens (name, token_hash, prefix, role, enterprise_id, created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7)
RETURNING id
