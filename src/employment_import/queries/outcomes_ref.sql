SELECT id, code, label, active FROM placement_outcomes ORDER BY sort, id
