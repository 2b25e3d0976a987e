SELECT at, success FROM login_attempts
WHERE kind = 'user' AND subject = $1 AND at >= $2
ORDER BY at DESC, id DESC
LIMIT $3
