SELECT id, kind, code, label, active, sort FROM vocabulary WHERE id = $1
