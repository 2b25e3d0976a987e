-- $1 id.
SELECT id, code, label, outcome_group, sort, active FROM placement_outcomes WHERE id = $1
