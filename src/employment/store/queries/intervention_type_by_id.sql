-- $1 id.
SELECT id, code, name, legal_basis, description, valid_from, valid_to FROM intervention_types WHERE id = $1
