-- $1 agreement, $2 code.
INSERT INTO agreement_target_groups (agreement_id, code) VALUES ($1, $2)
