-- Columns in the order of accounts::detail::user_from_row, then the password hash.
SELECT id, username, display_name, role, enterprise_id, disabled, must_change_password, created_at, updated_at, password_changed_at, password_hash
FROM users
WHERE username_key = $1
