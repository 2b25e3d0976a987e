-- Active entries of one vocabulary kind ($1), by sort order and label.
SELECT code, label FROM vocabulary WHERE kind = $1 AND active = 1 ORDER BY sort, label
