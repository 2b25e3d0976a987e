UPDATE users SET role = $1, enterprise_id = $2, updated_at = $3 WHERE id = $4
