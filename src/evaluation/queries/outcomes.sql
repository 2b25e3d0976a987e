-- The configurable list of placement outcomes, in its order.
SELECT code, label, outcome_group FROM placement_outcomes ORDER BY sort, id
