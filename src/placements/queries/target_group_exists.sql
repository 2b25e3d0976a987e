-- $1 code.
SELECT code FROM vocabulary WHERE kind = 'target_group' AND code = $1
