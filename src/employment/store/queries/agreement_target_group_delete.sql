-- $1 agreement.
DELETE FROM agreement_target_groups WHERE agreement_id = $1
