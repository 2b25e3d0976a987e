SELECT name FROM enterprises WHERE id = $1
