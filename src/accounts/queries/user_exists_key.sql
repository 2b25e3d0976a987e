SELECT id FROM users WHERE username_key = $1
