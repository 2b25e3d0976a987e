SELECT id, active FROM vocabulary WHERE kind = $1 AND code = $2
