SELECT at FROM login_attempts
WHERE kind = 'ip' AND subject = $1 AND success = 0 AND at > $2
ORDER BY at DESC, id DESC
LIMIT $3
