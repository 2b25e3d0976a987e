UPDATE users SET disabled = $1, updated_at = $2 WHERE id = $3
