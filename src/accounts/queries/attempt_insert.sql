INSERT INTO login_attempts (kind, subject, at, success) VALUES ($1, $2, $3, $4)
