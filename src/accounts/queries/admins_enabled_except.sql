SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0 AND id <> $1
