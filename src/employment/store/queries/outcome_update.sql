-- $1 id, $2 label, $3 group, $4 sort.
UPDATE placement_outcomes SET label = $2, outcome_group = $3, sort = $4 WHERE id = $1
