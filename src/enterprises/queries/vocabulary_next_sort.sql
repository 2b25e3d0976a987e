SELECT COALESCE(MAX(sort), 0) + 10 FROM vocabulary WHERE kind = $1
