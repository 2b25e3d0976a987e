-- $1 code.
SELECT id FROM intervention_types WHERE code = $1
