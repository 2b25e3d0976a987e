UPDATE api_tokens SET last_used_at = $1 WHERE id = $2
