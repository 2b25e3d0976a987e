DELETE FROM login_attempts WHERE at < $1
