-- $1 id, $2 label, $3 is_fleksjob, $4 sort, $5 active.
UPDATE job_kinds SET label = $2, is_fleksjob = $3, sort = $4, active = $5 WHERE id = $1
