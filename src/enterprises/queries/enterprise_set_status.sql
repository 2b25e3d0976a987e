UPDATE enterprises SET status = $2, status_since = $3 WHERE id = $1
