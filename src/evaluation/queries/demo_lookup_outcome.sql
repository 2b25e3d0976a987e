SELECT id FROM placement_outcomes WHERE code = $1
