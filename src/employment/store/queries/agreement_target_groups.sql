-- $1 agreement.
SELECT code FROM agreement_target_groups WHERE agreement_id = $1 ORDER BY code
