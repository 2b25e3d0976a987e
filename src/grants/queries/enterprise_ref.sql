SELECT id, name FROM enterprises WHERE id = $1
