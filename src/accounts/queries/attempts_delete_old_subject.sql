DELETE FROM login_attempts WHERE kind = $1 AND subject = $2 AND at < $3
