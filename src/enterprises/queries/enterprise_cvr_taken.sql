SELECT COUNT(*) FROM enterprises WHERE cvr = $1 AND id <> $2
