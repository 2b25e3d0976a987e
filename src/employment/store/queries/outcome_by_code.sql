-- $1 code.
SELECT id FROM placement_outcomes WHERE code = $1
