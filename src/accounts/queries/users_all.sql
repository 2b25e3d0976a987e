SELECT id, username, display_name, role, enterprise_id, disabled, must_change_password, created_at, updated_at, password_changed_at
FROM users
ORDER BY username_key, id
