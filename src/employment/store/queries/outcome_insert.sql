-- $1 code, $2 label, $3 group, $4 sort.
INSERT INTO placement_outcomes (code, label, outcome_group, sort, active) VALUES ($1, $2, $3, $4, 1)
RETURNING id
