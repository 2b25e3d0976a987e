-- $1 code, $2 label, $3 is_fleksjob, $4 sort, $5 active.
INSERT INTO job_kinds (code, label, is_fleksjob, sort, active) VALUES ($1, $2, $3, $4, $5) RETURNING id
