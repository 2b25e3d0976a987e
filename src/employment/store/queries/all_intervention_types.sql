SELECT id, code, name, valid_from, valid_to FROM intervention_types ORDER BY id
