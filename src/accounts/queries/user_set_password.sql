UPDATE users SET password_hash = $1, must_change_password = $2, password_changed_at = $3, updated_at = $4
WHERE id = $5
