-- Session columns, then the user's columns in the order of accounts::detail::user_from_row.
SELECT s.id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
       u.id, u.username, u.display_name, u.role, u.enterprise_id, u.disabled, u.must_change_password,
       u.created_at, u.updated_at, u.password_changed_at
FROM sessions s
JOIN users u ON u.id = s.user_id
WHERE s.token_hash = $1
