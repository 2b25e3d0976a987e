-- Intervention types, by name.
SELECT id, code, name, legal_basis, description, valid_from, valid_to FROM intervention_types ORDER BY name, id
