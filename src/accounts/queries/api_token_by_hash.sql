SELECT id, name, role, enterprise_id, last_used_at, revoked_at FROM api_tokens WHERE token_hash = $1
