INSERT INTO users (username, username_key, display_name, role, enterprise_id, password_hash, disabled,
                   must_change_password, created_at, updated_at, password_changed_at)
VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9, $10)
RETURNING id
