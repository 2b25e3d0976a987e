SELECT id, name, prefix, role, enterprise_id, created_by, created_at, last_used_at, revoked_at
FROM api_tokens
ORDER BY id DESC
